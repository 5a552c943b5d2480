import { withQuery, type Query } from '../api/http'

/** The .xlsx beside a list's or dashboard's JSON endpoint, with the same filters (paging is not one: it is all). */
export function xlsxUrl(path: string, query: Query = {}): string {
  const { page: _page, size: _size, ...filters } = query
  return withQuery(`${path}.xlsx`, filters)
}
