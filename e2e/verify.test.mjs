// A report anyone can check (the contract's "A result anyone can check"): the page shows the
// result's verification code and a link that reopens exactly those inputs; opened, the link says
// 核验一致 (or why not); printed, the report shows the code and a QR code that reads back as the link.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { chromiumSuite, cliPath, fragment, openPage } from './helpers.mjs';

const suite = chromiumSuite();

// 洪山: an SME with 1,000,000 of domestic compute (20% = 200,000, "每家每年最高不超过20万元") and three
// models filed (3 × 1,000,000 → "每年最高不超过200万元" = 2,000,000), as of 2026-11-24.
const FORM = { r: 'wuhan-hongshan', u: 'wan', l: 'zh', d: '2026-11-24', v: { 'enterprise.sme': 'true', 'compute.domestic_fees': '100', 'model_filing.models_filed': '3' }, s: [] };
const APP = { region: 'wuhan-hongshan', as_of: '2026-11-24', enterprise: { sme: true }, compute: { domestic_fees: '1000000' }, model_filing: { models_filed: 3 } };

function cli() {
  const bin = cliPath();
  assert.ok(bin, 'build the command line first (cargo build)');
  return bin;
}

test('the code is the command line\'s, and its link reopens the inputs and says 核验一致', async () => {
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}#${fragment(FORM)}`);
  const code = (await page.locator('#verify-code .code').textContent()).trim();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  const out = JSON.parse(execFileSync(cli(), ['eval', '-'], { input: JSON.stringify(APP) }).toString());
  assert.equal(code, out.code);
  assert.equal(execFileSync(cli(), ['verify', '-', code], { input: JSON.stringify(APP) }).toString().slice(0, 2), '一致');
  const link = await page.locator('#verify-link').getAttribute('href');
  assert.ok(link.endsWith(`&v=${code}`), link);
  // Opened elsewhere: the same figures, and the code checks.
  const other = await openPage(suite.browser, link);
  assert.equal((await other.page.locator('#verify-result strong').textContent()).trim(), '核验一致');
  assert.equal((await other.page.locator('#total-up-to strong').textContent()).trim(), '220 万元');
  // Changed inputs after opening: no verdict about other inputs.
  await other.page.fill('#f-compute-domestic_fees', '50');
  await other.page.waitForFunction(() => !document.getElementById('verify-result'));
  await other.context.close();
  // A code that does not match: 核验不一致, and why.
  const last = code.slice(-1) === '0' ? '1' : '0';
  const wrong = await openPage(suite.browser, `${link.slice(0, -1)}${last}`);
  const verdict = await wrong.page.locator('#verify-result').textContent();
  assert.match(verdict, /^核验不一致/);
  assert.match(verdict, /输入、计算日期或金额/);
  await wrong.context.close();
  // Another rule version's code: the rules have changed since, named.
  const older = await openPage(suite.browser, `${link.slice(0, link.length - 19)}ZZ${code.slice(2)}`);
  assert.match(await older.page.locator('#verify-result').textContent(), /另一规则版本/);
  await older.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the printed report shows the code and a QR code that reads back as the link', async () => {
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}#${fragment(FORM)}`);
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; });
  await page.click('#print');
  await page.waitForFunction(() => window.printed === 1);
  assert.equal(await page.locator('#verify-qr svg').count(), 1);
  const code = (await page.locator('#verify-code .code').textContent()).trim();
  const link = await page.locator('#verify-link').getAttribute('href');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
  const pdf = path.join(dir, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', [pdf, '-']).toString();
  assert.ok(text.includes(code), 'the code is printed');
  execFileSync('pdftoppm', ['-png', '-r', '300', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  const decoded = pages.flatMap((p) => {
    try {
      return execFileSync('cargo', ['run', '-q', '-p', 'subsidy-calc-web', '--example', 'qr_decode', '--', path.join(dir, p)])
        .toString().trim().split('\n');
    } catch {
      return [];
    }
  });
  assert.ok(decoded.includes(link), `QR codes read: ${decoded.join(' | ')}`);
  assert.deepEqual(problems, []);
  await context.close();
});
