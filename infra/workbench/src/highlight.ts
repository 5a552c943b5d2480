// Search highlights come back as the stored text around <em>…</em> markers. The text may hold anything a user
// typed, so everything is escaped and only the markers are given back their meaning.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

export function highlightHtml(fragment: string): string {
  return escapeHtml(fragment).replace(/&lt;em&gt;/g, '<em>').replace(/&lt;\/em&gt;/g, '</em>')
}
