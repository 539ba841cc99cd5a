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
  if [ ! -x "$TOOLS/node_modules/.bin/wasm-opt" ] || [ ! -x "$TOOLS/node_modules/.bin/terser" ]; then
    echo "installing binaryen (wasm-opt) and terser from npm into .tools/"
    mkdir -p "$TOOLS"
    cp "$ROOT/scripts/tools-package.json" "$TOOLS/package.json"
    (cd "$TOOLS" && npm install --no-audit --no-fund --silent)
  fi
}

setup_browser() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "installing Debian's chromium"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
  if [ ! -d "$ROOT/e2e/node_modules/playwright-core" ]; then
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --silent)
  fi
}
