// The portable kernels: Eigen expressions, the reference the simd ones are tested against.
#include "kernels.h"

namespace nnplay::portable {

void linear_forward(const ConstWeightView& W, const ConstBiasView& b, const Eigen::Ref<const Matrix>& X,
                    Eigen::Ref<Matrix> Z, std::optional<Activation> act) {
  Z.noalias() = W * X;
  Z.colwise() += b;
  if (act) activation_forward(*act, Z);
}

void linear_forward(const PackedLinear& layer, const Eigen::Ref<const Matrix>& X, Eigen::Ref<Matrix> Z,
                    std::optional<Activation> act) {
  linear_forward(layer.W, layer.b, X, Z, act);
}

void linear_backward_params(const Eigen::Ref<const Matrix>& dZ, const Eigen::Ref<const Matrix>& X,
                            WeightView dW, BiasView db) {
  dW.noalias() += dZ * X.transpose();
  db += dZ.rowwise().sum();
}

void linear_backward_input(const ConstWeightView& W, const Eigen::Ref<const Matrix>& dZ,
                           const Eigen::Ref<const Matrix>& A, Activation act, Eigen::Ref<Matrix> dX) {
  dX.noalias() = W.transpose() * dZ;
  activation_backward(act, A, dX);
}

void add_bias_activate(const Eigen::Ref<const Matrix>& Z, const Eigen::Ref<const Vector>& b,
                       std::optional<Activation> act, Eigen::Ref<Matrix> A) {
  A = Z.colwise() + b;
  if (act) activation_forward(*act, A);
}

}  // namespace nnplay::portable
