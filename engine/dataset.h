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

// What standardize() did to each feature j: x_model = (x - mean[j]) / sd[j], in double, then
// float32. Empty when the data is not standardized; new points (predict) are scaled the same way.
struct Standardization {
  std::vector<double> mean, sd;
  bool empty() const { return mean.empty(); }
};

struct Dataset {
  Matrix x;             // F x N, one sample per column (standardized when `scaling` is set)
  std::vector<int> y;   // N labels in 0 .. classes-1 (classification; empty for regression)
  std::vector<float> target;  // N real targets (regression; empty for classification)
  int classes = 2;      // 1 for regression
  bool regression = false;
  std::array<int, 3> split_end = {0, 0, 0};  // rows [begin, end) of each split, in order
  bool split_column = false;  // the data named each row's split (a CSV split column), not data.split
  Standardization scaling;

  int features() const { return static_cast<int>(x.rows()); }
  int size() const { return static_cast<int>(x.cols()); }
  int split_begin(Split s) const { return s == Split::Train ? 0 : split_end[static_cast<int>(s) - 1]; }
  int split_size(Split s) const { return split_end[static_cast<int>(s)] - split_begin(s); }
};

// Rows as (x, y) before splitting; generators produce this.
struct RawData {
  std::vector<std::vector<double>> x;  // N rows of F features
  std::vector<int> y;
  std::vector<int> split;  // each row's Split, when the data names them (a CSV split column); else empty
  std::vector<double> t;  // real targets instead of y, for regression
};

// Builds the column-major dataset, sizes the splits from fractions (round(n*train), ...),
// counts the classes (max label + 1, at least 2). With `regression`, the targets are raw.t (or
// the labels as real numbers when raw.t is empty) and classes is 1.
Dataset make_dataset(const RawData& raw, const std::array<double, 3>& split, bool regression = false);

// Reorders rows: row i becomes old row order[i].
void permute_rows(RawData& raw, const std::vector<int>& order);

// For data that names each row's split: reorders the rows train, val, test (stably: the order
// within a split is kept) and returns the split ends for Dataset::split_end.
std::array<int, 3> sort_by_split(RawData& raw);

// Subtracts the training split's mean and divides by its population standard deviation (ddof=0,
// like scikit-learn's StandardScaler); a constant feature is divided by 1. Keeps both in
// data.scaling.
void standardize(Dataset& data);

// Applies a standardization to points in the data's own units, F x N, in place (nothing when empty):
// what a scikit-learn pipeline's StandardScaler.transform does to new points.
void apply_scaling(const Standardization& scaling, Eigen::Ref<Matrix> x);

}  // namespace nnplay
