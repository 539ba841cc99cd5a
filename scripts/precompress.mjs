// Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) beside every text and wasm file of the
// build, for servers that send a precompressed file when the browser accepts it (README: nginx's
// gzip_static / brotli_static, IIS's static compression). Node's own zlib: no tool to install.
// Usage: node scripts/precompress.mjs DIST
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2];
const KINDS = new Set(['.html', '.js', '.wasm', '.css', '.txt', '.svg', '.ts']);
let raw = 0;
let gz = 0;
let br = 0;
for (const name of fs.readdirSync(dist)) {
  const file = path.join(dist, name);
  if (!fs.statSync(file).isFile() || !KINDS.has(path.extname(name))) continue;
  const data = fs.readFileSync(file);
  const g = zlib.gzipSync(data, { level: 9 });
  const b = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: name.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  fs.writeFileSync(`${file}.gz`, g);
  fs.writeFileSync(`${file}.br`, b);
  raw += data.length;
  gz += g.length;
  br += b.length;
}
console.log(`precompressed: ${(raw / 1024).toFixed(0)} KB → gzip ${(gz / 1024).toFixed(0)} KB, brotli ${(br / 1024).toFixed(0)} KB`);
