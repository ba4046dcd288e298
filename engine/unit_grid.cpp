#include "unit_grid.h"

#include <string>

#include "error.h"
#include "grid_rows.h"
#include "loss.h"

namespace nnplay {

namespace {

constexpr int kMaxSide = 512;

// Writes the chunk's H x m values of one layer into their units' maps.
void scatter(const Eigen::Ref<const Matrix>& values, int row, int col, int w, int h, float* out) {
  for (int u = 0; u < values.rows(); ++u) {
    float* dst = out + (size_t(u) * h + row) * w + col;
    for (int j = 0; j < values.cols(); ++j) dst[j] = values(u, j);
  }
}

// x1 = the cell's x, x2 its y; with model.features, each feature of (x1, x2) (input_features.h).
void input_maps(const std::vector<Feature>& features, int w, int h, const GridBounds& b, float* out) {
  const std::vector<float> xs = grid_rows_detail::cell_xs(w, b);
  Matrix points(2, w);
  for (int col = 0; col < w; ++col) points(0, col) = xs[col];
  for (int row = 0; row < h; ++row) {
    points.row(1).setConstant(float(b.ymax - (row + 0.5) * (b.ymax - b.ymin) / h));
    scatter(feature_map(features, points), row, 0, w, h, out);
  }
}

}  // namespace

int unit_grid_units(const Experiment& e, int layer, int w, int h, const GridBounds& b) {
  const Sequential& model = e.model();
  const int last = model.num_layers();  // the outputs' diagram layer
  if (layer < 0 || layer > last)
    throw SpecError("unitGrids: layer must be 0 (inputs) .. " + std::to_string(last) + " (outputs), got " +
                    std::to_string(layer));
  if (e.data().features() != 2)
    throw SpecError("unitGrids: the data has " + std::to_string(e.data().features()) +
                    " features; maps over the plane need exactly 2");
  check_grid_shape("unitGrids", w, h, kMaxSide, b);
  return layer == 0 ? model.inputs() : model.layer(layer - 1).out;
}

void unit_grids(const Experiment& e, int layer, int w, int h, const GridBounds& b, float* out) {
  const int units = unit_grid_units(e, layer, w, h, b);
  const auto& features = e.spec().model.features;
  if (layer == 0) return input_maps(features, w, h, b, out);
  const Sequential& model = e.model();
  const bool outputs = layer == model.num_layers();
  const LossKind loss = e.spec().loss;
  const int C = probability_width(loss, model.outputs());
  std::vector<float> p(size_t(C) * grid_rows_detail::kCells);  // one chunk's probabilities, cell after cell
  const bool regression = e.data().regression;
  grid_rows_detail::for_grid_rows(model, layer - 1, w, h, b, [&](int row, int col, int m, const std::vector<Matrix>& a) {
    const auto values = a[layer - 1].leftCols(m);
    if (!outputs || regression) return scatter(values, row, col, w, h, out);  // regression: the value
    p.resize(size_t(C) * m);
    probabilities_into(loss, values, p.data());
    const int first = units == 1 && C == 2 ? 1 : 0;  // bce: the one output is p(class 1)
    const Eigen::Map<const Matrix> probs(p.data(), C, m);
    scatter(probs.middleRows(first, units), row, col, w, h, out);
  }, features);
}

}  // namespace nnplay
