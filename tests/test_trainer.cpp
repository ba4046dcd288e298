// The trainer's finer controls: steps, history, the decision grid, weights in and out.
#include <catch2/catch.hpp>

#include <cmath>

#include "error.h"
#include "grid.h"
#include "landscape.h"
#include "report.h"

using namespace nnplay;
using Catch::Matchers::Contains;

namespace {
const char* kCircle = R"({"data": {"name": "circle", "n": 100}, "model": {"hidden": [6], "activation": "tanh"},
  "optimizer": {"name": "sgd", "lr": 0.1}, "batch_size": 16, "epochs": 10})";
}

TEST_CASE("steps cross epochs exactly like whole epochs") {
  Experiment by_epoch(parse_spec(std::string(kCircle)));
  Experiment by_step(parse_spec(std::string(kCircle)));
  by_epoch.train_epochs(3);  // 80 rows in batches of 16: 5 updates per epoch
  CHECK(by_step.train_steps(7) == 7);
  CHECK(by_step.epoch() == 1);
  CHECK(by_step.step() == 7);
  by_step.train_steps(8);
  CHECK(by_step.epoch() == 3);
  CHECK(by_step.model().parameters() == by_epoch.model().parameters());
}

TEST_CASE("history records each epoch's mean batch loss and the validation metrics") {
  Experiment e(parse_spec(std::string(kCircle)));
  e.set_record_history(true);
  e.train_epochs(4);
  REQUIRE(e.history().size() == 4);
  CHECK(e.history()[3].epoch == 4);
  CHECK(e.history()[3].step == 20);
  CHECK(e.history()[3].val_loss == Approx(e.evaluate(Split::Val).loss));
  CHECK(e.history()[0].train_loss > e.history()[3].train_loss);
  Experiment no_val(parse_spec(std::string(R"({"data": {"name": "study_hours"}, "model": {"hidden": []}, "loss": "bce"})")));
  no_val.set_record_history(true);
  no_val.train_epochs(1);
  CHECK(std::isnan(no_val.history()[0].val_loss));
}

TEST_CASE("the decision grid gives each cell's probabilities with row 0 at the top") {
  Experiment e(parse_spec(std::string(kCircle)));
  e.train_epochs(5);
  const int w = 7, h = 5;
  std::vector<float> grid(w * h * 2);
  decision_grid(e, w, h, {-6, 8, -3, 2}, grid.data());
  // Cell (row 0, col 6) is centred at x = -6 + 6.5 * 2 = 7, y = 2 - 0.5 * 1 = 1.5.
  const Prediction p = e.predict({7.0, 1.5});
  CHECK(grid[(0 * w + 6) * 2 + 1] == Approx(p.probabilities[1]));
  const Prediction q = e.predict({-6 + 2.5 * 2, -3 + 0.5});  // row 4, col 2
  CHECK(grid[(4 * w + 2) * 2 + 0] == Approx(q.probabilities[0]));
  for (int i = 0; i < w * h; ++i) CHECK(grid[2 * i] + grid[2 * i + 1] == Approx(1.0f));
  CHECK_THROWS_WITH(decision_grid(e, 0, 5, {}, grid.data()), Contains("1 .. 2048"));
  CHECK_THROWS_WITH(decision_grid(e, 5, 5, {1, 0, 0, 1}, grid.data()), Contains("xmin < xmax"));
  Experiment toy(parse_spec(std::string(R"({"data": {"name": "toy4"}, "model": {"hidden": []}})")));
  CHECK_THROWS_WITH(decision_grid(toy, 5, 5, {}, grid.data()), Contains("4 features"));
}

TEST_CASE("weights round-trip through PyTorch's layout and bad weights change nothing") {
  Experiment a(parse_spec(std::string(kCircle)));
  a.train_epochs(2);
  Experiment b(parse_spec(std::string(R"({"seed": 5,)") + std::string(kCircle).substr(1)));
  b.set_weights(parse_weights(nlohmann::json::parse(weights_json(a.model()).dump()), "weights"));
  CHECK(b.model().parameters() == a.model().parameters());

  const auto before = b.model().parameters();
  auto bad = parse_weights(nlohmann::json::parse(R"([{"weight": [[1, 2]], "bias": [0]}, {"weight": [[1]], "bias": [0]}])"),
                           "weights");
  CHECK_THROWS_WITH(b.set_weights(bad), Contains("weights[0]") && Contains("weight 6 x 2"));
  CHECK(b.model().parameters() == before);
  CHECK_THROWS_WITH(parse_weights(nlohmann::json::parse(R"([{"weight": [[1, "x"]], "bias": [0]}])"), "weights"),
                    Contains("weights[0].weight[0][1]"));
}

TEST_CASE("the loss landscape of nn.Linear(1 - 1) is the training loss at each (weight - bias)") {
  Experiment e(parse_spec(std::string(R"({"seed": 10, "data": {"name": "study_hours"}, "model": {"hidden": []},
    "loss": "bce", "optimizer": {"name": "sgd", "lr": 0.01}})")));
  const int w = 5, h = 4;
  std::vector<float> surface(w * h);
  loss_landscape(e, 0, 1, {-1, 1, -2, 2}, w, h, surface.data());
  // Cell (row 1, col 3): weight = -1 + 3.5 * 0.4 = 0.4, bias = 2 - 1.5 * 1 = 0.5.
  Experiment probe(parse_spec(std::string(R"({"data": {"name": "study_hours"}, "model": {"hidden": [],
    "init": [{"weight": [[0.4]], "bias": [0.5]}]}, "loss": "bce"})")));
  CHECK(surface[1 * w + 3] == Approx(probe.evaluate(Split::Train).loss).epsilon(1e-6));
  CHECK(e.model().parameters()[0] == Approx(-0.0838307f));  // the model itself is untouched
  CHECK_THROWS_WITH(loss_landscape(e, 0, 0, {-1, 1, -1, 1}, 5, 5, surface.data()), Contains("two different"));
  Experiment big(parse_spec(std::string(R"({"data": {"name": "radial"}, "model": {"hidden": [10]}})")));
  CHECK_THROWS_WITH(loss_landscape(big, 0, 1, {-1, 1, -1, 1}, 100, 100, surface.data()), Contains("too much work"));
}

TEST_CASE("predict takes points in the data's own units and standardizes them like the training data") {
  // Inline rows on very different scales; with standardize on, the model sees (x - mean) / sd.
  const std::string data = R"("data": {"name": "inline", "x": [[1, 100], [2, 300], [3, 200], [4, 600]], "y": [0, 1, 0, 1])";
  const std::string rest = R"(, "model": {"hidden": [3]}, "optimizer": {"name": "sgd", "lr": 0.1}})";
  Experiment scaled(parse_spec("{" + data + R"(, "standardize": true})" + rest));
  Experiment raw(parse_spec("{" + data + "}" + rest));
  scaled.train_epochs(5);
  raw.train_epochs(5);
  const std::vector<double> row2 = {3, 200};
  // A training row given in its own units gives what the model gives for its standardized column.
  const Matrix z = scaled.logits(scaled.data().x.col(2));
  CHECK(scaled.predict(row2).logits == std::vector<float>{z(0, 0), z(1, 0)});
  // Without standardize nothing is scaled.
  const Matrix r = raw.logits(raw.data().x.col(2));
  CHECK(raw.predict(row2).logits == std::vector<float>{r(0, 0), r(1, 0)});
  CHECK(scaled.data().scaling.mean == std::vector<double>{2.5, 300});
  CHECK(raw.data().scaling.empty());
}

TEST_CASE("a full-batch record's train loss is the loss before that epoch's update, as the tutorial prints it") {
  Experiment e(parse_spec(std::string(R"({"data": {"name": "circle", "n": 300}, "model": {"hidden": [5]},
    "optimizer": {"name": "sgd", "lr": 0.5}})")));
  e.set_record_history(true);
  std::vector<double> before;
  for (int k = 0; k < 4; ++k) {
    before.push_back(e.evaluate(Split::Train).loss);  // under the weights the update starts from
    e.train_epochs(1);
  }
  for (int k = 0; k < 4; ++k) CHECK(e.history()[k].train_loss == Approx(before[k]).epsilon(1e-6));
  CHECK(before[3] < before[0]);
}
