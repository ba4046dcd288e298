// The simd kernels against the portable (Eigen) ones on random shapes, edges included: sizes that
// are not multiples of 4, one column, in = 1, out = 1, strided views. Then the decision grid's
// shortcuts (separable layer 1, the ReLU row sweep) against one prediction per cell.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "grid.h"
#include "kernels.h"
#include "loss.h"
#include "random.h"
#include "spec.h"

using namespace nnplay;

namespace {

struct Shape {
  int in, out, B;
};
// The tutorial's layers first (2 -> 200 -> 3 on chunks of 256), then edges.
const Shape kShapes[] = {{2, 200, 256}, {200, 3, 256}, {1, 1, 1},   {1, 5, 3},   {5, 1, 7},  {3, 9, 6},
                         {7, 2, 5},     {9, 3, 1},     {13, 17, 11}, {17, 13, 9}, {4, 4, 4},  {8, 8, 8},
                         {6, 10, 2},    {2, 3, 1},     {33, 31, 5},  {200, 200, 7}};

const std::optional<Activation> kActivations[] = {std::nullopt, Activation::ReLU, Activation::Tanh,
                                                  Activation::Sigmoid};

Matrix random_matrix(int rows, int cols, NumpyRandom& rng) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = float(2 * rng.rand() - 1);
  return m;
}

// A rows x cols block at (1, 2) of a matrix filled with `fill`, so the views have a leading
// dimension larger than their row count, and writes outside the block can be seen.
struct Padded {
  Matrix whole;
  Padded(int rows, int cols, float fill) : whole(Matrix::Constant(rows + 3, cols + 4, fill)) {}
  Eigen::Block<Matrix> view() { return whole.block(1, 2, whole.rows() - 3, whole.cols() - 4); }
  bool border_is(float fill) const {
    Matrix copy = whole;
    copy.block(1, 2, whole.rows() - 3, whole.cols() - 4).setConstant(fill);
    return (copy.array() == fill).all();
  }
};

// Equal up to float summation order: |ours - reference| <= 1e-5 of the largest |reference|.
bool close(const Eigen::Ref<const Matrix>& ours, const Eigen::Ref<const Matrix>& reference) {
  const float scale = std::max(1.0f, reference.cwiseAbs().maxCoeff());
  return ((ours - reference).cwiseAbs().array() <= 1e-5f * scale).all();
}

// A random layer of shape s (W drawn first, then b) and the row-major views the kernels take.
struct RandomLayer {
  Matrix W, b;
  ConstWeightView Wv;
  ConstBiasView bv;
  RandomLayer(const Shape& s, NumpyRandom& rng)
      : W(random_matrix(s.out, s.in, rng)), b(random_matrix(s.out, 1, rng)), Wv(W.data(), s.out, s.in),
        bv(b.data(), s.out) {}
  RandomLayer(const RandomLayer&) = delete;  // the views point into W and b
};

std::string describe(const Shape& s, std::optional<Activation> act) {
  return "in " + std::to_string(s.in) + " out " + std::to_string(s.out) + " B " + std::to_string(s.B) +
         " activation " + (act ? std::to_string(int(*act)) : "none");
}

}  // namespace

TEST_CASE("simd linear_forward matches the portable kernel") {
  NumpyRandom rng(1);
  for (const Shape& s : kShapes)
    for (const auto act : kActivations) {
      INFO(describe(s, act));
      const RandomLayer layer(s, rng);
      Padded X(s.in, s.B, 0.0f);
      X.view() = random_matrix(s.in, s.B, rng);
      Matrix reference(s.out, s.B);
      portable::linear_forward(layer.Wv, layer.bv, X.view(), reference, act);
      Padded Z(s.out, s.B, 7.0f);
      simd::linear_forward(layer.Wv, layer.bv, X.view(), Z.view(), act);
      CHECK(close(Z.view(), reference));
      CHECK(Z.border_is(7.0f));
    }
}

TEST_CASE("a packed layer gives linear_forward's numbers, bit for bit, call after call") {
  NumpyRandom rng(7);
  for (const Shape& s : kShapes)
    for (const auto act : kActivations) {
      INFO(describe(s, act));
      const RandomLayer layer(s, rng);
      const simd::PackedLinear packed(layer.Wv, layer.bv);
      const portable::PackedLinear packed_portable(layer.Wv, layer.bv);
      for (int call = 0; call < 2; ++call) {  // the second call reuses what the first one used
        const Matrix X = random_matrix(s.in, s.B, rng);
        Matrix direct(s.out, s.B), reference(s.out, s.B);
        simd::linear_forward(layer.Wv, layer.bv, X, direct, act);
        Padded Z(s.out, s.B, 7.0f);
        simd::linear_forward(packed, X, Z.view(), act);
        CHECK((Z.view().array() == direct.array()).all());
        CHECK(Z.border_is(7.0f));
        portable::linear_forward(packed_portable, X, reference, act);
        CHECK(close(reference, direct));
      }
    }
}

TEST_CASE("simd linear_backward_params matches the portable kernel") {
  NumpyRandom rng(2);
  for (const Shape& s : kShapes) {
    INFO(describe(s, std::nullopt));
    const Matrix dZ = random_matrix(s.out, s.B, rng), X = random_matrix(s.in, s.B, rng);
    const Matrix dW0 = random_matrix(s.out, s.in, rng), db0 = random_matrix(s.out, 1, rng);  // += onto these
    Matrix dW_ref = dW0, db_ref = db0, dW = dW0, db = db0;
    portable::linear_backward_params(dZ, X, WeightView(dW_ref.data(), s.out, s.in), BiasView(db_ref.data(), s.out));
    simd::linear_backward_params(dZ, X, WeightView(dW.data(), s.out, s.in), BiasView(db.data(), s.out));
    CHECK(close(dW, dW_ref));
    CHECK(close(db, db_ref));
  }
}

TEST_CASE("simd linear_backward_input matches the portable kernel") {
  NumpyRandom rng(3);
  for (const Shape& s : kShapes)
    for (const Activation act : {Activation::ReLU, Activation::Tanh, Activation::Sigmoid}) {
      INFO(describe(s, act));
      const Matrix W = random_matrix(s.out, s.in, rng), dZ = random_matrix(s.out, s.B, rng);
      Matrix A = random_matrix(s.in, s.B, rng);
      activation_forward(act, A);  // A is what the activation gives
      const ConstWeightView Wv(W.data(), s.out, s.in);
      Matrix reference(s.in, s.B);
      portable::linear_backward_input(Wv, dZ, A, act, reference);
      Padded dX(s.in, s.B, 7.0f);
      simd::linear_backward_input(Wv, dZ, A, act, dX.view());
      CHECK(close(dX.view(), reference));
      CHECK(dX.border_is(7.0f));
    }
}

TEST_CASE("simd add_bias_activate matches the portable kernel") {
  NumpyRandom rng(4);
  for (const Shape& s : kShapes)
    for (const auto act : kActivations) {
      INFO(describe(s, act));
      const Matrix Z = random_matrix(s.out, s.B, rng);
      const Vector b = random_matrix(s.out, 1, rng);
      Matrix reference(s.out, s.B);
      portable::add_bias_activate(Z, b, act, reference);
      Padded A(s.out, s.B, 7.0f);
      simd::add_bias_activate(Z, b, act, A.view());
      CHECK(close(A.view(), reference));
      CHECK(A.border_is(7.0f));
    }
}

TEST_CASE("a NaN input stays NaN through ReLU in both kernels so that divergence is seen") {
  NumpyRandom rng(5);
  const Matrix W = random_matrix(9, 3, rng), b = random_matrix(9, 1, rng);
  Matrix X = random_matrix(3, 6, rng);
  X(1, 4) = std::numeric_limits<float>::quiet_NaN();
  Matrix Zp(9, 6), Zs(9, 6);
  portable::linear_forward(ConstWeightView(W.data(), 9, 3), ConstBiasView(b.data(), 9), X, Zp, Activation::ReLU);
  simd::linear_forward(ConstWeightView(W.data(), 9, 3), ConstBiasView(b.data(), 9), X, Zs, Activation::ReLU);
  CHECK(Zp.col(4).array().isNaN().all());
  CHECK(Zs.col(4).array().isNaN().all());
}

TEST_CASE("the kernel comparison catches one element off by 0.1 percent") {
  NumpyRandom rng(6);
  const Matrix W = random_matrix(200, 2, rng), b = random_matrix(200, 1, rng), X = random_matrix(2, 37, rng);
  Matrix reference(200, 37), Z(200, 37);
  portable::linear_forward(ConstWeightView(W.data(), 200, 2), ConstBiasView(b.data(), 200), X, reference);
  simd::linear_forward(ConstWeightView(W.data(), 200, 2), ConstBiasView(b.data(), 200), X, Z);
  REQUIRE(close(Z, reference));
  Eigen::Index r, c;
  reference.cwiseAbs().maxCoeff(&r, &c);
  Z(199, 36) += 1e-3f * std::abs(reference(r, c));  // the last element: a tail a kernel could skip
  CHECK_FALSE(close(Z, reference));
}

namespace {

// The largest difference between a w x h decision grid and Experiment::predict at each cell centre.
double grid_vs_predictions(const Experiment& e, int w, int h, const GridBounds& b) {
  const int C = probability_width(e.spec().loss, e.model().outputs());
  std::vector<float> grid(size_t(w) * h * C);
  decision_grid(e, w, h, b, grid.data());
  double worst = 0;
  for (int row = 0; row < h; ++row)
    for (int col = 0; col < w; ++col) {
      const double x = b.xmin + (col + 0.5) * (b.xmax - b.xmin) / w;
      const double y = b.ymax - (row + 0.5) * (b.ymax - b.ymin) / h;
      const Prediction p = e.predict({x, y});
      for (int k = 0; k < C; ++k)
        worst = std::max(worst, double(std::abs(grid[(size_t(row) * w + col) * C + k] - p.probabilities[k])));
    }
  return worst;
}

}  // namespace

TEST_CASE("the decision grid matches one prediction per cell for every kind of model") {
  // ReLU networks take the row sweep; the others the separable first layer.
  const char* specs[] = {
      R"({"model": {"hidden": [200]}})",  // tutorial 001
      R"({"data": {"name": "circle"}, "model": {"hidden": [5, 4]}, "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.5}})",
      R"({"data": {"name": "xor"}, "model": {"hidden": [3]}, "loss": "mse", "optimizer": {"name": "adam", "lr": 0.05}})",
      R"({"data": {"name": "circle"}, "model": {"hidden": [6], "activation": "tanh"}, "optimizer": {"name": "sgd", "lr": 0.5}})",
      R"({"data": {"name": "gauss"}, "model": {"hidden": [4, 3], "activation": "sigmoid"}})",
      R"({"model": {"hidden": []}, "optimizer": {"name": "sgd", "lr": 0.5}})",
      R"({"data": {"name": "spiral"}, "model": {"hidden": [7, 9, 5]}, "loss": "bce", "optimizer": {"name": "adam", "lr": 0.05}})",
  };
  for (const char* spec : specs) {
    INFO(spec);
    Experiment e(parse_spec(std::string(spec)));
    e.train_epochs(5);
    CHECK(grid_vs_predictions(e, 65, 3, {-4, 4, -4, 4}) <= 1e-5);  // 65: one more than a chunk
    CHECK(grid_vs_predictions(e, 1, 1, {-1, 2, -3, 1}) <= 1e-5);
    CHECK(grid_vs_predictions(e, 13, 7, {-6, 8, -3, 2}) <= 1e-5);
  }
  Experiment tutorial(parse_spec(std::string("{}")));
  tutorial.train_epochs(30);
  CHECK(grid_vs_predictions(tutorial, 200, 200, {-4, 4, -4, 4}) <= 1e-5);  // the page's heatmap
}

TEST_CASE("the ReLU row sweep handles units that switch at a cell centre or never") {
  Experiment e(parse_spec(std::string(R"({"data": {"name": "circle"}, "model": {"hidden": [6]}})")));
  // z1 = W1 (x, y) + b1 on cells centred at x = -0.8, -0.4, 0, 0.4, 0.8:
  e.set_weights({{{{1, 0},           // switches on exactly at the centre x = 0
                   {0, 1},           // constant along a row: on for y > 0
                   {0, 0},           // never on
                   {-1, 0.5f},       // switches off somewhere inside the rows
                   {1e-30f, 1},      // slope too small to switch within the grid
                   {-3, 0}},         // on at the left, off from x = 0.1
                  {0, -0.25f, 0, 0.2f, 0.1f, 0.3f}},
                 {{{1, -2, 3, 0.5f, -1, 2}, {-1, 1, 0.5f, -2, 1, 0.25f}}, {0.1f, -0.1f}}});
  CHECK(grid_vs_predictions(e, 5, 5, {-1, 1, -1, 1}) <= 1e-5);
  CHECK(grid_vs_predictions(e, 4, 9, {-1, 1, -1, 1}) <= 1e-5);
  CHECK(grid_vs_predictions(e, 200, 3, {-2, 2, -1, 1}) <= 1e-5);
}

TEST_CASE("a diverged ReLU model's grid is what predict gives with NaN included") {
  Experiment e(parse_spec(std::string(R"({"model": {"hidden": [20]}, "optimizer": {"name": "sgd", "lr": 1e30}})")));
  e.train_epochs(50);
  REQUIRE(e.status() == Status::Diverged);
  const int w = 9, h = 4;
  std::vector<float> grid(w * h * 3);
  decision_grid(e, w, h, {-4, 4, -4, 4}, grid.data());
  int nan_cells = 0;
  for (int row = 0; row < h; ++row)
    for (int col = 0; col < w; ++col) {
      const Prediction p = e.predict({-4 + (col + 0.5) * 8 / w, 4 - (row + 0.5) * 8 / h});
      for (int k = 0; k < 3; ++k) {
        const float g = grid[(row * w + col) * 3 + k];
        CHECK(std::isnan(g) == std::isnan(p.probabilities[k]));
        if (!std::isnan(g)) CHECK(std::abs(g - p.probabilities[k]) <= 1e-5);
        nan_cells += std::isnan(g);
      }
    }
  CAPTURE(nan_cells);
}
