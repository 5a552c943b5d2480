import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import NeedsSurveyForm, { type NeedsSurveyInput } from '../src/components/NeedsSurveyForm.vue'
import { ApiError } from '../src/api/http'
import { fieldError, settle, type FormVm } from './helpers'

const categories = [
  { code: 'EMPTY_NEST_ELDERLY', name: '空巢老人关爱', stationPoint: null, retired: false },
  { code: 'FAMILY_EDUCATION', name: '家庭教育知识', stationPoint: null, retired: false },
  { code: 'OLD', name: '已停用类别', stationPoint: null, retired: true },
]

function mountForm(save: (input: NeedsSurveyInput) => Promise<void> = vi.fn().mockResolvedValue(undefined)) {
  return mount(NeedsSurveyForm, {
    props: { categories, save, today: () => '2026-11-20' },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
}

describe('NeedsSurveyForm', () => {
  it('offers the active need categories only, each with a count', () => {
    const wrapper = mountForm()
    expect(wrapper.findAll('.need-name').map((n) => n.text())).toEqual(['空巢老人关爱', '家庭教育知识'])
  })

  it('needs at least one need named, by no more people than were asked', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '各类需求人数')).toBe('请至少填写一类需求')
    Object.assign(vm.form, { respondentCount: 3, needs: { EMPTY_NEST_ELDERLY: 4, FAMILY_EDUCATION: 0 } })
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '各类需求人数')).toBe('提出某类需求的人数不能超过调查人数')
    expect(save).not.toHaveBeenCalled()
  })

  it('refuses a survey day after today', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, { surveyedOn: '2026-11-21', needs: { EMPTY_NEST_ELDERLY: 1 } })
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '调查日期')).toBe('调查日期不能晚于今天')
    expect(save).not.toHaveBeenCalled()
  })

  it('sends the named needs only, with their counts', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, { channel: 'FIELD_RESEARCH', respondentCount: 12, needs: { EMPTY_NEST_ELDERLY: 7, FAMILY_EDUCATION: 0 }, freeText: ' 走访 ' })
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({
      surveyedOn: '2026-11-20', channel: 'FIELD_RESEARCH', respondentCount: 12,
      needs: [{ categoryCode: 'EMPTY_NEST_ELDERLY', count: 7 }], freeText: '走访',
    })
  })

  it('shows a refusal about one need (needs[0].count) on the needs, and one about the day on the day', async () => {
    const save = vi.fn()
      .mockRejectedValueOnce(new ApiError({ status: 400, code: 'NEED_COUNT_ABOVE_RESPONDENTS', field: 'needs[0].count', detail: '提出该类需求的人数（9）超过了调研人数（5）' }))
      .mockRejectedValueOnce(new ApiError({ status: 400, code: 'SURVEY_DATE_IN_FUTURE', field: 'surveyedOn', detail: '调研日期 2026-11-20 在将来，不能记录尚未进行的调研' }))
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, { respondentCount: 5, needs: { EMPTY_NEST_ELDERLY: 2 } })
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '各类需求人数')).toBe('提出该类需求的人数（9）超过了调研人数（5）')
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '调查日期')).toBe('调研日期 2026-11-20 在将来，不能记录尚未进行的调研')
  })
})
