import { flushPromises, type VueWrapper } from '@vue/test-utils'

// Element Plus shows a field's error after a short debounce.
export async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 200))
  await flushPromises()
}

/** The error shown under the form item whose label contains the text. */
export function fieldError(wrapper: VueWrapper, labelText: string): string | undefined {
  const item = wrapper.findAll('.el-form-item').find((i) => i.find('.el-form-item__label').exists()
    ? i.find('.el-form-item__label').text().includes(labelText) : i.text().includes(labelText))
  const error = item?.find('.el-form-item__error')
  return error?.exists() ? error.text() : undefined
}

export type FormVm = { form: Record<string, unknown>; submit: () => Promise<void> }
