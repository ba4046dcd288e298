// Fuzzes the weights importer (PyTorch's state_dict layout as JSON text, within the caps) into a
// 2-3-2 model, inputs grown in depth or size first (grow.h).
#include <cstdint>
#include <string>

#include "error.h"
#include "experiment.h"
#include "grow.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static nnplay::Experiment e(nnplay::parse_spec(std::string(
      R"({"data": {"name": "xor", "n": 20}, "model": {"hidden": [3]}, "epochs": 1})")));
  try {
    e.set_weights(nnplay::parse_weights_text(grown(data, size)));
    e.train_epochs(1);
  } catch (const nnplay::SpecError&) {
  }
  return 0;
}
