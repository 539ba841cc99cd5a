#!/usr/bin/env bash
# Fails when the shipped files need more than the browser baseline (README, "Which browsers"):
#  - the wasm is validated against exactly MVP + mutable globals + sign extension + non-trapping
#    float-to-int + bulk memory, with its own target_features section stripped first (wasm-opt
#    otherwise enables whatever that section lists, and would accept reference types);
#  - every JavaScript file the pages load parses as ES2020 (es-check);
#  - no CSS selector newer than the baseline (`:has(`); container queries only add the embedded
#    two-column layout, which falls back to one column (the browser tests check the layout at 360 px).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
DIST="${1:-dist}"
BIN="$TOOLS/node_modules/.bin"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The calculator's bundle (and its second part, where the build split it; and whole, as the widget
# loads it), the 多年规划 page's and the batch page's.
part2="$(cd "$DIST" && ls subsidy-calc-web_bg.part2-*.wasm 2>/dev/null || true)"
for wasm in subsidy-calc-web_bg.wasm $part2 subsidy-calc-web_bg.whole.wasm subsidy-calc-plan_bg.wasm subsidy-calc-batch_bg.wasm; do
  "$BIN/wasm-opt" "$DIST/$wasm" --strip-target-features -o "$tmp/stripped.wasm"
  if ! "$BIN/wasm-opt" "$tmp/stripped.wasm" --mvp-features --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-bulk-memory --enable-bulk-memory-opt \
    -o "$tmp/checked.wasm" > "$tmp/validate.log" 2>&1; then
    echo "$wasm needs WebAssembly features beyond the baseline:" >&2
    grep -o 'requires [a-z -]*\[--enable-[a-z-]*\]' "$tmp/validate.log" | sort | uniq -c >&2 || head -20 "$tmp/validate.log" >&2
    exit 1
  fi
  echo "$wasm: valid for MVP + mutable-globals + sign-ext + nontrapping-float-to-int + bulk-memory"
done
"$BIN/es-check" es2020 --module "$DIST/subsidy-calc-web.js" "$DIST/subsidy-calc-plan.js" "$DIST/subsidy-calc-batch.js" "$DIST/boot.js" \
  "$DIST/widget.js" "$DIST/embed.js" "$DIST/demo.js"
"$BIN/es-check" es5 "$DIST/support.js"
echo "js: ES2020 (modules); support.js ES5 (it must run where modules do not)"
if grep -n ':has(' "$DIST/style.css" "$DIST/plan.css" "$DIST/batch.css"; then
  echo "style.css uses :has(), which Chromium before 105 ignores: make it an enhancement or drop it" >&2
  exit 1
fi
echo "css: no :has(); @container only for the embedded two-column enhancement"
