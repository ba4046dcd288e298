// Fuzzes the weights importer (PyTorch's state_dict layout as JSON) into a 2-3-2 model.
#include <cstdint>
#include <string>

#include "error.h"
#include "experiment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static nnplay::Experiment e(nnplay::parse_spec(std::string(
      R"({"data": {"name": "xor", "n": 20}, "model": {"hidden": [3]}, "epochs": 1})")));
  const auto json = nlohmann::ordered_json::parse(reinterpret_cast<const char*>(data),
                                                  reinterpret_cast<const char*>(data) + size, nullptr, false);
  if (json.is_discarded()) return 0;
  try {
    e.set_weights(nnplay::parse_weights(json, "weights"));
    e.train_epochs(1);
  } catch (const nnplay::SpecError&) {
  }
  return 0;
}
