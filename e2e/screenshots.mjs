// Screenshots of the built app for people to look at (not a test): desktop and 360 px, Chinese and
// English, with a filled-in Hongshan calculation. Writes target/screenshots/*.png.
import fs from 'node:fs';
import path from 'node:path';
import { DIST, fragment, launch, startServer } from './helpers.mjs';

const out = path.join(DIST, '..', 'target', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const form = (l) => ({
  r: 'wuhan-hongshan', u: 'wan', l,
  v: { 'enterprise.sme': 'true', 'compute.domestic_fees': '50', 'compute.other_fees': '12x', 'model_filing.models_filed': '3',
    'models.vertical_model.selected': 'true', 'models.vertical_model.rd_cost': '800', 'listing.venue': 'sse', 'listing.stage': 'tutoring' },
  s: [{ i: 1, n: '质检大模型产线', s: true, t: '500', d: '120', m: false }],
});
const server = await startServer();
const browser = await launch();
for (const [name, viewport, lang, full] of [['desktop-zh', { width: 1366, height: 900 }, 'zh', true], ['desktop-en', { width: 1366, height: 900 }, 'en', false], ['phone-360-zh', { width: 360, height: 740 }, 'zh', true]]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${server.url}#${fragment(form(lang))}`);
  await page.waitForSelector('#total-up-to');
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: full });
  await context.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
