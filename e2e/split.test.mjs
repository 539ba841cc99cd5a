// The calculator's bundle in two parts (scripts/split.mjs): a new visitor's first figures come from
// the first part alone, the second follows; a page that starts from a form loads both before its
// first render; and a page that needs the second part before it has arrived reloads with both,
// never showing a figure computed without its code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumSuite, amount, fragment, part2File } from './helpers.mjs';

const suite = chromiumSuite();
const PART1 = 'subsidy-calc-web_bg.wasm';
const PART2 = part2File();
const split = PART2 !== undefined;

/** A new context whose requests for the two parts are logged (and the second held back while
 *  `hold` is set). */
async function watched(hold) {
  const context = await suite.browser.newContext();
  const log = [];
  let release;
  const released = new Promise((r) => { release = r; });
  await context.route(`**/${PART2}`, async (route) => {
    log.push(['request', PART2]);
    if (hold) await released;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfinished', (r) => { if (r.url().endsWith(PART1)) log.push(['finished', PART1]); });
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.getElementById('total-up-to')) {
        window.__first = window.__first || [];
        window.__first.push(performance.now());
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return { context, page, log, errors, release };
}

test('a new visit: the first figures from the first part, the second part after it', { skip: !split && 'the build did not split the bundle' }, async () => {
  const { context, page, log, errors } = await watched(false);
  await page.goto(suite.server.url);
  await page.waitForSelector('html[data-ready="1"]', { state: 'attached' });
  // The second part is asked for only once the first is in (it does not share the line with it).
  // (The service worker, registered once the page is ready, may ask for it again to keep it.)
  assert.deepEqual(log.map((l) => l[1]).slice(0, 2), [PART1, PART2]);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('subsidy-calc-whole')), null);
  // boot.js tells a page that starts from a kept form by the key the page keeps it under
  // (crates/web/src/pages/calculator/app.rs): the next visit in this browser starts with both parts.
  await page.waitForFunction(() => localStorage.getItem('subsidy-calc.form.v1') !== null);
  // The API works whole once ready (its conversions are in the second part): 洪山 6, 3 models ×
  // 1,000,000 = 3,000,000, capped at 2,000,000 a year.
  const result = await page.evaluate(() => window.subsidyCalc.evaluate({
    schema: 1, region: 'wuhan-hongshan', as_of: '2026-11-24', model_filing: { models_filed: 3 },
  }));
  const award = result.awards.find((a) => a.id === 'hongshan.model_filing');
  assert.equal(award.amount, '2000000.00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link with figures starts with both parts, fetched side by side', { skip: !split && 'the build did not split the bundle' }, async () => {
  const { context, page, errors } = await watched(false);
  const form = { r: 'wuhan-hongshan', u: 'wan', l: 'zh', v: { 'enterprise.sme': 'true', 'model_filing.models_filed': '3' }, s: [] };
  await page.goto(`${suite.server.url}#${fragment(form)}`);
  await page.waitForSelector('#total-up-to');
  // Asked for by boot.js as it starts (not once the first part runs), and in before the first
  // render: the page starts whole.
  const [part2, first] = await page.evaluate((b) => {
    const at = performance.getEntriesByType('resource').find((r) => r.name.endsWith(b));
    return [at && { start: at.startTime, end: at.responseEnd, by: at.initiatorType }, window.__first[0]];
  }, PART2);
  assert.ok(part2, 'the second part was not asked for');
  assert.ok(part2.end <= first, `the second part in at ${part2.end} ms, the first figures at ${first} ms`);
  // 洪山 6: 3 × 1,000,000 = 3,000,000, capped at 2,000,000 a year → 200 万元.
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a figure typed before the second part arrived: the page reloads with both, the figures right', { skip: !split && 'the build did not split the bundle' }, async () => {
  const { context, page, log, errors, release } = await watched(true);
  await page.goto(suite.server.url);
  await page.waitForSelector('#total-up-to');
  assert.equal(await amount(page, 'hongshan.model_filing'), null);
  // Figures for an award need the engine's second part, still held back: the page cannot compute
  // them now and must not show anything else.
  await page.fill('#f-model_filing-models_filed', '3');
  await page.waitForFunction(() => sessionStorage.getItem('subsidy-calc-whole') === '1');
  assert.match(errors.join('\n'), /second part of the bundle, still loading/);
  assert.equal(await amount(page, 'hongshan.model_filing'), null);
  // The page says why nothing changed, and what happens next.
  assert.match(await page.textContent('.sw-note[role="status"]'), /正在载入计算器的其余部分,页面随后自动刷新/);
  // Once it arrives the page reloads, this time with both parts loaded before it starts.
  const reloaded = page.waitForNavigation();
  release();
  await reloaded;
  await page.waitForSelector('html[data-ready="1"]', { state: 'attached' });
  await page.fill('#f-model_filing-models_filed', '3');
  // 洪山 6: 3 models × 1,000,000 = 3,000,000, capped at 2,000,000 a year → 200 万元.
  await page.waitForFunction(() => document.querySelector('#award-hongshan-model_filing .amount'));
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元');
  // The reloaded page asked for the second part itself, before its first render.
  assert.equal(await page.evaluate((p) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(p)), PART2), true);
  await context.close();
});

test('the second part lost on the way: the page says so, keeps its figures, and reloads once it can', { skip: !split && 'the build did not split the bundle' }, async () => {
  const context = await suite.browser.newContext();
  let fail = true;
  await context.route(`**/${PART2}`, (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  const page = await context.newPage();
  await page.goto(suite.server.url);
  await page.waitForSelector('#total-up-to');
  await page.fill('#f-model_filing-models_filed', '3');
  // Not reloaded into the browser's error page: the note says what happened and what follows.
  await page.waitForFunction(() => /网络连接中断/.test(document.querySelector('.sw-note')?.textContent || ''));
  assert.equal(new URL(page.url()).origin, new URL(suite.server.url).origin);
  assert.equal(await page.isVisible('#total-up-to'), true);
  // The network back: the next try brings the second part in, and the page reloads with both.
  fail = false;
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 20000 });
  await page.fill('#f-model_filing-models_filed', '3');
  await page.waitForFunction(() => document.querySelector('#award-hongshan-model_filing .amount'));
  // 洪山 6: 3 models × 1,000,000 = 3,000,000, capped at 2,000,000 a year → 200 万元.
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元');
  await context.close();
});

test('a link whose second part the site lacks: the page says a file did not arrive, not that the browser failed', { skip: !split && 'the build did not split the bundle' }, async () => {
  const context = await suite.browser.newContext();
  await context.route(`**/${PART2}`, (route) => route.fulfill({ status: 404, body: '' }));
  const page = await context.newPage();
  const form = { r: 'wuhan-hongshan', u: 'wan', l: 'zh', v: { 'model_filing.models_filed': '3' }, s: [] };
  await page.goto(`${suite.server.url}#${fragment(form)}`);
  await page.waitForSelector('[data-fallback="network"]');
  const text = await page.textContent('[data-fallback="network"]');
  assert.match(text, /计算器的文件未能从网站载入/);
  assert.match(text, /HTTP 404/);
  await context.close();
});
