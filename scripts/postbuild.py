"""After trunk: minify the wasm-bindgen JS glue (trunk leaves it as is), then set every
subresource-integrity hash in the HTML pages from the files as they finally are, adding one to the
boot script. Usage: postbuild.py DIST TERSER"""
import base64
import hashlib
import pathlib
import re
import subprocess
import sys

dist = pathlib.Path(sys.argv[1])
terser = sys.argv[2]

for name in ["subsidy-calc-web.js", "subsidy-calc-plan.js", "subsidy-calc-batch.js"]:
    glue = dist / name
    if glue.is_file():
        subprocess.run([terser, str(glue), "--module", "--compress", "--mangle", "-o", str(glue)], check=True)


def sri(path: pathlib.Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def fix_tag(tag: str) -> str:
    m = re.search(r'\b(?:href|src)="?(?:\./)?([\w.-]+)"?', tag)
    if not m or not (dist / m.group(1)).is_file():
        return tag
    digest = sri(dist / m.group(1))
    if "integrity=" in tag:
        return re.sub(r'integrity="?sha384-[A-Za-z0-9+/=]+"?', f'integrity="{digest}"', tag)
    if tag.startswith("<script"):
        return tag.replace("<script", f'<script integrity="{digest}"', 1)
    return tag


for page in dist.glob("*.html"):
    html = page.read_text(encoding="utf-8")
    html = re.sub(r"<(?:link|script)\b[^>]*>", lambda m: fix_tag(m.group(0)), html)
    page.write_text(html, encoding="utf-8")
