import { launch, startServer, DIST } from './helpers.mjs';
const server = await startServer(DIST);
const browser = await launch();
for (const lang of ['zh', 'en']) {
  for (const [w, h] of [[390, 844], [1280, 900]]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(server.url);
    await page.waitForSelector('#total-up-to');
    if (lang === 'en') { await page.getByRole('button', { name: 'English' }).click(); await page.waitForTimeout(400); }
    await page.locator('#region-hangzhou').check();
    await page.waitForTimeout(200);
    const fill = async (id, v) => { const l = page.locator(id); if (await l.count()) await l.fill(v); };
    await fill('#f-compute-domestic_fees', '100.05');
    await fill('#f-compute-maas_on_filed_model_fees', '100.05');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/exp/look-${lang}-${w}.png`, fullPage: false });
    // the award card's steps
    const card = page.locator('[data-rule="hangzhou.compute_voucher"], #award-hangzhou-compute_voucher').first();
    if (await card.count()) { await card.scrollIntoViewIfNeeded(); const d = card.locator('details').first(); if (await d.count()) await d.evaluate((e) => { e.open = true; }); await page.waitForTimeout(200); await card.screenshot({ path: `/tmp/exp/card-${lang}-${w}.png` }); }
    await page.close();
  }
}
await browser.close(); server.close();
