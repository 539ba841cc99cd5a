import { launch, startServer } from './helpers.mjs';
const server = await startServer(process.env.EXPDIST);
const browser = await launch();
for (const [w, h] of [[390, 844], [1280, 800]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(server.url);
  await page.waitForSelector('#total-up-to');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/exp/${process.env.TAG}-${w}.png` });
  await page.close();
}
await browser.close(); server.close();
