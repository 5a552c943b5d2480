import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ExpenditureForm, { type ExpenditureInput } from '../src/components/ExpenditureForm.vue'
import { ApiError } from '../src/api/http'
import { amountProblem } from '../src/money'

const allocations = [
  { allocationId: 'a1', stationName: '玄武区梅园家庭驿站', projectName: null, remainingFen: 123456 },
  { allocationId: 'a2', stationName: null, projectName: '家政', remainingFen: 1000 },
]
const SPENT_AT = new Date('2026-11-20T01:30:00Z')

function mountForm(save: (input: ExpenditureInput) => Promise<void>, allocationId?: string) {
  return mount(ExpenditureForm, { props: { allocations, allocationId, save }, global: { plugins: [ElementPlus] }, attachTo: document.body })
}

async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 200))
  await flushPromises()
}

type Form = { form: Record<string, unknown>; submit: () => Promise<void> }

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T00:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('amountProblem', () => {
  it('tells an invalid, a non-positive and a too large amount apart, as text, never through a float', () => {
    expect(amountProblem('0.29', 29)).toBeNull()
    expect(amountProblem('0.30', 29)).toBe('exceeds')
    expect(amountProblem('1.234')).toBe('invalid')
    expect(amountProblem('')).toBe('invalid')
    expect(amountProblem('-5')).toBe('invalid')
    expect(amountProblem('0.00')).toBe('notPositive')
    expect(amountProblem('99999999999')).toBeNull()
  })
})

describe('ExpenditureForm', () => {
  it('sends the amount typed in yuan as integer fen against the chosen allocation', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const vm = mountForm(save).vm as unknown as Form
    Object.assign(vm.form, { amount: '1234.56', purpose: ' 购置亲子阅读图书 ', spentAt: SPENT_AT, voucherNumber: ' PZ-2026-118 ' })
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ allocationId: 'a1', amountFen: 123456, purpose: '购置亲子阅读图书', spentAt: '2026-11-20T01:30:00.000Z', voucherNumber: 'PZ-2026-118' })
    expect(Number.isInteger(save.mock.calls[0][0].amountFen)).toBe(true)
  })

  it('starts on the allocation it was opened from and leaves out an empty voucher', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const vm = mountForm(save, 'a2').vm as unknown as Form
    Object.assign(vm.form, { amount: '0.29', purpose: '保洁用品', spentAt: SPENT_AT })
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ allocationId: 'a2', amountFen: 29, voucherNumber: undefined }))
  })

  it('refuses more than the allocation has left, a bad amount, no purpose and a time in the future', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save, 'a2')
    const vm = wrapper.vm as unknown as Form
    for (const [amount, message] of [['10.01', '超出拨付结余'], ['1.234', '请输入正确的金额'], ['0', '金额必须大于 0']]) {
      Object.assign(vm.form, { amount, purpose: '保洁用品', spentAt: SPENT_AT })
      await vm.submit()
      await settle()
      expect(wrapper.text()).toContain(message)
    }
    Object.assign(vm.form, { amount: '1', purpose: '  ', spentAt: new Date('2026-12-02T00:00:00Z') })
    await vm.submit()
    await settle()
    expect(wrapper.text()).toContain('必填')
    expect(wrapper.text()).toContain('支出时间不能晚于现在')
    expect(save).not.toHaveBeenCalled()
  })

  it('shows the server refusal of amountFen on the amount field, and one without a field above the form', async () => {
    const save = vi.fn().mockRejectedValueOnce(new ApiError({ status: 422, code: 'EXPENDITURE_EXCEEDS_ALLOCATION', field: 'amountFen', detail: '支出金额超过该分配的剩余金额' }))
      .mockRejectedValueOnce(new ApiError({ status: 409, code: 'ALLOCATION_RELEASED', detail: '该分配已结余退回' }))
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    Object.assign(vm.form, { amount: '10', purpose: '场地租金', spentAt: SPENT_AT })
    await vm.submit()
    await settle()
    const item = wrapper.findAll('.el-form-item').find((i) => i.text().includes('金额（元）'))
    expect(item?.find('.el-form-item__error').text()).toBe('支出金额超过该分配的剩余金额')
    await vm.submit()
    await settle()
    expect(wrapper.find('[role=alert]').text()).toContain('该分配已结余退回')
  })
})
