// A dataset: features, integer labels (classification) or real targets (regression), and the
// train / val / test split.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "tensor.h"

namespace nnplay {

enum class Split { Train = 0, Val = 1, Test = 2 };
constexpr std::array<const char*, 3> kSplitNames = {"train", "val", "test"};

struct Dataset {
  Matrix x;             // F x N, one sample per column
  std::vector<int> y;   // N labels in 0 .. classes-1 (classification; empty for regression)
  std::vector<float> target;  // N real targets (regression; empty for classification)
  int classes = 2;      // 1 for regression
  bool regression = false;
  std::array<int, 3> split_end = {0, 0, 0};  // rows [begin, end) of each split, in order

  int features() const { return static_cast<int>(x.rows()); }
  int size() const { return static_cast<int>(x.cols()); }
  int split_begin(Split s) const { return s == Split::Train ? 0 : split_end[static_cast<int>(s) - 1]; }
  int split_size(Split s) const { return split_end[static_cast<int>(s)] - split_begin(s); }
};

// Rows as (x, y) before splitting; generators produce this.
struct RawData {
  std::vector<std::vector<double>> x;  // N rows of F features
  std::vector<int> y;
  std::vector<double> t;  // real targets instead of y, for regression
};

// Builds the column-major dataset, sizes the splits from fractions (round(n*train), ...),
// counts the classes (max label + 1, at least 2). With `regression`, the targets are raw.t (or
// the labels as real numbers when raw.t is empty) and classes is 1.
Dataset make_dataset(const RawData& raw, const std::array<double, 3>& split, bool regression = false);

// Reorders rows: row i becomes old row order[i].
void permute_rows(RawData& raw, const std::vector<int>& order);

// Subtracts the training split's mean and divides by its population standard deviation (ddof=0,
// like scikit-learn's StandardScaler); a constant feature is divided by 1.
void standardize(Dataset& data);

}  // namespace nnplay
