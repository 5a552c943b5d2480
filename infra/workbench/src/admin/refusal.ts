import { ApiError } from '../api/http'
import { problemText } from '../i18n'

/**
 * Puts a refused command's problem on the form field it names (the server's name mapped through `renamed`, e.g.
 * amountFen → amount) and answers '', or answers the problem's text for the form's banner when it names no field
 * of this form. Non-API errors are rethrown.
 */
export function refusalOnField(e: unknown, errors: Record<string, string>, fields: readonly string[],
                               renamed: Record<string, string> = {}): string {
  if (!(e instanceof ApiError)) throw e
  const field = e.field ? renamed[e.field] ?? e.field : undefined
  if (field && fields.includes(field)) {
    errors[field] = problemText(e.problem)
    return ''
  }
  return problemText(e.problem)
}
