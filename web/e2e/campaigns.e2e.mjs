// Browser test of a campaign day (issue 5): the demo grid worker opens 今日随访 on a phone
// (375×812), marks one subject checked and one missed with a reason; the command centre's
// progress page then shows the grid's figures moved by exactly that.
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=../target/screenshots node --test e2e/campaigns.e2e.mjs
// Needs the Waihai demo with the registers' tagged residents (the demo campaigns follow them up).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { demoAccounts, launch } from './support.mjs'
import { runCampaignDay } from './campaignDay.mjs'

let browser
let accounts

before(async () => {
  accounts = await demoAccounts()
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

const account = (name) => {
  const found = accounts.find((a) => a.username === name)
  assert.ok(found, `the demo has the account "${name}"`)
  return found
}

test('a grid worker runs a campaign day on a phone and the progress page follows', async () => {
  await runCampaignDay(browser, account)
})
