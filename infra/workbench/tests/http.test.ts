import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, csrfToken, http } from '../src/api/http'

afterEach(() => vi.unstubAllGlobals())

describe('http', () => {
  it('reads the CSRF token from its cookie', () => {
    expect(csrfToken('a=b; XSRF-TOKEN=abc%3D; c=d')).toBe('abc=')
    expect(csrfToken('a=b')).toBeUndefined()
  })

  it('echoes the token on unsafe requests and turns a problem into an ApiError with its field', async () => {
    document.cookie = 'XSRF-TOKEN=t0k3n'
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ code: 'DELIVERED_IN_FUTURE', field: 'deliveredAt', detail: '服务时间在将来' }), { status: 400 }))
    vi.stubGlobal('fetch', fetch)
    const error = await http.post('/api/stations/s/service-records', { a: 1 }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.field).toBe('deliveredAt')
    expect(error.message).toBe('服务时间在将来')
    expect(fetch.mock.calls[0][1].headers['X-XSRF-TOKEN']).toBe('t0k3n')
  })
})
