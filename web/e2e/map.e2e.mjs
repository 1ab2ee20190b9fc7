// Browser test of the grid map and the public grid page (issue 3):
// the demo grid worker opens the map, finds their grid with the search box, opens its side panel
// and sees its workers, on a desktop and on a phone; then a board's public URL opens without login.
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=../target/screenshots node --test e2e/map.e2e.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, DESKTOP, PHONE, apiGet, demoAccounts, launch, login, newPage, screenshot } from './support.mjs'

const GRID = '440704003001001'

let browser
let worker

before(async () => {
  const accounts = await demoAccounts()
  worker = accounts.find((a) => a.username === 'gridworker')
  assert.ok(worker, 'the demo has the account "gridworker"')
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/** Signs in as the grid worker, opens the map, finds the grid with the search box and opens its panel. */
async function findGridOnTheMap(page, { phone }) {
  await login(page, worker)
  if (phone) {
    await page.getByTestId('hamburger').click()
    await page.getByTestId('menu').waitFor({ state: 'visible' })
  }
  await page.getByTestId('menu-map').click()
  await page.waitForURL(/\/map/)
  await page.locator('[data-testid="grid-map"] path.leaflet-interactive').first().waitFor()
  const shapes = await page.locator('[data-testid="grid-map"] path.leaflet-interactive').count()
  assert.ok(shapes >= 1, `grid shapes drawn: ${shapes}`)

  const search = page.locator('input[data-testid="map-search"], [data-testid="map-search"] input').first()
  await search.fill(GRID)
  const hit = page.getByTestId('map-search-hit').filter({ hasText: GRID }).first()
  await hit.waitFor()
  await hit.click()

  const panel = page.getByTestId('grid-panel')
  await panel.waitFor({ state: 'visible' })
  assert.ok((await panel.innerText()).includes(GRID), 'the panel shows the grid code')
  await page.getByTestId('grid-worker-name').first().waitFor()
  return panel
}

test('the grid worker finds their grid on the map and sees its workers (desktop)', async () => {
  const { context, page } = await newPage(browser, DESKTOP)
  try {
    const panel = await findGridOnTheMap(page, { phone: false })
    const me = await apiGet(page, '/api/workforce/me')
    assert.equal(me.status, 200, 'the demo grid worker is linked to a worker record')
    const names = await page.getByTestId('grid-worker-name').allInnerTexts()
    assert.ok(names.includes(me.body.name), `the panel lists ${me.body.name} among ${names.join(', ')}`)
    const panelText = await panel.innerText()
    assert.match(panelText, /组长/, 'the lead is tagged')
    assert.match(panelText, /\*{4}/, 'phones are masked')
    assert.equal(await page.getByTestId('phone-reveal').count(), 0, 'a grid worker may not reveal phone numbers')
    assert.ok(Number(await page.getByTestId('grid-map').getAttribute('data-zoom')) >= 14, 'the map flew to the grid')
    await page.waitForTimeout(800)
    await page.screenshot({ path: screenshot('map-desktop.png') })
    assert.deepEqual(page.errors, [], 'no script errors on the map')
  } finally {
    await context.close()
  }
})

test('on a phone the grid panel opens as a drawer', async () => {
  const { context, page } = await newPage(browser, PHONE)
  try {
    await findGridOnTheMap(page, { phone: true })
    await page.waitForTimeout(800)
    await page.screenshot({ path: screenshot('map-phone.png') })
    assert.deepEqual(page.errors, [], 'no script errors on the phone map')
  } finally {
    await context.close()
  }
})

test('my grid on a phone shows the grid centred with the worker position', async () => {
  const probe = await newPage(browser, DESKTOP)
  let position
  try {
    await login(probe.page, worker)
    const grid = await apiGet(probe.page, `/api/geo/grids/${GRID}`)
    assert.equal(grid.status, 200, `GET /api/geo/grids/${GRID}`)
    const ring = grid.body.geometry.type === 'MultiPolygon' ? grid.body.geometry.coordinates[0][0] : grid.body.geometry.coordinates[0]
    const vertices = ring.slice(0, -1)
    position = {
      longitude: vertices.reduce((sum, p) => sum + p[0], 0) / vertices.length,
      latitude: vertices.reduce((sum, p) => sum + p[1], 0) / vertices.length,
      accuracy: 30,
    }
  } finally {
    await probe.context.close()
  }
  const { context, page } = await newPage(browser, { ...PHONE, geolocation: position, permissions: ['geolocation'] })
  try {
    await login(page, worker)
    await page.goto(`${BASE_URL}/my-grid`)
    await page.getByTestId('grid-panel').waitFor()
    assert.ok((await page.getByTestId('grid-panel').innerText()).includes(GRID), 'my grid is the demo grid')
    await page.locator('[data-testid="grid-map"] path.leaflet-interactive').first().waitFor()
    await page.getByTestId('grid-worker-name').first().waitFor()
    await page.waitForTimeout(800)
    await page.screenshot({ path: screenshot('my-grid-phone.png') })
    assert.deepEqual(page.errors, [], 'no script errors on my grid')
  } finally {
    await context.close()
  }
})

test('a board QR URL opens the public grid page without login', async () => {
  const staff = await newPage(browser, DESKTOP)
  let board
  try {
    await login(staff.page, worker)
    const boards = await apiGet(staff.page, `/api/workforce/boards?gridCode=${GRID}`)
    assert.equal(boards.status, 200, 'GET /api/workforce/boards')
    assert.ok(boards.body.items.length > 0, `the grid ${GRID} has boards`)
    board = boards.body.items[0]
  } finally {
    await staff.context.close()
  }
  const url = new URL(board.publicUrl)
  assert.equal(url.pathname, `/g/${GRID}`, `public URL ${board.publicUrl}`)
  assert.equal(url.searchParams.get('b'), board.code)

  const { context, page } = await newPage(browser, PHONE)
  try {
    await page.goto(`${BASE_URL}${url.pathname}${url.search}`)
    const name = page.getByTestId('public-grid-name')
    await name.waitFor()
    assert.equal((await name.innerText()).trim(), board.gridName)
    const workers = await page.getByTestId('public-grid-worker-name').allInnerTexts()
    assert.ok(board.workers.length > 0, 'the board shows workers')
    assert.ok(workers.includes(board.workers[0].name), `the page lists ${board.workers[0].name}: ${workers.join(', ')}`)
    assert.ok((await page.locator('a[href^="tel:"]').count()) > 0, 'work phones are tappable')
    assert.match(await page.locator('body').innerText(), /扫码查看本网格网格员/)
    assert.equal(await page.getByTestId('menu').count(), 0, 'no app menu')
    assert.equal(await page.getByTestId('user-menu').count(), 0, 'nobody signed in')
    assert.equal(new URL(page.url()).pathname, `/g/${GRID}`, 'not sent to the login page')
    await page.screenshot({ path: screenshot('public-grid-phone.png'), fullPage: true })
    assert.deepEqual(page.errors, [], 'no script errors on the public page')
  } finally {
    await context.close()
  }
})
