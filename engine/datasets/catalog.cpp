#include "catalog.h"

namespace nnplay {

namespace {
constexpr std::array<double, 3> kGeneratedSplit = kHoldoutSplit;
constexpr std::array<double, 3> kAllTrain = {1.0, 0.0, 0.0};
}  // namespace

const std::vector<DatasetInfo>& dataset_catalog() {
  static const std::vector<DatasetInfo> table = {
      {"radial", true, 10000, 3, kGeneratedSplit, radial_dataset, nullptr},
      {"circle", true, 1000, 2, kGeneratedSplit, circle_dataset, nullptr},
      {"xor", true, 1000, 2, kGeneratedSplit, xor_dataset, nullptr},
      {"gauss", true, 1000, 2, kGeneratedSplit, gauss_dataset, nullptr},
      {"spiral", true, 1000, 2, kGeneratedSplit, spiral_dataset, nullptr},
      {"plane", true, 1000, 1, kGeneratedSplit, plane_dataset, nullptr},  // regression: 1 output, real targets
      {"multi_gauss", true, 1000, 1, kGeneratedSplit, multi_gauss_dataset, nullptr},
      {"study_hours", false, 0, 2, kAllTrain, nullptr, study_hours_dataset},
      {"toy4", false, 0, 3, kAllTrain, nullptr, toy4_dataset},
      {"wine", false, 0, 3, {0.8, 0.0, 0.2}, nullptr, wine_dataset},
      {"inline", false, 0, 0, kAllTrain, nullptr, nullptr},
      {"csv", false, 0, 0, kAllTrain, nullptr, nullptr},
  };
  return table;
}

const DatasetInfo* find_dataset(const std::string& name) {
  for (const auto& d : dataset_catalog())
    if (d.name == name) return &d;
  return nullptr;
}

std::vector<std::string> dataset_names() {
  std::vector<std::string> names;
  for (const auto& d : dataset_catalog()) names.push_back(d.name);
  return names;
}

}  // namespace nnplay
