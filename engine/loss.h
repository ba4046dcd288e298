// Losses, computed from the logits and fused with their output activation (PyTorch 1.13, mean).
//   cross_entropy: softmax + NLL          dL/dz = (softmax(z) - onehot(y)) / n
//   bce:           sigmoid + BCELoss      dL/dz = (sigmoid(z) - y) / n   (PyTorch's clamp kept)
//   mse:           MSELoss vs onehot(y)   dL/dz = 2 (z - onehot(y)) / (n C)
// Each is computed formula for formula as PyTorch 1.13 does in float32 (loss.cpp says how), so
// that edge cases (a confident model, a saturated sigmoid) print PyTorch's numbers; docs/parity.md.
#pragma once

#include <vector>

#include "tensor.h"

namespace nnplay {

enum class LossKind { CrossEntropy, BCE, MSE, L1, Huber };  // L1, Huber: regression only (regression.h)

// Number of model outputs the loss needs for `classes` classes (1 for bce).
int loss_outputs(LossKind loss, int classes);

// The divisor of the mean: n samples, or n * C elements for mse.
double loss_denominator(LossKind loss, int n, int outputs);

// Sum over the B columns of the per-sample loss terms (divide by loss_denominator for the mean).
// When grad is given it receives dL/dz for a mean over `n_mean` samples (n_mean >= B when a batch
// is processed in chunks).
double loss_sum(LossKind loss, const Eigen::Ref<const Matrix>& logits, const int* labels,
                Matrix* grad = nullptr, int n_mean = 0);

// The predicted class of a column as PyTorch picks it: torch.argmax (the first of equal maxima, a
// NaN counts as the largest), or for bce sigmoid(z) >= 0.5 with the float32 sigmoid (so z in about
// (-1.8e-7, 0) is class 1: sigmoid(z) rounds to exactly 0.5 there).
int predict_class(LossKind loss, const Eigen::Ref<const Matrix>& logits, int column);

// Class probabilities of one column: softmax(z), or [1 - p, p] for bce.
std::vector<float> probabilities(LossKind loss, const Eigen::Ref<const Matrix>& logits, int column);

// The probabilities of every column, written column after column: out[i * classes + k], with
// classes = probability_width(loss, logits.rows()).
void probabilities_into(LossKind loss, const Eigen::Ref<const Matrix>& logits, float* out);
int probability_width(LossKind loss, int outputs);

}  // namespace nnplay
