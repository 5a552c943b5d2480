import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ServiceCorrectionForm, { type CorrectionInput } from '../src/components/ServiceCorrectionForm.vue'
import { ApiError } from '../src/api/http'
import type { ServiceRecord } from '../src/api/types'
import { fieldError, settle, type FormVm } from './helpers'

const record: ServiceRecord = {
  serviceRecordId: 'r1', stationId: 's1', stationName: '梅园家庭驿站', district: '玄武区', stationPoint: 'CONVENIENCE',
  stationPointLabel: '便民驿站', projectCode: 'HOUSEKEEPING', projectName: '家政', providerKind: 'SOCIAL_WORKER',
  providerMemberId: null, providerName: '王芳', deliveredAt: '2026-11-19T02:00:00Z', participantCount: 3,
  description: '上门家政服务', outcome: null, satisfaction: 4, feedback: null, recordedAt: '2026-11-19T03:00:00Z',
  correctionCount: 0, voided: false, voidReason: null,
}

function mountForm(save: (input: CorrectionInput) => Promise<void> = vi.fn().mockResolvedValue(undefined)) {
  return mount(ServiceCorrectionForm, { props: { record, save }, global: { plugins: [ElementPlus] }, attachTo: document.body })
}

describe('ServiceCorrectionForm', () => {
  it('opens with the record\'s current values', () => {
    const vm = mountForm().vm as unknown as FormVm
    expect(vm.form).toMatchObject({ participantCount: 3, description: '上门家政服务', outcome: '', satisfaction: 4, reason: '' })
  })

  it('needs a reason, and a change', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '更正原因')).toBe('必填')
    vm.form.reason = '人数登记错误'
    await vm.submit()
    await settle()
    expect(wrapper.find('[role="alert"]').text()).toContain('更正内容与现有记录相同')
    expect(save).not.toHaveBeenCalled()
  })

  it('sends only what changed, with the reason', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, { participantCount: 5, reason: ' 人数登记错误 ' })
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ changes: { participantCount: 5 }, reason: '人数登记错误' })
  })

  it('shows the server refusal on the field it names', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError({ status: 400, code: 'PARTICIPANTS_INVALID', field: 'participantCount', detail: '服务人数为 1 到 100000（收到：0）' }))
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, { participantCount: 7, reason: '人数登记错误' })
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '服务人数')).toBe('服务人数为 1 到 100000（收到：0）')
  })
})
