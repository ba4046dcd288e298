// The four-float tanh and sigmoid (engine/simd_math.h) against double precision, over sweeps that
// cover the clamps and the edges: NaN, +-inf, 0, tiny magnitudes.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "simd_math.h"

using namespace nnplay;

namespace {

// Units in the last place of float at the reference value (the spacing of floats there).
double ulps(float ours, double reference) {
  const float r = float(reference);
  const double spacing = std::nextafter(std::fabs(r), std::numeric_limits<float>::infinity()) - std::fabs(r);
  return std::fabs(double(ours) - reference) / spacing;
}

template <class F>
std::vector<float> apply(F f, const std::vector<float>& xs) {
  std::vector<float> out(xs.size());
  for (size_t i = 0; i < xs.size(); i += 4) {
    float in[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < 4 && i + k < xs.size(); ++k) in[k] = xs[i + k];
    const simd::f32x4 y = f(simd::load(in));
    for (size_t k = 0; k < 4 && i + k < xs.size(); ++k) out[i + k] = y[k];
  }
  return out;
}

// -range .. range in small steps, plus tiny magnitudes down to 1e-30.
std::vector<float> sweep(float range) {
  std::vector<float> xs;
  for (float x = -range; x <= range; x += range / 40000) xs.push_back(x);
  for (float m = 1e-30f; m < 1; m *= 1.7f) {
    xs.push_back(m);
    xs.push_back(-m);
  }
  return xs;
}

template <class F, class R>
double worst_ulps(F f, R reference, const std::vector<float>& xs) {
  const std::vector<float> ys = apply(f, xs);
  double worst = 0;
  for (size_t i = 0; i < xs.size(); ++i) worst = std::max(worst, ulps(ys[i], reference(double(xs[i]))));
  return worst;
}

}  // namespace

TEST_CASE("simd tanh is within 6 ulp of tanh, odd, never past 1, and exactly 1 far out") {
  const auto tanh = [](double x) { return std::tanh(x); };
  const std::vector<float> xs = sweep(12.0f);
  CHECK(worst_ulps(simd::tanh, tanh, xs) <= 6.0);  // scripts/fit_tanh.py: 6.00 over 4 million floats
  const std::vector<float> ys = ::apply(simd::tanh, xs);
  std::vector<float> negated(xs.size());
  for (size_t i = 0; i < xs.size(); ++i) negated[i] = -xs[i];
  const std::vector<float> ys_negated = ::apply(simd::tanh, negated);
  for (size_t i = 0; i < xs.size(); ++i) {
    CAPTURE(xs[i]);
    CHECK(std::fabs(ys[i]) <= 1.0f);
    CHECK(ys_negated[i] == -ys[i]);
  }
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> edges = ::apply(simd::tanh, {0.0f, 1e-30f, -3e-4f, 7.8349013f, 9.5f, 20.0f, -1e30f, inf, -inf,
                                                      std::numeric_limits<float>::quiet_NaN()});
  CHECK(edges[0] == 0.0f);
  CHECK(edges[1] == 1e-30f);  // P(0) = Q(0) = 1: a tiny x is its own tanh
  CHECK(edges[2] == Approx(std::tanh(-3e-4)).epsilon(1e-7));
  for (int i : {3, 4, 5, 7}) CHECK(edges[i] == 1.0f);
  for (int i : {6, 8}) CHECK(edges[i] == -1.0f);
  CHECK(std::isnan(edges[9]));
}

TEST_CASE("simd sigmoid is 1/2 + tanh(z/2)/2 bit for bit, within 1.8e-7 of the sigmoid") {
  const std::vector<float> zs = sweep(40.0f);
  const std::vector<float> ours = ::apply(simd::sigmoid, zs);
  const std::vector<float> by_tanh =
      ::apply([](simd::f32x4 z) { return simd::splat(0.5f) + simd::splat(0.5f) * simd::tanh(simd::splat(0.5f) * z); }, zs);
  double worst = 0;
  for (size_t i = 0; i < zs.size(); ++i) {
    CAPTURE(zs[i]);
    CHECK(ours[i] == by_tanh[i]);
    CHECK(ours[i] >= 0.0f);
    CHECK(ours[i] <= 1.0f);
    worst = std::max(worst, std::fabs(double(ours[i]) - 1.0 / (1.0 + std::exp(-double(zs[i])))));
  }
  CHECK(worst <= 1.8e-7);
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> edges = ::apply(simd::sigmoid, {0.0f, 17.0f, -17.0f, inf, -inf, std::numeric_limits<float>::quiet_NaN()});
  CHECK(edges[0] == 0.5f);
  CHECK(edges[1] == 1.0f);
  CHECK(edges[2] == 0.0f);
  CHECK(edges[3] == 1.0f);
  CHECK(edges[4] == 0.0f);
  CHECK(std::isnan(edges[5]));
}
