import { afterEach, describe, expect, it, vi } from 'vitest'
import { http } from '../src/api/http'
import { xlsxUrl } from '../src/importing/exports'
import {
  filterRows, followImport, kindsFor, percent, refusalCodes, reportUrl, templateUrl,
  type ImportProgress, type ImportRow,
} from '../src/importing/imports'

afterEach(() => vi.unstubAllGlobals())

const job = (over: Partial<ImportProgress> = {}): ImportProgress => ({
  jobId: 'J1', kind: 'services', kindLabel: '服务记录', fileName: 'services.xlsx', status: 'RUNNING', total: 4, done: 0,
  accepted: 0, alreadyRecorded: 0, refused: 0, startedAt: '2026-12-03T08:00:00Z', finishedAt: null, rowsPerSecond: null, ...over,
})

const rows: ImportRow[] = [
  { row: 2, outcome: 'ACCEPTED', id: 'rec-2', code: null, field: null, detail: null, detailEn: null },
  { row: 3, outcome: 'REFUSED', id: null, code: 'PARTICIPANTS_INVALID', field: 'participantCount', detail: '服务人数须为 1 到 10000', detailEn: 'participants from 1' },
  { row: 4, outcome: 'ALREADY_RECORDED', id: 'rec-4', code: null, field: null, detail: null, detailEn: null },
  { row: 5, outcome: 'REFUSED', id: null, code: 'IMPORT_CELL_INVALID', field: '服务时间', detail: '“服务时间”无法识别', detailEn: 'unreadable time' },
  { row: 6, outcome: 'REFUSED', id: null, code: 'PARTICIPANTS_INVALID', field: 'participantCount', detail: '服务人数须为 1 到 10000', detailEn: 'participants from 1' },
]

describe('importing', () => {
  it('offers each role the kinds the server lets it import: volunteers and funds are the operators\'', () => {
    expect(kindsFor(['STATION_WORKER'])).toEqual(['services', 'needs-surveys'])
    expect(kindsFor(['OPERATOR'])).toEqual(['services', 'needs-surveys', 'volunteers', 'funds'])
    expect(kindsFor(['AUDITOR', 'CENTRE_STAFF'])).toEqual([])
  })

  it('follows a job until it has ended, telling each answer, and stops when cancelled', async () => {
    const answers = [job({ done: 2 }), job({ done: 4, status: 'DONE', accepted: 3, refused: 1 })]
    const read = vi.fn(async () => answers.shift() as ImportProgress)
    const seen: number[] = []
    const ended = await followImport(job(), (p) => seen.push(p.done), { intervalMs: 1, read })
    expect(ended.status).toBe('DONE')
    expect(seen).toEqual([0, 2, 4])
    expect(read).toHaveBeenCalledWith('J1')

    const never = vi.fn(async () => job())
    let cancel = false
    const stopped = followImport(job(), () => { cancel = true }, { intervalMs: 1, read: never, cancelled: () => cancel })
    expect((await stopped).status).toBe('RUNNING')
    expect(never).not.toHaveBeenCalled()
  })

  it('does not ask again for a job that ended at once (a small file)', async () => {
    const read = vi.fn()
    await followImport(job({ status: 'DONE', done: 4 }), () => {}, { intervalMs: 1, read })
    expect(read).not.toHaveBeenCalled()
  })

  it('shows progress in whole percent, 100 once done, and how far a failed or interrupted job got', () => {
    expect(percent(job({ done: 1, total: 3 }))).toBe(33)
    expect(percent(job({ done: 0, total: 0 }))).toBe(100)
    expect(percent(job({ done: 4, total: 4, status: 'DONE' }))).toBe(100)
    expect(percent(job({ done: 2, total: 4, status: 'FAILED' }))).toBe(50)
    expect(percent(job({ done: 3, total: 4, status: 'INTERRUPTED' }))).toBe(75)
  })

  it('filters the report by outcome, refusal code and a text in the row, field or detail', () => {
    const none = { outcome: '' as const, code: '', text: '' }
    expect(filterRows(rows, none)).toHaveLength(5)
    expect(filterRows(rows, { ...none, outcome: 'REFUSED' }).map((r) => r.row)).toEqual([3, 5, 6])
    expect(filterRows(rows, { ...none, outcome: 'REFUSED', code: 'PARTICIPANTS_INVALID' }).map((r) => r.row)).toEqual([3, 6])
    expect(filterRows(rows, { ...none, text: ' 服务时间 ' }).map((r) => r.row)).toEqual([5])
    expect(filterRows(rows, { ...none, text: '4' }).map((r) => r.row)).toEqual([4])
    expect(refusalCodes(rows)).toEqual(['IMPORT_CELL_INVALID', 'PARTICIPANTS_INVALID'])
  })

  it('names the template, the report and each list\'s .xlsx beside its JSON, without paging', () => {
    expect(templateUrl('needs-surveys')).toBe('/api/imports/needs-surveys/template')
    expect(reportUrl('a b')).toBe('/api/import-jobs/a%20b/report.xlsx')
    expect(xlsxUrl('/api/referrals', { centre: 'RIGHTS_SERVICE_CENTRE', status: '', overdue: undefined, page: 2, size: 20 }))
      .toBe('/api/referrals.xlsx?centre=RIGHTS_SERVICE_CENTRE')
    expect(xlsxUrl('/api/dashboard/needs', { district: '玄武区', from: '2026-01' }))
      .toBe('/api/dashboard/needs.xlsx?district=%E7%8E%84%E6%AD%A6%E5%8C%BA&from=2026-01')
  })

  it('uploads a file as multipart form data with the CSRF token, leaving the boundary to the browser', async () => {
    document.cookie = 'XSRF-TOKEN=t0k3n'
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify(job()), { status: 202 }))
    vi.stubGlobal('fetch', fetch)
    const file = new File(['xlsx'], '服务记录.xlsx')
    const started = await http.upload<ImportProgress>('/api/imports/services', file)
    expect(started.jobId).toBe('J1')
    const [path, init] = fetch.mock.calls[0]
    expect(path).toBe('/api/imports/services')
    expect(init.headers['X-XSRF-TOKEN']).toBe('t0k3n')
    expect(init.headers['Content-Type']).toBeUndefined()
    expect((init.body as FormData).get('file')).toBeInstanceOf(File)
  })
})
