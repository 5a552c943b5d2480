import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import ChangePasswordView from '../src/views/ChangePasswordView.vue'
import { ApiError } from '../src/api/http'
import { useSession } from '../src/stores/session'

const push = vi.fn()
vi.mock('vue-router', () => ({ useRouter: () => ({ push }) }))

async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 200))
  await flushPromises()
}

type View = { form: Record<string, string>; submit: () => Promise<void> }

function mountView() {
  const wrapper = mount(ChangePasswordView, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  return { wrapper, vm: (wrapper.vm as unknown as { $: { setupState: View } }).$.setupState }
}

describe('ChangePasswordView', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    push.mockReset()
  })

  it('refuses two different new passwords without asking the server', async () => {
    const session = useSession()
    const change = vi.spyOn(session, 'changePassword').mockResolvedValue()
    const { wrapper, vm } = mountView()
    Object.assign(vm.form, { currentPassword: 'old', newPassword: 'Neues-Passwort-2026', confirm: 'Neues-Passwort-2025' })
    await vm.submit()
    await settle()
    expect(change).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('两次输入的新密码不一致')
  })

  it('shows a wrong current password on that field, and goes home once the change is accepted', async () => {
    const session = useSession()
    const change = vi.spyOn(session, 'changePassword')
      .mockRejectedValueOnce(new ApiError({ status: 401, code: 'BAD_CREDENTIALS', detail: '用户名或密码错误' }))
      .mockResolvedValueOnce()
    const { wrapper, vm } = mountView()
    Object.assign(vm.form, { currentPassword: 'wrong', newPassword: 'Neues-Passwort-2026', confirm: 'Neues-Passwort-2026' })
    await vm.submit()
    await settle()
    const item = wrapper.findAll('.el-form-item').find((i) => i.text().includes('当前密码'))
    expect(item?.find('.el-form-item__error').text()).toBe('用户名或密码错误')
    expect(push).not.toHaveBeenCalled()

    vm.form.currentPassword = 'right'
    await vm.submit()
    await settle()
    expect(change).toHaveBeenLastCalledWith('right', 'Neues-Passwort-2026')
    expect(push).toHaveBeenCalledWith('/')
  })
})
