#!/usr/bin/env bash
# Fuzzing with cargo-fuzz (libFuzzer), nightly toolchain. Usage: scripts/fuzz.sh [minutes per target]
# [target…]. Default: 10 minutes for each of the four targets (fuzz/fuzz_targets/): evaluation from
# arbitrary bytes, from structurally valid applications, the typed-number parser, the share-link
# decoder. Seeds: examples/applications/*.json. A crash leaves its input in fuzz/artifacts/<target>/;
# reproduce with `cargo +nightly fuzz run <target> <file>`, then fix at the root and add the input as
# a regression test. scripts/test.sh runs each target for a short smoke run (FUZZ_SECONDS, 20).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
minutes="${1:-10}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(eval_bytes eval_structured typed_number share_link)
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzzing needs the nightly toolchain (sanitizer builds); rustup toolchain list shows none" >&2
  exit 1
fi
if ! cargo fuzz --version 2>/dev/null | grep -q '0.13'; then
  echo "installing cargo-fuzz 0.13.2 (about 2 minutes)"
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
seconds="${FUZZ_SECONDS:-$((minutes * 60))}"
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  if [ "$t" = eval_bytes ]; then cp examples/applications/*.json "$corpus/"; fi
  echo "== fuzz $t for ${seconds}s"
  cargo +nightly fuzz run -O "$t" "$corpus" -- -max_total_time="$seconds" -print_final_stats=1 \
    -max_len=4096 2>&1 | tee "target/fuzz-$t.log" | grep -E '^(Done|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY)' || true
  if grep -q 'ERROR: libFuzzer\|panicked at\|SUMMARY: ' "target/fuzz-$t.log"; then
    echo "fuzz target $t found a crash: see target/fuzz-$t.log and fuzz/artifacts/$t/" >&2
    exit 1
  fi
  # A target that does not build (or stops before its run ends) fuzzes nothing: that fails too.
  if ! grep -q '^Done' "target/fuzz-$t.log"; then
    echo "fuzz target $t did not run to its end: see target/fuzz-$t.log" >&2
    exit 1
  fi
done
