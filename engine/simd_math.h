// tanh and the sigmoid on four floats at once, for hidden layers (simd.h's vocabulary: the same
// source is SSE natively and WebAssembly SIMD in the browser, where the C library's tanh and exp
// are one float at a time). tests/test_simd_math.cpp measures them against double precision.
// NaN in gives NaN out, so a diverging model still reaches the loss and stops.
//
// Both are one rational function, a handful of multiply-adds and a division, which is what keeps a
// tanh or sigmoid network within 1.5x of a ReLU one (docs/PERFORMANCE.md).
#pragma once

#include "simd.h"

namespace nnplay::simd {

// Lanes of `mask` (all ones or all zeros) take a, the others b.
inline f32x4 select(i32x4 mask, f32x4 a, f32x4 b) { return (f32x4)((mask & (i32x4)a) | (~mask & (i32x4)b)); }

// lo <= v <= hi, a NaN stays NaN.
inline f32x4 clamp(f32x4 v, float lo, float hi) {
#ifdef __wasm_simd128__  // one instruction each: pmin(a, b) = b < a ? b : a, pmax(a, b) = a < b ? b : a
  return __builtin_wasm_pmax_f32x4(__builtin_wasm_pmin_f32x4(v, splat(hi)), splat(lo));
#else
  return select(v < splat(lo), splat(lo), select(v > splat(hi), splat(hi), v));  // NaN compares false
#endif
}

// tanh(x) = x P(x^2) / Q(x^2), P and Q of degree 4: a [9/8] rational whose coefficients minimize
// the largest relative error on [0, 9], scaled so that Q's leading one is 1 (its last Horner step
// is then an addition), rounded to float. scripts/fit_tanh.py fits them and checks the float
// evaluation below: within 6.0 ulp of tanh, 0.5 ulp on average, as good as Eigen's [13/6] rational
// in 20 operations instead of 28.
// x is clamped at 7.8349013, the last float before the evaluation first exceeds 1 where it gives
// exactly 1: tanh never passes 1 and is exactly 1 beyond (PyTorch's rounds to 1 from 9.01 on).
struct TanhRational {
  static constexpr float clamp = 7.8349013f;
  static constexpr float p[5] = {1281291.1f, 171487.64f, 4483.219f, 26.472866f, 0.017194375f};
  static constexpr float q[5] = {1281291.1f, 598584.5f, 33172.84f, 421.67563f, 1.0f};  // q[4] is 1
};

// x P(x^2) / Q(x^2) for x clamped to +-R::clamp, P and Q by Horner's rule in t = x^2.
template <class R>
inline f32x4 odd_rational(f32x4 v) {
  static_assert(R::q[4] == 1.0f, "Q's leading coefficient is 1");
  const f32x4 x = clamp(v, -R::clamp, R::clamp);
  const f32x4 t = x * x;
  f32x4 p = t * splat(R::p[4]) + splat(R::p[3]);
  p = t * p + splat(R::p[2]);
  p = t * p + splat(R::p[1]);
  p = t * p + splat(R::p[0]);
  f32x4 q = t + splat(R::q[3]);
  q = t * q + splat(R::q[2]);
  q = t * q + splat(R::q[1]);
  q = t * q + splat(R::q[0]);
  return x * p / q;
}

inline f32x4 tanh(f32x4 x) { return odd_rational<TanhRational>(x); }

// sigmoid(z) = 1 / (1 + e^-z) = 1/2 + tanh(z / 2) / 2, the same function, computed as
//   1/2 + z P~(z^2) / Q~(z^2),  P~(s) = 64 P(s / 4),  Q~(s) = 256 Q(s / 4),  clamped at 2 x 7.8349013:
// tanh's rational with its coefficients scaled by powers of 2, which are exact, so the result is
// bit for bit 0.5f + 0.5f * tanh(0.5f * z) in two operations fewer, and one operation more than
// tanh. Within 1.8e-7 of PyTorch's 1 / (1 + exp(-z)) (engine/sigmoid.h, which the output layer's
// bce keeps), in absolute terms: below z = -15.67 it is exactly 0 where PyTorch's is under 1.6e-7,
// and above 15.67 exactly 1 (docs/parity.md). The exp route kept relative accuracy there at 26
// operations, which put a sigmoid network at 1.6x ReLU.
struct SigmoidRational {
  static constexpr float clamp = 2 * TanhRational::clamp;
  static constexpr float p[5] = {64 * TanhRational::p[0], 16 * TanhRational::p[1], 4 * TanhRational::p[2],
                                 TanhRational::p[3], TanhRational::p[4] / 4};
  static constexpr float q[5] = {256 * TanhRational::q[0], 64 * TanhRational::q[1], 16 * TanhRational::q[2],
                                 4 * TanhRational::q[3], TanhRational::q[4]};
};

inline f32x4 sigmoid(f32x4 z) { return splat(0.5f) + odd_rational<SigmoidRational>(z); }

}  // namespace nnplay::simd
