import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import FundAllocationForm, { type AllocationInput } from '../src/components/FundAllocationForm.vue'
import { ApiError } from '../src/api/http'
import { formatFen, yuanToFen } from '../src/money'

const projects = [{ code: 'HOUSEKEEPING', name: '家政', stationPoint: 'CONVENIENCE', retired: false }]

function mountForm(save: (input: AllocationInput) => Promise<void> = vi.fn().mockResolvedValue(undefined)) {
  return mount(FundAllocationForm, {
    props: { unallocatedFen: 500000, projects, save },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
}

async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 200))
  await flushPromises()
}

type Form = { form: Record<string, unknown>; submit: () => Promise<void> }

describe('yuanToFen and formatFen', () => {
  it('convert as text, never through a float', () => {
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen('1234.5')).toBe(123450)
    expect(yuanToFen('12')).toBe(1200)
    expect(yuanToFen('1.234')).toBeNull()
    expect(yuanToFen('-1')).toBeNull()
    expect(yuanToFen('abc')).toBeNull()
    expect(formatFen(123450)).toBe('¥1,234.50')
    expect(formatFen(29)).toBe('¥0.29')
  })
})

describe('FundAllocationForm', () => {
  it('sends the amount in integer fen to the chosen station', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    Object.assign(vm.form, { target: 'STATION', stationId: 's1', amount: '1234.56', note: ' 场地改造 ' })
    await vm.submit()
    await settle()
    expect(save).toHaveBeenCalledWith({ stationId: 's1', projectCode: undefined, amountFen: 123456, note: '场地改造' })
    expect(Number.isInteger(save.mock.calls[0][0].amountFen)).toBe(true)
  })

  it('refuses an amount with more than two decimals, zero, or more than the fund has unallocated', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    for (const [amount, message] of [['1.234', '请输入正确的金额'], ['0', '金额必须大于 0'], ['5000.01', '超出可拨付余额']]) {
      Object.assign(vm.form, { target: 'PROJECT', projectCode: 'HOUSEKEEPING', amount })
      await vm.submit()
      await settle()
      expect(wrapper.text()).toContain(message)
    }
    expect(save).not.toHaveBeenCalled()
  })

  it('needs a station when allocating to a station', async () => {
    const save = vi.fn().mockResolvedValue(undefined)
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    Object.assign(vm.form, { target: 'STATION', amount: '10' })
    await vm.submit()
    await settle()
    expect(wrapper.text()).toContain('必填')
    expect(save).not.toHaveBeenCalled()
  })

  it('shows the server refusal of amountFen on the amount field', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError({ status: 422, code: 'ALLOCATION_EXCEEDS_FUND', field: 'amountFen', detail: '拨付金额超出资金余额' }))
    const wrapper = mountForm(save)
    const vm = wrapper.vm as unknown as Form
    Object.assign(vm.form, { target: 'STATION', stationId: 's1', amount: '10' })
    await vm.submit()
    await settle()
    const item = wrapper.findAll('.el-form-item').find((i) => i.text().includes('金额（元）'))
    expect(item?.find('.el-form-item__error').text()).toBe('拨付金额超出资金余额')
  })
})
