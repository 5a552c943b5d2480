import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ReferralForm, { type ReferralInput } from '../src/components/ReferralForm.vue'
import { ApiError } from '../src/api/http'
import { fieldError, settle, type FormVm } from './helpers'

function mountForm(save: (input: ReferralInput) => Promise<void> = vi.fn().mockResolvedValue(undefined)) {
  return mount(ReferralForm, { props: { save }, global: { plugins: [ElementPlus] }, attachTo: document.body })
}

const valid = { centre: 'RIGHTS_SERVICE_CENTRE', category: 'LEGAL_AID', summary: ' 当事人需要法律援助 ', consentGiven: true, consentMethod: 'VERBAL' }

describe('ReferralForm', () => {
  it('offers the categories of the chosen centre, and clears one the new centre does not take', async () => {
    const wrapper = mountForm()
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, { centre: 'RIGHTS_SERVICE_CENTRE', category: 'LEGAL_AID' })
    await flushPromises()
    const options = (wrapper.vm as unknown as { $: { setupState: { categoryOptions: { value: string }[] } } }).$.setupState.categoryOptions
    expect(options.map((o) => o.value)).toEqual(['LEGAL_AID', 'PSYCHOLOGICAL_SUPPORT', 'DOMESTIC_VIOLENCE_PROTECTION'])
    vm.form.centre = 'DOMESTIC_SERVICE_CENTRE'
    await flushPromises()
    expect(vm.form.category).toBe('')
  })

  it('is not sent without the consent of the person', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, { ...valid, consentGiven: false })
    await vm.submit()
    await settle()
    expect(wrapper.text()).toContain('转介须经当事人同意')
    expect(save).not.toHaveBeenCalled()
  })

  it('needs a centre, a category and a summary', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    await (wrapper.vm as unknown as FormVm).submit()
    await settle()
    expect(fieldError(wrapper, '受理中心')).toBe('必填')
    expect(fieldError(wrapper, '转介类别')).toBe('必填')
    expect(fieldError(wrapper, '案情摘要')).toBe('必填')
    expect(save).not.toHaveBeenCalled()
  })

  it('sends the referral with the consent, the summary trimmed', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, valid)
    await flushPromises()
    vm.form.category = 'LEGAL_AID'
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ ...valid, summary: '当事人需要法律援助' })
  })

  it('shows the server refusal of the category on that field, and a station not open above the form', async () => {
    const save = vi.fn()
      .mockRejectedValueOnce(new ApiError({ status: 400, code: 'CATEGORY_NOT_OFFERED_BY_CENTRE', field: 'category', detail: '转介类别“法律援助”由妇女维权服务中心受理，不由巾帼家政服务中心受理' }))
      .mockRejectedValueOnce(new ApiError({ status: 422, code: 'STATION_NOT_OPEN', detail: '只有开放中的家庭驿站才能转介个案' }))
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, valid)
    await flushPromises()
    vm.form.category = 'LEGAL_AID'
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '转介类别')).toBe('转介类别“法律援助”由妇女维权服务中心受理，不由巾帼家政服务中心受理')
    await vm.submit()
    await settle()
    expect(wrapper.find('[role="alert"]').text()).toContain('只有开放中的家庭驿站才能转介个案')
  })
})
