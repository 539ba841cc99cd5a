// Shared set-up for the browser tests: a loopback server for dist/ (with the strict CSP header),
// Debian's Chromium through playwright-core, and watchers for console errors, page errors, CSP
// violations and requests that leave the page's origin.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(root, process.env.DIST || 'dist');

/** The calculator bundle's second part in dist/ (scripts/split.mjs names it by a digest of both
 *  parts), or undefined where the build left the bundle whole. */
export function part2File() {
  return fs.readdirSync(DIST).find((f) => /^subsidy-calc-web_bg\.part2-[0-9a-f]+\.wasm$/.test(f));
}

export async function startServer(dir = DIST) {
  const proc = spawn('python3', [path.join(root, 'scripts/static_server.py'), dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = await once(proc.stdout, 'data');
  const url = chunk.toString().trim().split('\n')[0];
  return { url, close: () => proc.kill() };
}

/** The set-up every Chromium test file shares: a server for dist/ and a browser, started before the
 *  file's tests and closed after them. Read `suite.server` and `suite.browser` inside the tests. */
export function chromiumSuite() {
  const suite = {};
  before(async () => {
    suite.server = await startServer();
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    suite.server?.close();
  });
  return suite;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page that records what must never happen: console errors, uncaught errors, CSP violations,
 *  and requests to another origin. */
export async function openPage(browser, url, opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport || { width: 1366, height: 900 }, acceptDownloads: true, ...(opts.context || {}) });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) problems.push(`foreign request: ${u}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForSelector(opts.ready || '#total-up-to');
  // The calculator's bundle is in two parts (scripts/split.mjs): the tests work the page once both
  // are in (boot.js marks it), as a person would a moment later. e2e/split.test.mjs is about the
  // moment before.
  await page.waitForFunction(() => !document.querySelector('script[src*="boot.js"]') || document.documentElement.dataset.ready === '1');
  // The rule data's English words and quotes arrive after the first figures (boot.js, widget.js
  // mark the page when they have): the tests read them, so they wait for them.
  if (opts.texts !== false) await page.waitForSelector('html[data-texts="1"]', { state: 'attached' });
  return { page, context, problems };
}

/** The amount shown on an award card ("200 万元"), or null when the card is absent. `scope` is the
 *  page, or a locator such as one widget on a host page. */
export async function amount(scope, id) {
  const el = scope.locator(`#award-${id.replace('.', '-')} .amount`);
  return (await el.count()) ? (await el.textContent()).trim() : null;
}

export async function total(page, which) {
  return (await page.locator(`#total-${which} strong`).textContent()).trim();
}

/** A share-link fragment for a form state (the app's own encoding: JSON, base64url). */
export function fragment(form) {
  return 'a=' + Buffer.from(JSON.stringify(form)).toString('base64url');
}

/** The command line as last built (release or debug, whichever is newer: a stale release binary
 *  beside a fresh debug one would compare the page with yesterday's engine). */
export function cliPath() {
  return ['target/release/subsidy-calc', 'target/debug/subsidy-calc']
    .filter((p) => fs.existsSync(p))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}
