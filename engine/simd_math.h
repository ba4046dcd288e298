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

// tanh(x) = x P(x^2) / Q(x^2), P and Q of degree 4 with P(0) = Q(0) = 1: a [9/8] rational whose
// coefficients minimize the largest relative error on [0, 9], rounded to float
// (scripts/fit_tanh.py fits them and checks the float evaluation below: within 5.9 ulp of tanh,
// 0.4 ulp on average, as good as Eigen's [13/6] rational in 21 operations instead of 28).
// x is clamped at 8.041902, the last float before the evaluation first exceeds 1 where it gives
// exactly 1: tanh never passes 1 and is exactly 1 beyond (PyTorch's rounds to 1 from 9.01 on).
struct TanhRational {
  static constexpr float clamp = 8.041902f;
  static constexpr float p[5] = {1.0f, 0.13383971f, 0.003498986f, 2.0661088e-05f, 1.34195695e-08f};
  static constexpr float q[5] = {1.0f, 0.46717292f, 0.025890168f, 0.00032910213f, 7.8046276e-07f};
};

// x P(x^2) / Q(x^2) for x clamped to +-R::clamp, P and Q by Horner's rule in t = x^2.
template <class R>
inline f32x4 odd_rational(f32x4 v) {
  const f32x4 x = clamp(v, -R::clamp, R::clamp);
  const f32x4 t = x * x;
  f32x4 p = t * splat(R::p[4]) + splat(R::p[3]);
  p = t * p + splat(R::p[2]);
  p = t * p + splat(R::p[1]);
  p = t * p + splat(R::p[0]);
  f32x4 q = t * splat(R::q[4]) + splat(R::q[3]);
  q = t * q + splat(R::q[2]);
  q = t * q + splat(R::q[1]);
  q = t * q + splat(R::q[0]);
  return x * p / q;
}

inline f32x4 tanh(f32x4 x) { return odd_rational<TanhRational>(x); }

// sigmoid(z) = 1 / (1 + e^-z) = 1/2 + tanh(z / 2) / 2, the same function, computed as
//   1/2 + z P~(z^2) / Q~(z^2),   P~(s) = P(s / 4) / 4,  Q~(s) = Q(s / 4),  clamped at 2 x 8.041902:
// tanh's rational with its coefficients scaled by powers of 2, which are exact, so the result is
// bit for bit 0.5f + 0.5f * tanh(0.5f * z) in two operations fewer, and one operation more than
// tanh. Within 1.8e-7 of PyTorch's 1 / (1 + exp(-z)) (engine/sigmoid.h, which the output layer's
// bce keeps), in absolute terms: below z = -16.08 it is exactly 0 where PyTorch's is under 1.1e-7,
// and above 16.08 exactly 1 (docs/parity.md). The exp route kept relative accuracy there at 26
// operations, which put a sigmoid network at 1.6x ReLU.
struct SigmoidRational {
  static constexpr float clamp = 2 * TanhRational::clamp;
  static constexpr float p[5] = {TanhRational::p[0] / 4, TanhRational::p[1] / 16, TanhRational::p[2] / 64,
                                 TanhRational::p[3] / 256, TanhRational::p[4] / 1024};
  static constexpr float q[5] = {TanhRational::q[0], TanhRational::q[1] / 4, TanhRational::q[2] / 16,
                                 TanhRational::q[3] / 64, TanhRational::q[4] / 256};
};

inline f32x4 sigmoid(f32x4 z) { return splat(0.5f) + odd_rational<SigmoidRational>(z); }

}  // namespace nnplay::simd
