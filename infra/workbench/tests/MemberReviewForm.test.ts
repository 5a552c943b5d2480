import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import MemberReviewForm, { type ReviewInput } from '../src/components/MemberReviewForm.vue'
import { ApiError } from '../src/api/http'

function mountForm(save: (input: ReviewInput) => Promise<void> = vi.fn().mockResolvedValue(undefined)) {
  return mount(MemberReviewForm, { props: { save }, global: { plugins: [ElementPlus] }, attachTo: document.body })
}

async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 200))
  await flushPromises()
}

type Form = { form: Record<string, unknown>; submit: () => Promise<void> }

describe('MemberReviewForm', () => {
  it('needs a decision', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    await (wrapper.vm as unknown as Form).submit()
    await settle()
    expect(wrapper.text()).toContain('必填')
    expect(save).not.toHaveBeenCalled()
  })

  it('approves without notes', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const vm = mountForm(save).vm as unknown as Form
    vm.form.decision = 'APPROVE'
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ decision: 'APPROVE', notes: undefined })
  })

  it('rejects only with notes, which say why', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    Object.assign(vm.form, { decision: 'REJECT', notes: '   ' })
    await vm.submit()
    await settle()
    expect(wrapper.text()).toContain('不通过时须填写审核意见')
    expect(save).not.toHaveBeenCalled()
    vm.form.notes = ' 资质证明不全 '
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ decision: 'REJECT', notes: '资质证明不全' })
  })

  it('shows the server refusal on the field it names', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError({ status: 422, code: 'REJECTION_REASON_REQUIRED', field: 'notes', detail: '请填写不通过的原因' }))
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    Object.assign(vm.form, { decision: 'REJECT', notes: '理由' })
    await vm.submit()
    await settle()
    expect(wrapper.find('.el-form-item__error').text()).toBe('请填写不通过的原因')
  })
})
