#include "activation.h"

#include <cmath>

namespace nnplay {

namespace {
// 1 / (1 + exp(-z)) without overflow for large |z|.
inline float sigmoid(float z) {
  if (z >= 0) return 1.0f / (1.0f + std::exp(-z));
  const float e = std::exp(z);
  return e / (1.0f + e);
}
}  // namespace

void activation_forward(Activation act, Eigen::Ref<Matrix> z) {
  switch (act) {
    case Activation::ReLU: z = z.cwiseMax(0.0f); break;
    case Activation::Tanh: z = z.array().tanh(); break;
    case Activation::Sigmoid: z = z.unaryExpr([](float v) { return sigmoid(v); }); break;
  }
}

void activation_backward(Activation act, const Eigen::Ref<const Matrix>& a, Eigen::Ref<Matrix> delta) {
  switch (act) {
    case Activation::ReLU:
      delta = (a.array() > 0.0f).select(delta, 0.0f);
      break;
    case Activation::Tanh:
      delta.array() *= 1.0f - a.array().square();
      break;
    case Activation::Sigmoid:
      delta.array() *= a.array() * (1.0f - a.array());
      break;
  }
}

}  // namespace nnplay
