// The calculator's bundle in two parts (issue 25: the first figure on a phone's network).
//
// A new visitor's page runs only part of the code: yew, the page's views, the engine's evaluation of
// the empty form, the rule book. The rest — the award cards' figures, steps and charts, the reader of
// a link's or a kept form, the JavaScript API's conversions, error paths — can come a moment later,
// as the English texts do. binaryen's wasm-split does the cut, guided by a profile of what the page
// ran: this script instruments the built bundle, opens it in headless Chromium as new visitors
// would (a phone and a desktop, Chinese and English, today and on days years ahead, a slow CPU, the
// texts early and late), merges the profiles and splits the bundle:
//   subsidy-calc-web_bg.wasm        everything the profiled runs called (the first load)
//   subsidy-calc-web_bg.part2-<digest>.wasm  the rest; the glue fetches it as soon as the first
//                                    part runs
// A page that starts from a form (a link's, one kept in the browser) loads both parts before it
// starts (boot.js); the widget loads the bundle whole (subsidy-calc-web_bg.whole.wasm, widget.js).
// In the first part each call to a function of the second goes through the function table, where a
// placeholder stands until the second part is in. The glue (scripts/postbuild.py) says what a
// placeholder does when called before then: the page reloads with both parts loaded before it
// starts (never a wrong figure or a dead page; e2e/split.test.mjs).
//
// Usage: node scripts/split.mjs DIST WASM_OPT. Needs Debian's binaryen (wasm-split), Chromium and
// playwright-core (e2e/node_modules); without them the bundle is left whole, which works the same,
// and the build says so.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [dist, wasmOpt] = process.argv.slice(2);
const BUNDLE = 'subsidy-calc-web_bg.wasm';
const PART2 = 'subsidy-calc-web_bg.part2.wasm';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

// The widget (widget.js) loads the bundle whole, in one file: a host's page is never reloaded, and
// one file is smaller than the two parts together.
const WHOLE = 'subsidy-calc-web_bg.whole.wasm';
fs.copyFileSync(path.join(dist, BUNDLE), path.join(dist, WHOLE));

function leaveWhole(why) {
  console.log(`split: the calculator's bundle is left whole (${why}); it works the same, only its first load is larger`);
  for (const f of fs.readdirSync(dist)) if (f.startsWith('subsidy-calc-web_bg.part2')) fs.rmSync(path.join(dist, f));
  process.exit(0);
}

let chromium;
try {
  ({ chromium } = createRequire(new URL('../e2e/package.json', import.meta.url))('playwright-core'));
} catch (err) {
  leaveWhole('playwright-core is not installed in e2e/');
}
if (spawnSync('wasm-split', ['--version']).status !== 0) leaveWhole("wasm-split (Debian's binaryen) is not installed");
if (!fs.existsSync(CHROMIUM)) leaveWhole(`${CHROMIUM} is not installed`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'subsidy-split-'));
const whole = path.join(tmp, 'whole.wasm');
fs.copyFileSync(path.join(dist, BUNDLE), whole);
run('wasm-split', ['--instrument', whole, '-o', path.join(tmp, 'instrumented.wasm')]);

// The dist folder as served, but for the bundle: the instrumented one, until the split is made.
let instrumented = true;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8' };
const server = createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = name === BUNDLE && instrumented ? path.join(tmp, 'instrumented.wasm') : path.join(dist, path.basename(name));
  if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  // The pages' integrity hashes are set after this step (scripts/integrity.py).
  const body = fs.readFileSync(file);
  res.end(file.endsWith('.html') ? body.toString('utf8').replace(/ integrity="?sha384-[A-Za-z0-9+/=]+"?/g, '') : body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const profiles = [];
const problems = [];

async function open(context, address, before) {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  if (before) await before(page);
  await page.goto(address);
  await page.waitForSelector('#total-up-to');
  // The second step of the first render, and the texts.
  await page.waitForFunction(() => document.documentElement.dataset.texts === '1', null, { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(300);
  return page;
}

/** The counters of the page's bundle so far, as wasm-split's profile file. */
async function keep(page, label) {
  const bytes = await page.evaluate(async () => {
    const wasm = await (await import('./subsidy-calc-web.js')).default();
    const size = 1 << 20;
    const at = wasm.__wbindgen_malloc(size, 8);
    const n = wasm.__write_profile(at, size);
    return Array.from(new Uint8Array(wasm.memory.buffer, at, n));
  });
  const file = path.join(tmp, `${profiles.length}-${label}.prof`);
  fs.writeFileSync(file, Buffer.from(bytes));
  profiles.push(file);
}

// The page evaluates the empty form as of the visitor's today: as documents come into force, expire
// or end their terms, other code may run (an expired clause's words, a term's last year). So a new
// visit is profiled today and on days from half a year to six years ahead (past every term the
// rules know today; a build a year from now looks as far ahead of its own day).
const DAYS = [0, 6, 12, 18, 24, 30, 36, 48, 72].map((months) => {
  if (!months) return null;
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
});
try {
  // A new visitor on a phone and on a desktop, in Chinese and in English: the empty form, its first
  // render and the rest of it after the first paint, the texts arriving, the form kept.
  for (const day of DAYS) {
    for (const [viewport, locale] of [[{ width: 390, height: 844 }, 'zh-CN'], [{ width: 1280, height: 800 }, 'en-US']]) {
      const context = await browser.newContext({ viewport, locale });
      if (day) await context.clock.setFixedTime(new Date(`${day}T10:00:00+08:00`));
      await keep(await open(context, url), `fresh-${day || 'today'}`);
      await context.close();
    }
  }
  // On a slow machine the same page runs its steps in other orders (the texts before the first
  // render or after its second step; a render that takes longer than a frame): seen to reach code
  // the runs above did not. Profiled on a CPU slowed 2 to 12 times, the texts early and late.
  for (const rate of [2, 4, 6, 8, 12]) {
    for (const textsLate of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      if (textsLate) await context.route('**/texts-*.txt', (route) => setTimeout(() => route.continue(), 1500));
      const slow = await open(context, url, async (p) => {
        const c = await context.newCDPSession(p);
        await c.send('Emulation.setCPUThrottlingRate', { rate });
      });
      await keep(slow, `slow-${rate}${textsLate ? '-texts-late' : ''}`);
      await context.close();
    }
  }
  // A browser that refuses the page its storage (storage switched off, some private modes): the
  // form is neither read nor kept, by other code.
  {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    await keep(await open(context, url), 'no-storage');
    await context.close();
  }
} finally {
  await browser.close();
}
if (problems.length) throw new Error(`split: the instrumented page failed: ${problems.join('; ')}`);

const merged = path.join(tmp, 'merged.prof');
run('wasm-split', ['--merge-profiles', ...profiles, '-o', merged]);
const one = path.join(tmp, 'one.wasm');
const two = path.join(tmp, 'two.wasm');
// Placeholders are imported from "p" (the glue provides them); the names the second part imports
// from the first are short ("%a"…).
run('wasm-split', [whole, `--profile=${merged}`, '-o1', one, '-o2', two, '--placeholder-namespace=p', '--export-prefix=%']);
for (const f of [one, two]) run(wasmOpt, ['-Oz', '--converge', '--low-memory-unused', f, '-o', f]);
// The second part's file is named by a digest of both parts, in the glue and boot.js too: a page
// never joins a first part and a second part of different builds (one from a cache, one new).
const digest = createHash('sha256').update(fs.readFileSync(one)).update(fs.readFileSync(two)).digest('hex').slice(0, 10);
const part2File = PART2.replace('.part2.wasm', `.part2-${digest}.wasm`);
fs.copyFileSync(one, path.join(dist, BUNDLE));
fs.copyFileSync(two, path.join(dist, part2File));
for (const script of ['subsidy-calc-web.js', 'boot.js']) {
  const file = path.join(dist, script);
  const text = fs.readFileSync(file, 'utf8');
  if (text.split(PART2).length !== 2) throw new Error(`split: ${script} does not name ${PART2} exactly once`);
  fs.writeFileSync(file, text.replace(PART2, part2File));
}

// The split bundle, opened as a new visitor: its first figures, the rest of the first render and
// the texts come from the first part alone (no placeholder called: no error, no reload), then the
// second part arrives and the page says it is ready.
instrumented = false;
const check = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'] });
try {
  for (const rate of [1, 6]) {
    const fresh = await (await check.newContext()).newPage();
    fresh.on('pageerror', (e) => problems.push(`CPU ×${rate}: ${e.message}`));
    await (await fresh.context().newCDPSession(fresh)).send('Emulation.setCPUThrottlingRate', { rate });
    await fresh.goto(url);
    await fresh.waitForFunction(() => document.documentElement.dataset.ready === '1' && document.documentElement.dataset.texts === '1', null, { timeout: 60000 });
    const reloaded = await fresh.evaluate(() => sessionStorage.getItem('subsidy-calc-whole'));
    if (reloaded !== null) problems.push(`CPU ×${rate}: the first part called a placeholder: the page reloaded with both parts`);
    await fresh.context().close();
  }
} finally {
  await check.close();
  server.close();
}
if (problems.length) throw new Error(`split: the split bundle failed as a new visitor's page: ${problems.join('; ')}`);
const kb = (f) => (fs.statSync(f).size / 1024).toFixed(1);
console.log(`split: ${profiles.length} profiled runs; ${BUNDLE} ${kb(whole)} KB → ${kb(one)} KB first, ${kb(two)} KB after the first figures (${part2File})`);
if (process.env.SPLIT_KEEP) console.log(`split: profiles kept in ${tmp}`);
else fs.rmSync(tmp, { recursive: true, force: true });
