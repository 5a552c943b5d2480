// Measures the workbench in Debian's Chromium against a running application and prints the figures (never
// asserts them): the first load's transferred size with an empty cache and its time to interactive (navigation
// start → the login form usable), and the dashboard's time from a filter change to the redrawn chart.
// Run by WorkbenchBenchmarkTest (infra/app) after loading the reference scenario:
//   BASE_URL=http://127.0.0.1:PORT node e2e/measure.mjs
import { chromium } from 'playwright-core'

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080'
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const RUNS = Number(process.env.RUNS ?? 5)
const DISTRICTS = ['玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区']
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const kind = (url, type) => (/\.js(\?|$)/.test(url) ? 'js' : /\.css(\?|$)/.test(url) ? 'css' : /\.(woff2?|ttf|otf)(\?|$)/.test(url) ? 'font' : type === 'navigation' ? 'html' : 'other')

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
try {
  // First load, each run in a fresh context (an empty cache).
  const loads = []
  let sizes
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${BASE}/`, { waitUntil: 'load' })
    // The login form is usable: its inputs and button are there and enabled (the router redirected to /login).
    await page.getByRole('button', { name: '登录' }).waitFor()
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('登录'))
      return button && !button.disabled && document.querySelector('input')
    })
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0]
      const entries = [navigation, ...performance.getEntriesByType('resource')]
      return {
        interactive: performance.now(),
        domContentLoaded: navigation.domContentLoadedEventEnd,
        load: navigation.loadEventEnd,
        entries: entries.map((e) => ({ url: e.name, type: e.entryType, transfer: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize })),
      }
    })
    loads.push(timing)
    if (!sizes) {
      sizes = {}
      for (const entry of timing.entries) {
        if (entry.url.includes('/api/')) continue
        const k = kind(entry.url, entry.type)
        sizes[k] ??= { files: 0, transferredBytes: 0, bodyBytes: 0, decodedBytes: 0 }
        sizes[k].files++
        sizes[k].transferredBytes += entry.transfer
        sizes[k].bodyBytes += entry.body
        sizes[k].decodedBytes += entry.decoded
      }
    }
    await context.close()
  }
  const total = Object.values(sizes).reduce((sum, s) => sum + s.transferredBytes, 0)
  console.log(`WORKBENCH first load (empty cache): ${JSON.stringify(sizes)}; transferred in all ${total} bytes`)
  console.log(`WORKBENCH time to interactive (navigation start → login form usable), ${RUNS} runs: median ${median(loads.map((l) => l.interactive)).toFixed(0)} ms`
    + ` [${loads.map((l) => l.interactive.toFixed(0)).join(', ')}]; DOMContentLoaded median ${median(loads.map((l) => l.domContentLoaded)).toFixed(0)} ms; load median ${median(loads.map((l) => l.load)).toFixed(0)} ms`)

  // The dashboard: a district chosen → the summary answered → the charts redrawn (two animation frames later).
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce' })
  const page = await context.newPage()
  await page.goto(`${BASE}/login`)
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill('admin-demo')
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(`${BASE}/`)
  await page.goto(`${BASE}/dashboard`)
  await page.locator('[data-test=services-total]').waitFor()
  const redraws = []
  for (const district of DISTRICTS) {
    await page.locator('[data-test=district]').click()
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: district })
    await option.waitFor()
    const answered = page.waitForResponse((r) => r.url().includes(`/api/dashboard/summary?district=${encodeURIComponent(district)}`) && r.ok())
    const start = performance.now()
    await option.click()
    await answered
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    redraws.push(performance.now() - start)
    await page.keyboard.press('Escape')
  }
  console.log(`WORKBENCH dashboard filter change → chart redrawn, ${redraws.length} districts (each asked for the first time): median ${median(redraws).toFixed(0)} ms,`
    + ` max ${Math.max(...redraws).toFixed(0)} ms [${redraws.map((r) => r.toFixed(0)).join(', ')}]`)
  await context.close()
} finally {
  await browser.close()
}
