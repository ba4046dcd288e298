#include "regression.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nnplay {

bool is_regression_loss(LossKind loss) {
  return loss == LossKind::MSE || loss == LossKind::L1 || loss == LossKind::Huber;
}

bool is_classification_loss(LossKind loss) {
  return loss == LossKind::CrossEntropy || loss == LossKind::BCE || loss == LossKind::MSE;
}

namespace {

constexpr float kHuberDelta = 1.0f;

// One sample's loss term and its gradient dL/dz before the 1/n.
inline double term(LossKind loss, float d, float* g) {
  switch (loss) {
    case LossKind::L1:
      *g = d > 0.0f ? 1.0f : d < 0.0f ? -1.0f : 0.0f;
      return std::abs(d);
    case LossKind::Huber:
      *g = std::clamp(d, -kHuberDelta, kHuberDelta);
      return std::abs(d) < kHuberDelta ? 0.5 * double(d) * d : kHuberDelta * (std::abs(double(d)) - 0.5 * kHuberDelta);
    default:  // mse
      *g = 2.0f * d;
      return double(d) * d;
  }
}

}  // namespace

double regression_loss_sum(LossKind loss, const Eigen::Ref<const Matrix>& z, const float* targets, Matrix* grad,
                           int n_mean) {
  const Eigen::Index B = z.cols();
  if (grad) grad->resize(1, B);
  const float scale = grad ? float(1.0 / n_mean) : 0.0f;
  double total = 0;
  for (Eigen::Index i = 0; i < B; ++i) {
    float g = 0.0f;
    total += term(loss, z(0, i) - targets[i], &g);
    if (grad) (*grad)(0, i) = std::abs(g * scale) < 1e-30f ? 0.0f : g * scale;  // no subnormals (loss.cpp)
  }
  return total;
}

RegressionMetrics regression_metrics(const Eigen::Ref<const Matrix>& z, const float* targets) {
  const Eigen::Index n = z.cols();
  RegressionMetrics m;
  if (n == 0) return m;
  double abs_sum = 0, sq_sum = 0, t_sum = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double d = double(z(0, i) - targets[i]);
    abs_sum += std::abs(d);
    sq_sum += d * d;
    t_sum += targets[i];
  }
  const double t_mean = t_sum / n;
  double total = 0;  // sum (t - mean t)^2
  for (Eigen::Index i = 0; i < n; ++i) total += (targets[i] - t_mean) * (targets[i] - t_mean);
  m.mae = abs_sum / n;
  m.rmse = std::sqrt(sq_sum / n);
  m.r2 = total > 0 ? 1.0 - sq_sum / total : std::numeric_limits<double>::quiet_NaN();
  return m;
}

}  // namespace nnplay
