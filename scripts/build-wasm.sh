#!/usr/bin/env bash
# Builds the WebAssembly engine (build-wasm/) when stale and puts the ES module API, the Emscripten
# glue and the .wasm into dist/engine/, where the page, the Node runner and the tests load them.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's emcc needs acorn from /usr/share/nodejs, which Node does not search by itself.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
# The Closure Compiler that minifies the JS glue comes from npm (devDependencies).
export EM_CLOSURE_COMPILER="$PWD/node_modules/.bin/google-closure-compiler"
[ -x "$EM_CLOSURE_COMPILER" ] || { echo "build-wasm.sh: run scripts/setup.sh first (npm packages)" >&2; exit 1; }
[ -f build-wasm/CMakeCache.txt ] || emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release > /dev/null
if ! cmake --build build-wasm -j"$(nproc)" > build-wasm/build.log 2>&1; then
  cat build-wasm/build.log >&2
  echo "build-wasm.sh: the WebAssembly build failed (log above, and in build-wasm/build.log)" >&2
  exit 1
fi
mkdir -p dist/engine
for f in build-wasm/wasm/nnplay_engine.mjs build-wasm/wasm/nnplay_engine.wasm wasm/nnplay.mjs; do
  cmp -s "$f" "dist/engine/$(basename "$f")" || cp "$f" dist/engine/
done
