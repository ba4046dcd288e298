// Documented caps (docs/spec.md, docs/RELIABILITY.md): past them a spec is refused with a message,
// never an out-of-memory crash in a classroom browser. Other code (the runners, the JS API, the
// page through it) reads the caps from here; nothing restates them.
#pragma once

#include <cstddef>

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

// JSON arrays and objects inside each other (a spec needs fewer than 10 levels). Checked on the
// text before any JSON value is built, so nothing recurses deeper than this.
constexpr int kMaxDepth = 64;
// Values (numbers, strings, arrays, ...) in one JSON document: bounds the parsed form's memory
// (about 16 bytes a value) whatever the text. 200,000 inline rows of 64 features fit.
constexpr std::size_t kMaxJsonValues = 16000000;
// Text sizes, checked while reading (runners) and again before parsing (engine).
constexpr std::size_t kMaxSpecBytes = std::size_t(64) << 20;     // a spec's JSON text, inline data included
constexpr std::size_t kMaxCsvBytes = std::size_t(16) << 20;      // CSV text: data.text, or the file at data.path
constexpr std::size_t kMaxWeightsBytes = std::size_t(64) << 20;  // weights JSON given to set_weights
// CSV columns: up to 64 features, the label and an optional `split` column.
constexpr int kMaxCsvColumns = kMaxFeatures + 2;

// The work of one epoch, in multiply-adds (engine/work.h):
//   weights x (3 x training points + validation points + u x updates),  u = 8 (80 for Adam)
// Set so that the largest accepted spec trains an epoch in about 2 s or less in WebAssembly on
// this project's 2-core test machine (bench/work_cap.mjs, docs/RELIABILITY.md).
constexpr double kMaxEpochWork = 6e9;

}  // namespace nnplay
