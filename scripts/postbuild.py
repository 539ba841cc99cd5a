"""After trunk: patch and minify the wasm-bindgen JS glue (trunk leaves it as is), give the wasm's
imports short names, and minify the page's own scripts. scripts/integrity.py then sets the pages'
integrity hashes once every file is final. Usage: postbuild.py DIST TERSER"""
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

# The calculator's bundle may come in two parts (scripts/split.mjs): what the page runs first, and
# the rest, fetched once it runs. Its glue gets, from here:
#  - `part2()`: a promise of the second part loaded (at once when the bundle is whole: its module
#    imports no placeholders — the widget loads it whole). boot.js calls it once the bundle runs,
#    and says the API is ready only when it is in;
#  - the placeholders (imports from "p"), which stand in the function table for the second part's
#    functions until it is in. A call to one before then cannot wait for it: the page is reloaded
#    once the second part is in, and in this browser tab it starts from then on with both parts
#    loaded first (sessionStorage) — a figure is never computed without its code;
#  - that wait before `main` runs: a page that starts from a form (boot.js sets
#    window.subsidyCalcWhole) and a tab that reloaded once start with both parts.
SPLIT_PATCHES = [
    ("""    return {
        __proto__: null,
        "./subsidy-calc-web_bg.js": import0,
    };""", """    return {
        __proto__: null,
        "./subsidy-calc-web_bg.js": import0,
        p: new Proxy({}, { get: (_, name) => function () { return part2Missing(name); } }),
    };"""),
    ("""    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
    return wasm;
}""", """    cachedUint8ArrayMemory0 = null;
    let whole = globalThis.subsidyCalcWhole === true;
    try { whole = whole || sessionStorage.getItem(WHOLE) === '1'; } catch (e) { /* storage off */ }
    if (whole) return part2().then(() => { wasm.__wbindgen_start(); return wasm; });
    wasm.__wbindgen_start();
    return wasm;
}

const WHOLE = 'subsidy-calc-whole';
let part2Loaded;
let part2Reloading = false;
export function part2() {
    if (!part2Loaded) {
        const split = WebAssembly.Module.imports(wasmModule).some((i) => i.module === 'p');
        // Fetched already where boot.js knew the page needs it at once (a one-time response).
        const fetched = globalThis.subsidyCalcPart2;
        globalThis.subsidyCalcPart2 = undefined;
        // The file's name carries a digest of both parts (scripts/split.mjs writes it here and in
        // boot.js): this glue never takes a second part of another build.
        const file = 'subsidy-calc-web_bg.part2.wasm';
        const lost = (err) => { err.subsidyCalcNetwork = true; throw err; };
        part2Loaded = !split ? Promise.resolve() : (fetched || fetch(new URL(file, import.meta.url)))
            .then((r) => {
                if (!r.ok) lost(new Error(`${file}: HTTP ${r.status}`));
                const imports = { primary: wasm };
                if (typeof WebAssembly.instantiateStreaming === 'function'
                    && /^application\/wasm\b/.test(r.headers.get('Content-Type') || '')) {
                    return WebAssembly.instantiateStreaming(r, imports);
                }
                return r.arrayBuffer().then((b) => WebAssembly.instantiate(b, imports));
            }, lost);
        part2Loaded.catch(() => { part2Loaded = undefined; });
    }
    return part2Loaded;
}

const PART2_SAY = {
    loading: '正在载入计算器的其余部分,页面随后自动刷新。 Loading the rest of the calculator: the page then reloads.',
    slow: '网络较慢:计算器的其余部分仍在载入,载入后页面自动刷新;页面上的金额是此前输入的结果。 A slow connection: the rest of the calculator is still loading, and the page reloads once it is in; the figures on the page are those of the earlier input.',
    lost: '未能载入计算器的其余部分(网络连接中断?):恢复网络后自动重试并刷新页面;页面上的金额是此前输入的结果。 The rest of the calculator could not be loaded (connection lost?): it tries again once the network is back, then reloads; the figures on the page are those of the earlier input.',
    missing: '本网站缺少计算器的一个文件,无法计算新输入的金额:请告知本网站的管理员;页面上的金额是此前输入的结果。 This site lacks one of the files of the calculator, so new input cannot be computed: please tell the administrator of this site; the figures on the page are those of the earlier input.',
};

function part2Missing(name) {
    try { sessionStorage.setItem(WHOLE, '1'); } catch (e) { /* storage off: the reload waits anyway */ }
    if (!part2Reloading) {
        part2Reloading = true;
        // Said on the page while it takes (the figures on screen stay the last complete ones), at the
        // top, clear of the totals bar. The page reloads only once the second part is in: a reload
        // without the network would leave the calculator for the browser's error page.
        const note = document.createElement('p');
        note.className = 'sw-note sw-top';
        note.setAttribute('role', 'status');
        note.textContent = PART2_SAY.loading;
        document.body.appendChild(note);
        const slow = setTimeout(() => { note.textContent = PART2_SAY.slow; }, 15000);
        let tries = 0;
        const attempt = () => part2().then(() => location.reload(), (err) => {
            clearTimeout(slow);
            note.textContent = /HTTP 404/.test(err.message) ? PART2_SAY.missing : PART2_SAY.lost;
            tries += 1;
            setTimeout(attempt, Math.min(30000, 3000 * tries));
        });
        attempt();
    }
    throw new Error(`subsidy-calc: this needs the second part of the bundle, still loading (${name}); the page reloads with it`);
}"""),
]

for name in ["subsidy-calc-web.js", "subsidy-calc-plan.js", "subsidy-calc-batch.js", "subsidy-calc-qr.js"]:
    glue = dist / name
    if glue.is_file():
        text = glue.read_text(encoding="utf-8")
        if GLUE_FROM not in text and "getStringFromWasm0" in text:
            sys.exit(f"postbuild: {name}: wasm-bindgen's getStringFromWasm0 is not the one patched here "
                     "(wasm-bindgen changed?): update GLUE_FROM in scripts/postbuild.py")
        text = text.replace(GLUE_FROM, GLUE_TO)
        if name == "subsidy-calc-web.js":
            for old, new in SPLIT_PATCHES:
                if text.count(old) != 1:
                    sys.exit(f"postbuild: {name}: the glue does not read as scripts/postbuild.py expects "
                             f"(wasm-bindgen changed?): {old.splitlines()[0]!r}")
                text = text.replace(old, new)
        glue.write_text(text, encoding="utf-8")
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
