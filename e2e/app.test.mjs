// The calculator page in real Chromium, built in release mode and served with the strict CSP.
// Every figure is worked by hand from the quoted clauses (see tests/*.rs for the clause texts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { amount, chromiumSuite, cliPath, fragment, openPage, total } from './helpers.mjs';

const suite = chromiumSuite();

async function hongshan(page) {
  await page.click('#region-wuhan-hongshan');
  await page.check('#f-enterprise-sme');
  await page.fill('#f-compute-domestic_fees', '50');
  await page.fill('#f-model_filing-models_filed', '3');
}

test('typing figures in 万元 gives the hand-worked awards, live', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await hongshan(page);
  // 洪山 5: 500,000 × 20% = 100,000 (under the 200,000 cap) → 10 万元.
  assert.equal(await amount(page, 'hongshan.compute_subsidy'), '10 万元');
  // 洪山 6: 3 models × 1,000,000 = 3,000,000, capped at 2,000,000 a year → 200 万元.
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元');
  assert.match(await page.locator('#award-hongshan-model_filing .cap').textContent(), /2,000,000/);
  // Totals: exact 200 万元; up to 200 + 10 = 210 万元 (the city's voucher has no figure).
  assert.equal(await total(page, 'exact'), '200 万元');
  assert.equal(await total(page, 'up-to'), '210 万元');
  // The city clause's card carries the draft badge.
  assert.equal((await page.locator('#award-wuhan-compute_voucher .badge-draft').first().textContent()).trim(), '征求意见稿');
  // The footer names the draft from the rule data (the Wuhan text is the one draft).
  const disclaimer = await page.textContent('#disclaimer');
  assert.ok(disclaimer.includes('武汉促进人工智能产业发展若干政策') && disclaimer.includes('》尚未正式施行。'), disclaimer);
  // The chart and hint: 50 万元 more fees reach the cap, adding 10 万元.
  assert.match(await page.locator('#award-hongshan-compute_subsidy .hint').textContent(), /再增加 50 万元.*补贴可增加 10 万元/);
  assert.equal(await page.locator('#award-hongshan-compute_subsidy svg[role="img"]').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching region re-evaluates the same inputs', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await hongshan(page);
  await page.click('#region-hangzhou');
  // 杭州 一(三): 500,000 domestic × 30% = 150,000 → 15 万元. 二(四): filed, no cost figure → at most 50 万元.
  assert.equal(await amount(page, 'hangzhou.compute_voucher'), '15 万元');
  assert.equal(await amount(page, 'hangzhou.model_filing'), '50 万元');
  assert.equal(await total(page, 'up-to'), '65 万元');
  assert.equal(await total(page, 'exact'), '0 万元');
  assert.equal(await amount(page, 'hongshan.model_filing'), null, 'Hongshan clauses are gone');
  // The comparison table shows every region; Hongshan's row keeps its 210 万元.
  assert.match(await page.locator('#compare-wuhan-hongshan').textContent(), /210 万元/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('scenario projects can be added, filled and removed', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await page.click('#region-wuhan');
  await page.click('#add-scenario');
  await page.click('#add-scenario');
  await page.fill('#sc-1-total', '500');
  await page.fill('#sc-2-total', '200');
  // A new project starts with no selection ticked: nothing is credited until the user says so.
  assert.equal(await page.isChecked('#sc-1-city'), false);
  assert.equal(await amount(page, 'wuhan.scenario'), null);
  // Wuhan city only: the district box is not offered (no district clause reads it).
  assert.equal(await page.locator('#sc-1-district').count(), 0);
  await page.check('#sc-1-city');
  await page.check('#sc-2-city');
  // 武汉 七: 5,000,000 × 30% = 1,500,000 → capped at 1,000,000; 2,000,000 × 30% = 600,000. Sum 160 万元.
  assert.equal(await amount(page, 'wuhan.scenario'), '160 万元');
  await page.click('#sec-scenarios li:first-child button.remove');
  assert.equal(await amount(page, 'wuhan.scenario'), '60 万元');
  assert.equal(await page.locator('#sec-scenarios li').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad entry is marked at its field, and nothing else is lost', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await hongshan(page);
  await page.fill('#f-compute-domestic_fees', '5O');
  const err = page.locator('#f-compute-domestic_fees-error');
  assert.match(await err.textContent(), /请输入数字/);
  assert.equal(await page.getAttribute('#f-compute-domestic_fees', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#f-compute-domestic_fees'), '5O', 'the text is kept to be fixed');
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元', 'other results stay');
  // Full-width digits and a 元 suffix are understood: ５０万 = 500000元.
  await page.fill('#f-compute-domestic_fees', '５０万');
  assert.equal(await amount(page, 'hongshan.compute_subsidy'), '10 万元');
  await page.fill('#f-compute-domestic_fees', '500,000元');
  assert.equal(await amount(page, 'hongshan.compute_subsidy'), '10 万元');
  assert.equal(await err.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the 元 switch converts what was typed', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await hongshan(page);
  await page.check('#unit-yuan');
  assert.equal(await page.inputValue('#f-compute-domestic_fees'), '500000');
  assert.equal(await amount(page, 'hongshan.compute_subsidy'), '100,000 元');
  assert.equal(await total(page, 'exact'), '2,000,000 元');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the share link reopens the same calculation; the last input is kept', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await hongshan(page);
  await page.click('#add-scenario');
  await page.fill('#sc-1-name', '质检大模型');
  const link = await page.inputValue('#share-link');
  assert.match(link, /#a=/);
  const other = await suite.browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(link);
  await page2.waitForSelector('#total-up-to');
  assert.equal(await page2.inputValue('#f-compute-domestic_fees'), '50');
  assert.equal(await page2.inputValue('#sc-1-name'), '质检大模型');
  assert.equal(await amount(page2, 'hongshan.model_filing'), '200 万元');
  await other.close();
  // Same browser, no fragment: localStorage brings the last input back.
  const page3 = await context.newPage();
  await page3.goto(suite.server.url);
  await page3.waitForSelector('#total-up-to');
  assert.equal(await page3.inputValue('#f-model_filing-models_filed'), '3');
  assert.deepEqual(problems, []);
  await context.close();
});

test('export downloads the result as JSON and CSV', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await hongshan(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.equal(json.suggestedFilename(), 'subsidy-result.json');
  const result = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  const filing = result.awards.find((a) => a.id === 'hongshan.model_filing');
  assert.equal(filing.amount, '2000000.00');
  assert.equal(result.total.exact, '2000000.00');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff编号,名称,类型,金额(元)'));
  assert.match(text, /hongshan\.model_filing,生成式人工智能模型备案奖励,exact,2000000\.00/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('English switch', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await hongshan(page);
  await page.click('#lang-switch');
  assert.equal((await page.locator('h1').textContent()).trim(), 'AI Industry Subsidy Calculator');
  assert.equal((await page.locator('#award-hongshan-model_filing h3').textContent()).trim(), 'Award per filed generative-AI model');
  assert.match(await page.locator('#award-hongshan-model_filing .kind').textContent(), /exact amount/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元');
  // Once the English words have arrived, every one reads as itself: the regions compared by name
  // (they showed the texts file's marker "\u0001378"), no marker anywhere on the page.
  await page.waitForFunction(() => document.documentElement.dataset.texts === '1');
  assert.match(await page.locator('#compare-wuhan-hongshan th').textContent(), /Wuhan · Hongshan/);
  assert.match(await page.locator('#compare-hangzhou th').textContent(), /Hangzhou/);
  assert.equal(await page.evaluate(() => document.body.innerText.includes('\u0001')), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('accessibility: axe finds no serious or critical violation, empty and filled', async () => {
  for (const lang of ['zh', 'en']) {
    const form = { r: 'wuhan-hongshan', u: 'wan', l: lang, v: { 'enterprise.sme': 'true', 'compute.domestic_fees': 'x', 'model_filing.models_filed': '3' }, s: [{ i: 1, n: 'A', s: true, t: '500', d: '', m: false }] };
    for (const url of [suite.server.url, `${suite.server.url}#${fragment(form)}`]) {
      const { page, context } = await openPage(suite.browser, url);
      await page.locator('details.not-eligible summary').click();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), [], url);
      await context.close();
    }
  }
});

test('keyboard only: the inputs and buttons are reachable with Tab, focus is visible', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  const seen = new Set();
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      // A date input's calendar button is focused inside the control (the browser draws that ring);
      // whenever the element itself has focus, ours must show.
      return { id: el.id, own: el.matches(':focus'), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (info.id) seen.add(info.id);
    if (info.own && info.id) assert.ok(info.outline, `focus ring on ${info.id}`);
  }
  for (const id of ['lang-switch', 'region-wuhan-hongshan', 'f-enterprise-sme', 'f-compute-domestic_fees']) assert.ok(seen.has(id), `${id} reachable: ${[...seen]}`);
  // Typing with the keyboard alone.
  await page.focus('#f-model_filing-models_filed');
  await page.keyboard.type('2');
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元');
  assert.deepEqual(problems, []);
  await context.close();
});

test('works at 360 px wide without sideways scrolling', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url, { viewport: { width: 360, height: 740 } });
  await hongshan(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  // While typing at the top of the page, the totals stay in sight (2,000,000 exact; up to 2,100,000).
  const bar = page.locator('.mobile-totals');
  assert.ok(await bar.isVisible());
  assert.match(await bar.textContent(), /200 万元.*210 万元/);
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height <= 740 && box.y > 600, `bar at ${box.y}`);
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元');
  assert.deepEqual(problems, []);
  await context.close();
});

test('works with the network cut after load, and prints a clean report', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await context.setOffline(true);
  await hongshan(page);
  assert.equal(await amount(page, 'hongshan.model_filing'), '200 万元');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.inputs').evaluate((el) => getComputedStyle(el).display), 'none');
  assert.equal(await page.locator('.toolbar').evaluate((el) => getComputedStyle(el).display), 'none');
  assert.ok(await page.locator('#award-hongshan-model_filing').isVisible());
  // The source line is on every card; printing opens the steps and the quoted clause.
  assert.match(await page.locator('#award-hongshan-model_filing .source').textContent(), /洪山区.*第6条/);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.ok(await page.locator('#award-hongshan-model_filing blockquote').isVisible());
  assert.match(await page.locator('#award-hongshan-model_filing blockquote').textContent(), /按每个模型100万元给予企业支持/);
  assert.ok(await page.locator('.disclaimer').isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('window.subsidyCalc: figures, rules(), and errors naming the field', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  const out = await page.evaluate(() => {
    const r = window.subsidyCalc.evaluate({ schema: 1, region: 'wuhan-hongshan', as_of: '2026-11-24', model_filing: { models_filed: 3 } });
    let error = null;
    try {
      window.subsidyCalc.evaluate({ region: 'wuhan', compute: { domestic_fees: '-5' }, listing: { venue: 'moon' } });
    } catch (e) {
      error = { name: e.name, fields: e.errors.map((x) => x.field) };
    }
    const text = window.subsidyCalc.evaluate(JSON.stringify({ region: 'shanghai', as_of: '2026-11-24', other: { shanghai: { metaverse_investment: '10000000' } } }));
    return { filing: r.awards.find((a) => a.id === 'hongshan.model_filing'), exact: r.total.exact, error, rules: window.subsidyCalc.rules().rules.length, version: window.subsidyCalc.version, metaverse: text.awards.find((a) => a.id === 'shanghai.metaverse').amount };
  });
  // 3 × 1,000,000 capped at 2,000,000; Shanghai 21: 10,000,000 × 30% = 3,000,000.
  assert.equal(out.filing.amount, '2000000.00');
  assert.equal(out.filing.binding_cap, 'per enterprise per year: 2000000');
  assert.equal(out.exact, '2000000.00');
  assert.deepEqual(out.error, { name: 'SubsidyCalcError', fields: ['compute.domestic_fees', 'listing.venue'] });
  assert.equal(out.rules, 74);
  // The rule data's version (rules/regions.toml) and a digest of the data it was built from.
  const version = fs.readFileSync('rules/regions.toml', 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.equal(out.version.split('+')[0], version);
  assert.match(out.version, /\+[0-9a-f]{8}$/);
  assert.equal(out.metaverse, '3000000.00');
  // {detail: 'figures'}: the same figures and no text (3 models × 1,000,000 capped at 2,000,000).
  const fig = await page.evaluate(() => {
    const app = { region: 'wuhan-hongshan', as_of: '2026-11-24', model_filing: { models_filed: 3 } };
    const f = window.subsidyCalc.evaluate(app, { detail: 'figures' });
    let bad = null;
    try { window.subsidyCalc.evaluate(app, { detail: 'some' }); } catch (e) { bad = e.errors[0].field; }
    return { f, bad, text: JSON.stringify(f) };
  });
  const filing = fig.f.awards.find((a) => a.id === 'hongshan.model_filing');
  assert.equal(fig.f.detail, 'figures');
  assert.equal(filing.amount, '2000000.00');
  assert.equal(filing.uncapped, '3000000.00');
  assert.equal(filing.in_totals, true);
  assert.equal(fig.f.total.exact, '2000000.00');
  assert.ok(!/steps|quote|title_zh|notes/.test(fig.text), 'no text in a figures-only result');
  assert.equal(fig.bad, '(options).detail');
  assert.deepEqual(problems, []);
  await context.close();
});

test('subsidyCalc.evaluate returns exactly what `subsidy-calc eval` prints', async () => {
  // The page converts the result with serde-wasm-bindgen, the command line with serde_json: the
  // contract is one, so the two must be the same object, field for field (full and figures-only).
  const cli = cliPath();
  assert.ok(cli, 'build the command line first (cargo build)');
  // The projects' names cross as they are: one short, with 1- to 4-byte UTF-8 characters (short
  // strings are decoded by scripts/postbuild.py's loop), one long (decoded by TextDecoder).
  const app = {
    region: 'wuhan-hongshan', as_of: '2026-11-24', model_filing: { models_filed: 3 }, compute: { domestic_fees: '1500000' },
    scenarios: [
      { name: '智慧园区 é×😀𠮷', total_investment: '2000000', district_selected: true },
      { name: '洪山区人工智能赋能制造业质量检测与预测性维护一体化示范应用场景项目', total_investment: '1000000', district_selected: true },
    ],
  };
  const file = '/tmp/subsidy-e2e-app.json';
  fs.writeFileSync(file, JSON.stringify(app));
  const run = (...args) => JSON.parse(execFileSync(cli, ['eval', file, ...args], { encoding: 'utf8' }));
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  const got = await page.evaluate((a) => [
    window.subsidyCalc.evaluate(a),
    window.subsidyCalc.evaluate(a, { detail: 'figures' }),
    window.subsidyCalc.evaluate(a, { lang: 'zh' }),
    window.subsidyCalc.evaluate(a, { lang: 'en' }),
  ], app);
  assert.deepEqual(got[0], run());
  const items = got[0].awards.flatMap((a) => a.items || []).map((i) => i.name);
  assert.ok(items.includes('智慧园区 é×😀𠮷') && items.includes(app.scenarios[1].name), items.join(' / '));
  assert.deepEqual(got[1], run('--detail', 'figures'));
  // {lang}: the words in one language (the engine writes them from its recorded steps when asked).
  assert.deepEqual(got[2], run('--lang', 'zh'));
  assert.deepEqual(got[3], run('--lang', 'en'));
  const filing = (r) => r.awards.find((a) => a.id === 'hongshan.model_filing');
  // 3 × 1,000,000 capped at 2,000,000, in Chinese only and in English only.
  assert.equal(filing(got[2]).binding_cap_zh, filing(got[0]).binding_cap_zh);
  assert.ok(!('binding_cap' in filing(got[2])) && !('steps' in filing(got[2])));
  assert.equal(filing(got[3]).binding_cap, 'per enterprise per year: 2000000');
  assert.ok(!('steps_zh' in filing(got[3])) && !('notes_zh' in got[3]));
  const bad = await page.evaluate((a) => {
    const field = (opts) => { try { window.subsidyCalc.evaluate(a, opts); return null; } catch (e) { return e.errors[0].field; } };
    return [field({ lang: 'fr' }), field({ lang: 5 }), field({ detail: true }), field({ lang: undefined })];
  }, app);
  // A bad option is named, whatever its type; an option left undefined is the default.
  assert.deepEqual(bad, ['(options).lang', '(options).lang', '(options).detail', null]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('city and district selection are two boxes, each credited to its own clause', async () => {
  const { page, context, problems } = await openPage(suite.browser, suite.server.url);
  await page.click('#region-wuhan-hongshan');
  await page.click('#add-scenario');
  await page.fill('#sc-1-total', '200');
  assert.match(await page.locator('label[for="sc-1-city"]').textContent(), /市级/);
  assert.match(await page.locator('label[for="sc-1-district"]').textContent(), /区级/);
  // Empty project: no 30万 最高可得 (洪山 9 needs the district's selection).
  assert.equal(await amount(page, 'hongshan.scenario'), null);
  // District only: 洪山 9 at most 300,000 → 30 万元; the city's 30% is not credited.
  await page.check('#sc-1-district');
  assert.equal(await amount(page, 'hongshan.scenario'), '30 万元');
  assert.equal(await amount(page, 'wuhan.scenario'), null);
  // And the city too: 2,000,000 × 30% = 600,000 → 60 万元; up to 30 + 60 = 90 万元, of which the
  // draft's 60 万元 is said beside the totals.
  await page.check('#sc-1-city');
  assert.equal(await amount(page, 'wuhan.scenario'), '60 万元');
  assert.equal(await total(page, 'up-to'), '90 万元');
  assert.match(await page.locator('#total-draft').textContent(), /其中征求意见稿.*最高可得 60 万元/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an old link with the single "selected" box opens with both boxes off, and says so', async () => {
  const old = { r: 'wuhan-hongshan', u: 'wan', l: 'zh', v: {}, s: [{ i: 1, n: '旧项目', s: true, t: '200', d: '', m: false }] };
  const { page, context, problems } = await openPage(suite.browser, `${suite.server.url}#${fragment(old)}`);
  assert.equal(await page.inputValue('#sc-1-name'), '旧项目');
  assert.equal(await page.isChecked('#sc-1-city'), false);
  assert.equal(await page.isChecked('#sc-1-district'), false);
  assert.match(await page.locator('#form-notice').textContent(), /旧版本.*市级遴选.*区级遴选/);
  assert.equal(await amount(page, 'hongshan.scenario'), null);
  // Ticking a box answers the notice.
  await page.check('#sc-1-district');
  assert.equal(await page.locator('#form-notice').count(), 0);
  assert.equal(await amount(page, 'hongshan.scenario'), '30 万元');
  assert.deepEqual(problems, []);
  await context.close();
});
