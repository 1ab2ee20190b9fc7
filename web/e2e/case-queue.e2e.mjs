// Browser test: the command centre's queue and case detail, on a desktop and on a phone.
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=../target/screenshots node --test e2e/case-queue.e2e.mjs
// The whole loop of a case (resident → closure → rating) is walked by its own test; this one checks
// that a case typed in shows up in the queue, opens, and offers exactly the actions the server allows.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, PHONE, demoAccounts, launch, login, newPage as openPage, screenshot } from './support.mjs'

const GRID = '440704003001001'
let browser
let accounts = []

before(async () => {
  accounts = await demoAccounts()
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

const account = (role) => {
  const found = accounts.find((a) => a.role === role)
  assert.ok(found, `a demo account with role ${role}`)
  return found
}

/** Posts a case with the page's session (CSRF cookie → header), as the intake form does. */
async function reportCase(page, description) {
  return page.evaluate(
    async ({ description, grid }) => {
      await fetch('/api/auth/csrf')
      const token = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '')
      const categories = await (await fetch('/api/cases/catalogue/categories')).json()
      const response = await fetch('/api/cases', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token, 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({
          source: 'HOTLINE',
          categoryCode: categories[0].leaves[0].code,
          description,
          gridCode: grid,
          reporterName: '测试',
          reporterPhone: '13800138000',
          attachmentIds: [],
        }),
      })
      return { status: response.status, body: await response.json() }
    },
    { description, grid: GRID },
  )
}

test('a case typed in at the command centre is in the queue, opens, and can be accepted from its detail', async () => {
  const { context, page } = await openPage(browser)
  try {
    await login(page, account('COMMAND_CENTRE'))
    const description = `e2e 队列测试 ${Date.now()}`
    const created = await reportCase(page, description)
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const { id, trackingCode } = created.body

    await page.goto(`${BASE_URL}/cases`)
    await page.getByTestId('queue-q').fill(trackingCode)
    await page.getByTestId('queue-q').press('Enter')
    const row = page.getByTestId('queue-table').locator('.el-table__row', { hasText: trackingCode })
    await row.waitFor()
    await page.screenshot({ path: screenshot('cases-queue-desktop.png') })
    await row.click()

    await page.waitForURL(`**/cases/${id}`)
    assert.equal(await page.getByTestId('case-tracking-code').innerText(), trackingCode)
    assert.equal(await page.getByTestId('reporter-phone-masked').innerText(), '138****8000')
    const buttons = await page.locator('[data-testid^="case-action-"]').evaluateAll((els) => els.map((e) => e.dataset.testid))
    assert.ok(buttons.includes('case-action-ACCEPT'), `accept offered: ${buttons}`)
    assert.ok(!buttons.includes('case-action-HANDLE'), 'no department action for the command centre')

    await page.getByTestId('case-action-ACCEPT').click()
    await page.locator('[data-testid="case-action-dialog"][data-action="ACCEPT"]').waitFor()
    await page.getByTestId('dialog-submit').click()
    await page.locator('.title-row .case-status[data-status="ACCEPTED"]').waitFor()
    await page.getByTestId('case-action-DISPATCH').waitFor()
    await page.screenshot({ path: screenshot('cases-detail-desktop.png'), fullPage: true })
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('on a phone the queue shows cards and the department inbox opens', async () => {
  const { context, page } = await openPage(browser, PHONE)
  try {
    await login(page, account('COMMAND_CENTRE'))
    await page.goto(`${BASE_URL}/cases`)
    await page.getByTestId('queue-cards').waitFor()
    assert.equal(await page.getByTestId('queue-table').count(), 0, 'no table on a phone')
    await page.getByTestId('queue-card').first().waitFor()
    await page.screenshot({ path: screenshot('cases-queue-phone.png') })
  } finally {
    await context.close()
  }
  const department = await openPage(browser, PHONE)
  try {
    await login(department.page, account('DEPARTMENT'))
    await department.page.goto(`${BASE_URL}/inbox`)
    await department.page.getByTestId('inbox-toAccept').waitFor()
    await department.page.getByTestId('inbox-item').first().waitFor()
    await department.page.waitForTimeout(600)
    await department.page.screenshot({ path: screenshot('cases-inbox-phone.png') })
    assert.deepEqual(department.page.errors, [])
  } finally {
    await department.context.close()
  }
})
