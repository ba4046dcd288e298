// The dense kernels of the hot path, behind one small interface so that a platform can supply
// faster versions (WebAssembly SIMD) checked against these portable Eigen ones.
//   W: out x in (row-major, PyTorch layout)   b: out   X: in x B   Z, dZ: out x B
#pragma once

#include "tensor.h"

namespace nnplay {

// Z = W X + b (bias broadcast over the columns).
void linear_forward(const ConstWeightView& W, const ConstBiasView& b, const Eigen::Ref<const Matrix>& X,
                    Eigen::Ref<Matrix> Z);

// dW += dZ X^T;  db += sum over columns of dZ.   (dL/dW = dL/dZ * X^T, dL/db = sum_B dL/dZ)
void linear_backward_params(const Eigen::Ref<const Matrix>& dZ, const Eigen::Ref<const Matrix>& X,
                            WeightView dW, BiasView db);

// dX = W^T dZ.   (dL/dX = W^T * dL/dZ)
void linear_backward_input(const ConstWeightView& W, const Eigen::Ref<const Matrix>& dZ,
                           Eigen::Ref<Matrix> dX);

}  // namespace nnplay
