import { describe, expect, it } from 'vitest'
import { highlightHtml } from '../src/highlight'

describe('highlightHtml', () => {
  it('keeps the search markers and escapes everything else', () => {
    expect(highlightHtml('为<em>空巢</em>老人<script>alert(1)</script>"&')).toBe(
      '为<em>空巢</em>老人&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;')
  })

  it('does not turn an escaped marker typed by a user into a real one', () => {
    expect(highlightHtml('&lt;em&gt;x')).toBe('&amp;lt;em&amp;gt;x')
  })
})
