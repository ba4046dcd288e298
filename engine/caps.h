// Documented caps (docs/spec.md): past them a spec is refused with a message, never an
// out-of-memory crash in a classroom browser.
#pragma once

namespace nnplay {

constexpr int kMaxSamples = 200000;
constexpr int kMaxFeatures = 64;
constexpr int kMaxLabel = 63;
constexpr int kMaxHiddenLayers = 8;
constexpr int kMaxUnits = 1024;
constexpr int kMaxEpochs = 10000000;
constexpr int kMaxPredict = 10000;
constexpr int kMaxTraceSteps = 16;                     // "trace" entries
constexpr long long kMaxTraceStep = 9007199254740991;  // 2^53 - 1, exact in JavaScript
// Data, weights and points are float32: larger magnitudes would become infinite.
constexpr double kMaxValue = 1e38;

}  // namespace nnplay
