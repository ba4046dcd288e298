#include "kernels.h"

namespace nnplay {

void linear_forward(const ConstWeightView& W, const ConstBiasView& b, const Eigen::Ref<const Matrix>& X,
                    Eigen::Ref<Matrix> Z) {
  Z.noalias() = W * X;
  Z.colwise() += b;
}

void linear_backward_params(const Eigen::Ref<const Matrix>& dZ, const Eigen::Ref<const Matrix>& X,
                            WeightView dW, BiasView db) {
  dW.noalias() += dZ * X.transpose();
  db += dZ.rowwise().sum();
}

void linear_backward_input(const ConstWeightView& W, const Eigen::Ref<const Matrix>& dZ,
                           Eigen::Ref<Matrix> dX) {
  dX.noalias() = W.transpose() * dZ;
}

}  // namespace nnplay
