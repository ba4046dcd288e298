#!/usr/bin/env bash
# Installs what nnplay needs and a fresh Debian 12 machine lacks; idempotent, and quick when all
# is present. Debian packages need root (as on CI); npm packages come from package.json.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Eigen, Catch2 and nlohmann-json for the engine and its tests; Emscripten for
# the WebAssembly build; Chromium for the browser tests (driven by npm's playwright-core);
# clang's sanitizer and libFuzzer runtimes for scripts/fuzz.sh; Noto Sans CJK, so that Chromium
# draws the Korean page (and its tests and screenshots see Korean glyphs, not empty boxes).
packages=(libeigen3-dev catch2 nlohmann-json3-dev emscripten chromium libclang-rt-14-dev fonts-noto-cjk)
# --with-torch (CI): Debian's PyTorch 1.13 and scikit-learn, to run the exported PyTorch scripts.
[ "${1:-}" = "--with-torch" ] && packages+=(python3-torch python3-sklearn)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, when package.json has any and node_modules is missing or older than the lock.
if grep -q '"devDependencies"\|"dependencies"' package.json; then
  if [ ! -d node_modules ] || [ package.json -nt node_modules ] || { [ -f package-lock.json ] && [ package-lock.json -nt node_modules ]; }; then
    echo "setup: installing npm packages"
    # npm ci refuses a lock without the optional platform packages the registry here lacks
    # (google-closure-compiler-osx/-windows answer 404); npm install accepts it and keeps the lock.
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund || npm install --no-audit --no-fund
    else npm install --no-audit --no-fund; fi
    touch node_modules
  fi
fi
