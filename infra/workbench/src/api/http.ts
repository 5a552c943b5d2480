// One way to call the API: JSON in and out, the session cookie, the CSRF token echoed on unsafe requests, and
// every refusal turned into an ApiError carrying the problem document (RFC 9457) the server sent.

export interface Problem {
  status: number
  code?: string
  title?: string
  detail?: string
  detailEn?: string
  field?: string
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`)
  }
  get status() {
    return this.problem.status
  }
  get code() {
    return this.problem.code
  }
  get field() {
    return this.problem.field
  }
}

export interface Page<T> {
  items: T[]
  page: number
  size: number
  /** The list's length; only "at least" when totalExact is false (the server counts a long list only so far). */
  total: number
  totalExact: boolean
}

type Listener = (error: ApiError) => void
const listeners: Listener[] = []

/** Called for refusals every screen reacts to the same way: the session ended, a password change is due. */
export function onSessionProblem(listener: Listener) {
  listeners.push(listener)
}

export function csrfToken(cookies: string = document.cookie): string | undefined {
  const match = cookies.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='))
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : undefined
}

export type Query = Record<string, string | number | boolean | undefined | null | string[]>

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v))
    else params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  // A file goes as multipart form data, whose boundary the browser writes into the Content-Type itself.
  const form = body instanceof FormData
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken()
    if (token) headers['X-XSRF-TOKEN'] = token
  }
  let response: Response
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    })
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', detail: '无法连接服务器，请检查网络', detailEn: 'the server cannot be reached' })
  }
  const text = await response.text()
  const json = text ? safeParse(text) : undefined
  if (!response.ok) {
    const problem: Problem = { status: response.status, ...(typeof json === 'object' && json ? json : {}) }
    if (!problem.detail) problem.detail = `请求失败（${response.status}）`
    const error = new ApiError(problem)
    if (!path.startsWith('/api/session')) listeners.forEach((listener) => listener(error))
    throw error
  }
  return json as T
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  /** A file as the multipart field {@code field} (an upload to import). */
  upload: <T>(path: string, file: File, field = 'file') => {
    const form = new FormData()
    form.append(field, file, file.name)
    return request<T>('POST', path, form)
  },
}

/**
 * Asks until the read side answers as wanted: a command's events are committed before its answer, but the
 * projections catch up a moment later, and a screen must not show a list without what was just saved.
 */
export async function waitFor<T>(read: () => Promise<T>, ready: (value: T) => boolean,
                                 timeoutMs = 15000, intervalMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const value = await read()
      if (ready(value)) return value
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error
    }
    if (Date.now() > deadline) {
      throw new ApiError({ status: 504, code: 'READ_MODEL_LAGGING', detail: '数据正在同步，请稍后刷新', detailEn: 'the data is still being updated; refresh in a moment' })
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
