// The simd kernels of the backward pass (conventions in kernels_simd.cpp).
//   weight gradient:  dW[o, i] += sum_n dZ[o, n] X[i, n]      the sum over the batch stays in registers
//   input gradient:   dX[:, n] = (sum_o W[o, :] dZ[o, n]) * act'(A[:, n])
#include "kernels.h"
#include "simd.h"

namespace nnplay::simd {

namespace {

// ---- weight gradient, few outputs (out <= in): a tile of dW's rows, vectorized over the inputs

template <int R, int V>
void weight_grad_rows_tile(const float* dz, long ldz, const float* x, long ldx, int B, int o, int i, float* dw,
                           int in) {
  f32x4 acc[R][V] = {};
  for (int n = 0; n < B; ++n) {
    f32x4 xv[V];
    for (int v = 0; v < V; ++v) xv[v] = load(x + n * ldx + i + 4 * v);
    for (int r = 0; r < R; ++r) {
      const f32x4 d = splat(dz[n * ldz + o + r]);
      for (int v = 0; v < V; ++v) acc[r][v] += d * xv[v];
    }
  }
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < V; ++v) {
      float* p = dw + size_t(o + r) * in + i + 4 * v;
      store(p, load(p) + acc[r][v]);
    }
}

template <int R>
void weight_grad_rows(const float* dz, long ldz, const float* x, long ldx, int B, int o, float* dw, int in) {
  int i = 0;
  for (; i + 8 <= in; i += 8) weight_grad_rows_tile<R, 2>(dz, ldz, x, ldx, B, o, i, dw, in);
  for (; i + 4 <= in; i += 4) weight_grad_rows_tile<R, 1>(dz, ldz, x, ldx, B, o, i, dw, in);
  for (; i < in; ++i)  // the inputs that do not fill a vector
    for (int r = 0; r < R; ++r) {
      float s = 0.0f;
      for (int n = 0; n < B; ++n) s += dz[n * ldz + o + r] * x[n * ldx + i];
      dw[size_t(o + r) * in + i] += s;
    }
}

void weight_grad_by_rows(const float* dz, long ldz, const float* x, long ldx, int B, int out, int in, float* dw,
                         float* db) {
  int o = 0;
  for (; o + 3 <= out; o += 3) weight_grad_rows<3>(dz, ldz, x, ldx, B, o, dw, in);
  if (out - o == 2) weight_grad_rows<2>(dz, ldz, x, ldx, B, o, dw, in);
  if (out - o == 1) weight_grad_rows<1>(dz, ldz, x, ldx, B, o, dw, in);
  for (int r = 0; r < out; ++r) {
    float s = 0.0f;
    for (int n = 0; n < B; ++n) s += dz[n * ldz + r];
    db[r] += s;
  }
}

// ---- weight gradient, many outputs (out > in): a tile of dW's columns, vectorized over the
// outputs; the first tile also sums dZ's rows into db.

template <int R, int V>
void weight_grad_cols_tile(const float* dz, long ldz, const float* x, long ldx, int B, int o, int i, float* dw,
                           int in, float* db) {
  f32x4 acc[R][V] = {}, bias[V] = {};
  for (int n = 0; n < B; ++n) {
    f32x4 d[V];
    for (int v = 0; v < V; ++v) d[v] = load(dz + n * ldz + o + 4 * v);
    if (db)
      for (int v = 0; v < V; ++v) bias[v] += d[v];
    for (int r = 0; r < R; ++r) {
      const f32x4 xs = splat(x[n * ldx + i + r]);
      for (int v = 0; v < V; ++v) acc[r][v] += d[v] * xs;
    }
  }
  for (int v = 0; v < V; ++v)
    for (int k = 0; k < 4; ++k) {
      const int row = o + 4 * v + k;
      for (int r = 0; r < R; ++r) dw[size_t(row) * in + i + r] += acc[r][v][k];
      if (db) db[row] += bias[v][k];
    }
}

template <int R>
void weight_grad_cols(const float* dz, long ldz, const float* x, long ldx, int B, int out, int i, float* dw,
                      int in, float* db) {
  int o = 0;
  for (; o + 8 <= out; o += 8) weight_grad_cols_tile<R, 2>(dz, ldz, x, ldx, B, o, i, dw, in, db);
  for (; o + 4 <= out; o += 4) weight_grad_cols_tile<R, 1>(dz, ldz, x, ldx, B, o, i, dw, in, db);
  for (; o < out; ++o) {  // the outputs that do not fill a vector
    float bias = 0.0f, s[R] = {};
    for (int n = 0; n < B; ++n) {
      bias += dz[n * ldz + o];
      for (int r = 0; r < R; ++r) s[r] += dz[n * ldz + o] * x[n * ldx + i + r];
    }
    for (int r = 0; r < R; ++r) dw[size_t(o) * in + i + r] += s[r];
    if (db) db[o] += bias;
  }
}

void weight_grad_by_cols(const float* dz, long ldz, const float* x, long ldx, int B, int out, int in, float* dw,
                         float* db) {
  int i = 0;
  for (; i + 2 <= in; i += 2) weight_grad_cols<2>(dz, ldz, x, ldx, B, out, i, dw, in, i == 0 ? db : nullptr);
  if (i < in) weight_grad_cols<1>(dz, ldz, x, ldx, B, out, i, dw, in, i == 0 ? db : nullptr);
}

// ---- input gradient: vectorized over the inputs, a W row times a scalar of dZ ----------------

// d * act'(a), elementwise; act' written with the activation's output a (activation.h).
inline f32x4 times_derivative(Activation act, f32x4 d, f32x4 a) {
  switch (act) {
    case Activation::ReLU: return keep_if(a > splat(0.0f), d);
    case Activation::Tanh: return d * (splat(1.0f) - a * a);
    case Activation::Sigmoid: return d * (a * (splat(1.0f) - a));
    case Activation::Linear: return d;
  }
  return d;
}

template <int V, int N>
void input_grad_tile(const float* w, int out, int in, int i, const float* dz, long ldz, const float* a, long lda,
                     float* dx, long ldx, Activation act) {
  f32x4 acc[N][V] = {};
  for (int o = 0; o < out; ++o) {
    f32x4 wv[V];
    for (int v = 0; v < V; ++v) wv[v] = load(w + size_t(o) * in + i + 4 * v);
    for (int n = 0; n < N; ++n) {
      const f32x4 d = splat(dz[n * ldz + o]);
      for (int v = 0; v < V; ++v) acc[n][v] += wv[v] * d;
    }
  }
  for (int n = 0; n < N; ++n)
    for (int v = 0; v < V; ++v) {
      const long k = i + 4 * v;
      store(dx + n * ldx + k, times_derivative(act, acc[n][v], load(a + n * lda + k)));
    }
}

template <int N>
void input_grad_columns(const float* w, int out, int in, const float* dz, long ldz, const float* a, long lda,
                        float* dx, long ldx, Activation act) {
  int i = 0;
  for (; i + 8 <= in; i += 8) input_grad_tile<2, N>(w, out, in, i, dz, ldz, a, lda, dx, ldx, act);
  for (; i + 4 <= in; i += 4) input_grad_tile<1, N>(w, out, in, i, dz, ldz, a, lda, dx, ldx, act);
  for (; i < in; ++i)  // the inputs that do not fill a vector
    for (int n = 0; n < N; ++n) {
      float s = 0.0f;
      for (int o = 0; o < out; ++o) s += w[size_t(o) * in + i] * dz[n * ldz + o];
      dx[n * ldx + i] = times_derivative(act, splat(s), splat(a[n * lda + i]))[0];
    }
}

}  // namespace

void linear_backward_params(const Eigen::Ref<const Matrix>& dZ, const Eigen::Ref<const Matrix>& X,
                            WeightView dW, BiasView db) {
  const int out = int(dZ.rows()), in = int(X.rows()), B = int(X.cols());
  if (out <= in)
    weight_grad_by_rows(dZ.data(), dZ.outerStride(), X.data(), X.outerStride(), B, out, in, dW.data(), db.data());
  else
    weight_grad_by_cols(dZ.data(), dZ.outerStride(), X.data(), X.outerStride(), B, out, in, dW.data(), db.data());
}

void linear_backward_input(const ConstWeightView& W, const Eigen::Ref<const Matrix>& dZ,
                           const Eigen::Ref<const Matrix>& A, Activation act, Eigen::Ref<Matrix> dX) {
  const int out = int(W.rows()), in = int(W.cols()), B = int(dZ.cols());
  const long ldz = dZ.outerStride(), lda = A.outerStride(), ldx = dX.outerStride();
  int n = 0;
  for (; n + 4 <= B; n += 4)
    input_grad_columns<4>(W.data(), out, in, dZ.data() + n * ldz, ldz, A.data() + n * lda, lda,
                          dX.data() + n * ldx, ldx, act);
  for (; n < B; ++n)
    input_grad_columns<1>(W.data(), out, in, dZ.data() + n * ldz, ldz, A.data() + n * lda, lda,
                          dX.data() + n * ldx, ldx, act);
}

}  // namespace nnplay::simd
