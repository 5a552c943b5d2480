import { http, waitFor, type Page, type Query } from '../api/http'

/**
 * Waits until a new entity shows in a list of the read side. A list answers 200 while the projection catches up,
 * where the entity's own URL would answer 404 (which the browser reports as an error).
 */
export async function waitUntilListed<T>(path: string, query: Query, has: (item: T) => boolean): Promise<void> {
  await waitFor(async () => {
    for (let page = 0; ; page++) {
      const answer = await http.get<Page<T>>(path, { ...query, page, size: 100 })
      if (answer.items.some(has)) return true
      if ((page + 1) * answer.size >= answer.total || answer.items.length === 0) return false
    }
  }, (found) => found)
}
