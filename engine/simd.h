// Four floats at once: the smallest SIMD vocabulary the fast kernels need.
//
// GCC/Clang vector extensions: the same source becomes SSE natively and WebAssembly SIMD under
// Emscripten (-msimd128), so the kernels tested natively are the kernels that run in the browser.
// No intrinsics header, no Emscripten include. There is no fused multiply-add: a * b + c is a
// multiply then an add, in WebAssembly and in SSE2 alike.
#pragma once

#include <cstring>

namespace nnplay::simd {

typedef float f32x4 __attribute__((vector_size(16)));
typedef int i32x4 __attribute__((vector_size(16)));

// Unaligned loads and stores (memcpy is how C++ spells them without aliasing trouble).
inline f32x4 load(const float* p) {
  f32x4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(float* p, f32x4 v) { std::memcpy(p, &v, sizeof v); }

inline f32x4 splat(float s) { return f32x4{s, s, s, s}; }
inline i32x4 splat_bits(int s) { return i32x4{s, s, s, s}; }

// Lanes where mask is true, else 0 (a mask lane is all ones or all zeros).
inline f32x4 keep_if(i32x4 mask, f32x4 v) { return (f32x4)(mask & (i32x4)v); }

// v < 0 ? 0 : v, which keeps NaN (a NaN pre-activation must still reach the loss and stop training).
// In WebAssembly that is f32x4.pmax(v, 0), one x86 instruction; LLVM would otherwise turn the
// select into f32x4.max, whose NaN and -0 rules cost V8 about eight.
inline f32x4 relu(f32x4 v) {
#ifdef __wasm_simd128__
  return __builtin_wasm_pmax_f32x4(v, splat(0.0f));  // pmax(a, b) = a < b ? b : a
#else
  return keep_if(~(v < splat(0.0f)), v);
#endif
}

// v0 + v1 + v2 + v3, added as (v0 + v2) + (v1 + v3).
inline float sum(f32x4 v) {
  const f32x4 h = v + __builtin_shufflevector(v, v, 2, 3, 0, 1);
  return h[0] + h[1];
}

}  // namespace nnplay::simd
