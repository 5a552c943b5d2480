import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ListPager from '../src/components/ListPager.vue'
import { setLocale } from '../src/i18n'

function mountPager(props: { total: number; totalExact?: boolean; narrow?: boolean }) {
  return mount(ListPager, {
    props: { modelValue: 1, size: 20, ...props },
    slots: { default: '<button data-test="beside">精确统计</button>' },
    global: { plugins: [ElementPlus] },
  })
}

describe('ListPager', () => {
  afterEach(() => setLocale('zh'))

  it('says how many items the list has', () => {
    const wrapper = mountPager({ total: 1234 })
    expect(wrapper.get('[data-test=list-total]').text()).toBe('共 1,234 条')
    expect(wrapper.findAll('.el-pager li').at(-1)?.text()).toBe('62')
  })

  it('says "at least" of a list the server counted only so far, and pages as far as it counted', () => {
    const wrapper = mountPager({ total: 10000, totalExact: false })
    expect(wrapper.get('[data-test=list-total]').text()).toBe('共 10,000+ 条')
    expect(wrapper.findAll('.el-pager li').at(-1)?.text()).toBe('500')
    expect(wrapper.find('[data-test=beside]').exists()).toBe(true)
  })

  it('reads in English too', () => {
    setLocale('en')
    const wrapper = mountPager({ total: 10000, totalExact: false })
    expect(wrapper.get('[data-test=list-total]').text()).toBe('Total 10,000+')
  })

  it('moves to the page clicked and says so', async () => {
    const wrapper = mountPager({ total: 100 })
    await wrapper.findAll('.el-pager li').find((li) => li.text() === '3')!.trigger('click')
    expect(wrapper.emitted('update:modelValue')?.[0]).toEqual([3])
    expect(wrapper.emitted('change')?.[0]).toEqual([3])
  })

  it('shows only the pages on a phone', () => {
    const wrapper = mountPager({ total: 10000, totalExact: false, narrow: true })
    expect(wrapper.find('[data-test=list-total]').exists()).toBe(false)
    expect(wrapper.find('[data-test=beside]').exists()).toBe(false)
  })
})
