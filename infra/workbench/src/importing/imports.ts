// Excel in (数据导入): the kinds a user may import, starting a job with the file, following its progress until it
// ends, and filtering its row-by-row report. The server checks the role again (POST /api/imports/* and ImportKind).
import { http } from '../api/http'

export type ImportKind = 'services' | 'needs-surveys' | 'volunteers' | 'funds'
export type Outcome = 'ACCEPTED' | 'ALREADY_RECORDED' | 'REFUSED'
// INTERRUPTED: the node running it stopped; the same file imported again finishes it.
export type JobStatus = 'RUNNING' | 'DONE' | 'FAILED' | 'INTERRUPTED'

/** Each kind and the roles that may send its command through the API (the server's ImportKind). */
export const IMPORT_KINDS: { kind: ImportKind; roles: string[] }[] = [
  { kind: 'services', roles: ['ADMIN', 'OPERATOR', 'STATION_WORKER'] },
  { kind: 'needs-surveys', roles: ['ADMIN', 'OPERATOR', 'STATION_WORKER'] },
  { kind: 'volunteers', roles: ['ADMIN', 'OPERATOR'] },
  { kind: 'funds', roles: ['ADMIN', 'OPERATOR'] },
]

/** The roles that may import anything: who sees the screen. */
export const IMPORT_ROLES = [...new Set(IMPORT_KINDS.flatMap((k) => k.roles))]

export function kindsFor(roles: string[]): ImportKind[] {
  return IMPORT_KINDS.filter((k) => k.roles.some((role) => roles.includes(role))).map((k) => k.kind)
}

/** What GET /api/import-jobs/{jobId} answers. */
export interface ImportProgress {
  jobId: string
  kind: ImportKind
  kindLabel: string
  fileName: string
  status: JobStatus
  total: number
  done: number
  accepted: number
  alreadyRecorded: number
  refused: number
  startedAt: string
  finishedAt: string | null
  rowsPerSecond: number | null
}

/** One row of the report: the sheet's row number, and the new id or the refusal. */
export interface ImportRow {
  row: number
  outcome: Outcome
  id: string | null
  code: string | null
  field: string | null
  detail: string | null
  detailEn: string | null
}

export const templateUrl = (kind: ImportKind) => `/api/imports/${kind}/template`
export const reportUrl = (jobId: string) => `/api/import-jobs/${encodeURIComponent(jobId)}/report.xlsx`

/** Sends the file; the server checks it at once (a refusal is an ApiError) and answers the started job. */
export function startImport(kind: ImportKind, file: File): Promise<ImportProgress> {
  return http.upload<ImportProgress>(`/api/imports/${kind}`, file)
}

export function readProgress(jobId: string): Promise<ImportProgress> {
  return http.get<ImportProgress>(`/api/import-jobs/${encodeURIComponent(jobId)}`)
}

export function readRows(jobId: string): Promise<ImportRow[]> {
  return http.get<ImportRow[]>(`/api/import-jobs/${encodeURIComponent(jobId)}/rows`)
}

/**
 * Asks for the job's progress until it has ended (DONE, FAILED or INTERRUPTED), telling `onProgress` each answer; a
 * large file (10,000 rows) takes a while, a small one ends before the first question. `cancelled` stops following
 * (the user left the screen or started another import).
 */
export async function followImport(first: ImportProgress, onProgress: (progress: ImportProgress) => void,
                                   options: { intervalMs?: number; read?: (jobId: string) => Promise<ImportProgress>; cancelled?: () => boolean } = {}): Promise<ImportProgress> {
  const { intervalMs = 500, read = readProgress, cancelled = () => false } = options
  let progress = first
  onProgress(progress)
  while (progress.status === 'RUNNING' && !cancelled()) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
    if (cancelled()) break
    progress = await read(progress.jobId)
    onProgress(progress)
  }
  return progress
}

/**
 * How far the job is, in whole percent: 100 once done (or for an empty file); a job that failed or was interrupted
 * shows how far it got, so the bar does not read as finished.
 */
export function percent(progress: Pick<ImportProgress, 'done' | 'total' | 'status'>): number {
  if (progress.status === 'DONE' || progress.total === 0) return 100
  return Math.min(100, Math.floor((progress.done * 100) / progress.total))
}

export interface RowFilter {
  outcome: Outcome | ''
  code: string
  text: string
}

/** The report's rows the filters keep: one outcome, one refusal code, and a text in the row number, field or detail. */
export function filterRows(rows: ImportRow[], filter: RowFilter): ImportRow[] {
  const text = filter.text.trim().toLowerCase()
  return rows.filter((r) => (!filter.outcome || r.outcome === filter.outcome)
    && (!filter.code || r.code === filter.code)
    && (!text || [String(r.row), r.code, r.field, r.detail, r.detailEn, r.id]
      .some((value) => value?.toLowerCase().includes(text))))
}

/** The refusal codes in the report, each once, in order: the choices of the code filter. */
export function refusalCodes(rows: ImportRow[]): string[] {
  return [...new Set(rows.filter((r) => r.code).map((r) => r.code as string))].sort()
}
