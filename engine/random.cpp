#include "random.h"

#include <cmath>
#include <numeric>
#include <utility>

namespace nnplay {

double NumpyRandom::rand() {
  // (a >> 5) * 2^26 + (b >> 6) is a 53-bit integer; divide by 2^53.
  const uint32_t a = mt_() >> 5;
  const uint32_t b = mt_() >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

double NumpyRandom::randn() {
  if (has_gauss_) {
    has_gauss_ = false;
    return gauss_;
  }
  double x1, x2, r2;
  do {
    x1 = 2.0 * rand() - 1.0;
    x2 = 2.0 * rand() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * std::log(r2) / r2);
  gauss_ = f * x1;
  has_gauss_ = true;
  return f * x2;
}

uint32_t NumpyRandom::interval(uint32_t max) {
  if (max == 0) return 0;
  uint32_t mask = max;  // smallest 2^k - 1 >= max
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  uint32_t value;
  while ((value = (mt_() & mask)) > max) {
  }
  return value;
}

std::vector<int> NumpyRandom::permutation(int n) {
  std::vector<int> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  for (int i = n - 1; i >= 1; --i) {
    const int j = static_cast<int>(interval(static_cast<uint32_t>(i)));
    std::swap(order[i], order[j]);
  }
  return order;
}

float TorchRandom::uniform(double from, double to) {
  // at::uniform_real_distribution<float>: u = (x & (2^24 - 1)) * 2^-24 in double,
  // bounds as float, result u * (to - from) + from rounded to float.
  const float lo = static_cast<float>(from);
  const float hi = static_cast<float>(to);
  const double u = (mt_() & 0xFFFFFFu) * (1.0 / 16777216.0);
  return static_cast<float>(u * (hi - lo) + lo);
}

std::vector<int> TorchRandom::randperm(int n) {
  std::vector<int> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  for (int i = 0; i < n - 1; ++i) {
    const int z = static_cast<int>(mt_() % static_cast<uint32_t>(n - i));
    std::swap(order[i], order[i + z]);
  }
  return order;
}

}  // namespace nnplay
