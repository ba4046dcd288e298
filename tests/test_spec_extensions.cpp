// The spec fields of issue 14 (docs/spec.md): task, regularization, model.features, model.seed,
// the linear activation, the regression losses and datasets. Every bad value is an error naming
// its field; normalizing keeps their meaning.
#include <catch2/catch.hpp>

#include "error.h"
#include "experiment.h"
#include "report.h"
#include "spec.h"
#include "spec_error_check.h"

using namespace nnplay;
using Catch::Matchers::Contains;

TEST_CASE("defaults: classification and no regularization and the data inputs and the spec seed") {
  const Spec s = parse_spec(std::string("{}"));
  CHECK(s.task == Task::Classification);
  CHECK(s.loss == LossKind::CrossEntropy);
  CHECK(s.regularization.l1 == 0);
  CHECK(s.regularization.l2 == 0);
  CHECK(s.model.features.empty());
  CHECK(s.model.seed == 0);
  CHECK(parse_spec(std::string(R"({"seed": 9})")).model.seed == 9);
  const Spec r = parse_spec(std::string(R"({"data": {"name": "multi_gauss"}})"));
  CHECK(r.task == Task::Regression);
  CHECK(r.loss == LossKind::MSE);
  CHECK(r.data.n == 1000);
  CHECK(r.data.split == std::array<double, 3>{0.8, 0.1, 0.1});
}

TEST_CASE("task: one of two that must suit the data and the loss") {
  check_error(R"({"task": "ranking"})", {"spec error at task", "\"classification\", \"regression\"", "\"ranking\""});
  check_error(R"({"task": 1})", {"task", "1"});
  check_error(R"({"data": {"name": "plane"}, "task": "classification"})", {"task", "data.name", "\"plane\""});
  check_error(R"({"task": "regression", "loss": "cross_entropy"})", {"spec error at loss", "task \"regression\"", "\"cross_entropy\""});
  check_error(R"({"task": "regression", "loss": "bce"})", {"loss", "task", "\"bce\""});
  check_error(R"({"loss": "huber"})", {"spec error at loss", "task \"classification\"", "\"huber\""});
  check_error(R"({"data": {"name": "multi_gauss"}, "loss": "cross_entropy"})", {"loss", "task \"regression\""});
  check_error(R"({"loss": "l1"})", {"loss", "task \"classification\"", "\"l1\""});
  check_error(R"({"task": "regression", "data": {"name": "inline", "x": [[1]], "y": ["a"]}})", {"data.y[0]", "a number"});
  check_error(R"({"task": "regression", "data": {"name": "csv", "text": "a,t\n1,x\n"}})", {"row 2, column 2"});
  CHECK(parse_spec(std::string(R"({"task": "regression", "loss": "mse"})")).loss == LossKind::MSE);
}

TEST_CASE("regularization: l1 and l2 each a number >= 0") {
  check_error(R"({"regularization": {"l1": -1}})", {"spec error at regularization.l1", "a number >= 0", "-1"});
  check_error(R"({"regularization": {"l2": "big"}})", {"regularization.l2", "\"big\""});
  check_error(R"({"regularization": {"l3": 1}})", {"regularization.l3", "unknown field", "l1, l2"});
  check_error(R"({"regularization": 0.1})", {"regularization", "an object"});
  const Spec s = parse_spec(std::string(R"({"regularization": {"l2": 0.5}})"));
  CHECK(s.regularization.l1 == 0);
  CHECK(s.regularization.l2 == 0.5);
}

TEST_CASE("model.features: distinct names from the list for data of 2 features") {
  check_error(R"({"model": {"features": ["x3"]}})", {"spec error at model.features[0]", "\"x1^2\"", "\"x3\""});
  check_error(R"({"model": {"features": []}})", {"model.features", "1 .. 7 items"});
  check_error(R"({"model": {"features": "x1"}})", {"model.features", "\"x1\""});
  check_error(R"({"model": {"features": ["x1", "x1"]}})", {"model.features[1]", "at most once"});
  check_error(R"({"model": {"features": [1]}})", {"model.features[0]", "1"});
  check_error(R"({"data": {"name": "wine"}, "model": {"features": ["x1"]}})",
              {"spec error at model.features", "2 features", "13"});
  check_error(R"({"data": {"name": "study_hours"}, "model": {"features": ["x1"]}})", {"model.features", "1 features"});
  // model.init's first layer takes one input per feature
  check_error(R"({"model": {"hidden": [], "features": ["x1", "x2", "x1^2"], "init": [{"weight": [[1, 2]], "bias": [0]}]}})",
              {"model.init[0]", "nn.Linear(3, 3)"});
}

TEST_CASE("model.seed is an integer like seed") {
  check_error(R"({"model": {"seed": -1}})", {"spec error at model.seed", "0 .. 4294967295", "-1"});
  check_error(R"({"model": {"seed": 0.5}})", {"model.seed", "an integer"});
  check_error(R"({"model": {"seed": "1"}})", {"model.seed", "\"1\""});
}

TEST_CASE("model.seed seeds the weights alone while data and shuffling keep the spec seed") {
  const std::string common = R"("data": {"name": "radial", "n": 200}, "model": {"hidden": [5])";
  Experiment a(parse_spec(R"({"seed": 3, )" + common + R"(, "seed": 7}})"));
  Experiment weights_of_7(parse_spec(R"({"seed": 7, )" + common + "}}"));
  Experiment data_of_3(parse_spec(R"({"seed": 3, )" + common + "}}"));
  CHECK(a.model().parameters() == weights_of_7.model().parameters());
  CHECK(a.data().x == data_of_3.data().x);
  CHECK(a.model().parameters() != data_of_3.model().parameters());
}

TEST_CASE("the linear activation is the identity") {
  check_error(R"({"model": {"activation": "identity"}})", {"model.activation", "\"linear\"", "\"identity\""});
  Experiment e(parse_spec(std::string(R"({"data": {"name": "gauss", "n": 20}, "model": {"hidden": [3], "activation": "linear"}})")));
  // Two linear layers with nothing between them: z = W2 (W1 x + b1) + b2
  const Matrix x = e.data().x.col(0);
  const Matrix expected = e.model().weight(1) * (e.model().weight(0) * x + e.model().bias(0)) + e.model().bias(1);
  const Matrix z = e.logits(x);
  CHECK(z(0, 0) == Approx(expected(0, 0)).margin(1e-6));
  CHECK(z(1, 0) == Approx(expected(1, 0)).margin(1e-6));
}

TEST_CASE("normalizing writes the new fields and reads back the same spec") {
  const std::string text = R"js({"seed": 2, "data": {"name": "plane", "noise": 0.1}, "model": {"hidden": [4],
      "activation": "linear", "features": ["sin(x1)", "x1"], "seed": 5}, "loss": "huber",
      "regularization": {"l1": 0.001}})js";
  const std::string normal = spec_to_json(parse_spec(text));
  const auto j = nlohmann::json::parse(normal);
  CHECK(j["task"] == "regression");
  CHECK(j["loss"] == "huber");
  CHECK(j["regularization"]["l1"] == 0.001);
  CHECK(j["regularization"]["l2"] == 0);
  CHECK(j["model"]["features"] == nlohmann::json({"sin(x1)", "x1"}));
  CHECK(j["model"]["seed"] == 5);
  CHECK(j["model"]["activation"] == "linear");
  CHECK(spec_to_json(parse_spec(normal)) == normal);
  // Left out, model.seed and model.features stay out: they follow seed and the data.
  const auto plain = nlohmann::json::parse(spec_to_json(parse_spec(std::string(R"({"seed": 4})"))));
  CHECK_FALSE(plain["model"].contains("seed"));
  CHECK_FALSE(plain["model"].contains("features"));
  CHECK(plain["task"] == "classification");
}
