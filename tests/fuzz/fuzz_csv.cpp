// Fuzzes the CSV importer, inputs grown in depth or size first (grow.h); what it accepts becomes a
// dataset with a split (its own split column's, when it has one).
#include <cstdint>
#include <string>

#include "datasets/generators.h"
#include "error.h"
#include "grow.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    nnplay::RawData raw = nnplay::parse_csv(grown(data, size));
    const bool named = !raw.split.empty();
    const auto ends = named ? nnplay::sort_by_split(raw) : std::array<int, 3>{};
    nnplay::Dataset d = nnplay::make_dataset(raw, {0.6, 0.2, 0.2});
    if (named) d.split_end = ends;
    nnplay::standardize(d);
  } catch (const nnplay::SpecError&) {
  }
  return 0;
}
