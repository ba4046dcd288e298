#include "loss.h"

#include <algorithm>
#include <cmath>

#include "sigmoid.h"

namespace nnplay {

namespace {

// Gradient terms under 1e-30 are stored as 0 (for cross-entropy, softmax(z) - onehot(y) before the
// 1/n, so that the product is not subnormal either). A confident model makes them (softmax(z)_k ~
// 1e-35); they and their products in the backward pass are subnormal floats, which take a slow path
// on x86 that WebAssembly cannot switch off (Adam slowed down 1.6x over 8000 epochs); and their
// share of any weight's gradient, or of Adam's and Adagrad's eps-limited steps, is far below a
// printed digit.
inline float flush_tiny(float g) { return std::abs(g) < 1e-30f ? 0.0f : g; }

// log_softmax as PyTorch computes it: (z - m) - log(sum_k exp(z_k - m)), m = max z. The loss is
// -log_softmax(z)[y]; the gradient exp(log_softmax(z)) - onehot(y), scaled (PyTorch's backward,
// grad - exp(output) * sum(grad)). Forming m + log(sum) first would lose a confident model's small
// loss to cancellation in float32: logits [1010, 1000] gave 26% too much.
double cross_entropy_column(const float* z, int C, int y, float* grad, float scale) {
  const float m = *std::max_element(z, z + C);
  float sum = 0.0f;
  for (int k = 0; k < C; ++k) sum += std::exp(z[k] - m);
  const float log_sum = std::log(sum);
  if (grad)
    for (int k = 0; k < C; ++k)
      grad[k] = scale * flush_tiny(std::exp((z[k] - m) - log_sum) - (k == y ? 1.0f : 0.0f));
  return -((z[y] - m) - log_sum);
}

// nn.Sigmoid, then nn.BCELoss, in float32 as PyTorch 1.13 computes them (PyTorch's clamp of each
// log at -100 kept): p = sigmoid(z),  loss = (y - 1) max(log(1 - p), -100) - y max(log p, -100).
// Backward through both, as PyTorch does: dL/dp = (p - y) / max((1 - p) p, 1e-12) / n (the mean's
// divisor), then dL/dz = dL/dp (1 - p) p.
double bce_column(float z, int y, float* grad, float n) {
  const float p = sigmoid(z);
  const float q = 1.0f - p;
  if (grad) *grad = flush_tiny((p - float(y)) / std::max(q * p, 1e-12f) / n * q * p);
  return (float(y) - 1.0f) * std::max(std::log(q), -100.0f) - float(y) * std::max(std::log(p), -100.0f);
}

// sum_k (z_k - onehot(y)_k)^2, each square in float32 as nn.MSELoss takes it, and the gradient
// 2 (z - onehot) * scale.
double mse_column(const float* z, int C, int y, float* grad, float scale) {
  double sum = 0.0;
  for (int k = 0; k < C; ++k) {
    const float d = z[k] - (k == y ? 1.0f : 0.0f);
    sum += d * d;
    if (grad) grad[k] = flush_tiny(scale * 2.0f * d);
  }
  return sum;
}

}  // namespace

int loss_outputs(LossKind loss, int classes) { return loss == LossKind::BCE ? 1 : classes; }

double loss_denominator(LossKind loss, int n, int outputs) {
  return loss == LossKind::MSE ? double(n) * outputs : double(n);
}

double loss_sum(LossKind loss, const Eigen::Ref<const Matrix>& logits, const int* labels, Matrix* grad,
                int n_mean) {
  const int C = static_cast<int>(logits.rows());
  const int B = static_cast<int>(logits.cols());
  if (grad) grad->resize(C, B);
  const double denominator = grad ? loss_denominator(loss, n_mean, C) : 1.0;
  const float scale = static_cast<float>(1.0 / denominator);
  double total = 0.0;
  for (int i = 0; i < B; ++i) {
    const float* z = logits.col(i).data();
    float* g = grad ? grad->col(i).data() : nullptr;
    switch (loss) {
      case LossKind::CrossEntropy: total += cross_entropy_column(z, C, labels[i], g, scale); break;
      case LossKind::BCE: total += bce_column(z[0], labels[i], g, float(denominator)); break;
      case LossKind::MSE: total += mse_column(z, C, labels[i], g, scale); break;
      default: break;  // the regression losses take real targets: regression.cpp
    }
  }
  return total;
}

int predict_class(LossKind loss, const Eigen::Ref<const Matrix>& logits, int column) {
  // The 0.5 threshold on the float32 sigmoid: for z in about (-1.8e-7, 0) it is exactly 0.5, class 1.
  if (loss == LossKind::BCE) return sigmoid(logits(0, column)) >= 0.5f ? 1 : 0;
  // torch.argmax: the first of equal largest logits; a NaN counts as the largest (the first one).
  const float* z = logits.col(column).data();
  int best = 0;
  for (int k = 1; k < logits.rows() && !std::isnan(z[best]); ++k)
    if (std::isnan(z[k]) || z[k] > z[best]) best = k;
  return best;
}

int probability_width(LossKind loss, int outputs) { return loss == LossKind::BCE ? 2 : outputs; }

void probabilities_into(LossKind loss, const Eigen::Ref<const Matrix>& logits, float* out) {
  const int C = static_cast<int>(logits.rows());
  for (Eigen::Index i = 0; i < logits.cols(); ++i) {
    const float* z = logits.col(i).data();
    if (loss == LossKind::BCE) {
      const float p = sigmoid(z[0]);
      *out++ = 1.0f - p;
      *out++ = p;
      continue;
    }
    // softmax(z) = exp(z - max z) * (1 / sum exp(z - max z)), PyTorch's order: one reciprocal
    const float m = *std::max_element(z, z + C);
    float sum = 0.0f;
    for (int k = 0; k < C; ++k) sum += (out[k] = std::exp(z[k] - m));
    const float inverse = 1.0f / sum;
    for (int k = 0; k < C; ++k) out[k] *= inverse;
    out += C;
  }
}

std::vector<float> probabilities(LossKind loss, const Eigen::Ref<const Matrix>& logits, int column) {
  std::vector<float> out(probability_width(loss, static_cast<int>(logits.rows())));
  probabilities_into(loss, logits.col(column), out.data());
  return out;
}

}  // namespace nnplay
