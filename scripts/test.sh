#!/usr/bin/env bash
# The README's test command: every test of the project, on a fresh machine too.
# Installs what is missing (see scripts/setup.sh), then: format and lint checks, the engine's tests
# (cargo test: hand-worked clause figures, quotes against the seeds, properties, CLI), then the web
# app's release build, the browser-baseline check, its browser tests in Chromium (including the
# fallbacks where the calculator cannot run), and its size / first-result report.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_rust

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test"
cargo test --workspace --all-targets

echo "== web: clippy (wasm32)"
setup_web
for bin in subsidy-calc-web subsidy-calc-plan subsidy-calc-batch subsidy-calc-qr; do
  cargo clippy -p subsidy-calc-web --target wasm32-unknown-unknown --bin "$bin" -- -D warnings
done
echo "== web: release build (std rebuilt for the browser baseline)"
scripts/build-web.sh
echo "== web: browser baseline (wasm features, ES2020, CSS)"
scripts/check-baseline.sh
echo "== web: browser tests (Chromium, Firefox ESR)"
setup_browser
# Bounded: a test file that leaves a browser or a server running never exits, and the run would wait
# for it to the end of CI's time instead of failing here (about 5 minutes is a normal run).
timeout 1200 node --test e2e/
echo "== fuzz: a short smoke run of each target (scripts/fuzz.sh; 10 minutes each by hand)"
FUZZ_SECONDS="${FUZZ_SECONDS:-15}" scripts/fuzz.sh
echo "== web: size and first-result time"
timeout 900 node e2e/report.mjs
