#!/usr/bin/env bash
# npm run bench: times tutorial 001's workload natively, in two builds of the same sources:
# the portable one that npm test uses (x86-64 baseline, SSE2) and one for this CPU (-march=native);
# then the WebAssembly build, and last the playground page in Chromium (bench/bench_page.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-200}"
[ -f build-bench/CMakeCache.txt ] ||
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DNNPLAY_TESTS=OFF -DCMAKE_CXX_FLAGS="-march=native" > /dev/null
cmake --build build-bench -j"$(nproc)" --target nnplay_bench > /dev/null
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; one thread"
echo "portable build (build/, as npm test):"
./build/nnplay_bench "$epochs"
echo "-march=native build (build-bench/):"
./build-bench/nnplay_bench "$epochs"
echo
node bench/bench_wasm.mjs "$epochs"
echo
node bench/bench_page.mjs
