// The simd kernels: the portable ones (kernels.cpp) blocked by hand on four-float vectors.
//
// Each kernel keeps a small tile of its result in registers while it runs down the summed
// dimension, so every vector loaded meets several multiply-adds. Which dimension is vectorized
// depends on the layer's shape (the tutorial's MLP is 2 -> 200 -> 3):
//   many outputs (2 -> 200):  Z[:, n] = b + sum_j W[:, j] x[j, n]      a column of W times a scalar
//   few outputs  (200 -> 3):  Z[o, n] = b[o] + W[o, :] . x[:, n]       dot products over the inputs
// Shapes as in kernels.h. Matrices are column-major with a leading dimension (ld*): element
// (r, n) of X is x[n * ldx + r]. Tiles: R scalar rows, V vectors (4V floats), N columns.
// Edges that do not fill a vector are done in scalar code, so nothing is read past a matrix.
#include <algorithm>
#include <vector>

#include "kernels.h"
#include "simd.h"
#include "simd_math.h"

namespace nnplay::simd {

namespace {

// Stores the first `count` lanes of v (all four when count >= 4).
inline void store_first(float* p, f32x4 v, int count) {
  if (count >= 4) return store(p, v);
  for (int k = 0; k < count; ++k) p[k] = v[k];
}

// The activation applied inside a kernel, to results still in registers: one pass over memory
// instead of two (a 200 x 8000 layer output is 6.4 MB, past the caches).
enum class Fused { None, ReLU, Tanh, Sigmoid };

Fused fused(std::optional<Activation> act) {
  if (!act) return Fused::None;
  switch (*act) {
    case Activation::ReLU: return Fused::ReLU;
    case Activation::Tanh: return Fused::Tanh;
    case Activation::Sigmoid: return Fused::Sigmoid;
    default: return Fused::None;  // linear: the identity
  }
}

// In the kernels' tiles, where F is known at compile time and everything is inlined.
template <Fused F>
inline f32x4 apply(f32x4 v) {
  if constexpr (F == Fused::ReLU) return simd::relu(v);
  if constexpr (F == Fused::Tanh) return simd::tanh(v);
  if constexpr (F == Fused::Sigmoid) return simd::sigmoid(v);
  return v;
}

// Elsewhere (tails, the few-outputs kernel, the grid), one copy of each.
__attribute__((noinline)) f32x4 apply(Fused f, f32x4 v) {
  switch (f) {
    case Fused::ReLU: return simd::relu(v);
    case Fused::Tanh: return simd::tanh(v);
    case Fused::Sigmoid: return simd::sigmoid(v);
    default: return v;
  }
}

// ---- forward, many outputs: vectorized over the outputs -------------------------------------
// wt is [W^T; b^T]: (in + 1) x out4, out4 = out rounded up to 4, zero padded, so that the
// column j of W (and the bias) is one contiguous row of wt.

template <int V, int N, Fused F>
void forward_broadcast_tile(const float* wt, int in, int out4, int o, int rows, const float* x, long ldx,
                            float* z, long ldz) {
  f32x4 acc[N][V];  // zeroed lane by lane: GCC clears `= {}` through memory, slow when in = 2
  for (int n = 0; n < N; ++n)
    for (int v = 0; v < V; ++v) acc[n][v] = splat(0.0f);
  for (int j = 0; j < in; ++j) {
    const float* w = wt + size_t(j) * out4 + o;
    for (int n = 0; n < N; ++n) {
      const f32x4 xs = splat(x[n * ldx + j]);
      for (int v = 0; v < V; ++v) acc[n][v] += load(w + 4 * v) * xs;
    }
  }
  const float* bias = wt + size_t(in) * out4 + o;
  for (int n = 0; n < N; ++n)
    for (int v = 0; v < V; ++v) {
      acc[n][v] = apply<F>(acc[n][v] + load(bias + 4 * v));
    }
  if (rows >= 4 * V) {
    for (int n = 0; n < N; ++n)
      for (int v = 0; v < V; ++v) store(z + n * ldz + o + 4 * v, acc[n][v]);
  } else {  // the last rows of an output count that is not a multiple of 4
    for (int n = 0; n < N; ++n)
      for (int v = 0; v < V; ++v) store_first(z + n * ldz + o + 4 * v, acc[n][v], rows - 4 * v);
  }
}

template <int N, Fused F>
void forward_broadcast_columns(const float* wt, int in, int out, const float* x, long ldx, float* z, long ldz) {
  const int out4 = (out + 3) & ~3;
  int o = 0;
  for (; o + 8 <= out4; o += 8) forward_broadcast_tile<2, N, F>(wt, in, out4, o, out - o, x, ldx, z, ldz);
  if (o < out4) forward_broadcast_tile<1, N, F>(wt, in, out4, o, out - o, x, ldx, z, ldz);
}

// tanh and the sigmoid: the tiles store W x + b, then one vector at a time the activation runs
// over those columns while they are still in the L1 cache (inside the tiles, with eight
// accumulators live, their constants would not fit in the registers).
template <Fused F>
void activate_columns(float* z, long ldz, int rows, int columns) {
  for (int n = 0; n < columns; ++n) {
    float* c = z + n * ldz;
    int o = 0;
    for (; o + 4 <= rows; o += 4) store(c + o, apply<F>(load(c + o)));
    if (o < rows) {
      float tail[4] = {0, 0, 0, 0};
      for (int k = 0; o + k < rows; ++k) tail[k] = c[o + k];
      store_first(c + o, apply<F>(load(tail)), rows - o);
    }
  }
}

template <Fused F>
void forward_broadcast_all(const float* wt, int in, int out, const float* x, long ldx, float* z, long ldz, int B) {
  constexpr bool in_tile = F == Fused::ReLU || F == Fused::None;
  constexpr Fused T = in_tile ? F : Fused::None;
  int n = 0;
  for (; n + 4 <= B; n += 4) {
    forward_broadcast_columns<4, T>(wt, in, out, x + n * ldx, ldx, z + n * ldz, ldz);
    if constexpr (!in_tile) activate_columns<F>(z + n * ldz, ldz, out, 4);
  }
  for (; n < B; ++n) {
    forward_broadcast_columns<1, T>(wt, in, out, x + n * ldx, ldx, z + n * ldz, ldz);
    if constexpr (!in_tile) activate_columns<F>(z + n * ldz, ldz, out, 1);
  }
}

// wt = [W^T; b^T] for the tiles: W is row-major (out x in), so a transpose, in 16 x 16 blocks so
// that both the rows read and the rows written stay in the cache (row by row, a 1024 x 1024 layer
// missed the cache on every write: 10 ms a call).
void pack_broadcast(const ConstWeightView& W, const ConstBiasView& b, std::vector<float>& wt) {
  const int out = int(W.rows()), in = int(W.cols()), out4 = (out + 3) & ~3;
  wt.assign(size_t(in + 1) * out4, 0.0f);
  constexpr int kBlock = 16;
  for (int o0 = 0; o0 < out; o0 += kBlock)
    for (int j0 = 0; j0 < in; j0 += kBlock)
      for (int o = o0; o < std::min(out, o0 + kBlock); ++o)
        for (int j = j0; j < std::min(in, j0 + kBlock); ++j) wt[size_t(j) * out4 + o] = W(o, j);
  for (int o = 0; o < out; ++o) wt[size_t(in) * out4 + o] = b(o);
}

void forward_broadcast(const float* wt, int in, int out, const Eigen::Ref<const Matrix>& X, Eigen::Ref<Matrix> Z,
                       Fused act) {
  const long ldx = X.outerStride(), ldz = Z.outerStride();
  const int B = int(X.cols());
  const float* x = X.data();
  float* z = Z.data();
  switch (act) {  // one instantiation per activation: nothing but the arithmetic in the tiles
    case Fused::ReLU: return forward_broadcast_all<Fused::ReLU>(wt, in, out, x, ldx, z, ldz, B);
    case Fused::Tanh: return forward_broadcast_all<Fused::Tanh>(wt, in, out, x, ldx, z, ldz, B);
    case Fused::Sigmoid: return forward_broadcast_all<Fused::Sigmoid>(wt, in, out, x, ldx, z, ldz, B);
    default: return forward_broadcast_all<Fused::None>(wt, in, out, x, ldx, z, ldz, B);
  }
}

// ---- forward, few outputs (out <= 3, in >= 4): dot products over the inputs ------------------

template <int R, int N>
void forward_dot_tile(const float* w, const float* b, int in, const float* x, long ldx, float* z, long ldz,
                      bool relu) {
  f32x4 acc[R][N] = {};
  int j = 0;
  for (; j + 4 <= in; j += 4)
    for (int n = 0; n < N; ++n) {
      const f32x4 xv = load(x + n * ldx + j);
      for (int r = 0; r < R; ++r) acc[r][n] += load(w + r * in + j) * xv;
    }
  for (int r = 0; r < R; ++r)
    for (int n = 0; n < N; ++n) {
      float s = sum(acc[r][n]);
      for (int k = j; k < in; ++k) s += w[r * in + k] * x[n * ldx + k];
      s += b[r];
      z[n * ldz + r] = relu && s < 0.0f ? 0.0f : s;
    }
}

template <int R>
void forward_dot(const float* w, const float* b, int in, const float* x, long ldx, float* z, long ldz, int B,
                 bool relu) {
  int n = 0;
  for (; n + 2 <= B; n += 2) forward_dot_tile<R, 2>(w, b, in, x + n * ldx, ldx, z + n * ldz, ldz, relu);
  for (; n < B; ++n) forward_dot_tile<R, 1>(w, b, in, x + n * ldx, ldx, z + n * ldz, ldz, relu);
}

// The activation after a kernel that did not fuse it (the few-outputs one): tanh and the sigmoid
// a column at a time through simd_math.h, a column's last few rows from a padded copy, so that
// every element gets the same function as in the fused kernels.
void activate_after(Fused act, Eigen::Ref<Matrix> Z) {
  if (act == Fused::None || act == Fused::ReLU) return;  // ReLU is fused everywhere
  const int rows = int(Z.rows());
  for (Eigen::Index n = 0; n < Z.cols(); ++n) {
    float* z = Z.col(n).data();
    int o = 0;
    for (; o + 4 <= rows; o += 4) store(z + o, apply(act, load(z + o)));
    if (o < rows) {
      float tail[4] = {0, 0, 0, 0};
      for (int k = 0; o + k < rows; ++k) tail[k] = z[o + k];
      store_first(z + o, apply(act, load(tail)), rows - o);
    }
  }
}


// Which kernel runs a layer: dot products when it has few outputs (and a vector of inputs at least),
// else the many-outputs one on [W^T; b^T].
bool uses_dot(int in, int out) { return in >= 4 && out <= 3; }

void forward_dot_any(const ConstWeightView& W, const ConstBiasView& b, const Eigen::Ref<const Matrix>& X,
                     Eigen::Ref<Matrix> Z, Fused f) {
  const bool relu = f == Fused::ReLU;  // the few-outputs kernel fuses ReLU only
  const int in = int(W.cols()), B = int(X.cols());
  const long ldx = X.outerStride(), ldz = Z.outerStride();
  switch (W.rows()) {
    case 1: forward_dot<1>(W.data(), b.data(), in, X.data(), ldx, Z.data(), ldz, B, relu); break;
    case 2: forward_dot<2>(W.data(), b.data(), in, X.data(), ldx, Z.data(), ldz, B, relu); break;
    default: forward_dot<3>(W.data(), b.data(), in, X.data(), ldx, Z.data(), ldz, B, relu); break;
  }
  activate_after(f, Z);
}

}  // namespace

void linear_forward(const ConstWeightView& W, const ConstBiasView& b, const Eigen::Ref<const Matrix>& X,
                    Eigen::Ref<Matrix> Z, std::optional<Activation> act) {
  const int out = int(W.rows()), in = int(W.cols());
  if (uses_dot(in, out)) return forward_dot_any(W, b, X, Z, fused(act));
  static thread_local std::vector<float> wt;  // kept between calls: no allocation in the hot path
  pack_broadcast(W, b, wt);
  forward_broadcast(wt.data(), in, out, X, Z, fused(act));  // every activation fused
}

PackedLinear::PackedLinear(const ConstWeightView& W, const ConstBiasView& b) : W(W), b(b) {
  if (!uses_dot(int(W.cols()), int(W.rows()))) pack_broadcast(W, b, wt);
}

void linear_forward(const PackedLinear& layer, const Eigen::Ref<const Matrix>& X, Eigen::Ref<Matrix> Z,
                    std::optional<Activation> act) {
  if (layer.wt.empty()) return forward_dot_any(layer.W, layer.b, X, Z, fused(act));
  forward_broadcast(layer.wt.data(), int(layer.W.cols()), int(layer.W.rows()), X, Z, fused(act));
}

void add_bias_activate(const Eigen::Ref<const Matrix>& Z, const Eigen::Ref<const Vector>& b,
                       std::optional<Activation> act, Eigen::Ref<Matrix> A) {
  const Fused f = fused(act);
  const int rows = int(Z.rows());
  for (Eigen::Index n = 0; n < Z.cols(); ++n) {
    const float* z = Z.col(n).data();
    float* a = A.col(n).data();
    int o = 0;
    for (; o + 4 <= rows; o += 4) store(a + o, apply(f, load(z + o) + load(b.data() + o)));
    if (o < rows) {  // the last rows through a padded vector, so that they get the same function
      float tail[4] = {0, 0, 0, 0};
      for (int k = 0; o + k < rows; ++k) tail[k] = z[o + k] + b[o + k];
      store_first(a + o, apply(f, load(tail)), rows - o);
    }
  }
}

}  // namespace nnplay::simd
