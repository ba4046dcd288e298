// Two-class 2-D sets in the spirit of TensorFlow Playground, written so that numpy reproduces them
// with vector draws (see docs/spec.md). Classes alternate row by row (y = i % 2) where the
// generator picks them, so an in-order split keeps both classes in every split.
#include <cmath>

#include "generators.h"

namespace nnplay {

namespace {
std::vector<double> draws(int n, NumpyRandom& rng) {  // u(n)
  std::vector<double> u(n);
  for (double& v : u) v = rng.rand();
  return u;
}

RawData alternating_labels(int n) {
  RawData raw;
  raw.x.assign(n, std::vector<double>(2, 0.0));
  raw.y.resize(n);
  for (int i = 0; i < n; ++i) raw.y[i] = i % 2;
  return raw;
}
}  // namespace

void add_uniform_noise(RawData& raw, double scale, NumpyRandom& rng) {
  if (scale <= 0) return;
  for (int j = 0; j < 2; ++j)
    for (auto& row : raw.x) row[j] += scale * (2 * rng.rand() - 1);
}

RawData circle_dataset(int n, double noise, NumpyRandom& rng) {
  RawData raw = alternating_labels(n);
  const auto a = draws(n, rng);
  const auto theta = draws(n, rng);
  for (int i = 0; i < n; ++i) {
    const double r = raw.y[i] == 0 ? 2.5 * a[i] : 3.5 + 1.5 * a[i];  // disc radius 2.5, ring 3.5..5
    const double t = theta[i] * 2 * kPi;
    raw.x[i] = {r * std::sin(t), r * std::cos(t)};
  }
  add_uniform_noise(raw, 5 * noise, rng);
  return raw;
}

RawData xor_dataset(int n, double noise, NumpyRandom& rng) {
  RawData raw = alternating_labels(n);
  const auto a = draws(n, rng);
  const auto b = draws(n, rng);
  auto away_from_zero = [](double v) { return v + (v >= 0 ? 0.3 : -0.3); };
  for (int i = 0; i < n; ++i) {
    const double x1 = away_from_zero(10 * a[i] - 5);
    const double x2 = away_from_zero(10 * b[i] - 5);
    raw.x[i] = {x1, x2};
    raw.y[i] = x1 * x2 >= 0 ? 1 : 0;
  }
  add_uniform_noise(raw, 5 * noise, rng);
  return raw;
}

RawData gauss_dataset(int n, double noise, NumpyRandom& rng) {
  RawData raw = alternating_labels(n);
  const double s = std::sqrt(0.5 + 7 * noise);  // TF Playground: variance 0.5 .. 4 as noise 0 .. 0.5
  for (int j = 0; j < 2; ++j)
    for (int i = 0; i < n; ++i) raw.x[i][j] = (raw.y[i] == 1 ? 2.0 : -2.0) + s * rng.randn();
  return raw;
}

RawData spiral_dataset(int n, double noise, NumpyRandom& rng) {
  // Each row takes a random place a on its arm, so an in-order split samples the whole spiral.
  RawData raw = alternating_labels(n);
  const auto a = draws(n, rng);
  for (int i = 0; i < n; ++i) {
    const double r = 5 * a[i];
    const double t = 1.75 * 2 * kPi * a[i] + kPi * raw.y[i];
    raw.x[i] = {r * std::sin(t), r * std::cos(t)};
  }
  add_uniform_noise(raw, noise, rng);
  return raw;
}

}  // namespace nnplay
