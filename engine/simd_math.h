// exp and the sigmoid on four floats at once, for the sigmoid hidden activation (simd.h's
// vocabulary: the same source is SSE natively and WebAssembly SIMD in the browser, where the C
// library's exp is one float at a time). Within 2.5 units in the last place of float;
// tests/test_simd_math.cpp measures them against double precision. NaN in gives NaN out, so a
// diverging model still reaches the loss and stops.
// tanh is Eigen's own float tanh on four lanes, so the kernels give the numbers of the portable
// path; being a few multiply-adds, it runs inside the forward kernels on values still in registers.
#pragma once

#include "simd.h"

namespace nnplay::simd {

// Lanes of `mask` (all ones or all zeros) take a, the others b.
inline f32x4 select(i32x4 mask, f32x4 a, f32x4 b) { return (f32x4)((mask & (i32x4)a) | (~mask & (i32x4)b)); }

inline f32x4 abs(f32x4 v) { return (f32x4)((i32x4)v & splat_bits(0x7fffffff)); }

// lo <= v <= hi, a NaN stays NaN.
inline f32x4 clamp(f32x4 v, float lo, float hi) {
#ifdef __wasm_simd128__  // one instruction each: pmin(a, b) = b < a ? b : a, pmax(a, b) = a < b ? b : a
  return __builtin_wasm_pmax_f32x4(__builtin_wasm_pmin_f32x4(v, splat(hi)), splat(lo));
#else
  return select(v < splat(lo), splat(lo), select(v > splat(hi), splat(hi), v));  // NaN compares false
#endif
}

// exp(x) for x <= 88 (exp(88) = 1.65e38; below -87.3 it gives exp(-87.3) = 1.2e-38, never a
// subnormal, which WebAssembly cannot flush to zero and which makes later arithmetic slow):
//   x = k ln2 + r, k = round(x / ln2), |r| <= ln2 / 2      exp(x) = 2^k exp(r)
//   ln2 = ln2_hi + ln2_lo, ln2_hi with few bits, so that k ln2_hi is exact (Cody and Waite)
//   exp(r) = 1 + r + r^2/2! + ... + r^7/7!                 (the next term is < 2^-27 of it)
//   2^k is built in the float's exponent bits: (k + 127) << 23.
inline f32x4 exp(f32x4 x) {
  x = clamp(x, -87.3f, 88.0f);
  // k = round(x / ln2) without a conversion instruction: adding 1.5 * 2^23 leaves the rounded
  // integer in the low bits of the mantissa (|x / ln2| < 2^22), and subtracting it again gives k
  // as a float. A NaN gives a NaN kf (and any k), so r, p and the result stay NaN.
  const f32x4 magic = splat(12582912.0f);
  const f32x4 shifted = x * splat(1.44269504f) + magic;
  const f32x4 kf = shifted - magic;
  const i32x4 k = (i32x4)shifted - (i32x4)magic;
  const f32x4 r = (x - kf * splat(0.693359375f)) - kf * splat(-2.12194440e-4f);
  f32x4 p = splat(1.0f / 5040);
  p = p * r + splat(1.0f / 720);
  p = p * r + splat(1.0f / 120);
  p = p * r + splat(1.0f / 24);
  p = p * r + splat(1.0f / 6);
  p = p * r + splat(0.5f);
  p = p * r + splat(1.0f);
  p = p * r + splat(1.0f);
  return p * (f32x4)((k + 127) << 23);
}

// sigmoid(z) = 1 / (1 + e^-z), PyTorch's formula (engine/sigmoid.h). e^-z is taken at most at
// e^87.3, so that below z = -87.3 the result is 1.2e-38 and never a subnormal (PyTorch: 0).
inline f32x4 sigmoid(f32x4 z) {
  return splat(1.0f) / (splat(1.0f) + exp(clamp(-z, -87.3f, 87.3f)));
}

// tanh(x) as Eigen 3.4's generic_fast_tanh_float (no FMA): x clamped to +-7.90531110763549805,
// then an odd degree-13 polynomial over an even degree-6 one in x^2; |x| < 0.0004 gives x itself.
inline f32x4 tanh(f32x4 a) {
  const f32x4 x = clamp(a, -7.90531110763549805f, 7.90531110763549805f);
  const f32x4 x2 = x * x;
  f32x4 p = x2 * splat(-2.76076847742355e-16f) + splat(2.00018790482477e-13f);
  p = x2 * p + splat(-8.60467152213735e-11f);
  p = x2 * p + splat(5.12229709037114e-08f);
  p = x2 * p + splat(1.48572235717979e-05f);
  p = x2 * p + splat(6.37261928875436e-04f);
  p = x2 * p + splat(4.89352455891786e-03f);
  p = x * p;
  f32x4 q = x2 * splat(1.19825839466702e-06f) + splat(1.18534705686654e-04f);
  q = x2 * q + splat(2.26843463243900e-03f);
  q = x2 * q + splat(4.89352518554385e-03f);
  return select(abs(a) < splat(0.0004f), x, p / q);
}

}  // namespace nnplay::simd
