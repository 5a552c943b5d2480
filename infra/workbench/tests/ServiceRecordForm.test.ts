import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ServiceRecordForm from '../src/components/ServiceRecordForm.vue'
import { ApiError } from '../src/api/http'
import type { ServiceInput } from '../src/api/types'

// Mounting Element Plus forms takes seconds on a busy build machine.
vi.setConfig({ testTimeout: 20_000 })

const NOW = new Date('2026-11-20T08:00:00Z')
const projects = [
  { code: 'HOUSEKEEPING', name: '家政', stationPoint: 'CONVENIENCE', retired: false },
  { code: 'DELIVERY', name: '配送', stationPoint: 'CONVENIENCE', retired: false },
  { code: 'PSYCHOLOGICAL_COUNSELLING', name: '心理咨询', stationPoint: 'EMOTIONAL', retired: false },
  { code: 'OLD', name: '旧项目', stationPoint: 'EMOTIONAL', retired: true },
]
const offerings = [
  { offeringId: 'o1', memberId: 'm1', organisationName: '乐斯家政', projectCode: 'HOUSEKEEPING', projectName: '家政', active: true },
  { offeringId: 'o2', memberId: 'm2', organisationName: '一家人物业保洁', projectCode: 'DELIVERY', projectName: '配送', active: true },
  { offeringId: 'o3', memberId: 'm3', organisationName: '已撤回的成员', projectCode: 'HOUSEKEEPING', projectName: '家政', active: false },
]

function mountForm(save: (input: ServiceInput) => Promise<void> = vi.fn().mockResolvedValue(undefined)) {
  return mount(ServiceRecordForm, {
    props: {
      activePoints: ['EMOTIONAL', 'CONVENIENCE'], projects, offerings,
      socialWorkers: [{ socialWorkerId: 'w1', name: '王芳' }],
      volunteers: [{ volunteerId: 'v1', name: '陈志愿', volunteerNumber: 'V-1' }, { volunteerId: 'v2', name: '林志愿', volunteerNumber: 'V-2' }],
      save, now: () => NOW,
    },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
}

// Element Plus shows a field's error after a short debounce.
async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 200))
  await flushPromises()
}

type Form = {
  form: Record<string, unknown>
  submit: () => Promise<void>
}

function fillValid(vm: Form) {
  Object.assign(vm.form, {
    stationPoint: 'CONVENIENCE', projectCode: 'HOUSEKEEPING', providerKind: 'SOCIAL_WORKER', socialWorkerIds: ['w1'],
    deliveredAt: new Date('2026-11-19T02:00:00Z'), participantCount: 3, description: '上门家政服务', satisfaction: 5,
  })
}

describe('ServiceRecordForm', () => {
  it('offers only the active station points, and the projects of the chosen point', async () => {
    const wrapper = mountForm()
    const vm = wrapper.vm as unknown as Form & { $nextTick: () => Promise<void> }
    expect(wrapper.findAll('.el-radio-button').map((b) => b.text())).toEqual(['情感驿站', '便民驿站'])
    vm.form.stationPoint = 'EMOTIONAL'
    await flushPromises()
    const projectsOf = (wrapper.vm as unknown as { $: { setupState: { projectOptions: { code: string }[] } } }).$.setupState.projectOptions
    expect(projectsOf.map((p) => p.code)).toEqual(['PSYCHOLOGICAL_COUNSELLING'])
  })

  it('clears a project the new station point does not hold, and a member that does not offer the new project', async () => {
    const wrapper = mountForm()
    const vm = wrapper.vm as unknown as Form
    Object.assign(vm.form, { stationPoint: 'CONVENIENCE', projectCode: 'HOUSEKEEPING', providerKind: 'ALLIANCE_MEMBER' })
    await flushPromises()
    const state = (wrapper.vm as unknown as { $: { setupState: { memberOptions: { value: string; label: string }[] } } }).$.setupState
    expect(state.memberOptions).toEqual([{ value: 'm1', label: '乐斯家政' }])
    vm.form.providerMemberId = 'm1'
    vm.form.projectCode = 'DELIVERY'
    await flushPromises()
    expect(vm.form.providerMemberId).toBe('')
    vm.form.stationPoint = 'EMOTIONAL'
    await flushPromises()
    expect(vm.form.projectCode).toBe('')
  })

  it('refuses to send an empty form, naming what is missing', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    await (wrapper.vm as unknown as Form).submit()
    await settle()
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.findAll('.el-form-item__error').length).toBeGreaterThanOrEqual(4)
    expect(wrapper.text()).toContain('必填')
  })

  it('refuses a delivery time in the future', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    fillValid(vm)
    vm.form.deliveredAt = new Date(NOW.getTime() + 60_000)
    await vm.submit()
    await settle()
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('服务时间不能晚于现在')
  })

  it('names the volunteers with their minutes, and only the people of the chosen kind', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    fillValid(vm)
    Object.assign(vm.form, { providerKind: 'VOLUNTEERS', volunteerIds: ['v1', 'v2'] })
    await flushPromises()
    ;(vm.form.minutes as Record<string, number>).v2 = 90
    await vm.submit()
    await flushPromises()
    expect(save).toHaveBeenCalledWith(expect.objectContaining({
      providerKind: 'VOLUNTEERS', socialWorkerIds: undefined, staffIds: undefined,
      volunteers: [{ volunteerId: 'v1', minutes: 60 }, { volunteerId: 'v2', minutes: 90 }],
    }))
  })

  it('refuses a service by social workers that names none', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    fillValid(vm)
    vm.form.socialWorkerIds = []
    await vm.submit()
    await settle()
    expect(save).not.toHaveBeenCalled()
  })

  it('sends what the command API expects: an instant, no member for a social worker, blank optionals left out', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    fillValid(vm)
    await vm.submit()
    await flushPromises()
    expect(save).toHaveBeenCalledWith({
      stationPoint: 'CONVENIENCE', projectCode: 'HOUSEKEEPING', providerKind: 'SOCIAL_WORKER', providerMemberId: undefined,
      socialWorkerIds: ['w1'], staffIds: undefined, volunteers: undefined,
      deliveredAt: '2026-11-19T02:00:00.000Z', participantCount: 3, description: '上门家政服务',
      outcome: undefined, satisfaction: 5, feedback: undefined,
    })
  })

  it('shows the server refusal on the field it names, and a refusal without a field above the form', async () => {
    const save = vi.fn()
      .mockRejectedValueOnce(new ApiError({ status: 400, code: 'PARTICIPANTS_INVALID', field: 'participantCount', detail: '服务人数至少为 1（收到：0）' }))
      .mockRejectedValueOnce(new ApiError({ status: 422, code: 'STATION_NOT_OPEN', detail: '服务记录需要一个开放中的家庭驿站' }))
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    fillValid(vm)
    await vm.submit()
    await settle()
    const item = wrapper.findAll('.el-form-item').find((i) => i.text().includes('服务人数'))
    expect(item?.find('.el-form-item__error').text()).toBe('服务人数至少为 1（收到：0）')

    await vm.submit()
    await settle()
    expect(wrapper.find('[role="alert"]').text()).toContain('服务记录需要一个开放中的家庭驿站')
  })
})
