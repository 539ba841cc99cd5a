// Every visible text against the background it sits on, on every page (and inside the widget's
// shadow root), in both languages, with figures typed in: axe leaves a text "incomplete" when it
// cannot compute the background, and that is how two controls were white on white (issue 25). Here
// the background is the first opaque one found walking up the element's ancestors (through shadow
// roots), with translucent layers composed over it; a text fails below 4.5:1, or 3:1 when large
// (24 px, or 18.66 px bold). Images and gradients are not looked at (the pages use none behind text).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { chromiumSuite, fragment, openPage } from './helpers.mjs';

const suite = chromiumSuite();

/** Runs in the page: each visible text's element whose contrast is too low, with its colours. */
function lowContrast() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const parentOf = (el) => el.parentElement || (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = parentOf(e)) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const l of layers.reverse()) bg = over(l, bg);
    return bg;
  };
  const out = [];
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.currentNode; el; el = walker.nextNode()) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (!(el instanceof HTMLElement) && !(el instanceof SVGElement)) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      const field = (el.tagName === 'INPUT' && !['checkbox', 'radio', 'file', 'hidden'].includes(el.type) && el.value) || (el.tagName === 'SELECT');
      if (!own && !field) continue;
      const s = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (s.visibility === 'hidden' || s.display === 'none' || box.width < 1 || box.height < 1 || el.closest('.visually-hidden')) continue;
      if (el.getAttribute('aria-hidden') === 'true' || el.closest('[aria-hidden="true"]')) continue;
      const fg = parse(el instanceof SVGElement ? s.fill : s.color);
      if (!fg || fg.a === 0) continue;
      const bg = background(el);
      const f = over(fg, bg);
      const [hi, lo] = [lum(f), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const px = parseFloat(s.fontSize);
      const large = px >= 24 || (px >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        const text = field ? (el.value || el.tagName) : el.textContent.trim();
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} «${text.slice(0, 30)}» ${ratio.toFixed(2)}:1 (${s.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}))`);
      }
    }
  };
  visit(document);
  return out;
}

const form = {
  r: 'wuhan-hongshan', u: 'wan', l: 'zh',
  v: { 'enterprise.sme': 'true', 'compute.domestic_fees': '50', 'model_filing.models_filed': '3', 'listing.venue': 'sse', 'listing.stage': 'tutoring' },
  s: [{ i: 1, n: '质检大模型产线', s: true, t: '500', d: '120', m: false }],
};

async function check(page, where) {
  const low = await page.evaluate(lowContrast);
  assert.deepEqual(low, [], `${where}: text below its contrast minimum`);
}

for (const lang of ['zh', 'en']) {
  test(`the calculator, ${lang}: every text legible, at 390 and 1280 px`, async () => {
    for (const width of [390, 1280]) {
      const { page, context } = await openPage(suite.browser, `${suite.server.url}#${fragment({ ...form, l: lang })}`, { viewport: { width, height: 900 } });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await check(page, `index.html ${lang} ${width}px`);
      await context.close();
    }
  });
}

test('the plan page: every text legible, with years typed in', async () => {
  const { page, context } = await openPage(suite.browser, `${suite.server.url}plan.html`, { ready: '#plan-total-up-to' });
  await check(page, 'plan.html');
  await context.close();
});

test('the batch page: every text legible, with results and a reform', async () => {
  const { page, context } = await openPage(suite.browser, `${suite.server.url}batch.html`, { ready: '#reform-panel' });
  await check(page, 'batch.html before a file');
  const lines = ['编号,地区,计算日期,中小企业,国产算力合同费用'];
  for (let i = 1; i <= 12; i += 1) lines.push(`企业${i},wuhan-hongshan,2026-11-24,是,${i * 300000}`);
  lines.push('坏行,wuhan-hongshan,2026-11-24,是,一百万');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contrast-')), 'h.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  await page.setInputFiles('#batch-file', file);
  await page.waitForSelector('#batch-counts');
  const rule = page.locator('#reform-rules details[data-rule="hongshan.compute_subsidy"]');
  await rule.locator('summary').click();
  await rule.locator('input[data-key="hongshan.compute_subsidy|pool"]').fill('1000000');
  await page.click('#reform-apply');
  await page.waitForSelector('#reform-compare');
  await check(page, 'batch.html with results and a reform');
  await page.click('#lang-switch');
  await check(page, 'batch.html in English');
  await context.close();
});

test('the widget on a host page: every text legible inside its shadow root', async () => {
  const { page, context } = await openPage(suite.browser, `${suite.server.url}demo.html`);
  await check(page, 'demo.html with widgets');
  await context.close();
});
