// The workbench in a real browser (Debian's Chromium through playwright-core, no browser download) against the
// running application: each role's main flow through the screens, no console errors, no serious or critical
// accessibility violations (axe-core), and screenshots of the main screens at desktop and phone width.
//
// Run by WorkbenchBrowserTest (infra/app), which starts the application and seeds a station, a volunteer of its
// home and a referral (of legal aid, to the rights centre):
//   BASE_URL=http://127.0.0.1:PORT STATION_NAME=… VOLUNTEER_NAME=… SCREENSHOTS=../../docs/screenshots node e2e/workbench.e2e.mjs
import { chromium } from 'playwright-core'
import { createRequire } from 'node:module'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { inflateRawSync } from 'node:zlib'

const require = createRequire(import.meta.url)
const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080'
const STATION = process.env.STATION_NAME
const CREDIT_CODE = process.env.CREDIT_CODE
const VOLUNTEER = process.env.VOLUNTEER_NAME
// A services workbook for 数据导入 (written by WorkbenchBrowserTest): good rows and one bad row (IMPORT_BAD_ROW).
const IMPORT_FILE = process.env.IMPORT_FILE
const IMPORT_GOOD_ROWS = Number(process.env.IMPORT_GOOD_ROWS ?? 0)
const IMPORT_BAD_ROW = process.env.IMPORT_BAD_ROW
// A user with more entries in the audit trail than a page counts (WorkbenchBrowserTest writes them).
const AUDIT_USER = process.env.AUDIT_USER
const AUDIT_ROWS = Number(process.env.AUDIT_ROWS ?? 0)
const SCREENSHOTS = process.env.SCREENSHOTS ?? 'target/screenshots'
const FAILURES = process.env.FAILURES ?? 'target/e2e-failures'
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const AXE = require.resolve('axe-core/axe.min.js')
const DESKTOP = { width: 1366, height: 768 }
const PHONE = { width: 390, height: 844 }
const failures = []

mkdirSync(SCREENSHOTS, { recursive: true })
mkdirSync(FAILURES, { recursive: true })

function check(condition, message) {
  if (!condition) throw new Error(message)
}

/** A page that records every console error and uncaught exception it sees. */
async function open(browser, viewport, label) {
  // Reduced motion: charts are drawn without their entry animation, so screenshots show them whole.
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1, reducedMotion: 'reduce' })
  // No CSS transitions or animations: Vue's <Transition> then ends at once, so axe never reads the colours of a
  // dropdown, popper or toast caught mid-fade (a flake seen in CI: color-contrast on a closing menu).
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style')
      style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }'
      document.head.appendChild(style)
    })
  })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  page.errors = []
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`${label}: console: ${message.text()}`)
  })
  page.on('pageerror', (error) => page.errors.push(`${label}: page error: ${error.message}`))
  return page
}

/**
 * Whatever is still entering or leaving (Element Plus poppers, menus, messages) has finished, fonts are loaded and
 * the page has been painted twice since (charts draw on the next frame; they have no entry animation here).
 */
async function still(page) {
  await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'), null, { timeout: 5_000 }).catch(() => {})
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)))))
}

async function axe(page, screen) {
  await still(page)
  await page.addScriptTag({ path: AXE })
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
  })
  result.forEach((violation) => failures.push(`axe ${screen}: ${violation}`))
}

/**
 * The text of a downloaded .xlsx: its parts (a zip, read through the central directory) that are XML under xl/,
 * inflated and joined; the export's cells are inline strings there. Checks it is a workbook at all.
 */
function xlsxText(file) {
  const zip = readFileSync(file)
  check(zip.readUInt32LE(0) === 0x04034b50, `${file} is no zip (an .xlsx is one)`)
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--
  const entries = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const parts = []
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    const local = zip.readUInt32LE(at + 42)
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    if (name.startsWith('xl/') && name.endsWith('.xml')) {
      const raw = zip.subarray(data, data + size)
      parts.push((method === 8 ? inflateRawSync(raw) : raw).toString('utf8'))
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  check(parts.some((p) => p.includes('<worksheet')), `${file} holds no worksheet`)
  return parts.join('\n')
}

/** Clicks a download link or button and answers the file's name and its workbook's text. */
async function downloadXlsx(page, locator) {
  const download = page.waitForEvent('download')
  await locator.click()
  const file = await download
  check(file.suggestedFilename().endsWith('.xlsx'), `the export downloads as ${file.suggestedFilename()}`)
  return { name: file.suggestedFilename(), text: xlsxText(await file.path()) }
}

async function shot(page, name) {
  await still(page)
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

async function login(page, username) {
  await page.goto(`${BASE}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(`${username}-demo`)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(`${BASE}/`)
  await page.getByText('常用功能').waitFor()
}

async function logout(page) {
  await page.locator('[data-test=user-menu]').click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  await page.waitForURL(/\/login/)
}

async function chooseStation(page) {
  const picker = page.locator('[data-test=station-picker]')
  await picker.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: STATION }).first().click()
}

async function navigate(page, menuName, url) {
  const narrow = (page.viewportSize()?.width ?? 1366) < 768
  if (narrow) await page.getByRole('button', { name: '菜单' }).click()
  await page.getByRole('menuitem', { name: menuName, exact: true }).click()
  await page.waitForURL(`${BASE}${url}`)
  await page.locator('h1.screen-title', { hasText: menuName }).waitFor()
}

/** Picks the option with this text in the drawer's select marked data-test=name. */
async function pick(page, scope, name, text) {
  await scope.locator(`[data-test=${name}]`).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

/** What the worker's forms on 我的驿站 add: a needs survey, a volunteer's hours on the service, a referral. */
async function workerForms(page, description) {
  const drawer = page.locator('.el-drawer')
  await page.locator('[data-test=record-survey]').click()
  await drawer.locator('[data-test=save-survey]').waitFor()
  await drawer.locator('input[name=respondentCount], .el-form-item:has-text("调查人数") .el-input-number input').first().fill('12')
  await drawer.locator('[data-test=needs] .need', { hasText: '空巢老人关爱' }).locator('input').fill('7')
  await drawer.locator('[data-test=needs] .need', { hasText: '家政服务' }).locator('input').fill('4')
  await drawer.locator('textarea[name=freeText]').fill('浏览器测试：社区走访，老人希望每周有人上门')
  await drawer.getByText('调查人数').first().click()
  await shot(page, 'needs-survey-desktop')
  await axe(page, 'needs survey')
  await drawer.locator('[data-test=save-survey]').click()
  await page.locator('[data-test=surveys] .el-table__row', { hasText: '空巢老人关爱 7' }).waitFor({ timeout: 5_000 })
  await settled(page)

  await page.locator('[data-test=record-hours]').click()
  await pick(page, drawer, 'volunteer', VOLUNTEER)
  await pick(page, drawer, 'hours-record', description.substring(0, 12))
  await drawer.locator('.el-form-item', { hasText: '服务时长（分钟）' }).locator('input').fill('90')
  await drawer.getByText('所服务的记录').first().click()
  await shot(page, 'volunteer-hours-desktop')
  await axe(page, 'volunteer hours')
  await drawer.locator('[data-test=save-hours]').click()
  await page.locator('[data-test=volunteers] .el-table__row', { hasText: VOLUNTEER }).filter({ hasText: '1.5' }).waitFor({ timeout: 5_000 })
  await settled(page)

  await page.locator('[data-test=refer-case]').click()
  await pick(page, drawer, 'referral-centre', '妇女维权服务中心')
  await pick(page, drawer, 'referral-category', '心理疏导')
  await drawer.locator('textarea[name=summary]').fill('浏览器测试：当事人因家庭矛盾情绪低落，需要心理疏导')
  // Without the person's consent the form refuses to send.
  await drawer.locator('[data-test=save-referral]').click()
  await drawer.getByText('转介须经当事人同意').waitFor()
  await drawer.locator('[data-test=consent]').click()
  await drawer.getByText('口头同意').click()
  await shot(page, 'refer-case-desktop')
  await axe(page, 'refer a case')
  await drawer.locator('[data-test=save-referral]').click()
  await page.locator('[data-test=station-referrals] .el-table__row', { hasText: '心理疏导' }).waitFor({ timeout: 5_000 })
  await settled(page)
  await axe(page, 'station referrals')
}

/**
 * A station worker records a service, adds a needs survey, a volunteer's hours and a referral at the station, finds
 * the service in the list, corrects it, finds it in search and voids it.
 */
async function workerFlow(browser) {
  const page = await open(browser, DESKTOP, 'worker')
  await page.goto(`${BASE}/login`)
  await page.getByRole('button', { name: '登录' }).waitFor()
  await axe(page, 'login')
  await shot(page, 'login-desktop')
  await login(page, 'worker')
  await axe(page, 'home')
  await shot(page, 'home-desktop')

  await navigate(page, '我的驿站 · 服务登记', '/station')
  await chooseStation(page)
  await page.getByText('妇女儿童之家').first().waitFor()
  await shot(page, 'station-desktop')
  await axe(page, 'station')

  const description = `浏览器测试：为社区空巢老人上门理发和家政保洁 ${Date.now()}`
  await page.locator('[data-test=record-service]').click()
  const drawer = page.locator('.el-drawer')
  await drawer.getByText('便民驿站').click()
  await drawer.locator('[data-test=project]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '家政' }).first().click()
  // The station's social worker (assigned by the test's scenario) delivered it.
  await drawer.locator('[data-test=socialWorkers]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '王社工' }).first().click()
  await page.keyboard.press('Tab')
  const yesterday = new Date(Date.now() - 86_400_000)
  const when = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(yesterday) + ' 10:00'
  const dateInput = drawer.locator('.el-form-item', { hasText: '服务时间' }).locator('input').first()
  await dateInput.fill(when)
  await dateInput.press('Enter')
  await drawer.locator('input[name=participantCount], .el-input-number input').first().fill('3')
  await drawer.locator('textarea[name=description]').fill(description)
  await drawer.locator('.el-rate__item').nth(4).click()
  await shot(page, 'record-service-desktop')
  await axe(page, 'record service')
  await drawer.locator('[data-test=save]').click()
  await page.getByText('服务已登记').waitFor()
  // Shown at once after the save: the screen waited for the read model.
  await page.locator('[data-test=recent-records]').getByText(description).waitFor({ timeout: 5_000 })
  await settled(page)
  await workerForms(page, description)

  await navigate(page, '服务记录', '/records')
  await chooseStation(page)
  const row = page.locator('[data-test=records] .el-table__row', { hasText: description })
  await row.waitFor()
  await axe(page, 'records')
  await shot(page, 'records-desktop')
  // Corrected in a drawer that opens with the record's values; the list shows the corrected ones at once.
  await row.locator('[data-test=correct]').click()
  const correction = page.locator('.el-drawer', { hasText: '更正原因' })
  check(await correction.locator('textarea[name=description]').inputValue() === description, 'the correction does not open with the record\'s description')
  await correction.locator('.el-form-item', { hasText: '服务人数' }).locator('input').fill('4')
  await correction.locator('textarea[name=description]').fill(`${description}（已更正）`)
  await correction.locator('input[name=reason]').fill('人数登记错误')
  await correction.getByText('更正原因').first().click()
  await shot(page, 'correct-record-desktop')
  await axe(page, 'correct a record')
  await correction.locator('[data-test=save-correction]').click()
  await page.getByText('记录已更正').waitFor()
  await row.filter({ hasText: '（已更正）' }).filter({ hasText: '更正 ×1' }).waitFor({ timeout: 5_000 })
  await settled(page)

  await navigate(page, '全文检索', '/search')
  const deadline = Date.now() + 20_000
  await page.locator('input[data-test=q], [data-test=q] input').first().fill('空巢 理发')
  for (;;) {
    await page.getByRole('button', { name: '查询' }).click()
    await page.waitForTimeout(500)
    if (await page.locator('.hit', { hasText: '上门' }).count()) break
    check(Date.now() < deadline, 'the recorded service never appeared in search')
  }
  check(await page.locator('.hit em', { hasText: '空巢' }).count() > 0, 'search does not highlight the words searched')
  await axe(page, 'search')
  await shot(page, 'search-desktop')

  await navigate(page, '服务记录', '/records')
  await chooseStation(page)
  await row.waitFor()
  await row.locator('[data-test=void]').click()
  const box = page.locator('.el-message-box')
  await box.locator('input').fill('重复登记')
  await box.getByRole('button', { name: '作废' }).click()
  await page.getByText('记录已作废').waitFor()
  await row.waitFor({ state: 'detached' })

  await page.locator('[data-test=user-menu]').click()
  await page.getByRole('menuitem', { name: '修改密码' }).click()
  await page.waitForURL(`${BASE}/password`)
  await axe(page, 'change password')
  await shot(page, 'password-desktop')
  // The English switch: the menu and the screen's title change language.
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('menuitem', { name: 'Service records' }).waitFor()
  await page.getByRole('button', { name: '中文' }).click()
  await logout(page)
  return page
}

/**
 * Centre staff (the rights centre) work the referral the worker sent through the form to closure — accept, start,
 * resolve, close — and decline the other one (seeded) with a reason; closing and declining are confirmed.
 */
async function centreFlow(browser) {
  const page = await open(browser, DESKTOP, 'centre')
  await login(page, 'rights-centre')
  await navigate(page, '转介受理', '/referrals')
  const referral = (category) => page.locator('[data-test=referrals] .el-table__row', { hasText: STATION }).filter({ hasText: category }).first()
  // Only the dialog showing: the one just answered may still be leaving.
  const box = page.locator('.el-message-box:visible')
  const worked = referral('心理疏导')
  await worked.waitFor()
  await axe(page, 'referrals')
  await shot(page, 'referrals-desktop')
  await worked.locator('[data-test=referral-accept]').click()
  await box.getByRole('button', { name: '确定' }).click()
  await worked.locator('[data-test=referral-startWork]').click()
  await box.getByRole('button', { name: '确定' }).click()
  await worked.locator('[data-test=referral-resolve]').click()
  await box.locator('input').fill('已安排心理咨询师面谈三次，当事人情绪平稳')
  await box.getByRole('button', { name: '确定' }).click()
  await worked.locator('[data-test=referral-close]').click()
  await box.getByText('不能撤销').waitFor()
  await settled(page)
  await axe(page, 'close a referral')
  await shot(page, 'referral-close-desktop')
  await box.getByRole('button', { name: '确定' }).click()
  await worked.locator('.el-tag', { hasText: '已结案' }).waitFor()

  const declined = referral('法律援助')
  await declined.locator('[data-test=referral-decline]').click()
  await box.locator('input').fill('不属于本中心受理范围，建议联系区法律援助中心')
  await box.getByRole('button', { name: '确定' }).click()
  await declined.locator('.el-tag', { hasText: '不予受理' }).waitFor()
  await settled(page)
  await logout(page)
  return page
}

/** A leader's screens: dashboards filtered by district, the network as of a past date, stations, audit, admin. */
async function adminFlow(browser) {
  const page = await open(browser, DESKTOP, 'admin')
  await login(page, 'admin')
  await navigate(page, '数据驾驶舱', '/dashboard')
  await page.locator('canvas').first().waitFor()
  await page.locator('[data-test=services-total]').waitFor()
  await axe(page, 'dashboard')
  await shot(page, 'dashboard-desktop')
  const filtered = page.waitForResponse((r) => r.url().includes('/api/dashboard/summary?district=') && r.ok())
  await page.locator('[data-test=district]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '玄武区' }).click()
  await filtered
  await page.locator('[data-test=services-total]').waitFor()

  await navigate(page, '历史回溯', '/as-of')
  const date = page.locator('[data-test=as-of-date]')
  const before = await date.textContent()
  await page.locator('canvas').first().waitFor()
  await shot(page, 'as-of-desktop')
  // Back with the keyboard: the figures are asked again for the new date and redrawn.
  await page.locator('[data-test=as-of-slider] .el-slider__button-wrapper').focus()
  const asked = []
  page.on('request', (r) => { if (r.url().includes('/api/as-of?date=')) asked.push(r.url()) })
  for (let i = 0; i < 10; i++) await page.keyboard.press('PageDown')
  await page.waitForFunction((text) => document.querySelector('[data-test=as-of-date]')?.textContent !== text, before)
  const moved = await date.textContent()
  await page.waitForResponse((r) => r.url().endsWith(`/api/as-of?date=${moved}`) && r.ok(), { timeout: 30_000 })
    .catch(() => check(asked.some((url) => url.endsWith(`date=${moved}`)), `the as-of figures were never asked for ${moved}`))
  await page.locator('canvas').first().waitFor()
  await axe(page, 'as-of')

  await navigate(page, '组织网络 · 驿站管理', '/network')
  await page.locator('[data-test=stations] .el-table__row').first().waitFor()
  await axe(page, 'network')
  await shot(page, 'network-desktop')

  await navigate(page, '审计追踪', '/audit')
  await page.locator('[data-test=audit] .el-table__row').first().waitFor()
  await axe(page, 'audit')
  await shot(page, 'audit-desktop')
  if (AUDIT_USER) await auditCount(page)

  await navigate(page, '系统管理', '/admin')
  await page.locator('[data-test=processors] .el-table__row').first().waitFor()
  await page.locator('[data-test=flow-control]').getByText(/正常|限流中/).waitFor()
  await axe(page, 'admin')
  await shot(page, 'admin-desktop')
  await accounts(page)
  await logout(page)
  return page
}

/**
 * One user's long trail: the page says "10,000+" (the server counts only so far), and 精确统计 asks for the exact count,
 * which the pager then uses; a new query forgets it.
 */
async function auditCount(page) {
  const total = page.locator('[data-test=list-total]')
  await page.getByRole('textbox', { name: '操作人' }).fill(AUDIT_USER)
  await page.getByRole('button', { name: '查询' }).click()
  await total.filter({ hasText: '共 10,000+ 条' }).waitFor()
  await total.scrollIntoViewIfNeeded()
  await shot(page, 'audit-count-desktop')
  await page.locator('[data-test=count-exactly]').click()
  await total.filter({ hasText: `共 ${AUDIT_ROWS.toLocaleString('zh-CN')} 条` }).waitFor()
  check(!(await page.locator('[data-test=count-exactly]').isVisible()), 'the exact count is still offered once counted')
  const lastPage = String(Math.ceil(AUDIT_ROWS / 20))
  check((await page.locator('.el-pager li').last().textContent())?.trim() === lastPage,
    `the pager does not reach page ${lastPage} of the exact count`)
  await page.getByRole('textbox', { name: '操作人' }).fill('')
  await page.getByRole('button', { name: '查询' }).click()
  await total.filter({ hasNotText: AUDIT_ROWS.toLocaleString('zh-CN') }).waitFor()
}

/** Accounts (ADMIN): create one with its unit picked from the tree, reset its password, disable it. */
async function accounts(page) {
  const username = `e2e${Date.now() % 1_000_000}`
  await navigate(page, '系统管理 · 账号管理', '/accounts')
  await page.locator('[data-test=accounts]').waitFor()
  await page.locator('[data-test=accounts] .el-loading-mask').waitFor({ state: 'detached' }).catch(() => {})
  await settled(page)
  await axe(page, 'accounts')
  await shot(page, 'accounts-desktop')
  await page.locator('[data-test=create-account]').click()
  const create = page.locator('.el-drawer', { hasText: '初始密码' })
  await create.locator('input[name=username]').fill(username)
  await create.locator('input[name=displayName]').fill('浏览器测试运营')
  await create.locator('[data-test=unit-tree]').click()
  const unit = (name) => page.locator('.el-tree-select__popper:visible .el-tree-node__content', { hasText: name }).first()
  await unit('南京市妇联').locator('.el-tree-node__expand-icon').click()
  await unit('南京市妇女儿童活动中心').click()
  await create.getByText('运营人员').click()
  await create.locator('input[name=initialPassword]').fill('Qinhuai-river-2026')
  await settled(page)
  await axe(page, 'account creation')
  await shot(page, 'account-create-desktop')
  await create.locator('[data-test=save-account]').click()
  const row = page.locator('[data-test=accounts] .el-table__row', { hasText: username })
  await row.waitFor()
  await row.locator('[data-test=view-account]').click()
  const detail = page.locator('.el-drawer', { hasText: '调整单位与角色' })
  await detail.locator('[data-test=history] .el-timeline-item').first().waitFor()

  await detail.locator('[data-test=reset-password]').click()
  const reset = page.locator('.el-message-box', { hasText: '下次登录时须修改密码' })
  await reset.locator('input').fill('Zhongshan-gate-2027')
  await reset.getByRole('button', { name: '重置密码' }).click()
  await page.locator('.el-message', { hasText: '该用户下次登录时须修改密码' }).waitFor()
  await detail.locator('[data-test=history] .el-timeline-item', { hasText: '重置密码' }).waitFor()
  await detail.locator('[data-test=account-password-state]', { hasText: '下次登录时须修改密码' }).waitFor()

  await detail.locator('[data-test=disable-account]').click()
  const disable = page.locator('.el-message-box', { hasText: '请填写原因' })
  await disable.locator('input').fill('浏览器测试结束')
  await disable.getByRole('button', { name: '停用' }).click()
  await detail.locator('[data-test=account-status]', { hasText: '已停用' }).waitFor()
  await detail.locator('[data-test=history] .el-timeline-item', { hasText: '停用账号' }).waitFor()
  await settled(page)
  await axe(page, 'account')
  await shot(page, 'account-desktop')
  await page.keyboard.press('Escape')
  await row.locator('.el-tag', { hasText: '已停用' }).waitFor()
}

/** At phone width: the worker's screens, where they record on site, and a dashboard. */
async function phoneFlow(browser) {
  const page = await open(browser, PHONE, 'phone')
  await page.goto(`${BASE}/login`)
  await shot(page, 'login-phone')
  await login(page, 'worker')
  await shot(page, 'home-phone')
  await navigate(page, '我的驿站 · 服务登记', '/station')
  await chooseStation(page)
  await page.getByText('妇女儿童之家').first().waitFor()
  await axe(page, 'station (phone)')
  await shot(page, 'station-phone')
  await page.locator('[data-test=record-service]').click()
  await page.locator('.el-drawer [data-test=save]').waitFor()
  await axe(page, 'record service (phone)')
  await shot(page, 'record-service-phone')
  await page.keyboard.press('Escape')
  for (const [button, save, name] of [['record-survey', 'save-survey', 'needs-survey'], ['record-hours', 'save-hours', 'volunteer-hours'], ['refer-case', 'save-referral', 'refer-case']]) {
    await page.locator('.el-drawer').first().waitFor({ state: 'hidden' }).catch(() => {})
    await page.locator(`[data-test=${button}]`).click()
    await page.locator(`.el-drawer [data-test=${save}]`).waitFor()
    await settled(page)
    await axe(page, `${name} (phone)`)
    await shot(page, `${name}-phone`)
    await page.keyboard.press('Escape')
  }
  await navigate(page, '服务记录', '/records')
  await chooseStation(page)
  await page.locator('[data-test=records] .el-table__row').first().waitFor()
  await shot(page, 'records-phone')
  // The actions column lies beyond the phone's width, in the table's horizontal scroll.
  const correct = page.locator('[data-test=records] [data-test=correct]').first()
  await correct.scrollIntoViewIfNeeded().catch(() => {})
  await correct.dispatchEvent('click')
  await page.locator('.el-drawer [data-test=save-correction]').waitFor()
  await settled(page)
  await axe(page, 'correct a record (phone)')
  await shot(page, 'correct-record-phone')
  await page.keyboard.press('Escape')
  await logout(page)
  await login(page, 'admin')
  await navigate(page, '数据驾驶舱', '/dashboard')
  await page.locator('canvas').first().waitFor()
  await axe(page, 'dashboard (phone)')
  await shot(page, 'dashboard-phone')
  return page
}

/** Picks a district in a screen's district filter (an Element Plus select). */
async function chooseDistrict(page, district) {
  await page.locator('[data-test=district]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: district }).click()
}

/**
 * A leader (the auditor): every dashboard tab, one filtered by district and exported; the network played through
 * the years; an evaluation generated and downloaded; needs surveys searched.
 */
async function leaderFlow(browser) {
  const page = await open(browser, DESKTOP, 'auditor')
  await login(page, 'auditor')
  await navigate(page, '数据驾驶舱', '/dashboard')
  await page.locator('[data-test=services-total]').waitFor()
  for (const [tab, api, marker] of [['需求缺口', '/api/dashboard/needs', 'needs-surveys'], ['经费', '/api/dashboard/funding', 'funding-allocated'],
    ['志愿时长', '/api/dashboard/volunteer-hours', 'volunteer-hours'], ['转介', '/api/dashboard/referrals', 'referrals-table']]) {
    const answered = page.waitForResponse((r) => r.url().includes(api) && r.ok())
    await page.getByRole('tab', { name: tab }).click()
    await answered
    await page.locator(`[data-test=${marker}]`).waitFor()
    await axe(page, `dashboard ${tab}`)
    if (tab === '需求缺口') await shot(page, 'dashboard-needs-desktop')
  }
  const filtered = page.waitForResponse((r) => r.url().includes('/api/dashboard/referrals?district=') && r.ok())
  await chooseDistrict(page, '玄武区')
  await filtered
  await page.locator('[data-test=referrals-table] .el-table__row').first().waitFor()
  await shot(page, 'dashboard-referrals-desktop')
  const exported = page.waitForEvent('download')
  await page.locator('[data-test=export]').click()
  const csv = readFileSync(await (await exported).path(), 'utf8')
  check(csv.startsWith('\uFEFF受理中心,转介数'), `the referrals table's CSV starts with ${JSON.stringify(csv.substring(0, 40))}`)
  const referralsXlsx = await downloadXlsx(page, page.locator('[data-test=export-xlsx]'))
  check(referralsXlsx.name.includes('玄武区'), `the referrals dashboard's workbook is named ${referralsXlsx.name}`)
  check(referralsXlsx.text.includes('受理中心') && referralsXlsx.text.includes('妇女维权服务中心'), 'the referrals dashboard\'s workbook lacks its heading or the rights centre\'s row')

  await navigate(page, '历史回溯', '/as-of')
  await page.locator('[data-test=as-of-position]').waitFor()
  const first = await page.locator('[data-test=as-of-date]').textContent()
  // Playing from today starts at the beginning and steps a quarter at a time, each date asked for and drawn.
  const firstStep = page.waitForResponse((r) => r.url().includes('/api/as-of?date=2014-04') && r.ok())
  const secondStep = page.waitForResponse((r) => r.url().includes('/api/as-of?date=2014-07') && r.ok())
  await page.locator('[data-test=as-of-play]').click()
  await firstStep
  await secondStep
  await page.getByRole('button', { name: '暂停' }).click()
  check(await page.locator('[data-test=as-of-date]').textContent() !== first, 'playing did not move the as-of date')
  await page.getByRole('button', { name: '播放' }).waitFor()
  await axe(page, 'as-of (played)')

  await navigate(page, '评估报告', '/evaluation')
  await page.locator('[data-test=generate]').click()
  await page.locator('[data-test=evaluation-subject]').waitFor()
  await page.locator('[data-test=evaluation-services] .el-table__row').first().waitFor()
  await axe(page, 'evaluation')
  await shot(page, 'evaluation-desktop')
  const csvHref = await page.locator('[data-test=evaluation-csv]').getAttribute('href')
  const download = page.waitForEvent('download')
  await page.locator('[data-test=evaluation-csv]').click()
  const file = await download
  check(file.suggestedFilename().endsWith('.csv'), `the evaluation downloads as ${file.suggestedFilename()}`)
  const bytes = readFileSync(await file.path())
  check(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'the evaluation CSV starts without its byte-order mark')
  const asCsv = await page.request.get(`${BASE}${csvHref}`)
  check(asCsv.ok() && asCsv.headers()['content-type'].startsWith('text/csv'), `the evaluation CSV is served as ${asCsv.headers()['content-type']}`)
  const evaluationXlsx = await downloadXlsx(page, page.locator('[data-test=evaluation-xlsx]'))
  check(evaluationXlsx.text.includes('评估报告'), 'the evaluation workbook has no sheet 评估报告')
  const htmlHref = await page.locator('[data-test=evaluation-html]').getAttribute('href')
  const asHtml = await page.request.get(`${BASE}${htmlHref}`)
  check(asHtml.ok() && asHtml.headers()['content-type'].startsWith('text/html'), `the printable evaluation is served as ${asHtml.headers()['content-type']}`)

  await navigate(page, '全文检索', '/search')
  const searched = page.waitForResponse((r) => r.url().includes('/api/needs-surveys/search') && r.ok())
  await page.locator('[data-test=search-kind]').getByText('需求调查').click()
  await searched
  await page.locator('[data-test=survey-results]').waitFor()
  await axe(page, 'needs search')
  await logout(page)
  return page
}

/**
 * Transitions over: the phone menu closed, a tag zoomed in (axe reads colours mid-fade). A toast still showing is
 * hidden rather than waited out (it stays ~3 s): neither axe nor a screenshot then reads it, as when it had gone.
 */
async function settled(page) {
  await page.locator('.el-message').evaluateAll((toasts) => toasts.forEach((toast) => { toast.style.visibility = 'hidden' }))
  await page.locator('.menu-drawer').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {})
  await still(page)
}

/**
 * Excel in (hq, an operator): the four kinds offered, a template downloaded, a small services file with one bad
 * row imported and followed to its end, the report filtered to the refused row (its code and Chinese detail) and
 * downloaded; then a list exported (the station's service records, the imported ones among them).
 */
async function importFlow(browser) {
  const page = await open(browser, DESKTOP, 'import')
  await login(page, 'hq')
  await navigate(page, '数据导入', '/import')
  const kinds = await page.locator('[data-test=import-kind] .el-radio-button').allTextContents()
  check(kinds.map((k) => k.trim()).join('|') === '服务记录|需求调研|巾帼志愿者|资金到账', `the operator is offered ${kinds.join('|')}`)
  const template = await downloadXlsx(page, page.locator('[data-test=import-template]'))
  check(template.text.includes('驿站编号') && template.text.includes('填写说明'), 'the services template lacks its headings or its sheet 填写说明')
  await page.locator('[data-test=import-file] input[type=file]').setInputFiles(IMPORT_FILE)
  await page.locator('[data-test=import-start]').click()
  await page.locator('[data-test=import-progress][data-status=DONE]').waitFor({ timeout: 60_000 })
  await page.locator('[data-test=import-rows] .el-table__row').first().waitFor()
  const accepted = (await page.locator('[data-test=import-accepted]').textContent()).trim()
  const refused = (await page.locator('[data-test=import-refused]').textContent()).trim()
  check(accepted === String(IMPORT_GOOD_ROWS) && refused === '1', `the import recorded ${accepted} and refused ${refused} (expected ${IMPORT_GOOD_ROWS} and 1)`)
  await page.locator('[data-test=import-outcome]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '未通过' }).click()
  const rows = page.locator('[data-test=import-rows] .el-table__row')
  await page.waitForFunction(() => document.querySelectorAll('[data-test=import-rows] .el-table__row').length === 1)
  const refusedRow = (await rows.first().textContent()).trim()
  check(refusedRow.startsWith(IMPORT_BAD_ROW) && refusedRow.includes('PARTICIPANTS_INVALID') && /[\u4e00-\u9fff]/.test(refusedRow.replace('未通过', '')),
    `the refused row reads ${refusedRow}`)
  await page.locator('.el-select-dropdown').first().waitFor({ state: 'hidden' }).catch(() => {})
  await settled(page)
  await axe(page, 'import')
  await shot(page, 'import-desktop')
  const report = await downloadXlsx(page, page.locator('[data-test=import-report-xlsx]'))
  check(report.text.includes('PARTICIPANTS_INVALID') && report.text.includes('汇总'), 'the import report lacks the refused row or its summary sheet')

  await navigate(page, '服务记录', '/records')
  await chooseStation(page)
  await page.locator('.el-table__row').first().waitFor()
  const records = await downloadXlsx(page, page.locator('[data-test=export-xlsx]'))
  check(records.text.includes('服务内容') && records.text.includes(STATION) && records.text.includes('导入的服务'), 'the records workbook lacks its heading, the station or an imported service')
  await shot(page, 'records-export-desktop')
  return page
}

/** Operations (hq): admit an alliance member through the screens, receive and allocate a fund, open a station. */
async function operationsFlow(browser) {
  const page = await open(browser, DESKTOP, 'operations')
  await login(page, 'hq')
  const suffix = String(Date.now() % 100_000)
  const organisation = `浏览器测试巾帼家政${suffix}`
  await navigate(page, '品牌联盟 · 成员审核', '/alliance')
  await page.locator('[data-test=members] .el-table__row').first().waitFor()
  await settled(page)
  await axe(page, 'alliance')
  await shot(page, 'alliance-desktop')
  await page.locator('[data-test=apply]').click()
  const apply = page.locator('.el-drawer', { hasText: '统一社会信用代码' })
  await apply.locator('input[name=organisationName]').fill(organisation)
  await apply.locator('input[name=creditCode]').fill(CREDIT_CODE)
  await apply.locator('input[name=contactPerson]').fill('李敏')
  await apply.locator('input[name=contactPhone]').fill('13912345678')
  await settled(page)
  await axe(page, 'alliance application')
  await apply.locator('[data-test=save-application]').click()
  const row = page.locator('[data-test=members] .el-table__row', { hasText: organisation })
  await row.waitFor()
  await row.locator('[data-test=view-member]').click()
  const member = page.locator('.el-drawer', { hasText: organisation })
  await member.locator('[data-test=approve]').click()
  await member.locator('textarea[name=notes]').fill('资质材料齐全，同意入盟')
  await member.locator('[data-test=save-review]').click()
  await member.locator('[data-test=sign]').waitFor()
  await member.locator('input[name=signatory]').fill('李敏')
  await member.locator('[data-test=sign]').click()
  await member.locator('[data-test=admit]').waitFor()
  await member.locator('[data-test=admit]').click()
  await page.locator('.el-message-box').getByRole('button', { name: '准予入盟' }).click()
  await member.locator('[data-test=member-status-tag]', { hasText: '已入盟' }).waitFor()
  await member.locator('[data-test=history] .el-timeline-item').nth(3).waitFor()
  await settled(page)
  await axe(page, 'alliance member')
  await shot(page, 'alliance-member-desktop')
  await page.keyboard.press('Escape')

  await navigate(page, '资金管理', '/funds')
  await page.locator('[data-test=receive]').click()
  const receive = page.locator('.el-drawer', { hasText: '到账时间' })
  await receive.locator('[data-test=fund-source]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '社会资助' }).click()
  await receive.locator('input[name=donor]').fill(`爱心企业${suffix}`)
  await receive.locator('input[name=amount]').fill('10000.50')
  const yesterday = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000))
  const received = receive.locator('.el-form-item', { hasText: '到账时间' }).locator('input').first()
  await received.fill(`${yesterday} 09:30`)
  await received.press('Enter')
  await receive.locator('[data-test=save-fund]').click()
  const fundRow = page.locator('[data-test=funds] .el-table__row', { hasText: '¥10,000.50' }).first()
  await fundRow.waitFor()
  await settled(page)
  await axe(page, 'funds')
  await shot(page, 'funds-desktop')
  await fundRow.locator('[data-test=view-fund]').click()
  await page.locator('[data-test=allocate]').click()
  const allocate = page.locator('.el-drawer', { hasText: '拨付对象' })
  // The station is searched for on the server (type to filter), not picked from a first page of 100.
  const searched = page.waitForResponse((r) => r.url().includes('/api/stations?') && r.url().includes('name=') && r.ok())
  await allocate.locator('[data-test=allocation-station] input').fill(STATION)
  await searched
  await page.locator('.el-select-dropdown__item:visible', { hasText: STATION }).first().click()
  await allocate.locator('input[name=amount]').fill('1234.56')
  // Entered today, dated when it happened: after the receipt, before the spending below (business dates).
  const allocatedAt = allocate.locator('.el-form-item', { hasText: '拨付时间' }).locator('input').first()
  await allocatedAt.fill(`${yesterday} 09:45`)
  await allocatedAt.press('Enter')
  await allocate.locator('[data-test=save-allocation]').click()
  const allocation = page.locator('[data-test=allocations] .el-table__row', { hasText: '¥1,234.56' })
  await allocation.waitFor()
  await page.locator('[data-test=unallocated]', { hasText: '¥8,765.94' }).waitFor()
  await settled(page)
  await axe(page, 'fund')

  // 支出: 234.56 yuan against the allocation; its balance shows the remainder as soon as it is saved.
  await allocation.locator('[data-test=spend-allocation]').click()
  const spend = page.locator('.el-drawer', { hasText: '凭证号' })
  await spend.locator('input[name=amount]').fill('234.56')
  await spend.locator('textarea[name=purpose]').fill('购置亲子阅读图书')
  const spent = spend.locator('.el-form-item', { hasText: '支出时间' }).locator('input').first()
  await spent.fill(`${yesterday} 10:00`)
  await spent.press('Enter')
  await spend.locator('input[name=voucherNumber]').fill(`PZ-${suffix}`)
  await settled(page)
  await axe(page, 'expenditure')
  await shot(page, 'expenditure-desktop')
  await spend.locator('[data-test=save-expenditure]').click()
  await page.locator('[data-test=allocations] .el-table__row', { hasText: '¥1,000.00' }).waitFor()
  await page.locator('[data-test=fund-spent]', { hasText: '¥234.56' }).waitFor()

  // 释放: the allocation's remaining 1,000.00 returns to the fund.
  await allocation.locator('[data-test=release-allocation]').click()
  const release = page.locator('.el-message-box', { hasText: '请填写原因' })
  await release.locator('input').fill('项目提前结束')
  await release.getByRole('button', { name: '收回结余' }).click()
  // (Released, the allocation holds only what was spent: its row reads ¥234.56 allocated.)
  await page.locator('[data-test=allocations] .el-table__row .el-tag', { hasText: '已收回' }).waitFor()
  await page.locator('[data-test=unallocated]', { hasText: '¥9,765.94' }).waitFor()
  await page.locator('[data-test=history] .el-timeline-item', { hasText: '收回拨付结余' }).waitFor()
  await settled(page)
  await axe(page, 'fund after release')
  await shot(page, 'fund-desktop')
  await page.keyboard.press('Escape')

  await navigate(page, '组织网络 · 网络架构', '/org-tree')
  const node = (name) => page.locator('[data-test=unit-tree] .el-tree-node__content', { hasText: name }).first()
  await node('南京市妇联').locator('.el-tree-node__expand-icon').click()
  await node('南京市妇女儿童活动中心').locator('.el-tree-node__expand-icon').click()
  await node('玄武区妇儿活动中心').click()
  await page.locator('[data-test=establish-home]').click()
  const home = `玄武区浏览器测试${suffix}社区妇女儿童之家`
  const homeDrawer = page.locator('.el-drawer', { hasText: '上级单位' })
  await homeDrawer.locator('input[name=homeName]').fill(home)
  await homeDrawer.locator('[data-test=save-home]').click()
  await node(home).click()
  await page.locator('[data-test=open-station]').click()
  const stationName = `玄武区浏览器测试${suffix}家庭驿站`
  const stationDrawer = page.locator('.el-drawer', { hasText: '开设家庭驿站' })
  await stationDrawer.locator('input[name=stationName]').fill(stationName)
  await stationDrawer.locator('[data-test=save-station]').click()
  await page.locator('[data-test=home-stations] .el-table__row', { hasText: stationName }).waitFor()
  await settled(page)
  await axe(page, 'org tree')
  await shot(page, 'org-tree-desktop')

  await navigate(page, '妇工·社工·义工', '/people')
  await page.locator('[data-test=social-workers]').waitFor()
  await page.locator('[data-test=social-workers] .el-loading-mask').waitFor({ state: 'detached' }).catch(() => {})
  await settled(page)
  await axe(page, 'people')
  await shot(page, 'people-desktop')
  await logout(page)
  return page
}

/** A leader at phone width: the dashboards, the evaluation and the network as of a date. */
async function leaderPhoneFlow(browser) {
  const page = await open(browser, PHONE, 'auditor (phone)')
  await login(page, 'auditor')
  await navigate(page, '数据驾驶舱', '/dashboard')
  await page.locator('[data-test=services-total]').waitFor()
  const answered = page.waitForResponse((r) => r.url().includes('/api/dashboard/needs') && r.ok())
  await page.getByRole('tab', { name: '需求缺口' }).click()
  await answered
  await page.locator('[data-test=needs-surveys]').waitFor()
  await axe(page, 'dashboard needs (phone)')
  await shot(page, 'dashboard-needs-phone')
  await navigate(page, '评估报告', '/evaluation')
  await page.locator('[data-test=generate]').click()
  await page.locator('[data-test=evaluation-services] .el-table__row').first().waitFor()
  await axe(page, 'evaluation (phone)')
  await shot(page, 'evaluation-phone')
  await navigate(page, '历史回溯', '/as-of')
  await page.locator('[data-test=as-of-position]').waitFor()
  await page.locator('canvas').first().waitFor()
  await axe(page, 'as-of (phone)')
  await shot(page, 'as-of-phone')
  return page
}

/** The admin page and the accounts at phone width (ADMIN): an operator on call looks from a phone. */
async function adminPhoneFlow(browser) {
  const page = await open(browser, PHONE, 'admin (phone)')
  await login(page, 'admin')
  await navigate(page, '系统管理', '/admin')
  await page.locator('[data-test=processors] .el-table__row').first().waitFor()
  await page.locator('[data-test=flow-control]').getByText(/正常|限流中/).waitFor()
  await settled(page)
  await axe(page, 'admin (phone)')
  await shot(page, 'admin-phone')
  await navigate(page, '系统管理 · 账号管理', '/accounts')
  await page.locator('[data-test=accounts] .el-table__row').first().waitFor()
  await settled(page)
  await axe(page, 'accounts (phone)')
  await shot(page, 'accounts-phone')
  await page.locator('[data-test=accounts] [data-test=view-account]').first().click()
  await page.locator('[data-test=account-detail]').waitFor()
  await page.locator('[data-test=history] .el-timeline-item').first().waitFor()
  await settled(page)
  await axe(page, 'account (phone)')
  await shot(page, 'account-phone')
  return page
}

/** The operations screens at phone width. */
async function operationsPhoneFlow(browser) {
  const page = await open(browser, PHONE, 'operations phone')
  await login(page, 'hq')
  await navigate(page, '品牌联盟 · 成员审核', '/alliance')
  await page.locator('[data-test=members] .el-table__row').first().waitFor()
  await settled(page)
  await axe(page, 'alliance (phone)')
  await shot(page, 'alliance-phone')
  await page.locator('[data-test=members] [data-test=view-member]').first().click()
  await page.locator('[data-test=history] .el-timeline-item').first().waitFor()
  await settled(page)
  await axe(page, 'alliance member (phone)')
  await shot(page, 'alliance-member-phone')
  await page.keyboard.press('Escape')
  await navigate(page, '资金管理', '/funds')
  await page.locator('[data-test=funds] .el-table__row').first().waitFor()
  await settled(page)
  await axe(page, 'funds (phone)')
  await shot(page, 'funds-phone')
  await page.locator('[data-test=funds] [data-test=view-fund]').first().click()
  await page.locator('[data-test=allocations]').waitFor()
  await page.locator('[data-test=history] .el-timeline-item').first().waitFor()
  await settled(page)
  await axe(page, 'fund (phone)')
  await shot(page, 'fund-phone')
  await page.keyboard.press('Escape')
  await navigate(page, '组织网络 · 网络架构', '/org-tree')
  await page.locator('[data-test=unit-tree] .el-tree-node__expand-icon').first().click()
  await page.locator('[data-test=unit-tree] .el-tree-node__content', { hasText: '南京市妇女儿童活动中心' }).click()
  await page.locator('[data-test=unit-detail]', { hasText: '运营总部' }).waitFor()
  await settled(page)
  await axe(page, 'org tree (phone)')
  await shot(page, 'org-tree-phone')
  await navigate(page, '妇工·社工·义工', '/people')
  await page.locator('[data-test=social-workers]').waitFor()
  await settled(page)
  await axe(page, 'people (phone)')
  await shot(page, 'people-phone')
  return page
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
try {
  for (const [name, flow] of [['worker', workerFlow], ['centre', centreFlow], ['admin', adminFlow], ['admin (phone)', adminPhoneFlow], ['phone', phoneFlow], ['leader', leaderFlow], ['leader (phone)', leaderPhoneFlow], ['operations', operationsFlow], ['operations phone', operationsPhoneFlow], ['import', importFlow]]) {
    let page
    try {
      page = await flow(browser)
    } catch (error) {
      failures.push(`${name} flow: ${error.message.split('\n').slice(0, 6).join('\n')}`)
      const pages = browser.contexts().flatMap((c) => c.pages())
      page = pages[pages.length - 1]
      if (page) await page.screenshot({ path: path.join(FAILURES, `${name}.png`) }).catch(() => {})
    }
    if (page) failures.push(...page.errors)
    await page?.context().close()
  }
} finally {
  await browser.close()
}

if (failures.length) {
  console.error(`${failures.length} failure(s):\n- ${failures.join('\n- ')}`)
  process.exit(1)
}
console.log('workbench: all flows passed')
