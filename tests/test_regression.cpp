// Regression (regression.h): the three losses' gradients against finite differences through a
// small MLP, the metrics on numbers worked by hand, TensorFlow Playground's two datasets, and the
// output lines of a regression run.
#include <catch2/catch.hpp>

#include <cmath>

#include "data_loader.h"
#include "experiment.h"
#include "regression.h"
#include "report.h"

using namespace nnplay;
using Catch::Matchers::Contains;

namespace {

double mean_loss(const Sequential& model, const Matrix& x, const std::vector<float>& t, LossKind loss) {
  Workspace ws;
  return regression_loss_sum(loss, model.forward(x, ws), t.data()) / double(t.size());
}

}  // namespace

TEST_CASE("regression losses: backward matches finite differences") {
  const auto loss = GENERATE(LossKind::MSE, LossKind::L1, LossKind::Huber);
  CAPTURE(int(loss));
  NumpyRandom rng(5);
  Matrix x(2, 9);
  std::vector<float> t(9);
  for (int i = 0; i < 9; ++i) {
    x(0, i) = float(4 * rng.rand() - 2);
    x(1, i) = float(4 * rng.rand() - 2);
    t[i] = float(6 * rng.rand() - 3);  // some within Huber's delta of the output, some beyond
  }
  Sequential model(2, {5}, 1, Activation::Tanh);
  model.reset_parameters(2);
  Workspace ws;
  model.zero_grad();
  model.forward(x, ws);
  regression_loss_sum(loss, ws.a.back(), t.data(), &ws.delta.back(), 9);
  model.backward(x, ws);
  const std::vector<float> analytic = model.gradients();
  auto& w = model.parameters();
  const float h = 1e-3f;
  for (size_t i = 0; i < w.size(); ++i) {
    const float saved = w[i];
    w[i] = saved + h;
    const double up = mean_loss(model, x, t, loss);
    w[i] = saved - h;
    const double down = mean_loss(model, x, t, loss);
    w[i] = saved;
    const double numeric = (up - down) / (2.0 * double(h));
    CAPTURE(i, numeric, analytic[i]);
    CHECK(std::abs(numeric - analytic[i]) <= 2e-3 + 2e-2 * std::abs(numeric));
  }
}

TEST_CASE("regression losses and metrics on numbers worked by hand") {
  Matrix z(1, 4);
  z << 1.0f, 2.0f, 3.0f, 7.0f;
  const std::vector<float> t = {1.0f, 1.5f, 4.0f, 4.0f};  // d = 0, 0.5, -1, 3
  CHECK(regression_loss_sum(LossKind::MSE, z, t.data()) == Approx(0 + 0.25 + 1 + 9));
  CHECK(regression_loss_sum(LossKind::L1, z, t.data()) == Approx(0 + 0.5 + 1 + 3));
  // Huber, delta 1: d^2 / 2 inside, |d| - 1/2 outside (|d| = 1 is outside: 0.5 either way)
  CHECK(regression_loss_sum(LossKind::Huber, z, t.data()) == Approx(0 + 0.125 + 0.5 + 2.5));
  Matrix g;
  regression_loss_sum(LossKind::L1, z, t.data(), &g, 4);
  CHECK(g(0, 0) == 0.0f);  // sign(0) = 0, as autograd's abs
  CHECK(g(0, 1) == 0.25f);
  CHECK(g(0, 2) == -0.25f);
  regression_loss_sum(LossKind::Huber, z, t.data(), &g, 4);
  CHECK(g(0, 3) == 0.25f);  // clamp(3, -1, 1) / 4
  const RegressionMetrics m = regression_metrics(z, t.data());
  CHECK(m.mae == Approx(4.5 / 4));
  CHECK(m.rmse == Approx(std::sqrt(10.25 / 4)));
  // mean t = 2.625; sum (t - mean)^2 = 2.640625 + 1.265625 + 1.890625 + 1.890625 = 7.6875
  CHECK(m.r2 == Approx(1 - 10.25 / 7.6875));
  const std::vector<float> constant = {2, 2, 2, 2};
  CHECK(std::isnan(regression_metrics(z, constant.data()).r2));
}

TEST_CASE("plane and multi_gauss are TensorFlow Playground's regression sets") {
  const Spec plane = parse_spec(std::string(R"({"data": {"name": "plane", "n": 300}})"));
  CHECK(plane.task == Task::Regression);
  CHECK(plane.loss == LossKind::MSE);
  const Dataset d = load_dataset(plane.data, plane.seed);
  REQUIRE(d.regression);
  REQUIRE(d.target.size() == 300);
  CHECK(d.classes == 1);
  for (int i = 0; i < d.size(); ++i) {
    CHECK(std::abs(d.x(0, i)) <= 6.0f);
    CHECK(d.target[i] == Approx((double(d.x(0, i)) + d.x(1, i)) / 10).margin(1e-6));  // no noise: t = (x1 + x2) / 10
  }
  const Spec gauss = parse_spec(std::string(R"({"data": {"name": "multi_gauss", "n": 2000}})"));
  const Dataset g = load_dataset(gauss.data, gauss.seed);
  int positive = 0, negative = 0;
  for (int i = 0; i < g.size(); ++i) {
    CHECK(std::abs(g.target[i]) <= 1.0f);
    positive += g.target[i] > 0.5f;
    negative += g.target[i] < -0.5f;
  }
  CHECK(positive > 50);
  CHECK(negative > 50);
  // Noise moves where the label is read: the points stay, the labels change.
  const Spec noisy = parse_spec(std::string(R"({"data": {"name": "plane", "n": 300, "noise": 0.5}})"));
  const Dataset dn = load_dataset(noisy.data, noisy.seed);
  CHECK(dn.x.col(0) == d.x.col(0));
  CHECK(dn.target[0] != d.target[0]);
}

TEST_CASE("a regression run reports loss and mae and rmse and r2 and predict gives values") {
  Experiment e(parse_spec(std::string(
      R"({"data": {"name": "plane", "n": 200}, "model": {"hidden": [4]}, "optimizer": {"name": "sgd", "lr": 0.05},
          "epochs": 30, "log_every": 0, "predict": [[1, 2]]})")));
  std::string last;
  run_experiment(e, false, [&](const std::string& line) { last = line; });
  const auto line = nlohmann::json::parse(last);
  for (const char* split : {"train", "val", "test"}) {
    CAPTURE(split);
    CHECK(line[split].size() == 4);
    for (const char* key : {"loss", "mae", "rmse", "r2"}) CHECK(line[split].contains(key));
    CHECK(line[split]["rmse"].get<double>() == Approx(std::sqrt(line[split]["loss"].get<double>())).epsilon(1e-5));
  }
  CHECK(line["train"]["r2"].get<double>() > 0.5);  // the plane is learned
  REQUIRE(line["predict"].size() == 1);
  CHECK(line["predict"][0].size() == 2);
  Matrix point(2, 1);
  point << 1, 2;
  CHECK(line["predict"][0]["value"].get<float>() == e.logits(point)(0, 0));
  CHECK(e.predict({1, 2}).value == e.logits(point)(0, 0));
}

TEST_CASE("regression data comes inline (real y) or as CSV (a real last column)") {
  Experiment inline_e(parse_spec(std::string(
      R"({"task": "regression", "data": {"name": "inline", "x": [[0], [1]], "y": [0.25, -1.5]}, "model": {"hidden": []}})")));
  CHECK(inline_e.data().target == std::vector<float>{0.25f, -1.5f});
  Experiment csv_e(parse_spec(std::string(
      R"({"task": "regression", "data": {"name": "csv", "text": "a,t\n1,0.5\n2,-3.25\n"}, "model": {"hidden": []}})")));
  CHECK(csv_e.data().target == std::vector<float>{0.5f, -3.25f});
  CHECK_THAT(dataset_csv(csv_e.data()), Contains("2,-3.25,train"));
  // A classification set taken as regression: its labels become the targets.
  Experiment radial(parse_spec(std::string(R"({"task": "regression", "data": {"name": "radial", "n": 10}})")));
  CHECK(radial.data().target[0] == float(load_dataset(parse_spec(std::string(R"({"data": {"name": "radial", "n": 10}})")).data, 0).y[0]));
}
