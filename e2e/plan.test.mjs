// The 多年规划 page (plan.html) in real Chromium, built in release mode and served with the strict
// CSP; and subsidyCalc.plan on the calculator page, loaded on demand. Figures worked by hand from the
// quoted clauses (tests/plan.rs and crates/web/tests/plan_form.rs give the clause texts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromiumSuite, openPage } from './helpers.mjs';

const suite = chromiumSuite();

async function openPlan(opts = {}) {
  return openPage(suite.browser, `${suite.server.url}plan.html`, { ready: '#plan-total-up-to', ...opts });
}

/** An SME in Hongshan buying 100万 of domestic compute a year, 2025–2028. */
async function hongshanFourYears(page) {
  await page.selectOption('#plan-region', 'wuhan-hongshan');
  await page.selectOption('#plan-start', '2025');
  await page.selectOption('#plan-years', '4');
  await page.check('#y0-enterprise-sme');
  await page.fill('#y0-compute-domestic_fees', '100');
  await page.click('#copy-0');
}

const cells = async (page, id) =>
  page.locator(`#plan-awards tr[data-id="${id}"] td`).allTextContents();

test('a Hongshan compute subsidy over four years stops after three, and says why', async () => {
  const { page, context, problems } = await openPlan();
  await hongshanFourYears(page);
  // 洪山 5: 1,000,000 × 20% = 200,000 a year ("每家每年最高不超过20万元"), "补助期限不超过三年":
  // 2025–2027 pay, 2028 not; 600,000 over the plan.
  assert.deepEqual(await cells(page, 'hongshan.compute_subsidy'),
    ['最高200,000元', '最高200,000元', '最高200,000元', '—', '600,000元']);
  assert.equal((await page.locator('#plan-total-up-to').textContent()).trim(), '600,000元');
  const y2028 = await page.locator('#year-3-changes').textContent();
  assert.match(y2028, /200,000元 → 不符合条件/);
  assert.match(y2028, /三年/);
  // The chart has a bar a year (2025–2028) and the Wuhan draft's end marked within the plan.
  assert.equal(await page.locator('#plan-chart .axis-label').count(), 4);
  assert.match(await page.locator('#plan-end-dates').textContent(), /征求意见稿.*2027-12-31.*2027-03-27/);
  assert.equal(await page.locator('#plan-chart .uncertain').count(), 1);
  // The comparison: every region; Hangzhou 30% = 300,000 a year while its text runs (to
  // 2027-12-31): 2025–2027 = 900,000; Hongshan 600,000.
  const row = (r) => page.locator(`#plan-compare tr[data-region="${r}"] td`);
  assert.equal(await page.locator('#plan-compare tbody tr').count(), 5);
  assert.equal((await row('hangzhou').nth(5).textContent()).trim(), '900,000元');
  assert.equal((await row('hangzhou').nth(3).textContent()).trim(), '0元', '2028: Hangzhou has ended');
  assert.match(await row('hangzhou').nth(6).textContent(), /有效期至2027-12-31/);
  assert.ok((await page.locator('#plan-compare tr.chosen').getAttribute('data-region')) === 'wuhan-hongshan');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the share link restores the plan; CSV downloads the table; a bad figure is named', async () => {
  const { page, context, problems } = await openPlan();
  await hongshanFourYears(page);
  await page.fill('#y2-compute-domestic_fees', '一百');
  assert.match(await page.locator('#y2-compute-domestic_fees-error').textContent(), /./);
  assert.equal(await page.locator('#y2-compute-domestic_fees').getAttribute('aria-invalid'), 'true');
  await page.fill('#y2-compute-domestic_fees', '100');
  const link = await page.inputValue('#plan-share-link');
  assert.match(link, /plan\.html#p=/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#plan-csv')]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.match(text, /hongshan\.compute_subsidy,[^\n]*,200000\.00,200000\.00,200000\.00,,600000\.00,/);
  // A fresh browser opening the link sees the same plan.
  const other = await openPage(suite.browser, link, { ready: '#plan-total-up-to' });
  assert.equal((await other.page.locator('#plan-total-up-to').textContent()).trim(), '600,000元');
  assert.equal(await other.page.inputValue('#y3-compute-domestic_fees'), '100');
  assert.deepEqual(other.problems, []);
  await other.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the table shows one year at a time', async () => {
  const { page, context, problems } = await openPlan({ viewport: { width: 390, height: 844 } });
  await hongshanFourYears(page);
  assert.ok(await page.locator('#y0-compute-domestic_fees').isVisible());
  assert.ok(!(await page.locator('#y1-compute-domestic_fees').isVisible()));
  await page.click('#year-tab-1');
  assert.ok(await page.locator('#y1-compute-domestic_fees').isVisible());
  assert.ok(!(await page.locator('#y0-compute-domestic_fees').isVisible()));
  // Nothing wider than the screen but the tables' own scrolling boxes.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `page is ${wide}px wide`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('subsidyCalc.plan on the calculator page loads the plan engine on demand', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  assert.equal(await page.getAttribute('#to-plan', 'href'), 'plan.html');
  const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(!before.some((n) => n.includes('subsidy-calc-plan')), 'not loaded until asked');
  // 武汉 十: "分阶段给予最高800万元" over 报辅 → 报会 → 上市: counted once, 8,000,000 in all.
  const result = await page.evaluate(() => window.subsidyCalc.plan({
    schema: 2, region: 'wuhan', years: [
      { as_of: '2024-06-30', listing: { venue: 'sse', stage: 'tutoring' } },
      { as_of: '2025-06-30', listing: { venue: 'sse', stage: 'filed' } },
      { as_of: '2026-06-30', listing: { venue: 'sse', stage: 'listed' } },
    ],
  }));
  assert.equal(result.total.up_to, '8000000.00');
  assert.equal(result.years.length, 3);
  assert.equal(result.years[0].awards.find((a) => a.id === 'wuhan.listing_domestic').amount, '8000000.00');
  // The calculator's own API is still there, and a bad plan is refused naming the field.
  assert.equal(typeof (await page.evaluate(() => typeof window.subsidyCalc.evaluate)), 'string');
  const err = await page.evaluate(() => window.subsidyCalc.plan({ schema: 2, region: 'nowhere', years: [] })
    .then(() => null, (e) => e.errors.map((x) => x.field)));
  assert.deepEqual(err, ['region', 'years']);
  assert.deepEqual(problems, []);
  await context.close();
});
