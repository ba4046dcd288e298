#include "loss.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

namespace {

// Gradient terms under 1e-30 are stored as 0 (for cross-entropy, softmax(z) - onehot(y) before the
// 1/n, so that the product is not subnormal either). A confident model makes them (softmax(z)_k ~
// 1e-35); they and their products in the backward pass are subnormal floats, which take a slow path
// on x86 that WebAssembly cannot switch off (Adam slowed down 1.6x over 8000 epochs); and their
// share of any weight's gradient, or of Adam's and Adagrad's eps-limited steps, is far below a
// printed digit.
inline float flush_tiny(float g) { return std::abs(g) < 1e-30f ? 0.0f : g; }

inline float sigmoid(float z) {
  if (z >= 0) return 1.0f / (1.0f + std::exp(-z));
  const float e = std::exp(z);
  return e / (1.0f + e);
}

// -log softmax(z)[y] = logsumexp(z) - z[y], and optionally softmax(z) - onehot(y) scaled.
double cross_entropy_column(const float* z, int C, int y, float* grad, float scale) {
  const float m = *std::max_element(z, z + C);
  float sum = 0.0f;
  for (int k = 0; k < C; ++k) sum += std::exp(z[k] - m);
  const float lse = m + std::log(sum);
  if (grad)
    for (int k = 0; k < C; ++k) grad[k] = scale * flush_tiny(std::exp(z[k] - lse) - (k == y ? 1.0f : 0.0f));
  return double(lse) - z[y];
}

// nn.BCELoss on p = sigmoid(z): -(y max(log p, -100) + (1-y) max(log(1-p), -100)).
// Backward through both, as PyTorch does: dL/dp = (p - y) / max(p (1 - p), 1e-12), dp/dz = p (1 - p).
double bce_column(float z, int y, float* grad, float scale) {
  const float p = sigmoid(z);
  const double log_p = std::max(std::log(double(p)), -100.0);
  const double log_1mp = std::max(std::log(1.0 - double(p)), -100.0);
  if (grad) {
    const float pq = p * (1.0f - p);
    *grad = flush_tiny(scale * (p - float(y)) / std::max(pq, 1e-12f) * pq);
  }
  return -(y * log_p + (1 - y) * log_1mp);
}

// sum_k (z_k - onehot(y)_k)^2 and its gradient 2 (z - onehot) * scale.
double mse_column(const float* z, int C, int y, float* grad, float scale) {
  double sum = 0.0;
  for (int k = 0; k < C; ++k) {
    const float d = z[k] - (k == y ? 1.0f : 0.0f);
    sum += double(d) * d;
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
  const float scale = grad ? static_cast<float>(1.0 / loss_denominator(loss, n_mean, C)) : 0.0f;
  double total = 0.0;
  for (int i = 0; i < B; ++i) {
    const float* z = logits.col(i).data();
    float* g = grad ? grad->col(i).data() : nullptr;
    switch (loss) {
      case LossKind::CrossEntropy: total += cross_entropy_column(z, C, labels[i], g, scale); break;
      case LossKind::BCE: total += bce_column(z[0], labels[i], g, scale); break;
      case LossKind::MSE: total += mse_column(z, C, labels[i], g, scale); break;
      default: break;  // the regression losses take real targets: regression.cpp
    }
  }
  return total;
}

int predict_class(LossKind loss, const Eigen::Ref<const Matrix>& logits, int column) {
  if (loss == LossKind::BCE) return logits(0, column) >= 0.0f ? 1 : 0;
  Eigen::Index best;
  logits.col(column).maxCoeff(&best);
  return static_cast<int>(best);
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
    // softmax(z) = exp(z - max z) / sum exp(z - max z)
    const float m = *std::max_element(z, z + C);
    float sum = 0.0f;
    for (int k = 0; k < C; ++k) sum += (out[k] = std::exp(z[k] - m));
    for (int k = 0; k < C; ++k) out[k] /= sum;
    out += C;
  }
}

std::vector<float> probabilities(LossKind loss, const Eigen::Ref<const Matrix>& logits, int column) {
  std::vector<float> out(probability_width(loss, static_cast<int>(logits.rows())));
  probabilities_into(loss, logits.col(column), out.data());
  return out;
}

}  // namespace nnplay
