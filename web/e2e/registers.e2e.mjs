// Browser test of the registers (issue 5): the command centre imports a small XLSX of residents
// with one refused row (a wrong ID check digit), sees the refused row, fixes the file and imports
// it again; finds a resident by exact ID number and reveals it with a reason. The grid worker then
// records a visit on a phone (375×812) in well under a minute, and runs a campaign day there while
// the command centre's progress page follows.
//   BASE_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=../target/screenshots node --test e2e/registers.e2e.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, DESKTOP, PHONE, demoAccounts, launch, login, newPage, screenshot } from './support.mjs'
import { checkCharacter, xlsx } from './xlsx.mjs'
import { GRID, runCampaignDay } from './campaignDay.mjs'

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

/** A fictitious ID number of Jianghai district (order code 8xx, which the demo data never uses). */
function idNumber(seed) {
  const birth = new Date(Date.UTC(1950 + (seed % 50), seed % 12, 1 + (seed % 28)))
  const date = birth.toISOString().slice(0, 10).replace(/-/g, '')
  const first17 = `440704${date}8${String(seed % 100).padStart(2, '0')}`
  return first17 + checkCharacter(first17)
}

/** The native input or textarea of an Element Plus field (the test id lands on the native element). */
const field = (scope, id) =>
  scope.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`).first()
const wrongCheck = (id) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
const HEADER = ['姓名', '身份证号', '手机号', '网格编码', '地址', '楼栋', '单元', '房号', '户籍类型', '标签']
const run = Date.now() % 100_000
const people = [0, 1, 2].map((i) => ({
  name: `导入测试${run}${'甲乙丙'[i]}`,
  id: idNumber(run * 3 + i),
  phone: `139${String(run * 3 + i).padStart(8, '0')}`,
}))
const file = (fixed) =>
  xlsx([
    HEADER,
    ...people.map((p, i) => [
      p.name,
      i === 2 && !fixed ? wrongCheck(p.id) : p.id,
      p.phone,
      GRID,
      `外海大道${run}号`,
      '1',
      '1',
      String(101 + i),
      '户籍',
      i === 0 ? '独居老人' : '',
    ]),
  ])

async function importFile(page, buffer, name) {
  await page.goto(`${BASE_URL}/registers/import`)
  await page.getByTestId('import-kind-residents').click()
  await page.locator('.import-page input[type=file]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  })
  await page.getByTestId('import-start').click()
  const result = page.getByTestId('import-result')
  await result.waitFor({ timeout: 60_000 })
  const figure = async (id) => Number((await page.getByTestId(id).locator('.el-statistic__number').innerText()).replace(/\D/g, ''))
  return {
    accepted: await figure('import-accepted'),
    updated: await figure('import-updated'),
    unchanged: await figure('import-unchanged'),
    refused: await figure('import-refused'),
  }
}

test('the command centre imports residents, fixes a refused row and finds the resident by ID number', async () => {
  const { context, page } = await newPage(browser, DESKTOP)
  try {
    await login(page, account('command'))
    const first = await importFile(page, file(false), 'residents.xlsx')
    assert.deepEqual(first, { accepted: 2, updated: 0, unchanged: 0, refused: 1 }, 'two rows in, the bad check digit refused')
    const refusals = page.getByTestId('import-refusals')
    await refusals.waitFor()
    const refusedText = await refusals.innerText()
    assert.match(refusedText, /\b4\b/, 'the refused row is the fourth of the sheet')
    assert.match(refusedText, /身份证号/, 'the refused column is named')
    assert.match(refusedText, /校验位/, 'the reason names the check digit rule')
    assert.ok(await page.getByTestId('import-report').getAttribute('href'), 'the refused rows can be downloaded')
    await page.screenshot({ path: screenshot('registers-import-refused.png'), fullPage: true })

    const report = await page.evaluate(async (href) => {
      const response = await fetch(href)
      return { status: response.status, type: response.headers.get('content-type') }
    }, await page.getByTestId('import-report').getAttribute('href'))
    assert.equal(report.status, 200)
    assert.match(report.type, /spreadsheetml/)

    const second = await importFile(page, file(true), 'residents-fixed.xlsx')
    assert.deepEqual(second, { accepted: 1, updated: 0, unchanged: 2, refused: 0 }, 'the fixed row in, the others unchanged')
    await page.getByTestId('lang-switch').click()
    await page.getByText('Unchanged', { exact: true }).waitFor()
    await page.screenshot({ path: screenshot('registers-import-en.png'), fullPage: true })
    await page.getByTestId('lang-switch').click()

    await page.goto(`${BASE_URL}/registers/residents`)
    await field(page, 'residents-q').fill(people[2].id)
    await page.getByTestId('residents-exact-hint').waitFor()
    await page.getByTestId('residents-search').click()
    const table = page.getByTestId('residents-table')
    await table.getByText(people[2].name).waitFor()
    const masked = await table.getByTestId('id-number-masked').first().innerText()
    assert.equal(masked, `${people[2].id.slice(0, 6)}********${people[2].id.slice(14)}`, 'the ID number is masked in the list')
    assert.equal(await table.locator('tbody tr').count(), 1, 'the exact search finds exactly that resident')
    await table.getByTestId('id-number-reveal').first().click()
    await field(page, 'reveal-reason').fill('核对导入的身份证号')
    await page.getByTestId('reveal-submit').click()
    assert.equal(await table.getByTestId('id-number-full').first().innerText(), people[2].id, 'revealed with a reason')
    await page.getByTestId('reveal-dialog').waitFor({ state: 'hidden' })

    const [maskedFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-masked').click()])
    assert.equal(maskedFile.suggestedFilename(), 'residents.xlsx', 'the filtered list exports, masked')
    await page.getByTestId('export-more').click()
    await page.getByTestId('export-unmasked').click()
    await page.locator('[data-testid="reveal-reason"]:visible').fill('向民政局报送核对名单')
    const [unmasked] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="reveal-submit"]:visible').click(),
    ])
    assert.equal(unmasked.suggestedFilename(), 'residents.xlsx', 'an unmasked export after a stated reason')
    await page.locator('[data-testid="reveal-dialog"]:visible').waitFor({ state: 'detached' })
    await page.screenshot({ path: screenshot('registers-residents-desktop.png') })
    assert.deepEqual(page.errors, [], 'no console errors')
  } finally {
    await context.close()
  }
})

test('a grid worker records a visit on a phone in under a minute', async () => {
  const { context, page } = await newPage(browser, PHONE)
  try {
    await login(page, account('gridworker'))
    await page.goto(`${BASE_URL}/registers/residents`)
    await page.getByTestId('resident-name').first().waitFor()
    await page.screenshot({ path: screenshot('registers-residents-phone.png') })
    const listWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(listWidth <= 375, `the residents page does not scroll sideways on a phone (${listWidth}px)`)

    const started = Date.now()
    await page.goto(`${BASE_URL}/registers/visit`)
    await page.getByTestId('visit-subject').click()
    await page.keyboard.type(people[0].name)
    await page.locator('.el-select-dropdown__item').filter({ hasText: people[0].name }).first().click()
    await page.getByTestId('visit-channel').getByText('电话').click()
    await field(page, 'visit-notes').fill('电话询问近况，身体良好')
    await page.getByTestId('visit-save').click()
    await page.getByTestId('visit-recent').filter({ hasText: people[0].name }).first().waitFor()
    const seconds = (Date.now() - started) / 1000
    assert.ok(seconds < 60, `a visit takes under a minute (${seconds}s)`)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= 375, `the visit form does not scroll sideways on a phone (${width}px)`)
    await page.screenshot({ path: screenshot('registers-visit-phone.png'), fullPage: true })
    assert.deepEqual(page.errors, [], 'no console errors on the phone')
  } finally {
    await context.close()
  }
})

test('on a phone the residents, households and enterprises lists show cards and do not scroll sideways', async () => {
  const { context, page } = await newPage(browser, PHONE)
  try {
    // The command centre: the demo grid worker's grid has no enterprises, and its wider toolbar
    // (export, create) is the harder case for the width.
    await login(page, account('command'))
    const tabs = [
      { tab: 'residents', cards: 'residents-table', first: 'resident-name' },
      { tab: 'households', cards: 'households-cards', first: 'household-address' },
      { tab: 'enterprises', cards: 'enterprises-cards', first: 'enterprise-name' },
    ]
    for (const { tab, cards, first } of tabs) {
      await page.goto(`${BASE_URL}/registers/${tab}`)
      const list = page.getByTestId(cards)
      await list.getByTestId(first).first().waitFor()
      assert.equal(await page.locator('.el-table').count(), 0, `the ${tab} list shows no table on a phone`)
      assert.ok((await list.locator('.record-card').count()) > 0, `the ${tab} list shows cards`)
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }))
      assert.ok(scrollWidth <= innerWidth, `the ${tab} list does not scroll sideways on a phone (${scrollWidth}px > ${innerWidth}px)`)
      await page.screenshot({ path: screenshot(`registers-${tab}-cards-phone.png`) })
    }
    const phone = page.getByTestId('enterprises-cards').getByTestId('phone-masked').first()
    assert.match(await phone.innerText(), /^\d{3}\*{4}\d{4}$/, 'the contact phone stays masked on the card')
    assert.deepEqual(page.errors, [], 'no console errors on the phone')
  } finally {
    await context.close()
  }
})

test('a grid worker runs a campaign day on a phone and the progress page follows', async () => {
  await runCampaignDay(browser, account, 'registers-')
})
