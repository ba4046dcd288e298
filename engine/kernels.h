// The dense kernels of the hot path, in two versions with one interface:
//   portable:: Eigen expressions, the reference (kernels.cpp);
//   simd::     hand-blocked loops on four-float vectors (kernels_simd*.cpp, engine/simd.h), which
//              compile to WebAssembly SIMD under Emscripten, where Eigen has no SIMD backend, and
//              to SSE natively.
// `kernels::` is the one the engine uses: simd when built with NNPLAY_SIMD_KERNELS (CMake option
// of the same name, ON by default: the faster one natively too), else portable. Tests compare the two.
//
//   W: out x in (row-major, PyTorch layout)   b: out   X, A: in x B   Z, dZ: out x B   dX: in x B
// Both versions give the same numbers up to float summation order.
#pragma once

#include <optional>
#include <vector>

#include "activation.h"
#include "tensor.h"

namespace nnplay {

namespace portable {

// Z = W X + b (bias broadcast over the columns), then Z = act(Z) when act is given.
void linear_forward(const ConstWeightView& W, const ConstBiasView& b, const Eigen::Ref<const Matrix>& X,
                    Eigen::Ref<Matrix> Z, std::optional<Activation> act = std::nullopt);

// dW += dZ X^T;  db += sum over columns of dZ.   (dL/dW = dL/dZ * X^T, dL/db = sum_B dL/dZ)
void linear_backward_params(const Eigen::Ref<const Matrix>& dZ, const Eigen::Ref<const Matrix>& X,
                            WeightView dW, BiasView db);

// dX = (W^T dZ) * act'(A), where A = act(previous Z) is this layer's input.
//   (dL/dA = W^T * dL/dZ, then dL/dZprev = dL/dA * dA/dZprev, see activation.h)
void linear_backward_input(const ConstWeightView& W, const Eigen::Ref<const Matrix>& dZ,
                           const Eigen::Ref<const Matrix>& A, Activation act, Eigen::Ref<Matrix> dX);

// A = act(Z + b): b added to every column of Z, then the activation when given.
// (The decision grid's first layer: Z holds W1[:, 0] x per cell, b = W1[:, 1] y + b1 per row.)
void add_bias_activate(const Eigen::Ref<const Matrix>& Z, const Eigen::Ref<const Vector>& b,
                       std::optional<Activation> act, Eigen::Ref<Matrix> A);

// A layer's W and b for many linear_forward calls on the same weights (a grid's chunks of cells):
// whatever a kernel prepares from them is prepared once. Here nothing; the views must outlive it.
struct PackedLinear {
  ConstWeightView W;
  ConstBiasView b;
  PackedLinear(const ConstWeightView& W, const ConstBiasView& b) : W(W), b(b) {}
};
void linear_forward(const PackedLinear& layer, const Eigen::Ref<const Matrix>& X, Eigen::Ref<Matrix> Z,
                    std::optional<Activation> act = std::nullopt);

}  // namespace portable

namespace simd {

void linear_forward(const ConstWeightView& W, const ConstBiasView& b, const Eigen::Ref<const Matrix>& X,
                    Eigen::Ref<Matrix> Z, std::optional<Activation> act = std::nullopt);
void linear_backward_params(const Eigen::Ref<const Matrix>& dZ, const Eigen::Ref<const Matrix>& X,
                            WeightView dW, BiasView db);
void linear_backward_input(const ConstWeightView& W, const Eigen::Ref<const Matrix>& dZ,
                           const Eigen::Ref<const Matrix>& A, Activation act, Eigen::Ref<Matrix> dX);

void add_bias_activate(const Eigen::Ref<const Matrix>& Z, const Eigen::Ref<const Vector>& b,
                       std::optional<Activation> act, Eigen::Ref<Matrix> A);

// As portable::PackedLinear; wt holds [W^T; b^T] when the many-outputs kernel runs the layer (a
// transpose per call otherwise: for a 1024 x 1024 layer about as long as 64 cells' arithmetic).
struct PackedLinear {
  ConstWeightView W;
  ConstBiasView b;
  std::vector<float> wt;
  PackedLinear(const ConstWeightView& W, const ConstBiasView& b);
};
void linear_forward(const PackedLinear& layer, const Eigen::Ref<const Matrix>& X, Eigen::Ref<Matrix> Z,
                    std::optional<Activation> act = std::nullopt);

}  // namespace simd

#ifdef NNPLAY_SIMD_KERNELS
namespace kernels = simd;
#else
namespace kernels = portable;
#endif

}  // namespace nnplay
