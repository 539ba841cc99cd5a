// No blank page, ever: where the browser has no WebAssembly, where the module fails to instantiate,
// and where scripts are off, the page, the iframe page and the widget say what happened and what to
// do (switch to the fast mode, or use an up-to-date browser), in Chinese and English, under the
// strict CSP and with no console error of ours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSuite } from './helpers.mjs';

const suite = chromiumSuite();

const BREAK = {
  // What Internet Explorer and compatibility modes lack.
  'no WebAssembly': () => { delete window.WebAssembly; },
  // A module the engine refuses (an old engine, a corrupted download).
  'instantiation fails': () => {
    const refuse = () => Promise.reject(new Error('instantiation refused (test)'));
    WebAssembly.instantiate = refuse;
    WebAssembly.instantiateStreaming = refuse;
  },
};

// Where each page shows the calculator, and so the message.
const PAGES = [
  { name: 'the page', path: '', where: '#app' },
  { name: 'the iframe page', path: 'embed.html?region=wuhan-qiaokou&locked=1', where: '#calc' },
  { name: 'the widget', path: 'demo.html', where: '#w1' },
  { name: 'the 多年规划 page', path: 'plan.html', where: '#app' },
  { name: 'the batch page', path: 'batch.html', where: '#app' },
];

async function open(path, { init, javaScriptEnabled = true } = {}) {
  const context = await suite.browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  if (javaScriptEnabled) {
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }
  if (init) await page.addInitScript(init);
  await page.goto(suite.server.url + path);
  return { page, context, problems };
}

for (const [what, init] of Object.entries(BREAK)) {
  for (const p of PAGES) {
    test(`${what}: ${p.name} says what happened and what to do`, async () => {
      const { page, context, problems } = await open(p.path, { init });
      // (A widget's own light-DOM copy is hidden under its shadow root: the visible one counts.)
      const box = page.locator(`${p.where} .fallback`).filter({ visible: true }).first();
      await box.waitFor({ timeout: 15000 });
      const text = await box.textContent();
      assert.match(text, /WebAssembly/);
      assert.match(text, /极速模式/, 'what to do, in Chinese');
      assert.match(text, /up-to-date Chrome, Edge, Firefox/, 'what to do, in English');
      assert.equal(await box.getAttribute('role'), 'alert');
      if (what === 'no WebAssembly') assert.match(text, /不支持 WebAssembly/);
      else assert.match(text, /刷新页面重试/);
      assert.equal(await page.locator('#total-up-to').count(), 0);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('scripts off: the page and the iframe page say so, and the widget shows the host\'s own sentence', async () => {
  for (const p of PAGES.filter((x) => x.name !== 'the widget')) {
    const { page, context } = await open(p.path, { javaScriptEnabled: false });
    const box = page.locator(`${p.where} .fallback`).first();
    assert.ok(await box.isVisible(), p.name);
    const text = await box.textContent();
    assert.match(text, /需要启用 JavaScript/);
    assert.match(text, /极速模式/);
    assert.match(text, /needs JavaScript/);
    await context.close();
  }
  const { page, context } = await open('demo.html', { javaScriptEnabled: false });
  assert.ok(await page.locator('#w1 .calc-fallback').isVisible());
  assert.match(await page.locator('#w1 .calc-fallback').textContent(), /极速模式/);
  await context.close();
});
