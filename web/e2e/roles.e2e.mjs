// Browser test: every demo account sees exactly the menu its role allows.
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=../target/screenshots node --test e2e/
// Uses Debian's Chromium through playwright-core; never downloads a browser.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, PHONE, demoAccounts, launch, login, newPage as openPage, screenshot } from './support.mjs'

/** The menu each role must see, in order (the same order as src/platform/menu.ts). */
const EXPECTED_MENU = {
  ADMIN: [
    'menu-home',
    'menu-map',
    'menu-regions',
    'menu-grids-admin',
    'menu-workers',
    'menu-boards',
    'menu-cases-catalogue',
    'menu-registers-tags',
    'menu-users',
  ],
  AUDITOR: ['menu-home', 'menu-regions', 'menu-audit'],
  COMMAND_CENTRE: [
    'menu-home',
    'menu-cases',
    'menu-case-intake',
    'menu-hotline-import',
    'menu-dashboard',
    'menu-statistics',
    'menu-map',
    'menu-campaigns',
    'menu-registers',
    'menu-registers-import',
    'menu-regions',
    'menu-workers',
    'menu-boards',
    'menu-registers-tags',
  ],
  DEPARTMENT: ['menu-home', 'menu-inbox', 'menu-map', 'menu-regions', 'menu-workers', 'menu-boards'],
  // The grid worker's case work is on their phone pages (patrol, my cases: verification tasks, assigned to
  // me, reported by me), not in the command centre's queue.
  GRID_WORKER: [
    'menu-home',
    'menu-patrol',
    'menu-my-cases',
    'menu-map',
    'menu-my-grid',
    'menu-followups-today',
    'menu-campaigns',
    'menu-registers',
    'menu-registers-visit',
    'menu-regions',
    'menu-workers',
    'menu-boards',
  ],
  LEADER: [
    'menu-home',
    'menu-cases',
    'menu-dashboard',
    'menu-statistics',
    'menu-map',
    'menu-campaigns',
    'menu-registers',
    'menu-regions',
    'menu-workers',
    'menu-boards',
  ],
}
const DEFAULT_MENU = ['menu-home', 'menu-map', 'menu-regions', 'menu-workers', 'menu-boards']
const expectedMenu = (role) => EXPECTED_MENU[role] ?? DEFAULT_MENU

let browser
let accounts = []

before(async () => {
  accounts = await demoAccounts()
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

const newPage = (options) => openPage(browser, options)
/** Test ids of the menu entries that are visible, in order. */
async function visibleMenu(page) {
  const menu = page.getByTestId('menu')
  await menu.waitFor()
  const items = menu.locator('[data-testid^="menu-"]')
  const ids = []
  for (const item of await items.all()) {
    if (await item.isVisible()) ids.push(await item.getAttribute('data-testid'))
  }
  return ids
}

async function logout(page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await page.getByTestId('login-submit').waitFor()
}

const fileName = (role) => role.toLowerCase().replace(/_/g, '-')

test('the login page shows an error for a wrong password', async () => {
  const { context, page } = await newPage()
  try {
    await page.goto(`${BASE_URL}/login`)
    await page.getByTestId('login-username').fill(accounts[0].username)
    await page.getByTestId('login-password').fill(`${accounts[0].password}-wrong`)
    await page.getByTestId('login-submit').click()
    const error = page.getByTestId('login-error')
    await error.waitFor()
    assert.ok((await error.innerText()).trim().length > 0, 'the error says something')
    assert.equal(await page.getByTestId('user-menu').count(), 0, 'not signed in')
  } finally {
    await context.close()
  }
})

test('each demo account sees exactly the menu its role allows', async (t) => {
  for (const account of accounts) {
    await t.test(account.role, async () => {
      const { context, page } = await newPage()
      try {
        await login(page, account)
        assert.deepEqual(await visibleMenu(page), expectedMenu(account.role), `menu of ${account.role}`)
        const header = await page.getByTestId('user-menu').innerText()
        assert.ok(header.includes(account.displayName), `header shows "${account.displayName}", got "${header}"`)
        await page.screenshot({ path: screenshot(`menu-${fileName(account.role)}.png`) })
        for (const item of expectedMenu(account.role)) {
          await page.getByTestId(item).click()
          await page.waitForLoadState('networkidle')
          // The wall screen has no menu of its own: come back to the layout to go on.
          if (item === 'menu-dashboard') {
            await page.getByTestId('dashboard').waitFor()
            await page.goBack()
          }
        }
        if (account.role === 'AUDITOR') {
          // Filter by the auditor's own name: other tests may have written entries dated later
          // (while they had moved the shared test clock forward).
          await page.getByTestId('audit-filter').getByLabel(/用户|User/).first().fill(account.username)
          await page.getByTestId('audit-filter').locator('button[type=submit]').click()
          await page.waitForLoadState('networkidle')
          const firstRow = page.getByTestId('audit-table').locator('tbody tr').first()
          await firstRow.waitFor()
          const text = await firstRow.innerText()
          assert.ok(text.includes(account.username) && text.includes('LOGIN'), `latest audit entry is the login: ${text}`)
          assert.ok(text.includes('审计员'), `the audit row names the role: ${text}`)
          await page.screenshot({ path: screenshot('audit-log.png') })
        }
        assert.deepEqual(page.errors, [], `no script errors on the pages of ${account.role}`)
        await logout(page)
      } finally {
        await context.close()
      }
    })
  }
})

test('on a phone the command centre opens the menu from the hamburger button', async () => {
  const account = accounts.find((a) => a.role === 'COMMAND_CENTRE')
  assert.ok(account, 'a COMMAND_CENTRE demo account exists')
  const { context, page } = await newPage(PHONE)
  try {
    await login(page, account)
    assert.equal(await page.getByTestId('menu').count(), 0, 'the menu is folded away on a phone')
    await page.getByTestId('hamburger').click()
    await page.getByTestId('menu').waitFor({ state: 'visible' })
    await page.waitForTimeout(400)
    assert.deepEqual(await visibleMenu(page), expectedMenu('COMMAND_CENTRE'))
    await page.screenshot({ path: screenshot('phone-command-centre.png') })
  } finally {
    await context.close()
  }
})

test('the login page switches to English', async () => {
  const { context, page } = await newPage()
  try {
    await page.goto(`${BASE_URL}/login`)
    await page.getByTestId('login-submit').waitFor()
    assert.match(await page.getByTestId('login-submit').innerText(), /登\s*录/)
    await page.getByTestId('lang-switch').click()
    await page.getByText('Sign in', { exact: true }).first().waitFor()
    assert.match(await page.getByTestId('login-submit').innerText(), /Sign in/)
    await page.screenshot({ path: screenshot('login-en.png') })
  } finally {
    await context.close()
  }
})

/** The case pages of each role, with the element that shows the page has rendered. */
const CASE_PAGES = [
  { role: 'COMMAND_CENTRE', name: 'queue', path: '/cases', ready: 'case-queue' },
  { role: 'COMMAND_CENTRE', name: 'intake', path: '/cases/new', ready: 'case-intake' },
  { role: 'COMMAND_CENTRE', name: 'import', path: '/cases/import', ready: 'hotline-import-page' },
  { role: 'DEPARTMENT', name: 'inbox', path: '/inbox', ready: 'inbox-item' },
  { role: 'GRID_WORKER', name: 'patrol', path: '/patrol', ready: 'patrol-page' },
  { role: 'GRID_WORKER', name: 'my-cases', path: '/my-cases', ready: 'my-cases-page' },
  { role: 'LEADER', name: 'queue-leader', path: '/cases', ready: 'case-queue' },
  { role: null, name: 'report', path: '/report?grid=440704003001001', ready: 'public-report-grid' },
  { role: null, name: 'tracking', path: '/track', ready: 'public-track-page' },
]

/** How far the page is wider than the window (0: nothing to scroll sideways). */
const sidewaysOverflow = (page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth)

test('every case page fits a 375 px phone and a desktop without sideways scrolling', async (t) => {
  for (const [size, options] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ]) {
    for (const { role, name, path, ready } of CASE_PAGES) {
      await t.test(`${name} on a ${size}`, async () => {
        const { context, page } = await newPage(options)
        try {
          if (role) await login(page, accounts.find((a) => a.role === role))
          await page.goto(`${BASE_URL}${path}`)
          await page.getByTestId(ready).first().waitFor()
          await page.waitForTimeout(600)
          assert.ok((await sidewaysOverflow(page)) <= 0, `${name} is no wider than the ${size} window`)
          await page.screenshot({ path: screenshot(`case-page-${name}-${size}.png`), fullPage: true })
          assert.deepEqual(page.errors, [], `no script errors on ${name}`)
        } finally {
          await context.close()
        }
      })
    }
  }
})
