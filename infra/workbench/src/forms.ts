import { reactive, ref, watch, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { ApiError } from './api/http'
import { problemText } from './i18n'

/**
 * A form that sends a command: it checks its own rules first, then sends; a refusal from the server (a problem
 * document with `code`, `field` and the Chinese `detail`) is shown on the field it names, or above the form when
 * it names none that the form shows. An answer about a field no longer applies once the user changes that field.
 *
 * @param form    the form's model (its keys are the fields' props)
 * @param fieldOf where the server's field names differ from the form's: e.g. { amountFen: 'amount' }; a function
 *                maps names the server builds (`needs[0].count`)
 */
export function useCommandForm<F extends object>(form: F,
                                                 fieldOf: Record<string, string> | ((field: string) => string | undefined) = {}) {
  const formRef = ref<FormInstance>()
  const serverErrors = reactive<Record<string, string>>({})
  const error = ref('')
  const busy = ref(false)

  for (const field of Object.keys(form) as (keyof F)[]) {
    watch(() => form[field], () => delete serverErrors[field as string], { deep: true })
  }

  function clear() {
    error.value = ''
    Object.keys(serverErrors).forEach((key) => delete serverErrors[key])
  }

  function formField(field: string | undefined): string | undefined {
    if (!field) return undefined
    const mapped = typeof fieldOf === 'function' ? fieldOf(field) : fieldOf[field]
    const name = mapped ?? field
    return name in form ? name : undefined
  }

  /** Validates, then sends; answers whether the command was accepted. Errors other than refusals propagate. */
  async function submit(send: () => Promise<unknown>): Promise<boolean> {
    clear()
    if (!(await formRef.value?.validate().catch(() => false))) return false
    busy.value = true
    try {
      await send()
      return true
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      const field = formField(e.field)
      if (field) serverErrors[field] = problemText(e.problem)
      else error.value = problemText(e.problem)
      return false
    } finally {
      busy.value = false
    }
  }

  return { formRef: formRef as Ref<FormInstance | undefined>, serverErrors, error, busy, submit, clear }
}
