// A second real browser: Debian's Firefox ESR, driven through WebDriver BiDi by puppeteer-core (no
// browser download: the package registries here carry no geckodriver binary). The flows that matter
// most, with figures worked by hand from the quoted clauses: typed figures on the page, the widget
// under the strict CSP on the demo host page, the iframe's messages, and the fallback where
// WebAssembly is missing. Skipped, saying why, only where Firefox is not installed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startServer } from './helpers.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const missing = fs.existsSync(FIREFOX) ? false : `Firefox is not installed at ${FIREFOX} (scripts/setup.sh installs firefox-esr)`;

let server;
let browser;
before(async () => {
  if (missing) return;
  server = await startServer();
  browser = await puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** A page that records console errors, page errors and CSP violations. */
async function open(path, init) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (init) await page.evaluateOnNewDocument(init);
  await page.goto(server.url + path);
  return { page, problems };
}

const text = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());

test('Firefox: typing figures in 万元 gives the hand-worked awards', { skip: missing }, async () => {
  const { page, problems } = await open('');
  await page.waitForSelector('#total-up-to');
  await page.waitForSelector('html[data-ready="1"]');
  await page.click('#region-wuhan-hongshan');
  await page.click('#f-enterprise-sme');
  await page.type('#f-compute-domestic_fees', '50');
  await page.type('#f-model_filing-models_filed', '3');
  // 洪山 5: 500,000 × 20% = 100,000 → 10 万元; 洪山 6: 3 × 1,000,000 capped at 2,000,000 → 200 万元.
  await page.waitForFunction(() => document.querySelector('#award-hongshan-model_filing .amount')?.textContent.trim() === '200 万元');
  assert.equal(await text(page, '#award-hongshan-compute_subsidy .amount'), '10 万元');
  assert.equal(await text(page, '#total-exact strong'), '200 万元');
  assert.equal(await text(page, '#total-up-to strong'), '210 万元');
  // The city draft's card carries its badge.
  assert.equal(await text(page, '#award-wuhan-compute_voucher .badge-draft'), '征求意见稿');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: the widget on the demo host page, under the strict CSP', { skip: missing }, async () => {
  const { page, problems } = await open('demo.html');
  await page.waitForSelector('#w1 >>> #total-up-to');
  await page.click('#w1 >>> #f-enterprise-sme');
  await page.type('#w1 >>> #f-compute-domestic_fees', '50');
  await page.type('#w1 >>> #f-model_filing-models_filed', '3');
  await page.waitForFunction(() => document.querySelector('#w1').shadowRoot
    .querySelector('#award-hongshan-model_filing .amount')?.textContent.trim() === '200 万元');
  assert.equal(await text(page, '#w1 >>> #award-hongshan-compute_subsidy .amount'), '10 万元');
  // The host heard the result event; its URL was left alone.
  const heard = await page.evaluate(() => window.widgetResults.filter((r) => r.id === 'w1').at(-1).total.up_to);
  assert.equal(heard, '2100000.00');
  assert.equal(new URL(page.url()).hash, '');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: the iframe posts its height and results to the named origin', { skip: missing }, async () => {
  const { page, problems } = await open('demo.html');
  await page.waitForFunction(() => window.frameMessages.some((m) => m.type === 'subsidy-calc:height'));
  const frameHandle = await page.waitForSelector('#frame');
  const frame = await frameHandle.contentFrame();
  await frame.waitForSelector('#calc >>> #total-up-to');
  await frame.type('#calc >>> #f-compute-model_purchase_fees', '50');
  // 硚口 5: 500,000 × 30% = 150,000 → the posted result's up_to is 150000.00, shown by the host.
  await page.waitForFunction(() => window.frameMessages.some((m) => m.type === 'subsidy-calc:result' && m.result.total.up_to === '150000.00'));
  assert.equal(await text(page, '#frame-total'), '150000.00 元');
  const height = await page.evaluate(() => Number(document.getElementById('frame').height));
  assert.ok(height > 300, `the host sized the frame from the message (${height})`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: without WebAssembly the page says what to do', { skip: missing }, async () => {
  const { page, problems } = await open('', () => { delete window.WebAssembly; });
  await page.waitForSelector('#app .fallback');
  const said = await text(page, '#app .fallback');
  assert.match(said, /极速模式/);
  assert.match(said, /up-to-date Chrome, Edge, Firefox/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: the 多年规划 page stops Hongshan\'s compute subsidy after three years', { skip: missing }, async () => {
  const { page, problems } = await open('plan.html');
  await page.waitForSelector('#plan-total-up-to');
  await page.select('#plan-region', 'wuhan-hongshan');
  await page.select('#plan-start', '2025');
  await page.select('#plan-years', '4');
  await page.click('#y0-enterprise-sme');
  await page.type('#y0-compute-domestic_fees', '100');
  await page.click('#copy-0');
  // 洪山 5: 1,000,000 × 20% = 200,000 a year, "补助期限不超过三年": 2025–2027, then nothing; 600,000.
  await page.waitForFunction(() => document.querySelector('#plan-total-up-to')?.textContent.trim() === '600,000元');
  const cells = await page.$$eval('#plan-awards tr[data-id="hongshan.compute_subsidy"] td', (tds) => tds.map((t) => t.textContent.trim()));
  assert.deepEqual(cells, ['最高200,000元', '最高200,000元', '最高200,000元', '—', '600,000元']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: the batch page reads a CSV and reports the over-subscribed pool', { skip: missing }, async () => {
  const os = await import('node:os');
  const path = await import('node:path');
  // 洪山 5: 17 SMEs × 200,000 (1,000,000 × 20%) = 3,400,000 asked of the 3,000,000 pool.
  const lines = ['编号,地区,计算日期,中小企业,国产算力合同费用'];
  for (let i = 1; i <= 17; i += 1) lines.push(`企业${i},wuhan-hongshan,2026-11-24,是,1000000`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ff-batch-')), 'hongshan.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const { page, problems } = await open('batch.html');
  await page.waitForSelector('#batch-file');
  const input = await page.$('#batch-file');
  await input.uploadFile(file);
  await page.waitForSelector('#batch-counts');
  assert.match(await text(page, '#batch-counts'), /共17行:17行已计算,0行有错误/);
  assert.match(await text(page, '#batch-pools li[data-rule="hongshan.compute_subsidy"]'), /17家申请,申请额合计3,400,000元,资金池不超过3,000,000元,超出资金池/);
  assert.deepEqual(problems, []);
  await page.close();
});
