import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import VolunteerHoursForm, { type VolunteerHoursInput } from '../src/components/VolunteerHoursForm.vue'
import { ApiError } from '../src/api/http'
import type { ServiceRecord } from '../src/api/types'
import { fieldError, settle, type FormVm } from './helpers'

const record = (id: string, voided: boolean): ServiceRecord => ({
  serviceRecordId: id, stationId: 's1', stationName: '梅园家庭驿站', district: '玄武区', stationPoint: 'CONVENIENCE',
  stationPointLabel: '便民驿站', projectCode: 'HOUSEKEEPING', projectName: '家政', providerKind: 'SOCIAL_WORKER',
  providerMemberId: null, providerName: '王芳', deliveredAt: '2026-11-19T02:00:00Z', participantCount: 3,
  description: voided ? '作废的记录' : '上门家政服务', outcome: null, satisfaction: 5, feedback: null,
  recordedAt: '2026-11-19T03:00:00Z', correctionCount: 0, voided, voidReason: voided ? '重复' : null,
})
const volunteers = [{ volunteerId: 'v1', name: '李娜', volunteerNumber: 'NJ-001' }]

function mountForm(save: (input: VolunteerHoursInput) => Promise<void> = vi.fn().mockResolvedValue(undefined)) {
  return mount(VolunteerHoursForm, {
    props: { volunteers, records: [record('r1', false), record('r2', true)], save },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
}

describe('VolunteerHoursForm', () => {
  it('offers only the services that stand (not a void one)', () => {
    const wrapper = mountForm()
    const options = (wrapper.vm as unknown as { $: { setupState: { recordOptions: { value: string }[] } } }).$.setupState.recordOptions
    expect(options.map((o) => o.value)).toEqual(['r1'])
  })

  it('needs a volunteer, a service and the minutes (the number box keeps them from 1 to 1440)', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '志愿者')).toBe('必填')
    expect(fieldError(wrapper, '所服务的记录')).toBe('必填')
    Object.assign(vm.form, { volunteerId: 'v1', serviceRecordId: 'r1', minutes: undefined })
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '服务时长')).toBe('必填')
    expect(save).not.toHaveBeenCalled()
    vm.form.minutes = 90
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ volunteerId: 'v1', serviceRecordId: 'r1', minutes: 90 })
  })

  it('shows hours already recorded for the service on the service field', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError({ status: 409, code: 'HOURS_ALREADY_RECORDED', field: 'serviceRecordId', detail: '该志愿者在这条服务记录上的时长已登记过' }))
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as FormVm
    Object.assign(vm.form, { volunteerId: 'v1', serviceRecordId: 'r1', minutes: 60 })
    await vm.submit()
    await settle()
    expect(fieldError(wrapper, '所服务的记录')).toBe('该志愿者在这条服务记录上的时长已登记过')
    // Once the field changes, what the server said about it no longer applies.
    vm.form.serviceRecordId = ''
    await settle()
    expect(fieldError(wrapper, '所服务的记录')).not.toBe('该志愿者在这条服务记录上的时长已登记过')
  })
})
