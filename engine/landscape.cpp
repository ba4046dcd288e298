#include "landscape.h"

#include <cmath>
#include <string>

#include "error.h"
#include "regression.h"

namespace nnplay {

void check_loss_landscape(const Experiment& e, int i, int j, const GridBounds& b, int w, int h) {
  const Sequential& model = e.model();
  const int count = static_cast<int>(model.parameters().size());
  if (i < 0 || j < 0 || i >= count || j >= count || i == j)
    throw SpecError("loss landscape: parameters must be two different indices in 0 .. " + std::to_string(count - 1) +
                    ", got " + std::to_string(i) + " and " + std::to_string(j));
  check_grid_shape("loss landscape", w, h, 512, b);
  const int n = e.data().split_size(Split::Train);
  if (n == 0) throw SpecError("loss landscape: the training split is empty");
  if (double(w) * h * n > kMaxLandscapeWork)
    throw SpecError("loss landscape: " + std::to_string(w) + " x " + std::to_string(h) + " cells over " +
                    std::to_string(n) + " training rows is too much work; use a smaller grid or dataset");
}

void loss_landscape(const Experiment& e, int i, int j, const GridBounds& b, int w, int h, float* out) {
  check_loss_landscape(e, i, j, b, w, h);
  const Sequential& model = e.model();
  const int n = e.data().split_size(Split::Train);

  Sequential probe = model;  // the trained model stays untouched
  Workspace ws;
  const auto X = e.inputs().leftCols(n);  // after model.features
  const LossKind loss = e.spec().loss;
  const double denominator = loss_denominator(loss, n, model.outputs());
  for (int row = 0; row < h; ++row) {
    probe.parameters()[j] = float(b.ymax - (row + 0.5) * (b.ymax - b.ymin) / h);
    for (int col = 0; col < w; ++col) {
      probe.parameters()[i] = float(b.xmin + (col + 0.5) * (b.xmax - b.xmin) / w);
      const Matrix& z = probe.forward(X, ws);
      const double sum = e.data().regression ? regression_loss_sum(loss, z, e.data().target.data())
                                             : loss_sum(loss, z, e.data().y.data());
      out[size_t(row) * w + col] = float(sum / denominator);
    }
  }
}

}  // namespace nnplay
