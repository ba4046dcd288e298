// exp and the sigmoid on four floats at once, for the sigmoid hidden activation (simd.h's
// vocabulary: the same source is SSE natively and WebAssembly SIMD in the browser, where the C
// library's exp is one float at a time). Within 2.5 units in the last place of float;
// tests/test_simd_math.cpp measures them against double precision. NaN in gives NaN out, so a
// diverging model still reaches the loss and stops.
// (Tanh needs none of this: Eigen's tanh is a rational function that the compiler vectorizes by
// itself, and a hand-written one measured no faster in WebAssembly.)
#pragma once

#include "simd.h"

namespace nnplay::simd {

// Lanes of `mask` (all ones or all zeros) take a, the others b.
inline f32x4 select(i32x4 mask, f32x4 a, f32x4 b) { return (f32x4)((mask & (i32x4)a) | (~mask & (i32x4)b)); }

inline f32x4 abs(f32x4 v) { return (f32x4)((i32x4)v & splat_bits(0x7fffffff)); }

// exp(x) for x <= 88 (exp(88) = 1.65e38; below -87.3 it gives exp(-87.3) = 1.2e-38, never a
// subnormal, which WebAssembly cannot flush to zero and which makes later arithmetic slow):
//   x = k ln2 + r, k = round(x / ln2), |r| <= ln2 / 2      exp(x) = 2^k exp(r)
//   ln2 = ln2_hi + ln2_lo, ln2_hi with few bits, so that k ln2_hi is exact (Cody and Waite)
//   exp(r) = 1 + r + r^2/2! + ... + r^7/7!                 (the next term is < 2^-27 of it)
//   2^k is built in the float's exponent bits: (k + 127) << 23.
inline f32x4 exp(f32x4 x) {
  x = select(x < splat(-87.3f), splat(-87.3f), x);  // NaN compares false and stays
  x = select(x > splat(88.0f), splat(88.0f), x);
  const f32x4 t = x * splat(1.44269504f);           // x / ln2, within [-126, 127]
  const i32x4 finite = t == t;                       // NaN lanes get k = 0: their r stays NaN
  const i32x4 k = __builtin_convertvector(select(finite, t + select(t < splat(0.0f), splat(-0.5f), splat(0.5f)), splat(0.0f)), i32x4);
  const f32x4 kf = __builtin_convertvector(k, f32x4);
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

// sigmoid(z) = 1 / (1 + e^-z), written with e = e^-|z| <= 1 so that nothing overflows:
//   z >= 0: 1 / (1 + e)        z < 0: e / (1 + e)
inline f32x4 sigmoid(f32x4 z) {
  const f32x4 e = exp(-abs(z));
  const f32x4 s = splat(1.0f) / (splat(1.0f) + e);
  return select(z < splat(0.0f), e * s, s);
}

}  // namespace nnplay::simd
