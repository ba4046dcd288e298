#!/usr/bin/env bash
# Runs each libFuzzer harness (spec, csv, weights) for SECONDS (default 60) under ASan + UBSan,
# starting from the seed corpus in tests/fuzz/corpus (for specs, also every spec of the golden
# tests, tests/golden/specs). Inputs starting 'D' or 'R' are grown in depth or size first
# (tests/fuzz/grow.h). A finding stops it with a non-zero status; the crashing input is saved as build-fuzz/crash-* (add it to the corpus with a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNNPLAY_FUZZ=ON -DNNPLAY_TESTS=OFF > /dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target fuzz_spec fuzz_csv fuzz_weights > build-fuzz/build.log 2>&1 || { cat build-fuzz/build.log; exit 1; }
for name in spec csv weights; do
  work="build-fuzz/corpus-$name"
  mkdir -p "$work"
  seeds="../tests/fuzz/corpus/$name"
  [ "$name" = spec ] && seeds="$seeds ../tests/golden/specs"
  echo "fuzz: $name for ${seconds}s"
  (cd build-fuzz && "./tests/fuzz/fuzz_$name" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
     -rss_limit_mb=2048 -print_final_stats=1 "corpus-$name" $seeds 2>&1 | tail -n 12)
done
echo "fuzz: no findings"
