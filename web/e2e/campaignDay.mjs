// A campaign day, shared by the campaigns and registers browser tests: the demo grid worker opens
// 今日随访 on a phone (375×812), marks one subject checked and one missed (a reason is demanded);
// the command centre's progress page then shows the grid's figures moved by exactly that.
import assert from 'node:assert/strict'
import { BASE_URL, DESKTOP, PHONE, apiGet, login, newPage, screenshot } from './support.mjs'

export const GRID = '440704003001001'

/** Runs the day; screenshots are named `<prefix>followups-today-phone.png` and so on. */
export async function runCampaignDay(browser, account, prefix = '') {
  const phone = await newPage(browser, PHONE)
  const desk = await newPage(browser, DESKTOP)
  try {
    await login(desk.page, account('command'))
    await login(phone.page, account('gridworker'))
    const today = await apiGet(phone.page, '/api/campaigns/followups/today')
    assert.equal(today.status, 200)
    const pendingItems = today.body.items.filter((f) => f.status === 'PENDING')
    assert.ok(pendingItems.length >= 2, `the grid worker has pending follow-ups today (${pendingItems.length})`)
    const campaignId = pendingItems[0].campaignId
    const progressPath = `/api/campaigns/${campaignId}/progress?within=${GRID}`
    const before = (await apiGet(desk.page, progressPath)).body.figures

    await phone.page.goto(`${BASE_URL}/followups/today`)
    await phone.page.getByTestId('followup-pending').first().waitFor()
    await phone.page.screenshot({ path: screenshot(`${prefix}followups-today-phone.png`) })
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= 375, `no horizontal scrolling on a phone (${width}px)`)

    const cards = phone.page.getByTestId('followup-pending').filter({ hasText: pendingItems[0].campaignName })
    const first = cards.first()
    const firstName = await first.getByTestId('followup-name').innerText()
    await first.getByTestId('followup-checked').click()
    await phone.page.getByTestId('followup-recorded').filter({ hasText: firstName }).waitFor()

    const second = cards.first()
    const secondName = await second.getByTestId('followup-name').innerText()
    await second.getByTestId('followup-missed').click()
    await second.getByTestId('followup-missed-save').click()
    await phone.page.locator('.el-message--error').first().waitFor()
    const reason = second.locator('[data-testid="followup-reason"] input, input[data-testid="followup-reason"]').first()
    await reason.fill('电话无人接听')
    await second.getByTestId('followup-missed-save').click()
    await phone.page.getByTestId('followup-recorded').filter({ hasText: secondName }).waitFor()
    await phone.page.screenshot({ path: screenshot(`${prefix}followups-recorded-phone.png`) })

    await desk.page.goto(`${BASE_URL}/campaigns/${campaignId}`)
    await desk.page.getByTestId('fig-done').waitFor()
    const after = (await apiGet(desk.page, progressPath)).body.figures
    assert.equal(after.done, before.done + 1, 'one more checked in the grid')
    assert.equal(after.missed, before.missed + 1, 'one more missed in the grid')
    assert.equal(after.pending, before.pending - 2, 'two fewer pending in the grid')
    const shownDone = Number(await desk.page.getByTestId('fig-done').innerText())
    const all = (await apiGet(desk.page, `/api/campaigns/${campaignId}/progress`)).body.figures
    assert.equal(shownDone, all.done, 'the page shows the computed figure')
    await desk.page.screenshot({ path: screenshot(`${prefix}campaign-progress-desktop.png`) })
    assert.deepEqual(phone.page.errors, [], 'no console errors on the phone')
  } finally {
    await phone.context.close()
    await desk.context.close()
  }
}
