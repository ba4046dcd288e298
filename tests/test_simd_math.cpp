// The four-float exp and sigmoid (engine/simd_math.h) against double precision, over sweeps that
// cover the clamps and the edges: NaN, +-inf, 0, tiny magnitudes.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include <Eigen/Core>

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

TEST_CASE("simd exp is within 2 ulp of exp between -87 and 88") {
  std::vector<float> xs;
  for (float x = -87.0f; x <= 88.0f; x += 0.0037f) xs.push_back(x);
  CHECK(worst_ulps(simd::exp, [](double x) { return std::exp(x); }, xs) <= 2.0);
  const std::vector<float> edges = apply(simd::exp, {0.0f, -1000.0f, 1000.0f, std::numeric_limits<float>::quiet_NaN()});
  CHECK(edges[0] == 1.0f);
  CHECK(edges[1] == Approx(std::exp(-87.3)).epsilon(1e-5));  // clamped: never a subnormal
  CHECK(edges[1] > 0);
  CHECK(std::isfinite(edges[2]));
  CHECK(std::isnan(edges[3]));
}

TEST_CASE("simd sigmoid is within 3 ulp of the sigmoid down to 1e-37") {
  const auto sigmoid = [](double z) { return 1.0 / (1.0 + std::exp(-z)); };
  CHECK(worst_ulps(simd::sigmoid, sigmoid, sweep(80.0f)) <= 3.0);
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> edges = apply(simd::sigmoid, {0.0f, inf, -inf, 200.0f, -200.0f, std::numeric_limits<float>::quiet_NaN()});
  CHECK(edges[0] == 0.5f);
  CHECK(edges[1] == 1.0f);
  CHECK(edges[2] >= 0.0f);
  CHECK(edges[2] < 1e-37f);
  CHECK(edges[3] == 1.0f);
  CHECK(edges[4] < 1e-37f);
  CHECK(std::isnan(edges[5]));
}

TEST_CASE("simd tanh is Eigen's float tanh on four lanes and within 3e-7 of tanh") {
  std::vector<float> xs;
  for (double x = -12; x <= 12; x += 0.0037) xs.push_back(float(x));
  for (float x : {0.0f, -0.0f, 1e-30f, -3e-4f, 3.9e-4f, 4.1e-4f, 7.9053f, -7.9054f, 20.0f, 1e30f, -1e30f})
    xs.push_back(x);
  const auto ours = ::apply([](simd::f32x4 v) { return simd::tanh(v); }, xs);
  double worst = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    CAPTURE(xs[i]);
    Eigen::ArrayXf one(1);
    one << xs[i];
    CHECK(ours[i] == one.tanh()(0));  // the portable path's numbers, bit for bit
    worst = std::max(worst, std::fabs(double(ours[i]) - std::tanh(double(xs[i]))));
  }
  CHECK(worst < 3e-7);
  const auto nan = ::apply([](simd::f32x4 v) { return simd::tanh(v); }, std::vector<float>{std::nanf("")});
  CHECK(std::isnan(nan[0]));
}
