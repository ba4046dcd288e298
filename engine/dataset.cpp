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
  }
  raw = std::move(out);
}

void standardize(Dataset& data) {
  const int n = data.split_size(Split::Train);
  if (n == 0) return;
  for (int j = 0; j < data.features(); ++j) {
    // Mean and variance in double over the training columns 0 .. n-1.
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += data.x(j, i);
    const double mean = sum / n;
    double sq = 0.0;
    for (int i = 0; i < n; ++i) sq += (data.x(j, i) - mean) * (data.x(j, i) - mean);
    double sd = std::sqrt(sq / n);
    if (sd == 0.0) sd = 1.0;
    for (int i = 0; i < data.size(); ++i)
      data.x(j, i) = static_cast<float>((data.x(j, i) - mean) / sd);
  }
}

}  // namespace nnplay
