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

# Every string Rust hands to JavaScript (a result's ids, amounts, steps; the page's text nodes)
# goes through wasm-bindgen's getStringFromWasm0: a new view of the memory and a TextDecoder.decode
# call, whose fixed cost dominates for short strings (Chromium's profiler put "decode" at half of a
# full `subsidyCalc.evaluate`, ~460 strings for a busy Hongshan result). Strings up to SHORT bytes
# are decoded here in JavaScript instead, as Emscripten's UTF8ToString does; longer ones still by
# TextDecoder. Measured 2026-11-26 (2,000 calls, three rounds, same build otherwise): Hongshan
# figures-only 55 → 48 µs, full 298 → 276 µs; 24 and 64 bytes did the same, all-in-JavaScript was
# slower for the long quotes. Rust's strings are valid UTF-8, so the loop needs no error handling;
# e2e/app.test.mjs compares 1- to 4-byte characters with the command line's output.
SHORT = 64
GLUE_FROM = """function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}"""
GLUE_TO = """function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    if (len > %d) return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
    const m = getUint8ArrayMemory0();
    const end = ptr + len;
    let s = '';
    while (ptr < end) {
        const a = m[ptr++];
        if (a < 0x80) { s += String.fromCharCode(a); continue; }
        const b = m[ptr++] & 63;
        if (a < 0xe0) { s += String.fromCharCode(((a & 31) << 6) | b); continue; }
        const c = m[ptr++] & 63;
        if (a < 0xf0) { s += String.fromCharCode(((a & 15) << 12) | (b << 6) | c); continue; }
        const u = (((a & 7) << 18) | (b << 12) | (c << 6) | (m[ptr++] & 63)) - 0x10000;
        s += String.fromCharCode(0xd800 + (u >> 10), 0xdc00 + (u & 1023));
    }
    return s;
}""" % SHORT

for name in ["subsidy-calc-web.js", "subsidy-calc-plan.js", "subsidy-calc-batch.js", "subsidy-calc-qr.js"]:
    glue = dist / name
    if glue.is_file():
        text = glue.read_text(encoding="utf-8")
        if GLUE_FROM not in text and "getStringFromWasm0" in text:
            sys.exit(f"postbuild: {name}: wasm-bindgen's getStringFromWasm0 is not the one patched here "
                     "(wasm-bindgen changed?): update GLUE_FROM in scripts/postbuild.py")
        glue.write_text(text.replace(GLUE_FROM, GLUE_TO), encoding="utf-8")
        subprocess.run([terser, str(glue), "--module", "--compress", "--mangle", "-o", str(glue)], check=True)


# The names the wasm imports its JavaScript functions by: wasm-bindgen names each by its Rust path
# and a 16-hex-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`), written in the wasm's import
# section and again in the glue that provides it; a hash does not compress. Each bundle's are
# renamed here to short names (`$0`, `$1`…) in both, once the glue is minified. A name the glue
# does not hold exactly once, as a key of its imports object, is left as it is; a bundle whose
# import section cannot be read stops the build.
def leb(b: bytes, i: int):
    result = shift = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return result, i


def uleb(n: int) -> bytes:
    out = bytearray()
    while True:
        x = n & 0x7F
        n >>= 7
        out.append(x | (0x80 if n else 0))
        if not n:
            return bytes(out)


def short_imports(wasm: pathlib.Path, glue: pathlib.Path) -> int:
    b = wasm.read_bytes()
    js = glue.read_text(encoding="utf-8")
    if b[:8] != b"\0asm\x01\0\0\0":
        sys.exit(f"postbuild: {wasm.name} is not a wasm module")
    out = bytearray(b[:8])
    renamed = 0
    i = 8
    while i < len(b):
        sid = b[i]
        n, j = leb(b, i + 1)
        body = b[j:j + n]
        i = j + n
        if sid == 2:
            count, k = leb(body, 0)
            new = bytearray(uleb(count))
            for _ in range(count):
                mlen, k = leb(body, k)
                module = body[k:k + mlen]
                k += mlen
                flen, k = leb(body, k)
                field = body[k:k + flen].decode()
                k += flen
                start = k
                kind = body[k]
                k += 1
                if kind == 0:  # a function: its type
                    _, k = leb(body, k)
                elif kind in (1, 2):  # a table (element type, limits) or a memory (limits)
                    if kind == 1:
                        k += 1
                    flags = body[k]
                    _, k = leb(body, k + 1)
                    if flags & 1:
                        _, k = leb(body, k)
                elif kind == 3:  # a global: type and mutability
                    k += 2
                else:
                    sys.exit(f"postbuild: {wasm.name}: import kind {kind} not understood")
                desc = body[start:k]
                # The glue's imports object: `{__wbg_setAttribute_f75317b2b5cabfb4:function(…){…},…}`.
                key = re.compile(r"(?<![\w$.])" + re.escape(field) + r"(?=:function)")
                if (module.endswith(b"_bg.js") and kind == 0 and len(key.findall(js)) == 1
                        and len(re.findall(r"(?<![\w$])" + re.escape(field) + r"(?![\w$])", js)) == 1):
                    name = f"${renamed:x}"
                    js = key.sub(name, js)
                    field = name
                    renamed += 1
                fb = field.encode()
                new += uleb(len(module)) + module + uleb(len(fb)) + fb + desc
            if k != len(body):
                sys.exit(f"postbuild: {wasm.name}: the import section was not read to its end")
            body = bytes(new)
        out += bytes([sid]) + uleb(len(body)) + body
    wasm.write_bytes(bytes(out))
    glue.write_text(js, encoding="utf-8")
    return renamed

for name in ["subsidy-calc-web", "subsidy-calc-plan", "subsidy-calc-batch", "subsidy-calc-qr"]:
    if (dist / f"{name}.js").is_file() and (dist / f"{name}_bg.wasm").is_file():
        short_imports(dist / f"{name}_bg.wasm", dist / f"{name}.js")

# The page's own scripts, minified too (their comments are for the source, not the wire): boot.js as
# the module it is; support.js as a classic ES5 script (it must run in browsers without modules, so
# nothing newer is written: terser's output stays ES5 for ES5 input; check-baseline.sh checks it).
for name, module in [("boot.js", True), ("support.js", False)]:
    script = dist / name
    if script.is_file():
        args = [terser, str(script), "--compress", "--mangle", "-o", str(script)]
        subprocess.run(args + (["--module"] if module else ["--ecma", "5"]), check=True)


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
    missing = [f for f in keep if f != "./" and not (dist / f).is_file()]
    if missing:
        sys.exit(f"postbuild: sw.js would keep files the build does not have: {missing}")
    text = sw.read_text(encoding="utf-8")
    if "__VERSION__" not in text:
        sys.exit("postbuild: sw.js has no __VERSION__ to fill")
    text = text.replace("'__VERSION__'", repr(version)).replace("__FILES__", repr(keep).replace("'", '"'))
    sw.write_text(text, encoding="utf-8")
