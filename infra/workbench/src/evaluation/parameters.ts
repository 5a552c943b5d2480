// The evaluation builder's choices as the query of GET /api/evaluations (EvaluationController): cohort = all |
// pilot | non-pilot | demonstration | district:玄武区; period = 2026 | 2026-Q1, or from/to days; compare =
// previous-period | none | another cohort.

export type CohortKind = 'all' | 'pilot' | 'non-pilot' | 'demonstration' | 'district'
export type PeriodKind = 'quarter' | 'year' | 'range'
export type CompareKind = 'previous-period' | 'none' | 'cohort'

export interface EvaluationChoice {
  cohort: CohortKind
  district: string
  periodKind: PeriodKind
  year: number
  quarter: number
  range: [string, string] | null
  compare: CompareKind
  compareCohort: CohortKind
  compareDistrict: string
}

/** Why the choice cannot be asked for yet: the i18n key of the message; null when it can. */
export type Incomplete = 'chooseDistrict' | 'choosePeriod' | 'periodReversed' | 'sameCohort' | null

export function cohortCode(kind: CohortKind, district: string): string {
  return kind === 'district' ? `district:${district.trim()}` : kind
}

export function incomplete(choice: EvaluationChoice): Incomplete {
  if (choice.cohort === 'district' && !choice.district.trim()) return 'chooseDistrict'
  if (choice.periodKind === 'range') {
    if (!choice.range || !choice.range[0] || !choice.range[1]) return 'choosePeriod'
    if (choice.range[0] > choice.range[1]) return 'periodReversed'
  } else if (!Number.isInteger(choice.year) || (choice.periodKind === 'quarter' && ![1, 2, 3, 4].includes(choice.quarter))) {
    return 'choosePeriod'
  }
  if (choice.compare === 'cohort') {
    if (choice.compareCohort === 'district' && !choice.compareDistrict.trim()) return 'chooseDistrict'
    if (cohortCode(choice.compareCohort, choice.compareDistrict) === cohortCode(choice.cohort, choice.district)) return 'sameCohort'
  }
  return null
}

/** The query parameters, in a stable order; throws when the choice is incomplete (ask incomplete() first). */
export function evaluationParameters(choice: EvaluationChoice, format?: 'html' | 'csv' | 'xlsx'): [string, string][] {
  const missing = incomplete(choice)
  if (missing) throw new Error(missing)
  const parameters: [string, string][] = [['cohort', cohortCode(choice.cohort, choice.district)]]
  if (choice.periodKind === 'range') {
    const [from, to] = choice.range as [string, string]
    parameters.push(['from', from], ['to', to])
  } else {
    parameters.push(['period', choice.periodKind === 'year' ? String(choice.year) : `${choice.year}-Q${choice.quarter}`])
  }
  parameters.push(['compare', choice.compare === 'cohort' ? cohortCode(choice.compareCohort, choice.compareDistrict) : choice.compare])
  if (format) parameters.push(['format', format])
  return parameters
}

export function evaluationUrl(choice: EvaluationChoice, format?: 'html' | 'csv' | 'xlsx'): string {
  return `/api/evaluations?${new URLSearchParams(evaluationParameters(choice, format)).toString()}`
}
