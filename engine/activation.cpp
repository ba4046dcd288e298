#include "activation.h"

#include <cmath>

#include "sigmoid.h"

namespace nnplay {

void activation_forward(Activation act, Eigen::Ref<Matrix> z) {
  switch (act) {
    case Activation::ReLU:  // a plain loop, so that it vectorizes where Eigen has no SIMD (WebAssembly)
      for (Eigen::Index c = 0; c < z.cols(); ++c) {
        float* zc = z.col(c).data();
        for (Eigen::Index i = 0; i < z.rows(); ++i) zc[i] = zc[i] < 0.0f ? 0.0f : zc[i];  // NaN stays NaN
      }
      break;
    case Activation::Tanh: z = z.array().tanh(); break;
    case Activation::Sigmoid: z = z.unaryExpr([](float v) { return sigmoid(v); }); break;
    case Activation::Linear: break;
  }
}

void activation_backward(Activation act, const Eigen::Ref<const Matrix>& a, Eigen::Ref<Matrix> delta) {
  // Column by column over contiguous memory, so the loops vectorize.
  const Eigen::Index rows = a.rows();
  for (Eigen::Index c = 0; c < a.cols(); ++c) {
    const float* ac = a.col(c).data();
    float* d = delta.col(c).data();
    switch (act) {
      case Activation::ReLU:
        for (Eigen::Index i = 0; i < rows; ++i) d[i] = ac[i] > 0.0f ? d[i] : 0.0f;
        break;
      case Activation::Tanh:
        for (Eigen::Index i = 0; i < rows; ++i) d[i] *= 1.0f - ac[i] * ac[i];
        break;
      case Activation::Sigmoid:
        for (Eigen::Index i = 0; i < rows; ++i) d[i] *= ac[i] * (1.0f - ac[i]);
        break;
      case Activation::Linear: return;  // dL/dz = dL/da
    }
  }
}

}  // namespace nnplay
