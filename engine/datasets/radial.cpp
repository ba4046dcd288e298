// Tutorial 001's "radial" data, the numpy code line for line:
//   r = np.random.rand(n) * 3;  theta = np.random.rand(n) * 2 * np.pi;  y = r.astype(int)
//   r = r * (np.cos(theta) + 1);  x1 = r * np.cos(theta);  x2 = r * np.sin(theta)
#include <cmath>

#include "generators.h"

namespace nnplay {

RawData radial_dataset(int n, double noise, NumpyRandom& rng) {
  std::vector<double> r(n), theta(n);
  for (double& v : r) v = rng.rand() * 3;
  for (double& v : theta) v = rng.rand() * 2 * kPi;
  RawData raw;
  raw.x.resize(n);
  raw.y.resize(n);
  for (int i = 0; i < n; ++i) {
    raw.y[i] = static_cast<int>(r[i]);  // floor, r >= 0
    const double rr = r[i] * (std::cos(theta[i]) + 1);
    raw.x[i] = {rr * std::cos(theta[i]), rr * std::sin(theta[i])};
  }
  add_uniform_noise(raw, noise, rng);  // x1 += noise * (2 u - 1), then x2 likewise
  return raw;
}

}  // namespace nnplay
