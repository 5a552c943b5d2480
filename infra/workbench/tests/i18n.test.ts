import { describe, expect, it } from 'vitest'
import { messageSets } from '../src/i18n'

describe('the workbench\'s words', () => {
  it('have each key in one place only: a key in two sets overrides the other\'s words', () => {
    const seen = new Map<string, string>()
    const collisions: string[] = []
    for (const [set, messages] of Object.entries(messageSets)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) collisions.push(`${key} (${seen.get(key)} and ${set})`)
        else seen.set(key, set)
      }
    }
    expect(collisions).toEqual([])
  })
})
