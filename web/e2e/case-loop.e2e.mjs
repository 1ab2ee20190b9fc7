// Browser test of the case loop (issue 4), one case from report to rating, every step through the
// pages its people use: a resident scans the QR code of grid 440704003001001 and reports with a photo
// (phone), gets a tracking code; the command centre finds it in the queue, accepts it and dispatches it
// to the proposed department from the case page; the department opens it from its inbox, starts and
// handles it with a photo; the grid worker verifies on a phone (375×812); the command centre closes it;
// the resident rates the result on the tracking page.
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=../target/screenshots node --test e2e/case-loop.e2e.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { deflateSync } from 'node:zlib'
import { BASE_URL, DESKTOP, PHONE, apiGet, demoAccounts, launch, login, newPage, screenshot } from './support.mjs'

const GRID = '440704003001001'
const DEPARTMENT = 'URBAN_MGMT'
const DESCRIPTION = '外海大道路口有一堆暴露垃圾，已经两天没人清理。<script>alert(1)</script>'

let browser
let accounts

before(async () => {
  accounts = await demoAccounts()
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

const account = (username) => {
  const found = accounts.find((a) => a.username === username)
  assert.ok(found, `the demo has the account "${username}"`)
  return found
}

// ---- a small real PNG (the server checks the content and makes a thumbnail) ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
/** A 96×64 RGB PNG in one colour with a darker band, so that each photo differs. */
function png([r, g, b]) {
  const width = 96
  const height = 64
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const band = y > 24 && y < 40 ? 0.5 : 1
      row.set([r * band, g * band, b * band].map(Math.round), 1 + x * 3)
    }
    rows.push(row)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}
const photo = (name, colour) => ({ name, mimeType: 'image/png', buffer: png(colour) })

// ---- helpers ----
const canonical = (code) => code.toUpperCase().replace(/[^0-9A-Z]/g, '')

/** A point inside the grid: the mean of its outer ring's corners, checked with the locator. */
async function pointInsideGrid(page) {
  const grid = await apiGet(page, `/api/geo/grids/${GRID}`)
  assert.equal(grid.status, 200, `GET grid ${GRID}`)
  const geometry = grid.body.geometry
  const ring = (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0]).slice(0, -1)
  const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length
  const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length
  const located = await apiGet(page, `/api/geo/locate?lon=${lon}&lat=${lat}`)
  assert.equal(located.body?.gridCode, GRID, `the point ${lon},${lat} lies in grid ${GRID}`)
  return { longitude: lon, latitude: lat }
}

/** Picks class and leaf in an Element Plus cascader by their visible names. */
/** The native input or textarea of an Element Plus input (which puts the test id on the native element). */
function field(page, testId) {
  const id = `[data-testid="${testId}"]`
  return page.locator(`input${id}, textarea${id}, ${id} input, ${id} textarea`).first()
}

async function pickCategory(page, testId, className, leafName) {
  await page.getByTestId(testId).click()
  const popper = page.locator('.case-category-popper:visible')
  await popper.locator('.el-cascader-node', { hasText: className }).first().click()
  await popper.locator('.el-cascader-node', { hasText: leafName }).first().click()
  await popper.waitFor({ state: 'hidden' })
}

/** Uploads through the photo picker and waits until the upload finished. */
async function addPhoto(page, testId, file) {
  const uploaded = await page.locator(`[data-testid="${testId}-item"][data-state="done"]`).count()
  await page.getByTestId(`${testId}-input`).setInputFiles(file)
  await page.locator(`[data-testid="${testId}-item"][data-state="done"]`).nth(uploaded).waitFor()
}

/** The command centre's and the department's case page (CaseDetailPage). */
async function waitForDetailStatus(page, status) {
  await page.locator(`[data-testid="case-title"] [data-testid="case-status"][data-status="${status}"]`).waitFor()
}

/** Opens the action dialog of a button on the case page; `fill` fills it in; sends it and waits for the new status. */
async function act(page, action, status, fill = async () => {}) {
  await page.getByTestId(`case-action-${action}`).click()
  const dialog = page.locator(`[data-testid="case-action-dialog"][data-action="${action}"]`)
  await dialog.waitFor()
  await fill(dialog)
  await page.getByTestId('dialog-submit').click()
  await dialog.waitFor({ state: 'hidden' })
  await waitForDetailStatus(page, status)
}

async function waitForCaseStatus(page, status) {
  await page.locator(`[data-testid="field-case-page"] [data-testid="case-status"][data-status="${status}"]`).first().waitFor()
}

test('one case goes from a resident report to the resident rating', async () => {
  const command = account('command')
  const department = account('department')
  const gridworker = account('gridworker')

  // Where the resident stands: inside grid 440704003001001 (the grid worker may read the grid).
  const probe = await newPage(browser, DESKTOP)
  let position
  try {
    await login(probe.page, gridworker)
    position = await pointInsideGrid(probe.page)
  } finally {
    await probe.context.close()
  }

  // 1. The resident scans the notice-board QR code and reports with a photo, on a phone.
  const resident = await newPage(browser, { ...PHONE, geolocation: position, permissions: ['geolocation'] })
  let code
  try {
    const { page } = resident
    await page.goto(`${BASE_URL}/g/${GRID}`)
    await page.getByTestId('public-grid-report').click()
    await page.waitForURL(new RegExp(`/report\\?grid=${GRID}`))
    await page.getByTestId('public-report-grid').waitFor()
    await page.getByTestId('use-my-position').click()
    await page.locator('[data-testid="position-value"][data-source="gps"]').waitFor()
    await pickCategory(page, 'public-report-category', '市容环境', '暴露垃圾')
    await field(page, 'public-report-description').fill(DESCRIPTION)
    await addPhoto(page, 'public-report-photos', photo('garbage.png', [150, 120, 60]))
    await field(page, 'public-report-phone').fill('13800138000')
    await page.screenshot({ path: screenshot('case-loop-1-resident-report.png'), fullPage: true })
    await page.getByTestId('public-report-submit').click()

    const shown = page.getByTestId('public-report-code')
    await shown.waitFor()
    code = (await shown.innerText()).trim()
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, `tracking code shown: ${code}`)
    await page.screenshot({ path: screenshot('case-loop-2-resident-code.png') })

    await page.getByTestId('public-report-track').click()
    await page.locator('[data-testid="track-view"][data-status="REPORTED"]').waitFor()
    const timeline = await page.getByTestId('track-timeline').innerText()
    assert.ok(!timeline.includes('13800138000'), 'the tracking page never shows the phone number')
    assert.deepEqual(resident.page.errors, [], 'no script errors on the resident pages')
  } finally {
    await resident.context.close()
  }

  // 2. The command centre finds the case in its queue, accepts it and dispatches it to the proposed department.
  const centre = await newPage(browser, DESKTOP)
  let caseId
  try {
    const { page } = centre
    await login(page, command)
    await page.getByTestId('menu-cases').click()
    await page.getByTestId('queue-q').fill(code)
    await page.getByTestId('queue-q').press('Enter')
    const row = page.getByTestId('queue-table').locator('.el-table__row', { hasText: code })
    await row.waitFor()
    await row.click()
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/)
    caseId = page.url().split('/').pop()
    assert.equal(await page.getByTestId('case-tracking-code').innerText(), code)
    await waitForDetailStatus(page, 'REPORTED')
    assert.ok((await page.getByTestId('case-description').innerText()).includes('<script>alert(1)</script>'), 'the description is shown as text')

    await act(page, 'ACCEPT', 'ACCEPTED')
    await act(page, 'DISPATCH', 'DISPATCHED', async (dialog) => {
      const proposal = dialog.getByTestId('dialog-proposal')
      await proposal.getByText('城市管理和综合执法办公室').waitFor()
      // The proposed department is chosen already: the operator only confirms.
      await dialog.locator('[data-testid="dialog-assignee"]').getByText('城市管理和综合执法办公室').waitFor()
      await page.screenshot({ path: screenshot('case-loop-3-command-dispatch.png') })
    })
    const assignee = page.getByTestId('case-assignee')
    assert.equal(await assignee.getAttribute('data-kind'), 'DEPARTMENT')
    assert.equal(await assignee.getAttribute('data-target-id'), DEPARTMENT)
    assert.deepEqual(page.errors, [], 'no script errors on the command centre pages')
  } finally {
    await centre.context.close()
  }

  // 3. The department opens it from its inbox, starts and handles it with a photo.
  const dept = await newPage(browser, DESKTOP)
  try {
    const { page } = dept
    await login(page, department)
    await page.getByTestId('menu-inbox').click()
    const item = page.locator(`[data-testid="inbox-toAccept"] [data-testid="inbox-item"][data-id="${caseId}"]`)
    await item.waitFor()
    await item.click()
    await page.waitForURL(`**/cases/${caseId}`)
    await waitForDetailStatus(page, 'DISPATCHED')
    await act(page, 'START', 'IN_PROGRESS')
    await act(page, 'HANDLE', 'HANDLED', async (dialog) => {
      await field(dialog, 'dialog-result').fill('垃圾已全部清运，路面已清扫。')
      await addPhoto(dialog, 'dialog-photos', photo('cleaned.png', [60, 150, 80]))
    })
    await page.screenshot({ path: screenshot('case-loop-4-department-handled.png'), fullPage: true })
    assert.deepEqual(page.errors, [], 'no script errors on the department pages')
  } finally {
    await dept.context.close()
  }

  // 4. The grid worker of the grid verifies on site, on a phone.
  const worker = await newPage(browser, PHONE)
  try {
    const { page } = worker
    await login(page, gridworker)
    await page.getByTestId('hamburger').click()
    await page.getByTestId('menu-my-cases').click()
    await page.getByTestId('my-cases-list-verify').waitFor()
    const card = page.locator(`[data-testid="my-case-card"][data-tracking-code="${canonical(code)}"], [data-testid="my-case-card"][data-tracking-code="${code}"]`)
    await card.first().click()
    await waitForCaseStatus(page, 'HANDLED')
    const result = await page.getByTestId('field-case-handling-result').innerText()
    assert.ok(result.includes('垃圾已全部清运'), `the handling result is shown: ${result}`)
    await page.getByTestId('field-case-handling-photos').locator('img').first().waitFor()
    await addPhoto(page, 'action-photos', photo('checked.png', [60, 90, 160]))
    await field(page, 'action-text').fill('现场核查，已清理干净。')
    await page.screenshot({ path: screenshot('case-loop-5-gridworker-verify-phone.png'), fullPage: true })
    await page.getByTestId('action-verify-pass').click()
    await waitForCaseStatus(page, 'VERIFIED')
    assert.deepEqual(page.errors, [], 'no script errors on the grid worker pages')
  } finally {
    await worker.context.close()
  }

  // 5. The command centre closes the case from its page.
  const closer = await newPage(browser, DESKTOP)
  try {
    const { page } = closer
    await login(page, command)
    await page.goto(`${BASE_URL}/cases/${caseId}`)
    await waitForDetailStatus(page, 'VERIFIED')
    await act(page, 'CLOSE', 'CLOSED', async (dialog) => {
      await field(dialog, 'dialog-note').fill('核查通过，结案。')
    })
    await page.screenshot({ path: screenshot('case-loop-6-command-closed.png'), fullPage: true })
    assert.deepEqual(page.errors, [], 'no script errors when closing')
  } finally {
    await closer.context.close()
  }

  // 6. The resident types the code on the tracking page and rates the result.
  const again = await newPage(browser, PHONE)
  try {
    const { page } = again
    await page.goto(`${BASE_URL}/track`)
    await field(page, 'track-code-input').fill(code.toLowerCase().replace(/-/g, ' '))
    await page.getByTestId('track-code-submit').click()
    await page.locator('[data-testid="track-view"][data-status="CLOSED"]').waitFor()
    const actions = await page.getByTestId('track-timeline-entry').evaluateAll((els) => els.map((e) => e.dataset.action))
    for (const action of ['REPORT', 'ACCEPT', 'DISPATCH', 'HANDLE', 'VERIFY_PASS', 'CLOSE']) {
      assert.ok(actions.includes(action), `the public timeline shows ${action}: ${actions}`)
    }
    const text = await page.getByTestId('public-track-page').innerText()
    for (const hidden of ['垃圾已全部清运', '现场核查', '城市管理和综合执法办公室', '13800138000']) {
      assert.ok(!text.includes(hidden), `the tracking page does not show "${hidden}"`)
    }
    await page.getByTestId('track-rate-form').waitFor()
    await page.getByTestId('track-rate-stars').locator('.el-rate__item').nth(4).click()
    await field(page, 'track-rate-comment').fill('处理很及时，谢谢！')
    await page.getByTestId('track-rate-submit').click()
    const rated = page.getByTestId('track-rating')
    await rated.waitFor()
    assert.ok((await rated.innerText()).includes('处理很及时'), 'the rating comment is shown')
    await page.screenshot({ path: screenshot('case-loop-7-resident-rated.png'), fullPage: true })
    assert.deepEqual(page.errors, [], 'no script errors on the tracking page')
  } finally {
    await again.context.close()
  }
})
