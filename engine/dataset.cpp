#include "dataset.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

Dataset make_dataset(const RawData& raw, const std::array<double, 3>& split, bool regression) {
  Dataset data;
  const int n = static_cast<int>(raw.x.size());
  const int f = n > 0 ? static_cast<int>(raw.x[0].size()) : 0;
  data.x.resize(f, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < f; ++j) data.x(j, i) = static_cast<float>(raw.x[i][j]);
  if (regression) {
    data.regression = true;
    data.classes = 1;
    data.target.resize(n);
    for (int i = 0; i < n; ++i) data.target[i] = static_cast<float>(raw.t.empty() ? double(raw.y[i]) : raw.t[i]);
  } else {
    data.y = raw.y;
    int max_label = 0;
    for (int label : raw.y) max_label = std::max(max_label, label);
    data.classes = std::max(2, max_label + 1);
  }
  const int train_end = static_cast<int>(std::lround(n * split[0]));
  const int val_end = std::min(n, static_cast<int>(std::lround(n * (split[0] + split[1]))));
  data.split_end = {train_end, val_end, n};
  return data;
}

void permute_rows(RawData& raw, const std::vector<int>& order) {
  RawData out;
  out.x.reserve(order.size());
  for (int i : order) {
    out.x.push_back(raw.x[i]);
    if (!raw.y.empty()) out.y.push_back(raw.y[i]);
    if (!raw.t.empty()) out.t.push_back(raw.t[i]);
    if (!raw.split.empty()) out.split.push_back(raw.split[i]);
  }
  raw = std::move(out);
}

std::array<int, 3> sort_by_split(RawData& raw) {
  std::vector<int> order(raw.split.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return raw.split[a] < raw.split[b]; });
  permute_rows(raw, order);
  std::array<int, 3> ends = {0, 0, 0};
  for (int s : raw.split)
    for (int k = s; k < 3; ++k) ++ends[k];
  return ends;
}

void standardize(Dataset& data) {
  const int n = data.split_size(Split::Train);
  if (n == 0) return;
  Standardization& s = data.scaling;
  s.mean.assign(data.features(), 0.0);
  s.sd.assign(data.features(), 1.0);
  for (int j = 0; j < data.features(); ++j) {
    // Mean and variance in double over the training columns 0 .. n-1.
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += data.x(j, i);
    const double mean = sum / n;
    double sq = 0.0;
    for (int i = 0; i < n; ++i) sq += (data.x(j, i) - mean) * (data.x(j, i) - mean);
    const double sd = std::sqrt(sq / n);
    s.mean[j] = mean;
    s.sd[j] = sd == 0.0 ? 1.0 : sd;
  }
  apply_scaling(s, data.x);
}

void apply_scaling(const Standardization& scaling, Eigen::Ref<Matrix> x) {
  if (scaling.empty()) return;
  for (Eigen::Index i = 0; i < x.cols(); ++i)
    for (Eigen::Index j = 0; j < x.rows(); ++j)
      x(j, i) = static_cast<float>((x(j, i) - scaling.mean[j]) / scaling.sd[j]);
}

}  // namespace nnplay
