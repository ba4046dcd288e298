// Fuzzes the CSV importer; what it accepts becomes a dataset with a split.
#include <cstdint>
#include <string>

#include "datasets/generators.h"
#include "error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const nnplay::RawData raw = nnplay::parse_csv(std::string(reinterpret_cast<const char*>(data), size));
    nnplay::Dataset d = nnplay::make_dataset(raw, {0.6, 0.2, 0.2});
    nnplay::standardize(d);
  } catch (const nnplay::SpecError&) {
  }
  return 0;
}
