// Shared by the browser tests: Debian's Chromium through playwright-core (never downloads a browser).
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '')
export const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? '../target/screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const DESKTOP = { viewport: { width: 1366, height: 768 } }
export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

export const screenshot = (name) => resolve(SCREENSHOT_DIR, name)

/** The demo accounts the server lists (it must run in demo mode). */
export async function demoAccounts() {
  const response = await fetch(`${BASE_URL}/api/auth/demo`)
  assert.equal(response.status, 200, 'GET /api/auth/demo')
  const demo = await response.json()
  assert.equal(demo.demo, true, 'the server must run in demo mode for this test')
  assert.ok(demo.accounts.length > 0, 'demo accounts listed')
  return demo.accounts
}

export async function launch() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
}

/** A fresh context (no cookies) and page that records script errors in `page.errors`. */
export async function newPage(browser, options = DESKTOP) {
  const context = await browser.newContext({ locale: 'zh-CN', ...options })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.errors = []
  page.on('pageerror', (error) => page.errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) page.errors.push(message.text())
  })
  return { context, page }
}

export async function login(page, { username, password }) {
  await page.goto(`${BASE_URL}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.locator('[data-testid="user-menu"], [data-testid="login-error"]').first().waitFor()
  const error = page.getByTestId('login-error')
  if (await error.isVisible()) assert.fail(`login as ${username} refused: ${(await error.innerText()).trim()}`)
}

/** GET an API path with the page's session. */
export async function apiGet(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json' } })
    return { status: response.status, body: await response.json().catch(() => null) }
  }, path)
}
