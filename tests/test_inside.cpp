// Inside the network (unit_grid.h, hidden_space.h): each unit's map and the hidden-space view,
// checked against plain forward passes of the same points.
#include <catch2/catch.hpp>

#include <cmath>

#include <Eigen/Eigenvalues>

#include "error.h"
#include "hidden_space.h"
#include "unit_grid.h"

using namespace nnplay;
using Catch::Matchers::Contains;

namespace {

// The cell centres of a w x h grid (grid.h), column by column: row-major over the cells.
Matrix cell_points(int w, int h, const GridBounds& b) {
  Matrix X(2, w * h);
  for (int row = 0; row < h; ++row)
    for (int col = 0; col < w; ++col) {
      X(0, row * w + col) = float(b.xmin + (col + 0.5) * ((b.xmax - b.xmin) / w));
      X(1, row * w + col) = float(b.ymax - (row + 0.5) * (b.ymax - b.ymin) / h);
    }
  return X;
}

// The largest difference between a layer's maps and the forward pass's values at the cells.
double max_error(const std::vector<float>& maps, const Matrix& expected) {
  double worst = 0;
  const Eigen::Index cells = expected.cols();
  for (Eigen::Index u = 0; u < expected.rows(); ++u)
    for (Eigen::Index i = 0; i < cells; ++i)
      worst = std::max(worst, double(std::abs(maps[u * cells + i] - expected(u, i))));
  return worst;
}

Experiment trained(const std::string& spec, int epochs) {
  Experiment e(parse_spec(spec));
  e.train_epochs(epochs);
  return e;
}

}  // namespace

TEST_CASE("every layer's unit maps equal the forward pass at the cell centres") {
  const GridBounds b{-3, 4, -2.5, 3};
  const int w = 37, h = 23;  // not multiples of the 64-cell chunks
  const Matrix X = cell_points(w, h, b);
  for (const char* act : {"relu", "tanh"}) {
    CAPTURE(act);
    Experiment e = trained(std::string(R"({"data": {"name": "spiral", "n": 200}, "model": {"hidden": [7, 5], "activation": ")") +
                               act + R"("}, "optimizer": {"name": "adam", "lr": 0.01}})",
                           30);
    Workspace ws;
    e.model().forward(X, ws);
    for (int layer = 0; layer <= 3; ++layer) {
      CAPTURE(layer);
      std::vector<float> maps(size_t(unit_grid_units(e, layer, w, h, b)) * w * h);
      unit_grids(e, layer, w, h, b, maps.data());
      if (layer == 0) {
        CHECK(max_error(maps, X) == 0);
      } else if (layer < 3) {
        CHECK(max_error(maps, ws.a[layer - 1]) < 1e-4);  // relu layer 2 comes from the row sweep
      } else {
        const int C = e.model().outputs();  // spiral: 2 classes
        REQUIRE(maps.size() == size_t(C) * w * h);
        Matrix p(C, X.cols());
        for (Eigen::Index i = 0; i < X.cols(); ++i) {
          const Prediction pr = e.predict({X(0, i), X(1, i)});
          for (int k = 0; k < C; ++k) p(k, i) = pr.probabilities[k];
        }
        CHECK(max_error(maps, p) < 1e-5);
      }
    }
  }
}

TEST_CASE("a bce model's one output map is the probability of class 1") {
  Experiment e = trained(R"({"data": {"name": "xor", "n": 100}, "model": {"hidden": [4]}, "loss": "bce"})", 20);
  const GridBounds b{-1, 1, -1, 1};
  REQUIRE(unit_grid_units(e, 2, 4, 4, b) == 1);
  std::vector<float> maps(4 * 4);
  unit_grids(e, 2, 4, 4, b, maps.data());
  const Prediction corner = e.predict({-0.75, 0.75});  // cell (row 0, col 0)
  CHECK(maps[0] == Approx(corner.probabilities[1]).margin(1e-6));
}

TEST_CASE("unit maps refuse layers and sizes they cannot draw, naming what is allowed") {
  Experiment e(parse_spec(std::string(R"({"model": {"hidden": [4]}})")));
  std::vector<float> maps(4 * 8 * 8);
  CHECK_THROWS_WITH(unit_grids(e, 3, 8, 8, {}, maps.data()), Contains("layer must be 0 (inputs) .. 2 (outputs), got 3"));
  CHECK_THROWS_WITH(unit_grids(e, 1, 513, 8, {}, maps.data()), Contains("1 .. 512"));
  CHECK_THROWS_AS(unit_grids(e, 1, 8, 8, {1, 0, 0, 1}, maps.data()), SpecError);
}

TEST_CASE("the hidden-space view on two units shows their activations") {
  Experiment e = trained(R"({"data": {"name": "circle", "n": 100}, "model": {"hidden": [6, 3]}})", 10);
  HiddenSpaceOptions o;
  o.layer = 1;
  o.unit_x = 4;
  o.unit_y = 1;
  o.bounds = {-1, 1, -1, 1};
  const HiddenSpace v = hidden_space(e, o);
  REQUIRE(v.points.size() == 2 * 80);  // the training split
  REQUIRE(v.lines.size() == size_t(2 * o.lines * o.samples * 2));
  CHECK(v.logits.empty());  // layer 1 is not read by the output layer
  Workspace ws;
  e.model().forward(e.data().x.leftCols(80), ws);
  for (int i = 0; i < 80; ++i) {
    CHECK(v.points[2 * i] == Approx(ws.a[0](4, i)).margin(1e-6));
    CHECK(v.points[2 * i + 1] == Approx(ws.a[0](1, i)).margin(1e-6));
    CHECK(v.labels[i] == e.data().y[i]);
  }
}

TEST_CASE("on a 2-unit last hidden layer the view's affine logits are the model's logits") {
  // With two units the principal directions are a rotation of the whole space: nothing is lost.
  Experiment e = trained(R"({"data": {"name": "radial", "n": 300}, "model": {"hidden": [8, 2], "activation": "tanh"},
    "optimizer": {"name": "adam", "lr": 0.02}})", 40);
  HiddenSpaceOptions o;
  o.layer = 2;
  o.bounds = {-2, 2, -2, 2};
  const HiddenSpace v = hidden_space(e, o);
  REQUIRE(v.logits.size() == 9);
  CHECK(v.variance[0] >= v.variance[1]);
  CHECK(v.variance[0] + v.variance[1] == Approx(1).margin(1e-5));
  const Matrix z = e.logits(e.data().x.leftCols(240));
  for (int i = 0; i < 240; ++i)
    for (int k = 0; k < 3; ++k) {
      const double q1 = v.points[2 * i], q2 = v.points[2 * i + 1];
      CHECK(v.logits[3 * k] * q1 + v.logits[3 * k + 1] * q2 + v.logits[3 * k + 2] == Approx(z(k, i)).margin(1e-4));
    }
}

TEST_CASE("the hidden-space view refuses what it cannot show") {
  Experiment linear(parse_spec(std::string(R"({"model": {"hidden": []}})")));
  CHECK_THROWS_WITH(hidden_space(linear, {}), Contains("no hidden layer"));
  Experiment mlp(parse_spec(std::string(R"({"model": {"hidden": [4]}})")));
  HiddenSpaceOptions o;
  o.layer = 2;
  CHECK_THROWS_WITH(hidden_space(mlp, o), Contains("layer must be a hidden layer, 1 .. 1, got 2"));
  o.layer = 1;
  o.unit_x = 0;
  o.unit_y = 0;
  CHECK_THROWS_WITH(hidden_space(mlp, o), Contains("two different units 0 .. 3"));
}

TEST_CASE("the default view's axes are the activations' top two principal directions") {
  Experiment e = trained(R"({"data": {"name": "spiral", "n": 300}, "model": {"hidden": [6]},
    "optimizer": {"name": "adam", "lr": 0.02}})", 30);
  HiddenSpaceOptions o;
  o.bounds = {-1, 1, -1, 1};
  const HiddenSpace v = hidden_space(e, o);
  Workspace ws;
  e.model().forward(e.data().x.leftCols(e.data().split_size(Split::Train)), ws);
  const Eigen::MatrixXd A = ws.a[0].cast<double>();
  const Eigen::MatrixXd centered = A.colwise() - A.rowwise().mean();
  const Eigen::MatrixXd cov = centered * centered.transpose() / double(A.cols() - 1);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> reference(cov);  // ascending eigenvalues
  for (int k = 0; k < 2; ++k) {
    CAPTURE(k);
    Eigen::VectorXd axis(6);
    for (int u = 0; u < 6; ++u) axis(u) = v.axes[k * 6 + u];
    CHECK(std::abs(axis.dot(reference.eigenvectors().col(5 - k))) == Approx(1).margin(1e-4));
    CHECK(v.variance[k] * cov.trace() == Approx(reference.eigenvalues()(5 - k)).epsilon(1e-4));
  }
}

TEST_CASE("the hidden-space view of a one-unit layer and of a diverged model is drawn, not a crash") {
  // One unit has one direction: the second axis is 0. (This recursed until the stack ran out.)
  Experiment one = trained(R"({"data": {"name": "gauss", "n": 100}, "model": {"hidden": [1], "activation": "sigmoid"}})", 3);
  HiddenSpaceOptions o;
  o.bounds = {-1, 1, -1, 1};
  const HiddenSpace v = hidden_space(one, o);
  REQUIRE(v.axes.size() == 2);  // 2 x 1
  CHECK(std::abs(v.axes[0]) == Approx(1));
  CHECK(v.axes[1] == 0);
  CHECK(v.variance[1] == 0);
  // A model whose weights are NaN: the view returns (its numbers NaN, as the model's are).
  Experiment diverged(parse_spec(std::string(R"({"data": {"name": "circle", "n": 100}, "model": {"hidden": [5]}})")));
  for (float& p : diverged.model().parameters()) p = std::nanf("");
  const HiddenSpace d = hidden_space(diverged, o);
  CHECK(d.axes.size() == 2 * 5);
  CHECK(d.points.size() == 2 * 80);
}
