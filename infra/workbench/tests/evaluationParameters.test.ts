import { describe, expect, it } from 'vitest'
import { evaluationParameters, evaluationUrl, incomplete, type EvaluationChoice } from '../src/evaluation/parameters'
import { csvCell, csvText } from '../src/csv'

const base: EvaluationChoice = {
  cohort: 'all', district: '', periodKind: 'quarter', year: 2026, quarter: 1, range: null,
  compare: 'previous-period', compareCohort: 'pilot', compareDistrict: '',
}

describe('evaluationParameters', () => {
  it('asks for a quarter of all stations against the previous period', () => {
    expect(evaluationParameters(base)).toEqual([['cohort', 'all'], ['period', '2026-Q1'], ['compare', 'previous-period']])
  })

  it('asks for a year', () => {
    expect(evaluationParameters({ ...base, periodKind: 'year', year: 2025 })).toContainEqual(['period', '2025'])
  })

  it('asks for days from and to instead of a period', () => {
    const parameters = evaluationParameters({ ...base, periodKind: 'range', range: ['2026-01-15', '2026-03-31'] })
    expect(parameters).toEqual([['cohort', 'all'], ['from', '2026-01-15'], ['to', '2026-03-31'], ['compare', 'previous-period']])
  })

  it('names a district cohort and compares with another cohort', () => {
    const url = evaluationUrl({ ...base, cohort: 'district', district: '玄武区', compare: 'cohort', compareCohort: 'non-pilot' }, 'csv')
    expect(url).toBe('/api/evaluations?cohort=district%3A%E7%8E%84%E6%AD%A6%E5%8C%BA&period=2026-Q1&compare=non-pilot&format=csv')
  })

  it('asks for no comparison and the printable page', () => {
    expect(evaluationParameters({ ...base, compare: 'none' }, 'html')).toEqual(
      [['cohort', 'all'], ['period', '2026-Q1'], ['compare', 'none'], ['format', 'html']])
  })

  it('refuses what the server would refuse', () => {
    expect(incomplete({ ...base, cohort: 'district' })).toBe('chooseDistrict')
    expect(incomplete({ ...base, periodKind: 'range' })).toBe('choosePeriod')
    expect(incomplete({ ...base, periodKind: 'range', range: ['2026-03-01', '2026-01-01'] })).toBe('periodReversed')
    expect(incomplete({ ...base, compare: 'cohort', compareCohort: 'all' })).toBe('sameCohort')
    expect(incomplete({ ...base, cohort: 'district', district: '玄武区', compare: 'cohort', compareCohort: 'district', compareDistrict: '玄武区' })).toBe('sameCohort')
    expect(incomplete({ ...base, quarter: 5 })).toBe('choosePeriod')
    expect(() => evaluationParameters({ ...base, cohort: 'district' })).toThrow('chooseDistrict')
  })
})

describe('csv', () => {
  it('defuses formulas in text, quotes separators, keeps negative numbers', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvCell('@x')).toBe("'@x")
    expect(csvCell('-1+2')).toBe("'-1+2")
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell('a,"b"')).toBe('"a,""b"""')
    expect(csvCell(null)).toBe('')
    expect(csvText(['区', '数'], [['玄武区', 2]])).toBe('\uFEFF区,数\r\n玄武区,2\r\n')
  })
})
