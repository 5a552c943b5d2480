import { ref, shallowRef } from 'vue'
import { ApiError } from './http'
import { problemText } from '../i18n'

/** A screen's read: its value, whether it is loading, and the problem's text when it failed. */
export function useAsync<T, A extends unknown[] = []>(read: (...args: A) => Promise<T>, initial: T) {
  const data = shallowRef<T>(initial)
  const loading = ref(false)
  const error = ref('')
  let latest = 0
  async function run(...args: A): Promise<T | undefined> {
    const call = ++latest
    loading.value = true
    error.value = ''
    try {
      const value = await read(...args)
      // Only the latest request may draw: an older answer arriving late must not overwrite a newer filter's.
      if (call === latest) data.value = value
      return value
    } catch (e) {
      if (call === latest) error.value = e instanceof ApiError ? problemText(e.problem) : String(e)
      return undefined
    } finally {
      if (call === latest) loading.value = false
    }
  }
  return { data, loading, error, run }
}

/** Tells the user what a refused command said, in their language. */
export function problemOf(e: unknown): string {
  return e instanceof ApiError ? problemText(e.problem) : String(e)
}
