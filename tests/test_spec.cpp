// Spec validation: every error names the field's path, what was given and what is allowed.
#include <catch2/catch.hpp>

#include "error.h"
#include "experiment.h"
#include "spec.h"
#include "spec_error_check.h"

using namespace nnplay;
using Catch::Matchers::Contains;

TEST_CASE("an empty spec is tutorial 001's MLP") {
  const Spec s = parse_spec(std::string("{}"));
  CHECK(s.seed == 0);
  CHECK(s.data.name == "radial");
  CHECK(s.data.n == 10000);
  CHECK(s.data.split == std::array<double, 3>{0.8, 0.1, 0.1});
  CHECK(s.model.hidden == std::vector<int>{200});
  CHECK(s.loss == LossKind::CrossEntropy);
  CHECK(s.optimizer.name == "sgd");
  CHECK(s.optimizer.sgd.lr == 0.005);
  CHECK(s.epochs == 4000);
  CHECK(s.batch_size == 0);
}

TEST_CASE("optimizer defaults are PyTorch's") {
  const Spec a = parse_spec(std::string(R"({"optimizer": {"name": "adam"}})"));
  CHECK(a.optimizer.adam.lr == 0.001);
  CHECK(a.optimizer.adam.beta1 == 0.9);
  CHECK(a.optimizer.adam.beta2 == 0.999);
  CHECK(a.optimizer.adam.eps == 1e-8);
  const Spec g = parse_spec(std::string(R"({"optimizer": {"name": "adagrad"}})"));
  CHECK(g.optimizer.adagrad.lr == 0.01);
  CHECK(g.optimizer.adagrad.eps == 1e-10);
}

TEST_CASE("wrong types name the path and what was given") {
  check_error(R"({"optimizer": {"name": "sgd", "lr": "fast"}})", {"optimizer.lr", "a number >= 0", "\"fast\""});
  check_error(R"({"seed": -1})", {"seed", "an integer in 0 .. 4294967295", "-1"});
  check_error(R"({"seed": 1.5})", {"seed", "an integer"});
  check_error(R"({"epochs": "10"})", {"epochs", "\"10\""});
  check_error(R"({"shuffle": 1})", {"shuffle", "true or false", "1"});
  check_error(R"({"model": {"hidden": [10, "x"]}})", {"model.hidden[1]", "an integer in 1 .. 1024"});
  check_error(R"({"model": []})", {"model", "an object"});
  check_error(R"({"loss": "hinge"})", {"loss", "\"cross_entropy\", \"bce\", \"mse\"", "\"hinge\""});
  check_error(R"({"data": {"name": "mnist"}})", {"data.name", "\"radial\"", "\"mnist\""});
  check_error(R"([1, 2])", {"the top level", "an object"});
  check_error(R"({"seed": )", {"not valid JSON"});
  // Found by fuzzing: nlohmann reports a number overflow as out_of_range, not parse_error.
  check_error(R"({"model": {"eps": 1e4444444444}})", {"not valid JSON", "number overflow"});
}

TEST_CASE("out-of-range values and documented caps are refused") {
  check_error(R"({"model": {"hidden": [1,1,1,1,1,1,1,1,1]}})", {"model.hidden", "0 .. 8 items"});
  check_error(R"({"model": {"hidden": [2000]}})", {"model.hidden[0]", "1 .. 1024", "2000"});
  check_error(R"({"data": {"n": 200001}})", {"data.n", "1 .. 200000"});
  check_error(R"({"data": {"noise": 2}})", {"data.noise", "0 .. 1"});
  check_error(R"({"data": {"split": [0.5, 0.1, 0.1]}})", {"data.split", "add up to 1"});
  check_error(R"({"data": {"split": [0.5, 0.5]}})", {"data.split", "3 items"});
  check_error(R"({"optimizer": {"name": "adam", "betas": [0.9, 1.0]}})", {"optimizer.betas[1]"});
  check_error(R"({"optimizer": {"name": "sgd", "lr": -0.1}})", {"optimizer.lr", ">= 0"});
  check_error(R"({"optimizer": {"name": "sgd", "lr": 0.1, "nesterov": true}})",
              {"optimizer.nesterov", "momentum > 0 and dampening 0"});
  check_error(R"({"epochs": 10000001})", {"epochs"});
  check_error(R"({"batch_size": -1})", {"batch_size"});
  check_error(R"({"data": {"name": "inline", "x": [[1e300]], "y": [0]}})", {"data.x[0][0]", "-1e+38 .. 1e+38"});
  check_error(R"({"data": {"n": 5}, "predict": [[0, -1e39]]})", {"predict[0][1]"});
  check_error(R"({"model": {"hidden": [], "init": [{"weight": [[1e39, 0], [0, 0], [0, 0]], "bias": [0, 0, 0]}]}})",
              {"model.init[0].weight[0][0]"});
}

TEST_CASE("unknown fields are refused and the allowed ones listed") {
  check_error(R"({"epoch": 5})", {"epoch", "unknown field", "allowed here:", "epochs"});
  check_error(R"({"optimizer": {"name": "sgd", "lr": 0.1, "betas": [0.9, 0.99]}})",
              {"optimizer.betas", "unknown field", "momentum, dampening, nesterov, weight_decay"});
  check_error(R"({"data": {"name": "study_hours", "n": 10}})", {"data.n", "unknown field"});
}

TEST_CASE("missing required fields") {
  check_error(R"({"optimizer": {"name": "sgd"}})", {"optimizer.lr", "no default learning rate"});
  check_error(R"({"data": {"name": "inline", "x": [[1]]}})", {"data.y", "required"});
  check_error(R"({"data": {"name": "csv"}})", {"data", "exactly one of \"text\""});
}

TEST_CASE("checks that need the data: bce classes - init shapes - predict width") {
  check_error(R"({"loss": "bce"})", {"loss", "two-class", "3 classes"});
  check_error(R"({"model": {"hidden": [], "init": [{"weight": [[1, 2]], "bias": [0]}]}})",
              {"model.init[0]", "weight 3 x 2", "got weight 1 x 2"});
  check_error(R"({"model": {"hidden": [4], "init": [{"weight": [[1, 2]], "bias": [0]}]}})",
              {"model.init", "2 layers"});
  check_error(R"({"data": {"n": 10}, "predict": [[1, 2, 3]]})", {"predict[0]", "2 numbers", "got 3"});
  check_error(R"({"data": {"name": "inline", "x": [[1], [2, 3]], "y": [0, 1]}})", {"data.x[1]", "like row 0"});
  check_error(R"({"data": {"name": "inline", "x": [[1], [2]], "y": [0]}})", {"data.y", "2 items"});
}

TEST_CASE("spec_to_json spells out every default and parses back to the same spec") {
  const std::string full = spec_to_json(parse_spec(std::string("{}")));
  CHECK_THAT(full, Contains(R"("optimizer":{"name":"sgd","lr":0.005,"momentum":0.0,"dampening":0.0,"nesterov":false,"weight_decay":0.0})"));
  CHECK_THAT(full, Contains(R"("data":{"name":"radial","n":10000,"noise":0.0,"split":[0.8,0.1,0.1],"shuffle":false,"standardize":false})"));
  for (const char* text : {R"({"seed": 7, "data": {"name": "inline", "x": [[1, 2], [3, 4]], "y": [0, 1]},
                              "model": {"hidden": [3, 2], "activation": "tanh"}, "loss": "mse",
                              "optimizer": {"name": "adam", "betas": [0.8, 0.9], "amsgrad": true}, "predict": [[0, 1]]})",
                           R"({"data": {"name": "wine"}, "optimizer": {"name": "adagrad", "lr_decay": 0.1}, "batch_size": 8})",
                           R"({"data": {"name": "csv", "text": "a,l\n1,0\n"}, "model": {"hidden": [],
                              "init": [{"weight": [[0.5], [1]], "bias": [0, 0.25]}]}})"}) {
    CAPTURE(text);
    const std::string once = spec_to_json(parse_spec(std::string(text)));
    CHECK(spec_to_json(parse_spec(once)) == once);
  }
}

TEST_CASE("options PyTorch turns into float32 are refused past float32's range, naming the range") {
  // PyTorch: "value cannot be converted to type float without overflow".
  for (const char* name : {"sgd", "adagrad", "adam"}) {
    CAPTURE(name);
    check_error(std::string(R"({"optimizer": {"name": ")") + name + R"(", "lr": 1e39}})",
                {"optimizer.lr", "0 .. ", "float32", "1e+39"});
    check_error(std::string(R"({"optimizer": {"name": ")") + name + R"(", "lr": 0.1, "weight_decay": 1e39}})",
                {"optimizer.weight_decay", "3.4028234663852886e+38"});
  }
  check_error(R"({"optimizer": {"name": "sgd", "lr": 3.5e38}})", {"optimizer.lr", "0 .. 3.4028234663852886e+38"});
  CHECK(parse_spec(std::string(R"({"optimizer": {"name": "sgd", "lr": 3.4e38}})")).optimizer.sgd.lr == 3.4e38);
  // Adam's first step is lr / (1 - beta1): with beta1 = 0.9 it overflows from lr = 3.4e37 on.
  check_error(R"({"optimizer": {"name": "adam", "lr": 1e38}})", {"optimizer.lr", "Adam's first step"});
  CHECK(parse_spec(std::string(R"({"optimizer": {"name": "adam", "lr": 1e38, "betas": [0, 0.999]}})")).optimizer.adam.lr == 1e38);
  check_error(R"({"optimizer": {"name": "adagrad", "initial_accumulator_value": 1e39}})",
              {"optimizer.initial_accumulator_value"});
  check_error(R"({"optimizer": {"name": "sgd", "lr": 0.1, "momentum": 0.9, "dampening": -1e39}})",
              {"optimizer.dampening"});
}

TEST_CASE("a learning rate set later is checked the same way") {
  Experiment e(parse_spec(std::string(R"({"data": {"n": 10}, "model": {"hidden": []}, "optimizer": {"name": "adam"}})")));
  e.set_lr(0.5);
  CHECK(e.lr() == 0.5);
  CHECK_THROWS_AS(e.set_lr(1e38), SpecError);
  CHECK_THROWS_AS(e.set_lr(-1), SpecError);
  CHECK_THROWS_AS(e.set_lr(std::nan("")), SpecError);
  CHECK(e.lr() == 0.5);
}
