#!/usr/bin/env bash
# The README's test command: every test of the project, on a fresh machine too.
# Installs what is missing (see scripts/setup.sh), then: format and lint checks, the engine's tests
# (cargo test: hand-worked clause figures, quotes against the seeds, properties, CLI), and, once the
# web app is present, its release build and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_rust

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets -- -D warnings
echo "== cargo test"
cargo test --all-targets 2>&1 | tee target/cargo-test.log
if grep -q "test result: FAILED" target/cargo-test.log; then exit 1; fi

if [ -d src/web ]; then
  echo "== web: release build"
  setup_web
  scripts/build-web.sh
  echo "== web: browser tests"
  setup_browser
  node --test e2e/
fi
