"""The size budget of the built app: every file of dist/ (html, js, wasm, css, all rules), raw and
gzip -9. Budget: 200 KB gzip in all (aim: 150 KB). Exits non-zero over budget."""
import gzip
import pathlib
import sys

BUDGET = 200 * 1024
dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
rows, raw_total, gz_total = [], 0, 0
for p in sorted(dist.rglob("*")):
    if p.is_file() and p.suffix in {".html", ".js", ".wasm", ".css"}:
        data = p.read_bytes()
        gz = len(gzip.compress(data, 9))
        rows.append((str(p.relative_to(dist)), len(data), gz))
        raw_total += len(data)
        gz_total += gz
for name, raw, gz in rows:
    print(f"{name:40} {raw / 1024:8.1f} KB raw {gz / 1024:8.1f} KB gzip")
print(f"{'total':40} {raw_total / 1024:8.1f} KB raw {gz_total / 1024:8.1f} KB gzip (budget 200 KB gzip)")
if gz_total > BUDGET:
    print("over the size budget", file=sys.stderr)
    sys.exit(1)
