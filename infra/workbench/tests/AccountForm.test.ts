import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import AccountForm, { type AccountInput } from '../src/components/AccountForm.vue'
import RemoteSelect from '../src/components/RemoteSelect.vue'
import { ApiError } from '../src/api/http'
import { STATION_SEARCH } from '../src/pickers'

const HQ = { unitId: 'hq', name: '南京市妇女儿童活动中心', level: 'OPERATIONS_HQ' }
const asked: string[] = []

beforeEach(() => {
  asked.length = 0
  // The read side: units for the tree, stations for the remote search (which answers what contains `name`).
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    asked.push(url)
    const name = new URL(url, 'http://x').searchParams.get('name')
    const items = url.startsWith('/api/stations')
      ? Array.from({ length: 150 }, (_, i) => ({ stationId: `s${i + 1}`, stationName: `第${i + 1}家庭驿站`, district: '玄武区' }))
        .filter((s) => !name || s.stationName.includes(name)).slice(0, 20)
      : [HQ]
    return new Response(JSON.stringify({ items, page: 0, size: 20, total: items.length }), { status: 200 })
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 200))
  await flushPromises()
}

type Form = { form: Record<string, unknown>; submit: () => Promise<void> }
const mountForm = (save: (input: AccountInput) => Promise<void>, current?: object) =>
  mount(AccountForm, { props: { save, current } as never, global: { plugins: [ElementPlus] }, attachTo: document.body })

describe('AccountForm', () => {
  it('creates an account with a lower-case username, its unit, roles and the centre only for centre staff', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const vm = mountForm(save).vm as unknown as Form
    Object.assign(vm.form, { username: 'Li.Min', displayName: ' 李敏 ', unitId: 'hq', roles: ['CENTRE_STAFF'], centre: 'RIGHTS_SERVICE_CENTRE', initialPassword: 'qin-huai-2026-chun' })
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ username: 'li.min', displayName: '李敏', unitId: 'hq', roles: ['CENTRE_STAFF'], centre: 'RIGHTS_SERVICE_CENTRE', initialPassword: 'qin-huai-2026-chun' })
  })

  it('checks what the server checks before sending', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    Object.assign(vm.form, { username: '1li', displayName: '李敏', unitId: 'hq', roles: [], initialPassword: 'short' })
    await vm.submit()
    await settle()
    expect(wrapper.text()).toContain('以字母开头')
    expect(wrapper.text()).toContain('请至少选择一个角色')
    expect(wrapper.text()).toContain('密码至少 10 个字符')
    Object.assign(vm.form, { username: 'limin', roles: ['CENTRE_STAFF'], initialPassword: 'limin-2026-spring' })
    await vm.submit()
    await settle()
    // The password contains the username; centre staff need their centre.
    expect(wrapper.text()).toContain('不能包含用户名')
    expect(wrapper.findAll('.el-form-item').find((i) => i.text().includes('所属市级中心'))?.text()).toContain('必填')
    expect(save).not.toHaveBeenCalled()
  })

  it('changes only the access of an existing account, and shows the server refusal on the field it names', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError({ status: 422, code: 'OWN_ADMIN_ROLE', field: 'roles', detail: '不能取消自己账号的管理员（ADMIN）角色' }))
    const wrapper = mountForm(save, { unitId: 'hq', unitName: HQ.name, unitLevel: HQ.level, roles: ['ADMIN'], centre: null, username: 'admin2' })
    expect(wrapper.find('input[name=username]').exists()).toBe(false)
    const vm = wrapper.vm as unknown as Form
    vm.form.roles = ['OPERATOR']
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ unitId: 'hq', roles: ['OPERATOR'], centre: undefined })
    const item = wrapper.findAll('.el-form-item').find((i) => i.text().startsWith('角色'))
    expect(item?.find('.el-form-item__error').text()).toBe('不能取消自己账号的管理员（ADMIN）角色')
  })
})

describe('RemoteSelect', () => {
  it('asks the server for what the user types, so an item beyond the first page can be chosen', async () => {
    const picked = vi.fn()
    const chosen = vi.fn()
    const wrapper = mount(RemoteSelect, {
      props: { kind: STATION_SEARCH, query: { status: 'OPEN' }, label: '家庭驿站', modelValue: '', 'onUpdate:modelValue': chosen, onPicked: picked },
      global: { plugins: [ElementPlus] }, attachTo: document.body,
    })
    await settle()
    expect(asked[0]).toBe('/api/stations?status=OPEN&size=20')
    const input = wrapper.find('input')
    await input.setValue('第121')
    // (the select waits for the user to stop typing before it asks)
    await new Promise((resolve) => setTimeout(resolve, 400))
    await settle()
    expect(asked.at(-1)).toBe(`/api/stations?status=OPEN&name=${encodeURIComponent('第121')}&size=20`)
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.includes('第121家庭驿站'))
    expect(option).toBeTruthy()
    ;(option as HTMLElement).click()
    await settle()
    expect(chosen).toHaveBeenCalledWith('s121')
    expect(picked).toHaveBeenCalledWith(expect.objectContaining({ stationId: 's121' }))
  })
})
