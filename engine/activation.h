// Hidden-layer activations, applied in place; the backward pass needs only their output a.
//   ReLU:    a = max(z, 0)          da/dz = [a > 0]
//   Tanh:    a = tanh(z)            da/dz = 1 - a^2
//   Sigmoid: a = 1 / (1 + e^-z)     da/dz = a (1 - a)
//   Linear:  a = z (identity)        da/dz = 1          (TensorFlow Playground's "linear")
#pragma once

#include "tensor.h"

namespace nnplay {

enum class Activation { ReLU, Tanh, Sigmoid, Linear };

void activation_forward(Activation act, Eigen::Ref<Matrix> z);  // z becomes a
// delta (dL/da on entry) becomes dL/dz = dL/da * da/dz.
void activation_backward(Activation act, const Eigen::Ref<const Matrix>& a, Eigen::Ref<Matrix> delta);

}  // namespace nnplay
