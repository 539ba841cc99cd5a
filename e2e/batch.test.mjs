// The batch page for officials (batch.html) in real Chromium, with a real file: figures worked by
// hand from the quoted clauses (tests/batch.rs gives the same batches on the command line).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromiumSuite, openPage } from './helpers.mjs';

const suite = chromiumSuite();

/** n Hongshan SMEs with 1,000,000 of domestic compute each (Chinese heads), then one bad row. */
function hongshanCsv(n) {
  const lines = ['编号,地区,计算日期,中小企业,国产算力合同费用'];
  for (let i = 1; i <= n; i += 1) lines.push(`企业${i},wuhan-hongshan,2026-11-24,是,1000000`);
  lines.push('坏行,wuhan-hongshan,2026-11-24,是,一百万');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'batch-')), 'hongshan.csv');
  fs.writeFileSync(file, `\ufeff${lines.join('\n')}\n`);
  return file;
}

test('a file of Hongshan SMEs: each award, the over-subscribed pool, the bad row, the downloads', async () => {
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}batch.html`, { ready: '#batch-file' });
  await page.setInputFiles('#batch-file', hongshanCsv(17));
  await page.waitForSelector('#batch-counts');
  // 18 rows: 17 evaluated, the last refused naming its field.
  assert.match(await page.textContent('#batch-counts'), /共18行:17行已计算,1行有错误/);
  // Beside the file chosen, a way down to the results (the reform panel is between them).
  assert.equal(await page.getAttribute('.batch-done a', 'href'), '#batch-results');
  const bad = page.locator('#batch-rows tr[data-id="坏行"] td.errors');
  assert.match(await bad.textContent(), /compute\.domestic_fees/);
  // 洪山 5: 1,000,000 × 20% = 200,000 each (the yearly cap).
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业1"] td.up-to')).trim(), '200,000元');
  // "每年设立不超过300万元的算力补贴资金池": 17 × 200,000 = 3,400,000 asked of 3,000,000.
  const pool = page.locator('#batch-pools li[data-rule="hongshan.compute_subsidy"]');
  assert.match(await pool.textContent(), /17家申请,申请额合计3,400,000元,资金池不超过3,000,000元,超出资金池/);
  assert.match(await pool.textContent(), /300万元的算力补贴资金池/);
  assert.equal(await page.locator('#batch-pool-chart rect.demand.over').count(), 1);
  // The clause summary: 17 with a figure, 3,400,000 in all, every one 200,000.
  const clause = await page.locator('#batch-clauses tr[data-rule="hongshan.compute_subsidy"] td').allTextContents();
  assert.deepEqual(clause, ['17', '3,400,000元', '200,000元', '200,000元', '200,000元']);
  // Downloads: the CSV has every row with its kind and amount; the .xlsx is a real workbook.
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-csv')]);
  const csv = fs.readFileSync(await csvDl.path(), 'utf8');
  assert.equal(csv.trim().split('\n').length, 19, 'a header and 18 rows');
  assert.match(csv, /\n企业17,17,[^\n]*up_to,200000\.00/);
  const [xlsxDl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-xlsx')]);
  const xlsx = fs.readFileSync(await xlsxDl.path());
  assert.equal(xlsx.subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');
  assert.ok(xlsx.length > 4000);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pro rata on the page: the pool is met to the cent, as on the command line', async () => {
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}batch.html`, { ready: '#batch-file' });
  await page.check('#pool-prorata');
  await page.setInputFiles('#batch-file', hongshanCsv(17));
  await page.waitForSelector('#batch-counts');
  // 200,000 × 3,000,000 / 3,400,000 = 176,470.588…: 17,647,058 cents floored, the 14 cents left
  // one each to the first 14 rows (equal remainders: earlier rows first).
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业1"] td.up-to')).trim(), '176,470.59元');
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业17"] td.up-to')).trim(), '176,470.58元');
  assert.ok((await page.textContent('#batch-pools li[data-rule="hongshan.compute_subsidy"]')).includes('已按比例调减至资金池总额'));
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#batch-csv')]);
  const csv = fs.readFileSync(await csvDl.path(), 'utf8');
  const sum = [...csv.matchAll(/,up_to,(\d+\.\d\d),/g)].reduce((s, m) => s + Math.round(Number(m[1]) * 100), 0);
  assert.equal(sum, 300000000, 'the scaled awards add up to the pool, 3,000,000.00');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the field list is a download of the page, not a file of the repository', async () => {
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}batch.html`, { ready: '#batch-file' });
  assert.ok(!(await page.textContent('.batch-input')).includes('docs/'));
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#field-list')]);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(csv, /国产算力合同费用,compute\.domestic_fees,/);
  assert.match(csv, /中小企业,enterprise\.sme,是 \/ 否/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the calculator links to the batch page', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  assert.equal(await page.getAttribute('#to-batch', 'href'), 'batch.html');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the template reads back; a file that is not a spreadsheet is said, never a blank page', async () => {
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}batch.html`, { ready: '#batch-file' });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#template-zh')]);
  const template = await dl.path();
  const text = fs.readFileSync(template, 'utf8');
  assert.match(text, /^\ufeff编号,地区,计算日期,/);
  const named = path.join(path.dirname(template), 'template.csv');
  fs.copyFileSync(template, named);
  await page.setInputFiles('#batch-file', named);
  await page.waitForSelector('#batch-counts');
  // The example: an SME in Hongshan, 1,000,000 of compute (200,000) and 3 models (2,000,000 a year).
  assert.match(await page.textContent('#batch-counts'), /共1行:1行已计算,0行有错误/);
  assert.equal((await page.textContent('#batch-rows tr[data-id="企业A"] td.exact')).trim(), '2,000,000元');
  const junk = path.join(path.dirname(template), 'junk.xlsx');
  fs.writeFileSync(junk, 'not a workbook');
  await page.setInputFiles('#batch-file', junk);
  await page.waitForSelector('#batch-error');
  assert.match(await page.textContent('#batch-error'), /junk\.xlsx/);
  // A sheet from elsewhere: its unknown columns named, in Chinese, pointing to the page's own field
  // list (not a repository file); an empty file said to be empty.
  const other = path.join(path.dirname(template), 'other.csv');
  fs.writeFileSync(other, 'region,colour,营业额\nwuhan,red,1\n');
  await page.setInputFiles('#batch-file', other);
  await page.waitForFunction(() => /colour、营业额/.test(document.querySelector('#batch-error')?.textContent || ''));
  const said = await page.textContent('#batch-error');
  assert.match(said, /other\.csv:不认识的列:colour、营业额。/);
  assert.match(said, /可下载字段清单/);
  assert.doesNotMatch(said, /docs\//);
  const empty = path.join(path.dirname(template), 'empty.csv');
  fs.writeFileSync(empty, '');
  await page.setInputFiles('#batch-file', empty);
  await page.waitForFunction(() => /empty\.csv:文件是空的/.test(document.querySelector('#batch-error')?.textContent || ''));
  assert.deepEqual(problems, []);
  await context.close();
});
