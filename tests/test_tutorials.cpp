// The tutorials' printed numbers, determinism and divergence, through the whole experiment.
#include <catch2/catch.hpp>

#include <cmath>

#include "experiment.h"
#include "report.h"

using namespace nnplay;

namespace {
Spec spec_of(const std::string& json) { return parse_spec(json); }

std::vector<std::string> run_lines(const std::string& json, bool weights = true) {
  Experiment e(spec_of(json));
  std::vector<std::string> lines;
  run_experiment(e, weights, [&](const std::string& line) { lines.push_back(line); });
  return lines;
}

const char* kStudyHours = R"({"seed": 10, "data": {"name": "study_hours"}, "model": {"hidden": []},
  "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.01}, "epochs": 1001, "log_every": 100,
  "predict": [[2.5], [15.5]]})";
}  // namespace

TEST_CASE("tutorial 000 - study hours: seed 10 - SGD lr 0.01 - 1001 epochs") {
  Experiment e(spec_of(kStudyHours));
  CHECK(e.model().weight(0)(0, 0) == Approx(-0.0838).margin(5e-5));
  CHECK(e.model().bias(0)(0) == Approx(-0.0343).margin(5e-5));
  CHECK(e.evaluate(Split::Train).loss == Approx(0.9817).margin(5e-5));
  e.train_epochs(1001);
  CHECK(e.model().weight(0)(0, 0) == Approx(0.2138).margin(5e-5));
  CHECK(e.model().bias(0)(0) == Approx(-1.6024).margin(5e-5));
  const Prediction low = e.predict({2.5}), high = e.predict({15.5});
  CHECK(low.probabilities[1] == Approx(0.2558).margin(5e-5));
  CHECK(high.probabilities[1] == Approx(0.8470).margin(5e-5));
  CHECK(low.label == 0);
  CHECK(high.label == 1);
}

TEST_CASE("tutorial 000 - softmax regression on toy4 from the tutorial's initial weights") {
  // The tutorial's Linear(4, 3) is created after its Linear(1, 1) under torch.manual_seed(10):
  // its initial logits for the 8 rows are printed; the first row is [-0.1358, 1.5655, -0.0104].
  // Those weights come from the same stream after the 2 draws of Linear(1, 1).
  TorchRandom rng(10);
  rng.uniform(-1, 1);
  rng.uniform(-1, 1);
  std::string init = R"([{"weight": [)";
  const double bound = std::sqrt(3.0) * (std::sqrt(2.0 / 6.0) / std::sqrt(4.0));
  std::vector<float> w(12), b(3);
  for (float& v : w) v = rng.uniform(-bound, bound);
  for (float& v : b) v = rng.uniform(-0.5, 0.5);
  for (int i = 0; i < 3; ++i) {
    init += std::string(i ? "," : "") + "[";
    for (int j = 0; j < 4; ++j) init += std::string(j ? "," : "") + json_float(w[i * 4 + j]).dump();
    init += "]";
  }
  init += R"(], "bias": [)" + json_float(b[0]).dump() + "," + json_float(b[1]).dump() + "," +
          json_float(b[2]).dump() + "]}]";
  Experiment e(spec_of(R"({"data": {"name": "toy4"}, "model": {"hidden": [], "init": )" + init +
                       R"(}, "optimizer": {"name": "sgd", "lr": 0.1}, "epochs": 1001})"));
  const Matrix z0 = e.logits(e.data().x);
  CHECK(z0(0, 0) == Approx(-0.1358).margin(5e-5));
  CHECK(z0(1, 0) == Approx(1.5655).margin(5e-5));
  CHECK(z0(2, 0) == Approx(-0.0104).margin(5e-5));
  CHECK(e.evaluate(Split::Train).loss == Approx(1.7613).margin(5e-5));
  e.train_epochs(1001);
  const Prediction p = e.predict({1, 2, 5, 6});
  CHECK(p.logits[0] == Approx(-4.9985).margin(5e-4));
  CHECK(p.logits[1] == Approx(3.4779).margin(5e-4));
  CHECK(p.logits[2] == Approx(2.0804).margin(5e-4));
  CHECK(p.probabilities[1] == Approx(0.80166).margin(5e-5));
  CHECK(p.label == 1);
}

TEST_CASE("the same spec gives bit-identical output - run to run") {
  const std::string spec = R"({"data": {"name": "spiral", "n": 300, "noise": 0.1}, "model": {"hidden": [16, 8],
    "activation": "tanh"}, "optimizer": {"name": "adam", "lr": 0.01}, "batch_size": 32, "epochs": 20,
    "log_every": 5, "predict": [[0.5, -1]]})";
  const auto a = run_lines(spec), b = run_lines(spec);
  CHECK(a.size() == 6);
  CHECK(a == b);
  const auto c = run_lines(R"({"seed": 1,)" + spec.substr(1));
  CHECK(a.back() != c.back());
}

TEST_CASE("the run output has the documented lines") {
  const auto lines = run_lines(kStudyHours);
  REQUIRE(lines.size() == 12);  // epochs 0, 100, ..., 1000, then the final line
  const auto first = nlohmann::json::parse(lines[0]);
  CHECK(first["epoch"] == 0);
  CHECK(first["step"] == 0);
  CHECK(first.contains("train"));
  CHECK_FALSE(first.contains("val"));  // study_hours has no validation split
  const auto last = nlohmann::json::parse(lines.back());
  CHECK(last["final"] == true);
  CHECK(last["status"] == "ok");
  CHECK(last["epochs"] == 1001);
  CHECK(last["train"]["confusion"].size() == 2);
  CHECK(last["predict"][1]["probabilities"][1].get<double>() == Approx(0.8470).margin(5e-5));
  CHECK(last["weights"][0]["weight"][0][0].get<double>() == Approx(0.2138).margin(5e-5));
}

TEST_CASE("batch modes: full - stochastic and mini-batch count their updates") {
  auto steps = [](const std::string& extra) {
    Experiment e(spec_of(R"({"data": {"name": "circle", "n": 100}, "model": {"hidden": [4]}, "epochs": 2, )" + extra + "}"));
    e.train_epochs(2);
    return e.step();
  };
  CHECK(steps(R"("batch_size": 0)") == 2);      // 80 training rows, one update per epoch
  CHECK(steps(R"("batch_size": 1)") == 160);    // stochastic
  CHECK(steps(R"("batch_size": 32)") == 6);     // 32 + 32 + 16
  CHECK(steps(R"("batch_size": 32, "drop_last": true)") == 4);
  CHECK(steps(R"("batch_size": 500)") == 2);    // a batch larger than the split is the split
}

TEST_CASE("a learning rate of 1e9 ends as diverged and nothing crashes") {
  const auto lines = run_lines(R"({"data": {"n": 500}, "model": {"hidden": [20]}, "optimizer": {"name": "sgd", "lr": 1e9},
    "epochs": 50, "log_every": 10})");
  const auto last = nlohmann::json::parse(lines.back());
  CHECK(last["status"] == "diverged");
  CHECK(last["epochs"].get<int>() < 50);
  CHECK(last["message"].get<std::string>().find("diverged") != std::string::npos);
}

TEST_CASE("zero epochs and an empty training split") {
  const auto zero = run_lines(R"({"data": {"n": 20}, "epochs": 0, "log_every": 1})");
  CHECK(zero.size() == 2);
  const auto empty = run_lines(R"({"data": {"n": 20, "split": [0, 0.5, 0.5]}, "epochs": 3, "log_every": 1})");
  const auto last = nlohmann::json::parse(empty.back());
  CHECK(last["status"] == "ok");
  CHECK_FALSE(last.contains("train"));
  CHECK(last["step"] == 0);
}
