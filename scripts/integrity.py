"""The build's last step (after scripts/postbuild.py and scripts/split.mjs): set every
subresource-integrity hash in the HTML pages from the files as they finally are, adding one to the
boot script, and write the service worker's version and files. Usage: integrity.py DIST"""
import base64
import hashlib
import pathlib
import re
import sys

dist = pathlib.Path(sys.argv[1])

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


# The service worker (static/sw.js): this build's version — a digest of every file it serves — and
# the calculator page's files, kept for opening without a network. A new build is a new version,
# so browsers install the new worker, which keeps the new files and drops the old ones.
sw = dist / "sw.js"
if sw.is_file():
    served = sorted(p for p in dist.iterdir() if p.is_file() and p.name != "sw.js" and p.suffix not in (".gz", ".br"))
    digest = hashlib.sha256()
    for p in served:
        digest.update(p.name.encode() + b"\0" + p.read_bytes())
    version = digest.hexdigest()[:12]
    keep = ["./", "index.html", "support.js", "boot.js", "subsidy-calc-web.js", "subsidy-calc-web_bg.wasm",
            "style.css", "favicon.svg"] + [p.name for p in served if p.name.startswith("texts-")]
    # The bundle's second part, where the build split it (scripts/split.mjs).
    keep += [p.name for p in served if p.name.startswith("subsidy-calc-web_bg.part2-")]
    missing = [f for f in keep if f != "./" and not (dist / f).is_file()]
    if missing:
        sys.exit(f"postbuild: sw.js would keep files the build does not have: {missing}")
    text = sw.read_text(encoding="utf-8")
    if "__VERSION__" not in text:
        sys.exit("postbuild: sw.js has no __VERSION__ to fill")
    text = text.replace("'__VERSION__'", repr(version)).replace("__FILES__", repr(keep).replace("'", '"'))
    sw.write_text(text, encoding="utf-8")
