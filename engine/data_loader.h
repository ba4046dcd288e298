// Builds the dataset a spec's "data" names: generation (or parsing), the optional shuffle, the
// split and the optional standardization, in that order.
#pragma once

#include <cstdint>

#include "dataset.h"
#include "spec.h"

namespace nnplay {

// For "csv", data.text must hold the CSV (runners read data.path into it). Throws SpecError.
Dataset load_dataset(const DataSpec& data, uint32_t seed);

}  // namespace nnplay
