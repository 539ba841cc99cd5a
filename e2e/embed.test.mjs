// Embedding, in real Chromium under the strict CSP: the demo host page (static/demo.html) with a
// hostile stylesheet, two <subsidy-calculator> widgets and the iframe page; the iframe's messages;
// the JavaScript API. Figures are worked by hand from the quoted clauses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { amount, launch, openPage, startServer } from './helpers.mjs';

let server;
let other; // a second origin (another port), for messages that must be ignored
let browser;
before(async () => {
  server = await startServer();
  other = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
  other?.close();
});

async function openDemo() {
  const opened = await openPage(browser, `${server.url}demo.html`);
  const { page } = opened;
  await page.locator('#w1 #total-up-to').waitFor();
  await page.locator('#w2 #total-up-to').waitFor();
  return opened;
}

test('the demo host page under the strict CSP: widgets render and compute', async () => {
  const { page, context, problems } = await openDemo();
  const w1 = page.locator('#w1');
  assert.equal(await page.evaluate(() => document.querySelector('#w1').shadowRoot.querySelector('.page.embedded') !== null), true);
  // locked: no region picker, no comparison.
  assert.equal(await w1.locator('.regions').count(), 0);
  assert.equal(await w1.locator('.compare').count(), 0);
  await w1.locator('#f-enterprise-sme').check();
  await w1.locator('#f-compute-domestic_fees').fill('50');
  await w1.locator('#f-model_filing-models_filed').fill('3');
  // 洪山 5: 500,000 × 20% = 100,000 → 10 万元; 洪山 6: 3 × 1,000,000 capped at 2,000,000 → 200 万元.
  assert.equal(await amount(w1, 'hongshan.compute_subsidy'), '10 万元');
  assert.equal(await amount(w1, 'hongshan.model_filing'), '200 万元');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the host stylesheet does not reach the widget, nor the widget the host', async () => {
  // The same input in the plain app page and inside the widget on the hostile host page.
  const plain = await openPage(browser, server.url);
  const style = (loc) => loc.evaluate((el) => {
    const s = getComputedStyle(el);
    return ['font-family', 'font-size', 'line-height', 'color', 'background-color', 'border-top-width', 'border-top-color',
      'padding-left', 'box-sizing', 'height'].map((p) => `${p}: ${s.getPropertyValue(p)}`);
  });
  const inPlain = {
    input: await style(plain.page.locator('#f-compute-domestic_fees')),
    label: await style(plain.page.locator('label[for="f-compute-domestic_fees"]')),
    legend: await style(plain.page.locator('#sec-compute legend')),
  };
  await plain.context.close();
  const { page, context } = await openDemo();
  const w1 = page.locator('#w1');
  assert.deepEqual(await style(w1.locator('#f-compute-domestic_fees')), inPlain.input);
  assert.deepEqual(await style(w1.locator('label[for="f-compute-domestic_fees"]')), inPlain.label);
  assert.deepEqual(await style(w1.locator('#sec-compute legend')), inPlain.legend);
  // The host's own inputs keep the host's look: the widget's CSS does not leak out.
  const hostInput = await page.evaluate(() => {
    const i = document.createElement('input');
    document.querySelector('.content').append(i);
    const s = getComputedStyle(i);
    return [s.borderTopWidth, s.backgroundColor];
  });
  assert.deepEqual(hostInput, ['3px', 'rgb(255, 255, 0)']);
  await context.close();
});

test('two widgets stay independent; attributes update a widget; subsidy-result fires', async () => {
  const { page, context, problems } = await openDemo();
  const [w1, w2] = [page.locator('#w1'), page.locator('#w2')];
  // w2 shows only compute and model sections (sections="compute,model").
  assert.equal(await w2.locator('#sec-listing').count(), 0);
  assert.equal(await w2.locator('#sec-compute').count(), 1);
  await w2.locator('#f-compute-domestic_fees').fill('100');
  // 杭州 一(三): 1,000,000 × 30% = 300,000 → 30 万元; w1 (Hongshan) is untouched.
  assert.equal(await amount(w2, 'hangzhou.compute_voucher'), '30 万元');
  assert.equal(await w1.locator('#f-compute-domestic_fees').inputValue(), '');
  assert.equal((await w1.locator('#total-up-to strong').textContent()).trim(), '0 万元');
  // subsidy-result: one per change, from the right element, with the contract's totals.
  await page.waitForFunction(() => window.widgetResults.some((r) => r.id === 'w2' && r.total.up_to === '300000.00'));
  // Changing attributes updates the widget: English, then another region.
  await page.evaluate(() => document.querySelector('#w2').setAttribute('lang', 'en'));
  await w2.locator('h1', { hasText: 'AI Industry Subsidy Calculator' }).waitFor();
  await page.evaluate(() => document.querySelector('#w2').setAttribute('region', 'shanghai'));
  await w2.locator('#award-hangzhou-compute_voucher').waitFor({ state: 'detached' });
  assert.equal(await w2.locator('#f-compute-domestic_fees').count(), 0, 'Shanghai has no compute-fee clause');
  // The host page never got a URL fragment from the widgets.
  assert.equal(new URL(page.url()).hash, '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the iframe posts its height and results in the documented shape', async () => {
  const { page, context, problems } = await openDemo();
  await page.waitForFunction(() => window.frameMessages.some((m) => m.type === 'subsidy-calc:height'));
  const frame = page.frameLocator('#frame');
  await frame.locator('#total-up-to').waitFor();
  await frame.locator('#f-compute-model_purchase_fees').fill('50');
  // 硚口 5: 500,000 × 30% = 150,000 → up to 150000.00 in the posted result.
  await page.waitForFunction(() => window.frameMessages.some((m) => m.type === 'subsidy-calc:result' && m.result.total.up_to === '150000.00'));
  const shapes = await page.evaluate(() => {
    const h = window.frameMessages.filter((m) => m.type === 'subsidy-calc:height').at(-1);
    const r = window.frameMessages.filter((m) => m.type === 'subsidy-calc:result').at(-1);
    return {
      height: Object.keys(h).sort(), heightOk: Number.isInteger(h.height) && h.height > 300,
      result: Object.keys(r).sort(), region: r.result.region, award: r.result.awards.find((a) => a.id === 'qiaokou.model_voucher').amount,
      frameHeight: Number(document.getElementById('frame').height),
    };
  });
  assert.deepEqual(shapes.height, ['height', 'type']);
  assert.ok(shapes.heightOk);
  assert.deepEqual(shapes.result, ['result', 'type']);
  assert.equal(shapes.region, 'wuhan-qiaokou');
  assert.equal(shapes.award, '150000.00');
  assert.ok(shapes.frameHeight > 300, 'the host sized the frame from the message');
  assert.equal(await page.locator('#frame-total').textContent(), '150000.00 元');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the iframe ignores messages from any origin but the one it was given', async () => {
  const { page, context } = await openDemo();
  const frame = page.frameLocator('#frame');
  await frame.locator('#total-up-to').waitFor();
  // A window from another origin (another port) tries to reconfigure the calculator. (A frame from
  // there cannot even load: the host page's own CSP allows frames from itself only.)
  const [intruder] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((url) => { window.open(url); }, `${other.url}favicon.svg`),
  ]);
  await intruder.waitForLoadState();
  await intruder.evaluate(() => {
    window.opener.frames[0].postMessage({ type: 'subsidy-calc:configure', lang: 'en' }, '*');
  });
  await page.waitForTimeout(300);
  assert.equal((await frame.locator('h1').textContent()).trim(), '人工智能产业政策计算器', 'ignored');
  // The named origin (the host page) can.
  await page.evaluate(() => document.getElementById('frame').contentWindow.postMessage({ type: 'subsidy-calc:configure', lang: 'en' }, window.location.origin));
  await frame.locator('h1', { hasText: 'AI Industry Subsidy Calculator' }).waitFor();
  await context.close();
});

test('the JavaScript API on a host page: figures, rules(), and a bad application', async () => {
  const { page, context, problems } = await openDemo();
  const out = await page.evaluate(async () => {
    const api = await window.subsidyCalcReady;
    const r = api.evaluate({ region: 'wuhan', as_of: '2026-11-24', enterprise: { first_recognitions: ['little_giant', 'unicorn'] } });
    let error = null;
    try {
      api.evaluate({ region: 'hangzhou', model_filing: { evaluation_costs: '1.234' } });
    } catch (e) {
      error = { name: e.name, fields: e.errors.map((x) => x.field), message: e.message };
    }
    return { exact: r.total.exact, draft: r.awards.find((a) => a.id === 'wuhan.unicorn').source.status, error, rules: api.rules().rules.length };
  });
  // 武汉 六: 小巨人 500,000 + 独角兽 1,000,000 = 1,500,000 exact (a draft).
  assert.equal(out.exact, '1500000.00');
  assert.equal(out.draft, 'draft');
  assert.deepEqual(out.error.fields, ['model_filing.evaluation_costs']);
  assert.match(out.error.message, /two decimal/);
  assert.equal(out.rules, 74);
  assert.deepEqual(problems, []);
  await context.close();
});
