import { http, type Page, type Query } from './http'

/**
 * Every item of a list, read page by page: for what a screen must show whole (a unit's children in the tree), where
 * one page of 100 would silently drop the 101st. Bounded, so a runaway list cannot hang the screen.
 */
export async function allPages<T>(path: string, query: Query = {}, maxPages = 50): Promise<T[]> {
  const all: T[] = []
  for (let page = 0; page < maxPages; page++) {
    const answer = await http.get<Page<T>>(path, { ...query, page, size: 100 })
    all.push(...answer.items)
    if (all.length >= answer.total || answer.items.length === 0) break
  }
  return all
}
