// Money is integer fen on the wire (DOMAIN.md); users type and read yuan. Converted as text, never through a
// floating-point multiplication (0.29 * 100 is 28.999…).

/** Fen of a yuan amount typed by a user ("1234.5" → 123450), or null when it is not an amount with at most 2 decimals. */
export function yuanToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null
  const match = /^\s*(\d{1,13})(?:\.(\d{0,2}))?\s*$/.exec(String(text))
  if (!match) return null
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(fen) ? fen : null
}

const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 })

/** "¥1,234.50" of 123450 fen (divided as integers, so no rounding error). */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  const negative = fen < 0
  const abs = Math.abs(fen)
  const whole = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  const text = yuan.format(whole).replace(/\.00$/, `.${cents}`)
  return negative ? `-${text}` : text
}

/**
 * Why an amount typed in yuan cannot be sent, or null when it can: not an amount with at most 2 decimals, not
 * more than zero, or more than `maxFen` (what a fund or an allocation has left).
 */
export function amountProblem(text: string | null | undefined, maxFen?: number): 'invalid' | 'notPositive' | 'exceeds' | null {
  const fen = yuanToFen(text)
  if (fen === null) return 'invalid'
  if (fen <= 0) return 'notPositive'
  if (maxFen !== undefined && fen > maxFen) return 'exceeds'
  return null
}
