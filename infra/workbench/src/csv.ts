// A chart's table as a CSV file, written in the browser. A spreadsheet runs a cell that starts with = + - @ (or a
// tab or carriage return) as a formula, and the text comes from what users typed: such cells get a leading
// apostrophe. Numbers are written as they are (a negative number is no formula).
const FORMULA = /^[=+\-@\t\r]/

export type Cell = string | number | boolean | null | undefined

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The header and rows as CSV text, with a byte-order mark so spreadsheets read the Chinese as UTF-8. */
export function csvText(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

export function downloadCsv(fileName: string, header: string[], rows: Cell[][]) {
  const url = URL.createObjectURL(new Blob([csvText(header, rows)], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
