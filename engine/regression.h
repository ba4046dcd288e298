// Regression: one output z per sample against a real target t (PyTorch 1.13, mean reduction).
//   mse:   nn.MSELoss()             (z - t)^2                       dL/dz = 2 (z - t) / n
//   l1:    nn.L1Loss()              |z - t|                         dL/dz = sign(z - t) / n  (sign(0) = 0)
//   huber: nn.HuberLoss(delta=1)    (z - t)^2 / 2 where |z - t| < 1,
//                                   |z - t| - 1/2 elsewhere         dL/dz = clamp(z - t, -1, 1) / n
// And the metrics a regression split reports, over its n samples, with d = z - t:
//   mae = mean |d|   rmse = sqrt(mean d^2)   r2 = 1 - sum d^2 / sum (t - mean t)^2  (NaN when t is constant)
#pragma once

#include "loss.h"
#include "tensor.h"

namespace nnplay {

// Losses allowed for each task (the spec's names).
bool is_regression_loss(LossKind loss);      // mse, l1, huber
bool is_classification_loss(LossKind loss);  // cross_entropy, bce, mse

// Sum over the B columns of the per-sample terms (divide by B for the mean). When grad is given
// it receives dL/dz for a mean over `n_mean` samples.
double regression_loss_sum(LossKind loss, const Eigen::Ref<const Matrix>& z, const float* targets,
                           Matrix* grad = nullptr, int n_mean = 0);

struct RegressionMetrics {
  double mae = 0, rmse = 0, r2 = 0;
};
RegressionMetrics regression_metrics(const Eigen::Ref<const Matrix>& z, const float* targets);

}  // namespace nnplay
