import { launch } from './helpers.mjs';
const b = await launch();
const p = await b.newPage({ viewport: { width: 1280, height: 1000 } });
for (const [src, y, h, out, w] of JSON.parse(process.argv[2])) {
  await p.setViewportSize({ width: w, height: h });
  await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${(await import('node:fs')).readFileSync(src).toString('base64')}" style="display:block;margin-top:-${y}px"></body>`);
  await p.screenshot({ path: out });
}
await b.close();
