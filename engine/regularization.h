// L1 / L2 regularization of the weights, as TensorFlow Playground offers it, done as a PyTorch
// user writes it: the objective is the data loss plus a penalty on every weight matrix (not the
// biases),
//   objective = loss + l1 * sum |W| + l2 * sum W^2
// and autograd gives its gradient,
//   dobjective/dW = dloss/dW + l1 * sign(W) + 2 * l2 * W      (sign(0) = 0, torch.abs's subgradient)
// The reported losses stay the data loss. The optimizers' weight_decay is a separate thing (it acts
// in the update, on biases too).
#pragma once

#include "model.h"

namespace nnplay {

struct Regularization {
  double l1 = 0, l2 = 0;
  bool active() const { return l1 > 0 || l2 > 0; }
};

// Adds the penalty's gradient to model.gradients() (after backward, before the optimizer step).
void add_penalty_gradient(const Regularization& r, Sequential& model);

// The penalty itself, l1 * sum |W| + l2 * sum W^2 (in double), for tests and explanations.
double penalty(const Regularization& r, const Sequential& model);

}  // namespace nnplay
