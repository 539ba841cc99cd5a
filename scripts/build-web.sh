#!/usr/bin/env bash
# Builds the release bundle into dist/ with trunk (offline) and reports its size.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_web
trunk build --release --offline
python3 scripts/postbuild.py dist "$TOOLS/node_modules/.bin/terser"
python3 scripts/size-report.py dist | tee target/size-report.txt
