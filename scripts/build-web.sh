#!/usr/bin/env bash
# Builds the release bundle into dist/ with trunk (offline); e2e/report.mjs measures it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_web
# In a subshell: the nightly / build-std environment is for this build only.
( baseline_env; trunk build --release --offline )
python3 scripts/postbuild.py dist "$TOOLS/node_modules/.bin/terser"

