#!/usr/bin/env bash
# The README's main command: builds the release bundle and serves it on http://127.0.0.1:${PORT:-8080}/
# Installs what a fresh machine lacks (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
PORT="${PORT:-8080}"
if [ -d crates/web ]; then
  setup_web
  scripts/build-web.sh
  DIR=dist
else
  # Until the web app lands: a page that says so, and the engine on the command line.
  DIR=target/placeholder
  mkdir -p "$DIR"
  cp static/placeholder.html "$DIR/index.html"
fi
echo "serving $DIR (Ctrl-C stops):"
exec python3 scripts/static_server.py "$DIR" "$PORT"
