// model.features (input_features.h): the values of each feature, the first layer's width, and
// that the decision grid and predict() see the same features as training.
#include <catch2/catch.hpp>

#include <cmath>

#include "grid.h"
#include "hidden_space.h"
#include "unit_grid.h"
#include "input_features.h"
#include "experiment.h"

using namespace nnplay;

TEST_CASE("each input feature is computed in float32 from x1 and x2") {
  Matrix x(2, 2);
  x << 0.5f, -2.0f,
       3.0f, 0.25f;
  const std::vector<Feature> all = {Feature::X1, Feature::X2, Feature::X1Squared, Feature::X2Squared,
                                    Feature::X1TimesX2, Feature::SinX1, Feature::SinX2};
  const Matrix f = feature_map(all, x);
  REQUIRE(f.rows() == 7);
  for (int n = 0; n < 2; ++n) {
    const float x1 = x(0, n), x2 = x(1, n);
    CHECK(f(0, n) == x1);
    CHECK(f(1, n) == x2);
    CHECK(f(2, n) == x1 * x1);
    CHECK(f(3, n) == x2 * x2);
    CHECK(f(4, n) == x1 * x2);
    CHECK(f(5, n) == std::sin(x1));
    CHECK(f(6, n) == std::sin(x2));
  }
  CHECK(feature_map({Feature::SinX2, Feature::X1}, x).row(0) == f.row(6));  // in the spec's order
  CHECK(feature_map({}, x) == x);
  for (size_t i = 0; i < feature_names().size(); ++i)
    CHECK(feature_from_name(feature_names()[i]) == all[i]);
}

TEST_CASE("the first layer takes one input per feature and predict applies them") {
  Experiment e(parse_spec(std::string(
      R"({"data": {"name": "circle", "n": 100}, "model": {"hidden": [4], "features": ["x1^2", "x2^2", "x1*x2"]}})")));
  CHECK(e.model().inputs() == 3);
  CHECK(e.inputs().rows() == 3);
  CHECK(e.inputs()(0, 5) == e.data().x(0, 5) * e.data().x(0, 5));
  // predict(point) = the model on the point's features
  Workspace ws;
  const Matrix features = feature_map(e.spec().model.features, e.data().x.col(7));
  const Matrix& z = e.model().forward(features, ws);
  const Prediction p = e.predict({e.data().x(0, 7), e.data().x(1, 7)});
  CHECK(p.logits[0] == z(0, 0));
  CHECK(p.logits[1] == z(1, 0));
}

TEST_CASE("features are computed from the standardized inputs") {
  Experiment e(parse_spec(std::string(
      R"({"data": {"name": "radial", "n": 200, "standardize": true}, "model": {"hidden": [], "features": ["x2^2"]}})")));
  CHECK(e.inputs()(0, 3) == e.data().x(1, 3) * e.data().x(1, 3));
}

TEST_CASE("the decision grid with features matches one prediction per cell") {
  const auto activation = GENERATE(std::string("relu"), std::string("tanh"));
  Experiment e(parse_spec(R"({"data": {"name": "xor", "n": 100}, "model": {"hidden": [6], "activation": ")" + activation +
                          R"js(", "features": ["sin(x1)", "x1*x2", "x2"]}})js"));
  e.train_epochs(3);
  const int w = 7, h = 5;
  std::vector<float> grid(w * h * 2);
  decision_grid(e, w, h, {-5, 5, -4, 4}, grid.data());
  for (int row = 0; row < h; ++row)
    for (int col = 0; col < w; ++col) {
      const double x = -5 + (col + 0.5) * 10.0 / w, y = 4 - (row + 0.5) * 8.0 / h;
      const Prediction p = e.predict({float(x), float(y)});
      CHECK(grid[(row * w + col) * 2 + 1] == Approx(p.probabilities[1]).margin(1e-6));
    }
}

TEST_CASE("the regression grid holds the predicted value") {
  Experiment e(parse_spec(std::string(R"({"data": {"name": "plane", "n": 100}, "model": {"hidden": [3]}})")));
  e.train_epochs(2);
  CHECK(grid_width(e) == 1);
  std::vector<float> grid(4 * 3);
  decision_grid(e, 4, 3, {-6, 6, -6, 6}, grid.data());
  CHECK(grid[4 + 2] == Approx(e.predict({-6 + 2.5 * 3, 6 - 1.5 * 4}).value).margin(1e-6));
}

TEST_CASE("the diagram's maps and the hidden space see the features too") {
  Experiment e(parse_spec(std::string(
      R"({"data": {"name": "circle", "n": 60}, "model": {"hidden": [5], "features": ["x1^2", "x2^2", "x1*x2"]}})")));
  const GridBounds b{-3, 3, -2, 2};
  REQUIRE(unit_grid_units(e, 0, 4, 3, b) == 3);  // one input map per feature
  std::vector<float> inputs(3 * 4 * 3), hidden(5 * 4 * 3);
  unit_grids(e, 0, 4, 3, b, inputs.data());
  unit_grids(e, 1, 4, 3, b, hidden.data());
  const float x = float(-3 + 1.5 * 6.0 / 4), y = float(2 - 0.5 * 4.0 / 3);  // cell (row 0, col 1), as the grid computes it
  CHECK(inputs[(0 * 3 + 0) * 4 + 1] == x * x);
  CHECK(inputs[(2 * 3 + 0) * 4 + 1] == x * y);
  Matrix point(2, 1);
  point << x, y;
  Workspace ws;
  e.model().forward(feature_map(e.spec().model.features, point), ws);
  CHECK(hidden[(2 * 3 + 0) * 4 + 1] == Approx(ws.a[0](2, 0)).margin(1e-6));
  HiddenSpaceOptions o;
  o.bounds = b;
  const HiddenSpace space = hidden_space(e, o);
  CHECK(space.units == 5);
  CHECK(space.points.size() == 2 * 48);  // the 48 training points, each at two coordinates
}
