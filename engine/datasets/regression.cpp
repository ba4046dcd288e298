// TensorFlow Playground's two regression sets (its dataset.ts regressPlane and regressGaussian),
// written so that numpy reproduces them with vector draws (docs/spec.md). As there, the points are
// spread uniformly over [-6, 6]^2 and the noise moves the point at which the label is read, not the
// point itself:
//   x1 = 12 u(n) - 6;  x2 = 12 u(n) - 6;  e1 = noise (12 u(n) - 6);  e2 = noise (12 u(n) - 6)
//   (no e draws when noise is 0), then t = label(x1 + e1, x2 + e2).
#include <cmath>

#include "generators.h"

namespace nnplay {

namespace {

constexpr double kRadius = 6;

std::vector<double> spread(int n, double scale, NumpyRandom& rng) {  // scale (12 u(n) - 6)
  std::vector<double> v(n);
  for (double& x : v) x = scale * (2 * kRadius * rng.rand() - kRadius);
  return v;
}

template <class Label>
RawData regression_set(int n, double noise, NumpyRandom& rng, Label label) {
  const auto x1 = spread(n, 1, rng), x2 = spread(n, 1, rng);
  const auto e1 = noise > 0 ? spread(n, noise, rng) : std::vector<double>(n, 0.0);
  const auto e2 = noise > 0 ? spread(n, noise, rng) : std::vector<double>(n, 0.0);
  RawData raw;
  for (int i = 0; i < n; ++i) {
    raw.x.push_back({x1[i], x2[i]});
    raw.t.push_back(label(x1[i] + e1[i], x2[i] + e2[i]));
  }
  return raw;
}

// Six bumps of height +-1 and radius 2: t = the value of largest magnitude among
// sign_k * clamp(1 - dist((x, y), c_k) / 2, 0, 1), the first one on a tie (0 when all are 0).
double multi_gauss_label(double x, double y) {
  static const double kBumps[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
                                      {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double label = 0;
  for (const auto& b : kBumps) {
    const double d = std::sqrt((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1]));
    const double v = b[2] * std::min(std::max(1 - d / 2, 0.0), 1.0);
    if (std::abs(v) > std::abs(label)) label = v;
  }
  return label;
}

}  // namespace

// t = (x + y) / 10: a tilted plane, -1.2 .. 1.2 over the square.
RawData plane_dataset(int n, double noise, NumpyRandom& rng) {
  return regression_set(n, noise, rng, [](double x, double y) { return (x + y) / 10; });
}

RawData multi_gauss_dataset(int n, double noise, NumpyRandom& rng) {
  return regression_set(n, noise, rng, multi_gauss_label);
}

}  // namespace nnplay
