// Fuzzes the spec parser and validator, then builds and briefly trains what it accepts.
// Inputs may be grown in depth or size first (grow.h).
// The only acceptable failure is a SpecError; anything else (a crash, a sanitizer report, another
// exception) is a finding.
#include <algorithm>
#include <cstdint>
#include <string>

#include "error.h"
#include "grow.h"
#include "report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    nnplay::Spec spec = nnplay::parse_spec(grown(data, size));
    // Validation is what is fuzzed; keep the training that follows small and quick.
    if (spec.data.n > 400 || spec.data.x.size() > 400 || spec.data.text.size() > 20000) return 0;
    for (int& units : spec.model.hidden) units = std::min(units, 32);
    spec.epochs = std::min(spec.epochs, 2);
    nnplay::Experiment e(spec);
    nnplay::run_experiment(e, true, [](const std::string&) {});
  } catch (const nnplay::SpecError&) {
  }
  return 0;
}
