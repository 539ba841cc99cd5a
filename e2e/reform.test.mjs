// The batch page's 政策测算 panel (the contract's "A reform") in real Chromium: a parameter changed in
// the form, the whole list evaluated under it and under today's rules, the budget difference shown;
// the reform file and the share link round-trip; subsidyCalc.evaluate(app, { reform }) on the
// calculator page. Figures worked by hand from 洪山 5 “按照购买算力服务费用给予最高不超过20%的补贴,每家
// 每年最高不超过20万元” (crates/cli/tests/reform.rs gives the same on the command line).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromiumSuite, openPage } from './helpers.mjs';

const suite = chromiumSuite();

/** One CSV line's cells (a quoted cell may hold commas; "" is a quote). */
function cells_of(line) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}

/** 10 Hongshan SMEs with 400,000 of domestic compute each: 400,000 × 20% = 80,000 each today. */
function rowsCsv() {
  const lines = ['编号,地区,计算日期,中小企业,国产算力合同费用'];
  for (let i = 1; i <= 10; i += 1) lines.push(`企业${i},wuhan-hongshan,2026-11-24,是,400000`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reform-')), 'hongshan.csv');
  fs.writeFileSync(file, `\ufeff${lines.join('\n')}\n`);
  return file;
}

test('the 政策测算 panel: a rate changed, the budget per clause both ways, the downloads carry both', async () => {
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}batch.html`, { ready: '#reform-panel' });
  await page.setInputFiles('#batch-file', rowsCsv());
  await page.waitForSelector('#batch-counts');
  // Today: 10 × 80,000.
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业1"] td.up-to')).trim(), '80,000元');
  // 洪山 5's domestic-compute rate from 20% to 25%: 400,000 × 25% = 100,000 each.
  const rule = page.locator('#reform-rules details[data-rule="hongshan.compute_subsidy"]');
  await rule.locator('summary').click();
  assert.match(await rule.locator('blockquote').textContent(), /最高不超过20%的补贴/);
  const rate = rule.locator('input[data-key="hongshan.compute_subsidy|rate.compute.domestic_fees"]');
  assert.equal(await rate.inputValue(), '20');
  await rate.fill('25');
  await page.fill('#reform-name', '洪山提标');
  assert.match(await page.textContent('#reform-count'), /已调整1项参数/);
  await page.click('#reform-apply');
  await page.waitForSelector('#reform-compare');
  assert.match(await page.textContent('#reform-banner'), /测算方案“洪山提标”.*不是现行政策/);
  // The budget: 800,000 today, 1,000,000 under the reform, +200,000; all 10 gain.
  assert.equal(
    await page.textContent('#reform-totals'),
    '现行政策合计800,000元,测算方案合计1,000,000元,差额+200,000元;10家增加,0家减少,0家不变',
  );
  const clause = await page.locator('#reform-clauses tr[data-rule="hongshan.compute_subsidy"] td').allTextContents();
  assert.deepEqual(clause, ['800,000元', '1,000,000元', '+200,000元', '10 / 0']);
  assert.equal(await page.locator('#reform-chart .reform-bar[data-rule="hongshan.compute_subsidy"] rect.baseline').count(), 1);
  // 800,000 of the larger 1,000,000: 80 of 100.
  assert.equal(await page.getAttribute('#reform-chart .reform-bar rect.baseline', 'width'), '80');
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业1"] td.up-to')).trim(), '100,000元');
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业1"] td.baseline')).trim(), '80,000元');
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业1"] td.delta')).trim(), '+20,000元');
  // The CSV carries both sides and says it is a 测算方案.
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-csv')]);
  const csv = fs.readFileSync(await csvDl.path(), 'utf8');
  const [head, first] = csv.trim().split('\n');
  const cols = cells_of(head);
  const cells = cells_of(first);
  assert.equal(cells[cols.indexOf('hongshan.compute_subsidy.amount')], '100000.00');
  assert.equal(cells[cols.indexOf('hongshan.compute_subsidy.baseline_amount')], '80000.00');
  assert.equal(cells[cols.indexOf('total.baseline_up_to')], '80000.00');
  assert.equal(cells[cols.indexOf('测算方案')], '测算方案“洪山提标”,非现行政策');
  // The reform as a file, and its share link (the reform alone: no row of the list is in it).
  const [fileDl] = await Promise.all([page.waitForEvent('download'), page.click('#reform-download')]);
  const saved = JSON.parse(fs.readFileSync(await fileDl.path(), 'utf8'));
  assert.deepEqual(saved, {
    reform: 1,
    name: '洪山提标',
    changes: [{ rule: 'hongshan.compute_subsidy', set: 'rate.compute.domestic_fees', value: '0.25' }],
  });
  const link = await page.getAttribute('#reform-link', 'href');
  assert.ok(link.includes('#reform=') && !decodeURIComponent(link).includes('企业1'), link);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
  // Back to today's rules.
  await page.click('#reform-clear');
  await page.waitForFunction(() => !document.querySelector('#reform-compare'));
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业1"] td.up-to')).trim(), '80,000元');
  assert.deepEqual(problems, []);
  await context.close();

  // The share link opens with the reform in the form; the reform file opens the same.
  const second = await openPage(suite.browser, link, { ready: '#reform-panel' });
  const shared = second.page.locator('input[data-key="hongshan.compute_subsidy|rate.compute.domestic_fees"]');
  assert.equal(await shared.inputValue(), '25');
  assert.equal(await second.page.inputValue('#reform-name'), '洪山提标');
  await second.page.click('#reform-clear');
  assert.equal(await shared.inputValue(), '20');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reform-')), 'r.json');
  fs.writeFileSync(file, JSON.stringify(saved));
  await second.page.setInputFiles('#reform-open', file);
  await second.page.waitForFunction(() => document.querySelector('input[data-key="hongshan.compute_subsidy|rate.compute.domestic_fees"]').value === '25');
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test('a bad value in the panel is named, and nothing is evaluated', async () => {
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}batch.html`, { ready: '#reform-panel' });
  const rule = page.locator('#reform-rules details[data-rule="hongshan.compute_subsidy"]');
  await rule.locator('summary').click();
  await rule.locator('input[data-key="hongshan.compute_subsidy|pool"]').fill('-5');
  await page.click('#reform-apply');
  const errors = await page.textContent('#reform-errors');
  assert.match(errors, /〔5〕中小企业算力补贴 · 资金池.*不能为负数/);
  assert.equal(await page.locator('#reform-compare').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('subsidyCalc.evaluate(app, { reform }) on the calculator page: a Promise of the result with its baseline', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  const out = await page.evaluate(async () => {
    const app = { schema: 2, as_of: '2026-11-24', region: 'wuhan-hongshan', enterprise: { sme: true }, compute: { domestic_fees: '400000' } };
    const reform = { reform: 1, name: '提标', changes: [{ rule: 'hongshan.compute_subsidy', set: 'rate', value: '0.25' }] };
    const sync = window.subsidyCalc.evaluate(app);
    const under = await window.subsidyCalc.evaluate(app, { reform });
    const figures = await window.subsidyCalc.evaluate(app, { reform, detail: 'figures' });
    let error = null;
    try {
      await window.subsidyCalc.evaluate(app, { reform: { reform: 1, name: 'x', changes: [{ rule: 'nope', set: 'rate', value: '1' }] } });
    } catch (e) {
      error = e.errors[0];
    }
    const award = (r) => r.awards.find((a) => a.id === 'hongshan.compute_subsidy').amount;
    return {
      today: award(sync),
      reform: award(under),
      figures: award(figures),
      baseline: under.baseline.awards['hongshan.compute_subsidy'].amount,
      name: under.reform.name,
      note: under.notes_zh[0],
      error,
    };
  });
  // 400,000 × 20% = 80,000 today; × 25% = 100,000 under the reform.
  assert.equal(out.today, '80000.00');
  assert.equal(out.reform, '100000.00');
  assert.equal(out.figures, '100000.00');
  assert.equal(out.baseline, '80000.00');
  assert.equal(out.name, '提标');
  assert.match(out.note, /测算方案“提标”.*不是现行政策/);
  assert.equal(out.error.field, 'changes[0].rule');
  assert.deepEqual(problems, []);
  await context.close();
});
