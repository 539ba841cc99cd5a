#!/usr/bin/env bash
# Builds the release bundle into dist/ with trunk (offline); e2e/report.mjs measures it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_web
# In a subshell: the nightly / build-std environment is for this build only.
# The calculator page, then the 多年规划 page and the batch page (each its own bundle, loaded only
# there) built apart and copied beside it: trunk builds one page per run, and each run empties its dist.
( baseline_env; no_debug_fmt; trunk build --release --offline )
( baseline_env; no_debug_fmt; trunk build --release --offline --dist target/plan-dist plan.html )
cp target/plan-dist/index.html dist/plan.html
cp target/plan-dist/plan.css target/plan-dist/subsidy-calc-plan.js target/plan-dist/subsidy-calc-plan_bg.wasm dist/
# The batch page for officials, the same way.
( baseline_env; trunk build --release --offline --dist target/batch-dist batch.html )
cp target/batch-dist/index.html dist/batch.html
cp target/batch-dist/batch.css target/batch-dist/subsidy-calc-batch.js target/batch-dist/subsidy-calc-batch_bg.wasm dist/
# The printed report's QR code: its own bundle, loaded by boot.js on the first print.
( baseline_env; no_debug_fmt; trunk build --release --offline --dist target/qr-dist qr.html )
cp target/qr-dist/subsidy-calc-qr.js target/qr-dist/subsidy-calc-qr_bg.wasm dist/
# The rule data's English words and quotes, fetched by the pages when first shown: the same split of
# the same rule files the bundles were baked with (its name is its content hash, baked into them).
cargo run -q --release -p subsidy-rulebook --example rule-texts -- rules dist
python3 scripts/postbuild.py dist "$TOOLS/node_modules/.bin/terser"
# The calculator's bundle in two parts: what a fresh visit runs, and the rest after the first figures.
node scripts/split.mjs dist "$TOOLS/node_modules/.bin/wasm-opt"
python3 scripts/integrity.py dist

# .gz and .br beside each file, for servers that serve them precompressed (README, "Serving the pages").
node scripts/precompress.mjs dist
