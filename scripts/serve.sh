#!/usr/bin/env bash
# The README's main command: builds the release bundles and serves them on http://127.0.0.1:${PORT:-8080}/
# Installs what a fresh machine lacks (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
PORT="${PORT:-8080}"
setup_web
scripts/build-web.sh
echo "serving dist (Ctrl-C stops):"
exec python3 scripts/static_server.py dist "$PORT"
