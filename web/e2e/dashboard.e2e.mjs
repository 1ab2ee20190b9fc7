// Browser test: the leader's command dashboard shows the API's figures at 1920×1080 without a
// scrollbar, and the statistics page drills down from a community's closure rate to its cases.
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=../target/screenshots node --test e2e/dashboard.e2e.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, PHONE, apiGet, demoAccounts, launch, login, newPage, screenshot } from './support.mjs'

const WALL = { viewport: { width: 1920, height: 1080 } }
// The same formatting as src/insight/insightFormat.ts (zh-CN).
const count = (v) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString('zh-CN'))
const rate = (v) => (v === null || v === undefined ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)} %`)
const TILES = {
  reported: count,
  accepted: count,
  closed: count,
  closureRate: rate,
  onTimeHandlingRate: rate,
  reworkRate: rate,
  overdueNow: count,
  dueSoon: count,
  satisfactionRate: rate,
}

let browser
let leader

before(async () => {
  const accounts = await demoAccounts()
  leader = accounts.find((a) => a.role === 'LEADER')
  assert.ok(leader, 'a LEADER demo account exists')
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

async function tileTexts(page) {
  const texts = {}
  for (const key of Object.keys(TILES)) texts[key] = (await page.getByTestId(`tile-value-${key}`).innerText()).trim()
  return texts
}

test('the leader sees the API figures of the article period on the wall screen, without scrolling', async () => {
  const { context, page } = await newPage(browser, WALL)
  try {
    await login(page, leader)
    await page.goto(`${BASE_URL}/dashboard`)
    // The demo opens on the article's period.
    await page.waitForURL(/from=2024-01-01&to=2024-12-31/)
    await page.waitForFunction(() => document.querySelector('[data-testid="tile-value-reported"]')?.textContent?.trim() !== '…')
    await page.screenshot({ path: screenshot('dashboard-1920.png') })
    // overdueNow and dueSoon are the cases as they stand now: the deadline watcher may move them
    // between the page's request and ours, so compare again after a reload until both agree.
    const query = new URL(page.url()).searchParams.toString()
    let expected
    let shown
    for (let attempt = 0; attempt < 5; attempt++) {
      const summary = await apiGet(page, `/api/insight/summary?${query}`)
      assert.equal(summary.status, 200)
      expected = Object.fromEntries(Object.entries(TILES).map(([k, f]) => [k, f(summary.body.indicators[k])]))
      shown = await tileTexts(page)
      if (JSON.stringify(shown) === JSON.stringify(expected)) break
      await page.reload()
      await page.waitForFunction(() => document.querySelector('[data-testid="tile-value-reported"]')?.textContent?.trim() !== '…')
    }
    assert.deepEqual(shown, expected)
    // The article's figures, computed by the server from its records.
    assert.equal(expected.reported, '6,747')
    assert.equal(expected.closureRate, '99.4 %')

    await page.getByTestId('tile-closureRate').hover()
    await page.getByText('结案数 ÷ 受理数').first().waitFor()
    await page.locator('[data-testid="ranking"] li').first().waitFor()
    await page.locator('[data-testid="dashboard-map"] path.leaflet-interactive').first().waitFor()
    const size = await page.evaluate(() => ({
      scrollH: document.documentElement.scrollHeight,
      scrollW: document.documentElement.scrollWidth,
      h: window.innerHeight,
      w: window.innerWidth,
    }))
    assert.ok(size.scrollH <= size.h && size.scrollW <= size.w, `no page scroll at 1920×1080: ${JSON.stringify(size)}`)
    await page.getByTestId('heat-toggle').getByText('超期数').click()
    await page.mouse.move(0, 0)
    // Coloured by overdue now: exactly the grids that the map's answer (in columns, ADR 0035) gives a
    // case overdue now; the rest drawn pale. (The watcher may move a case meanwhile: compare again.)
    let coloured
    let overdueGrids
    for (let attempt = 0; attempt < 5; attempt++) {
      const map = await apiGet(page, `/api/insight/map?${query}`)
      assert.equal(map.status, 200)
      assert.equal(map.body.keys.length, map.body.overdueNow.length)
      overdueGrids = map.body.keys.filter((_, i) => map.body.overdueNow[i] > 0).length
      coloured = await page.locator('[data-testid="dashboard-map"] path.leaflet-interactive[fill-opacity="0.8"]').count()
      if (coloured === overdueGrids) break
      await page.waitForTimeout(500)
    }
    assert.ok(overdueGrids > 0, 'the demo has grids with cases overdue now')
    assert.equal(coloured, overdueGrids)
    await page.waitForTimeout(800)
    await page.screenshot({ path: screenshot('dashboard-1920.png') })
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a community closure rate on the statistics page leads to the cases it counts', async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await login(page, leader)
    const period = 'from=2024-01-01&to=2024-12-31'
    await page.goto(`${BASE_URL}/statistics?${period}`)
    await page.locator('[data-testid^="cell-"][data-testid$="-closureRate"]').first().waitFor()
    const breakdown = await apiGet(page, `/api/insight/breakdown?by=community&${period}`)
    const row = breakdown.body.rows.find((r) => r.indicators.closed > 0)
    assert.ok(row, 'a community closed cases in the period')
    const community = row.key
    assert.match(community, /^\d{12}$/, 'the rows of a subdistrict are its communities')
    const firstRate = page.getByTestId(`cell-${community}-closureRate`)
    assert.equal((await firstRate.innerText()).trim(), rate(row.indicators.closureRate))
    await page.screenshot({ path: screenshot('statistics-desktop.png') })

    await firstRate.click()
    await page.waitForURL(/indicator=closed/)
    await page.getByTestId('case-link').first().waitFor()
    assert.equal((await page.getByTestId('cases-total').innerText()).trim(), String(row.indicators.closed))
    const cases = await apiGet(page, `/api/insight/cases?indicator=closed&region=${community}&${period}&size=1`)
    assert.equal(cases.body.page.total, row.indicators.closed, 'the list counts exactly the number')
    await page.screenshot({ path: screenshot('statistics-cases.png') })

    // The denominator's list is one click away; a case opens its own page.
    await page.getByTestId('cases-lists').getByText('受理的事件').click()
    await page.waitForURL(/indicator=accepted/)
    await page.waitForFunction((n) => document.querySelector('[data-testid="cases-total"]')?.textContent?.trim() === n, String(row.indicators.accepted))
    await page.getByTestId('case-link').first().click()
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a click on a column of the statistics table orders its rows by that figure, as the server ranks them', async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 1440, height: 900 } })
  try {
    await login(page, leader)
    const period = 'from=2024-01-01&to=2024-12-31'
    await page.goto(`${BASE_URL}/statistics?${period}&rows=category`)
    await page.locator('[data-testid^="cell-"][data-testid$="-reported"]').first().waitFor()
    const byKey = await apiGet(page, `/api/insight/breakdown?by=category&${period}&page=0&size=50`)
    const firstCell = () => page.locator('[data-testid^="cell-"][data-testid$="-reported"]').first().getAttribute('data-testid')
    assert.equal(await firstCell(), `cell-${byKey.body.rows[0].key}-reported`, 'by code before any click')

    const ranked = await apiGet(page, `/api/insight/breakdown?by=category&${period}&sort=reported&order=desc&page=0&size=3`)
    const asked = page.waitForResponse((r) => r.url().includes('/api/insight/breakdown') && r.url().includes('sort=reported'))
    await page.locator('th:has([data-testid="col-reported"])').click()
    const response = await asked
    assert.match(response.url(), /order=desc/, 'highest first on the first click')
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid^="cell-"][data-testid$="-reported"]')?.getAttribute('data-testid') === id,
      `cell-${ranked.body.rows[0].key}-reported`,
    )
    assert.equal(
      (await page.getByTestId(`cell-${ranked.body.rows[0].key}-reported`).innerText()).trim(),
      count(ranked.body.rows[0].indicators.reported),
    )

    // the second click: lowest first
    const fewest = await apiGet(page, `/api/insight/breakdown?by=category&${period}&sort=reported&order=asc&page=0&size=3`)
    assert.notEqual(fewest.body.rows[0].key, ranked.body.rows[0].key)
    await page.locator('th:has([data-testid="col-reported"])').click()
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid^="cell-"][data-testid$="-reported"]')?.getAttribute('data-testid') === id,
      `cell-${fewest.body.rows[0].key}-reported`,
    )
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('the statistics page exports the monthly report of a chosen month, as PDF and on a phone as XLSX', async () => {
  for (const [options, format, ext, magic] of [
    [{ viewport: { width: 1440, height: 900 } }, 'pdf', 'pdf', '%PDF'],
    [PHONE, 'xlsx', 'xlsx', 'PK'],
  ]) {
    const { context, page } = await newPage(browser, options)
    try {
      await login(page, leader)
      await page.goto(`${BASE_URL}/statistics?from=2024-01-01&to=2024-12-31`)
      await page.locator('[data-testid^="cell-"][data-testid$="-closureRate"]').first().waitFor()
      await page.getByTestId('export-report').click()
      const dialog = page.getByTestId('report-dialog')
      await dialog.waitFor()
      const month = dialog.getByTestId('report-month').locator('input')
      await month.fill('2024-06')
      await month.press('Enter')
      await dialog.getByTestId(`report-format-${format}`).click()
      if (options === PHONE) {
        const w = await page.evaluate(() => document.documentElement.scrollWidth)
        assert.ok(w <= 375, `the export dialog fits a phone (${w}px)`)
        await page.screenshot({ path: screenshot('statistics-export-phone.png') })
      }
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByTestId('report-download').click()])
      assert.match(file.suggestedFilename(), new RegExp(`2024-06.*\\.${ext}$`), 'the file names the month')
      const stream = await file.createReadStream()
      const chunks = []
      for await (const chunk of stream) chunks.push(chunk)
      const bytes = Buffer.concat(chunks)
      assert.equal(bytes.subarray(0, magic.length).toString('latin1'), magic, `a real ${ext} file`)
      await dialog.waitFor({ state: 'hidden' })
      assert.deepEqual(page.errors, [])
    } finally {
      await context.close()
    }
  }
})

test('on a phone the dashboard stacks its cards', async () => {
  const { context, page } = await newPage(browser, PHONE)
  try {
    await login(page, leader)
    await page.goto(`${BASE_URL}/dashboard?from=2024-01-01&to=2024-12-31`)
    await page.waitForFunction(() => document.querySelector('[data-testid="tile-value-reported"]')?.textContent?.trim() === '6,747')
    await page.locator('[data-testid="ranking"] li').first().waitFor()
    const w = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(w <= 375, `no sideways scroll on a phone (${w}px)`)
    await page.screenshot({ path: screenshot('dashboard-phone.png'), fullPage: true })
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})
