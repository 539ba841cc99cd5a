# Sourced by the other scripts: installs what a fresh machine lacks, skipping what is there.
# The recipes follow ../shared/TOOLCHAIN.md (offline trunk, pinned wasm-bindgen, npm binaryen).
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

setup_rust() {
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  mkdir -p "$ROOT/target"
}

setup_web() {
  rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    echo "installing trunk $TRUNK_VERSION (about 5 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    echo "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  setup_baseline_std
  # The precompressed .gz files (scripts/precompress.mjs): Debian's zopfli, 4–5% smaller than gzip -9.
  # Optional: without it (no apt here) the build writes gzip -9 and says so.
  if ! command -v zopfli >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's zopfli (the smaller precompressed .gz files)"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zopfli >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zopfli; }; } \
      >/dev/null 2>&1 || echo "zopfli could not be installed: the .gz files will be gzip -9"
  fi
  setup_split
  if [ ! -x "$TOOLS/node_modules/.bin/wasm-opt" ] || [ ! -x "$TOOLS/node_modules/.bin/terser" ] \
    || [ ! -x "$TOOLS/node_modules/.bin/es-check" ]; then
    echo "installing binaryen (wasm-opt), terser and es-check from npm into .tools/"
    mkdir -p "$TOOLS"
    cp "$ROOT/scripts/tools-package.json" "$TOOLS/package.json"
    (cd "$TOOLS" && npm install --no-audit --no-fund --silent)
  fi
}

# The calculator's bundle in two parts (scripts/split.mjs): binaryen's wasm-split (Debian's package;
# version 108 reads the baseline-feature wasm this build makes — not the newer features of Rust's
# default wasm32 std, see ../shared/TOOLCHAIN.md — and the build's wasm-opt stays npm's, first on
# PATH), and Chromium with playwright-core to profile what a new visitor's page runs. Without them
# the bundle is left whole (it works the same; its first load is larger) and the build says so.
setup_split() {
  local want=""
  command -v wasm-split >/dev/null 2>&1 || want="$want binaryen"
  [ -x /usr/bin/chromium ] || want="$want chromium"
  if [ -n "$want" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's$want (the bundle's split)"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $want >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $want; }; } \
      >/dev/null 2>&1 || echo "could not install$want: the calculator's bundle will be left whole"
  fi
  if [ ! -d "$ROOT/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/e2e/node_modules/puppeteer-core" ]; then
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --silent) || echo "e2e/ packages not installed: the calculator's bundle will be left whole"
  fi
}

# The browser baseline (README, "Which browsers"): WebAssembly MVP + mutable globals + sign extension +
# non-trapping float-to-int + bulk memory; no reference types, no multi-value. The prebuilt wasm32
# std uses newer features, so the release wasm rebuilds std for exactly that set with the nightly
# toolchain's rust-src (-Zbuild-std). The nightly is on the machine image; it cannot be fetched.
BASELINE_FEATURES="+mutable-globals,+sign-ext,+nontrapping-fptoint,+bulk-memory"
setup_baseline_std() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    echo "error: the release build rebuilds std for the browser baseline and needs the nightly" >&2
    echo "toolchain (rustup toolchain list shows none). This machine image ships one; install it with" >&2
    echo "rustup where the network allows, or see README 'Which browsers' for what is lost without it." >&2
    return 1
  fi
  rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src' \
    || rustup component add rust-src --toolchain nightly
  # std's own dependencies come from crates.io; trunk builds offline, so fetch them first.
  local lib
  lib="$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  cargo +nightly fetch --manifest-path "$lib" --target wasm32-unknown-unknown -q
}

# The environment of the release wasm build: nightly, std rebuilt, baseline features only.
baseline_env() {
  export RUSTUP_TOOLCHAIN=nightly
  export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
  # Size, measured 2026-11-26 on the calculator page's wasm (gzip -9): no file/line/column kept for
  # panics (-3.9 KB); a panic traps at once instead of formatting its message first, which nobody
  # could read in the page anyway (-7.2 KB: the panic machinery). Either way a panic ends in the same
  # `unreachable` trap that JavaScript sees as a RuntimeError.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Ctarget-cpu=mvp -Ctarget-feature=$BASELINE_FEATURES -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
  # The web bundle is built for size (the native release profile is built for speed).
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
}

# The calculator and plan pages, also without `{:?}` formatting (-4.1 KB): nothing they show is
# written with it (their messages are the engine's own). Not the batch page: the spreadsheet
# readers' errors (calamine, quick-xml, zip) put what they found in their messages with `{:?}`.
no_debug_fmt() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS -Zfmt-debug=none"
}

setup_browser() {
  # Chromium (Playwright) and Firefox ESR (puppeteer-core over WebDriver BiDi), both Debian's.
  local want=""
  [ -x /usr/bin/chromium ] || want="$want chromium"
  [ -x /usr/bin/firefox-esr ] || want="$want firefox-esr"
  # The printed report's test reads the PDF back (pdftoppm, pdftotext); Chinese renders in it and in
  # the screenshots with a CJK font.
  [ -x /usr/bin/pdftoppm ] || want="$want poppler-utils"
  [ -d /usr/share/fonts/opentype/noto ] || want="$want fonts-noto-cjk"
  if [ -n "$want" ]; then
    echo "installing Debian's$want"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $want
  fi
  if [ ! -d "$ROOT/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/e2e/node_modules/puppeteer-core" ]; then
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --silent)
  fi
}
