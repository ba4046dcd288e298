// Grids over the input plane (the decision grid, each unit's map), computed a grid row at a time in
// chunks of cells, in buffers allocated once.
// A grid is not a batch of unrelated points: along a row only x changes. Two facts use that:
//
// 1. Layer 1 is separable:  z1 = W1[:, 0] x + W1[:, 1] y + b1 = u(col) + v(row),  with
//      u(col) = W1[:, 0] x_col  (one H1 x w matrix for the grid),  v(row) = W1[:, 1] y_row + b1.
//
// 2. With ReLU, layer 2 is piecewise linear along a row (the decision boundary of a ReLU network
//    is made of straight pieces):
//      z2(x) = b2 + sum_o W2[:, o] relu(s_o x + c_o),  s_o = W1[o, 0],  c_o = W1[o, 1] y + b1[o]
//            = A x + C,  A = sum_{o on} W2[:, o] s_o,  C = b2 + sum_{o on} W2[:, o] c_o.
//    Unit o switches on or off at most once along the row, where s_o x + c_o = 0, so walking the
//    cells left to right A and C change only there: H1 updates of H2 numbers per row, instead of
//    H1 x H2 multiply-adds per cell. (Sums in double. A unit that switches right at a cell centre
//    adds about 0 there, whichever side it is counted on.)
//
// The remaining layers run through the engine's kernels; a sink then takes each chunk's layer outputs.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "grid.h"
#include "input_features.h"
#include "kernels.h"

namespace nnplay::grid_rows_detail {

// Cells of a grid row processed at once: their layer outputs stay in the L1 cache.
constexpr int kCells = 64;

// The output of layer 1 (index 0) along a grid row, by fact 1 above. xs: the cells' x.
class SeparableFirstLayer {
 public:
  static constexpr int kLayer = 0;

  SeparableFirstLayer(const Sequential& model, const std::vector<float>& xs)
      : W1_(model.weight(0)), b1_(model.bias(0)), u_(W1_.rows(), xs.size()), v_(W1_.rows()),
        act_(model.num_layers() > 1 ? std::optional(model.activation()) : std::nullopt) {
    for (int col = 0; col < int(xs.size()); ++col) u_.col(col) = W1_.col(0) * xs[col];
  }

  void start_row(float y) { v_ = W1_.col(1) * y + b1_; }

  // a1 = act(u + v) (H1 x m) for the m cells from `col` on.
  void cells(int col, int m, Eigen::Ref<Matrix> a) { kernels::add_bias_activate(u_.middleCols(col, m), v_, act_, a); }

 private:
  const ConstWeightView W1_;
  const ConstBiasView b1_;
  Matrix u_;
  Vector v_;
  const std::optional<Activation> act_;  // none for the linear model: layer 1 gives the logits
};

// The output of layer 2 (index 1) of a ReLU network along a grid row, by fact 2 above.
// xs: the cells' x, dx apart.
class ReluRowSweep {
 public:
  static constexpr int kLayer = 1;

  ReluRowSweep(const Sequential& model, const std::vector<float>& xs, double dx)
      : xs_(xs), dx_(dx), H1_(model.layer(0).out), H2_(model.layer(1).out), W1_(model.weight(0)),
        b1_(model.bias(0)), W2t_(model.weight(1).transpose().cast<double>()), b2_(model.bias(1)),
        A_(H2_), C_(H2_), c_(H1_), flip_(H1_), next_(H1_), hidden_(model.num_layers() > 2) {}

  // Units on at cell 0 go into A and C; the others are listed at the cell where they switch.
  void start_row(float y) {
    std::fill(A_.begin(), A_.end(), 0.0);
    for (int k = 0; k < H2_; ++k) C_[k] = b2_(k);
    first_.assign(xs_.size() + 1, -1);
    const double x0 = xs_.front();
    for (int o = 0; o < H1_; ++o) {
      const double s = W1_(o, 0);
      c_[o] = double(W1_(o, 1)) * y + b1_(o);
      const bool on = s * x0 + c_[o] > 0;
      if (on) toggle(o, +1);
      flip_[o] = on ? -1 : +1;
      // z1 = s x + c changes sign at x = -c / s, that is at the cell index q below; a unit on at
      // cell 0 switches off after q when s < 0, a unit off switches on after q when s > 0.
      if (s == 0 || on == (s > 0)) continue;
      const double q = (-c_[o] / s - x0) / dx_;
      const double k = s > 0 ? std::floor(q) + 1 : std::ceil(q);
      if (!(k < double(xs_.size()))) continue;  // never within the row (or NaN)
      const int cell = std::max(1, int(k));
      next_[o] = first_[cell];
      first_[cell] = o;
    }
  }

  // a2 = relu(z2) (H2 x m; z2 itself when it is the logits) for the m cells from `col` on.
  // Calls follow each other along the row.
  void cells(int col, int m, Eigen::Ref<Matrix> a) {
    for (int j = 0; j < m; ++j) {
      for (int o = first_[col + j]; o >= 0; o = next_[o]) toggle(o, flip_[o]);
      const double x = xs_[col + j];
      float* z = a.col(j).data();
      for (int k = 0; k < H2_; ++k) z[k] = float(A_[k] * x + C_[k]);
    }
    if (hidden_) activation_forward(Activation::ReLU, a);
  }

 private:
  void toggle(int o, int sign) {  // unit o on (+1) or off (-1):  A += W2[:, o] s_o,  C += W2[:, o] c_o
    const double ds = sign * double(W1_(o, 0)), dc = sign * c_[o];
    const double* w2 = W2t_.row(o).data();
    for (int k = 0; k < H2_; ++k) {
      A_[k] += ds * w2[k];
      C_[k] += dc * w2[k];
    }
  }

  const std::vector<float>& xs_;
  const double dx_;
  const int H1_, H2_;
  const ConstWeightView W1_;
  const ConstBiasView b1_;
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> W2t_;  // H1 x H2
  const ConstBiasView b2_;
  std::vector<double> A_, C_, c_;
  std::vector<int> flip_, first_, next_;  // first_[cell], next_[unit]: units switching at each cell
  const bool hidden_;                     // layer 2 is a hidden layer
};

// Layer 1 on model.features of the cells (input_features.h): the features of a chunk of cells,
// then the plain kernel. (Fact 1 does not hold: x1^2, sin(x1) and x1*x2 are not linear in x.)
class FeatureFirstLayer {
 public:
  static constexpr int kLayer = 0;

  FeatureFirstLayer(const Sequential& model, const std::vector<Feature>& features, const std::vector<float>& xs)
      : model_(model), features_(features), xs_(xs), points_(2, kCells),
        act_(model.num_layers() > 1 ? std::optional(model.activation()) : std::nullopt) {}
  void start_row(float y) { points_.row(1).setConstant(y); }
  void cells(int col, int m, Eigen::Ref<Matrix> a) {
    for (int j = 0; j < m; ++j) points_(0, j) = xs_[col + j];
    const Matrix inputs = feature_map(features_, points_.leftCols(m));
    kernels::linear_forward(model_.weight(0), model_.bias(0), inputs, a, act_);
  }

 private:
  const Sequential& model_;
  const std::vector<Feature>& features_;
  const std::vector<float>& xs_;
  Matrix points_;  // 2 x kCells: the cells' (x, y)
  const std::optional<Activation> act_;
};

// Every row of the grid: the first layers by `first`, the others up to layer `last` by the
// engine's kernels; sink(row, col, m, a) then reads the chunk's layer outputs a[l] (H_l x m).
template <class FirstLayers, class Sink>
void grid_rows(FirstLayers first, const Sequential& model, int last, int w, int h, const GridBounds& b, Sink&& sink) {
  const int L = model.num_layers();
  std::vector<Matrix> a(L);  // the layers' outputs for a chunk of cells
  for (int l = FirstLayers::kLayer; l <= last; ++l) a[l].resize(model.layer(l).out, kCells);
  std::vector<kernels::PackedLinear> layers;  // the kernels' layers, prepared once for every chunk
  for (int l = FirstLayers::kLayer + 1; l <= last; ++l) layers.emplace_back(model.weight(l), model.bias(l));
  for (int row = 0; row < h; ++row) {
    first.start_row(float(b.ymax - (row + 0.5) * (b.ymax - b.ymin) / h));
    for (int col = 0; col < w; col += kCells) {
      const int m = std::min(kCells, w - col);
      first.cells(col, m, a[FirstLayers::kLayer].leftCols(m));
      for (int l = FirstLayers::kLayer + 1; l <= last; ++l) {
        const auto act = l + 1 < L ? std::optional(model.activation()) : std::nullopt;
        kernels::linear_forward(layers[l - FirstLayers::kLayer - 1], a[l - 1].leftCols(m), a[l].leftCols(m), act);
      }
      sink(row, col, m, a);
    }
  }
}

// The cells' x centres, as float like any input point.
inline std::vector<float> cell_xs(int w, const GridBounds& b) {
  const double dx = (b.xmax - b.xmin) / w;
  std::vector<float> xs(w);
  for (int col = 0; col < w; ++col) xs[col] = float(b.xmin + (col + 0.5) * dx);
  return xs;
}

// Runs grid_rows with the fastest first layers that give layer `last`: with model.features
// (`features` not empty) the features' first layer; else the ReLU row sweep when it applies (it
// needs finite weights; a diverged model takes the general path, which gives NaN where predict()
// does), else the separable first layer.
template <class Sink>
void for_grid_rows(const Sequential& model, int last, int w, int h, const GridBounds& b, Sink&& sink,
                   const std::vector<Feature>& features = {}) {
  const std::vector<float> xs = cell_xs(w, b);
  const auto& p = model.parameters();
  const bool finite = std::all_of(p.begin(), p.end(), [](float v) { return std::isfinite(v); });
  if (!features.empty())
    grid_rows(FeatureFirstLayer(model, features, xs), model, last, w, h, b, sink);
  else if (last >= 1 && model.num_layers() >= 2 && model.activation() == Activation::ReLU && finite)
    grid_rows(ReluRowSweep(model, xs, (b.xmax - b.xmin) / w), model, last, w, h, b, sink);
  else
    grid_rows(SeparableFirstLayer(model, xs), model, last, w, h, b, sink);
}

}  // namespace nnplay::grid_rows_detail
