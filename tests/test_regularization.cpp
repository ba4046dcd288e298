// L1 / L2 regularization (regularization.h): the penalty's gradient against finite differences,
// the biases left alone, sign(0) = 0, and its effect on training.
#include <catch2/catch.hpp>

#include <cmath>

#include "experiment.h"
#include "regularization.h"

using namespace nnplay;

TEST_CASE("the penalty gradient is l1 sign(W) + 2 l2 W on weights only") {
  Sequential model(3, {4}, 2, Activation::Tanh);
  model.reset_parameters(7);
  model.weight(0)(1, 2) = 0.0f;  // a weight at the kink of |w|
  const Regularization r{0.03, 0.2};
  model.zero_grad();
  add_penalty_gradient(r, model);
  const std::vector<float> analytic = model.gradients();
  auto& w = model.parameters();
  const float h = 1e-3f;
  for (size_t i = 0; i < w.size(); ++i) {
    const float saved = w[i];
    if (saved == 0.0f) continue;  // |w| has no derivative there; checked below
    w[i] = saved + h;
    const double up = penalty(r, model);
    w[i] = saved - h;
    const double down = penalty(r, model);
    w[i] = saved;
    const double numeric = (up - down) / (2.0 * double(h));
    CAPTURE(i, numeric, analytic[i]);
    CHECK(std::abs(numeric - analytic[i]) <= 1e-4 + 1e-3 * std::abs(numeric));
  }
  // sign(0) = 0: only the L2 part, which is 0 there too
  CHECK(model.gradients()[model.layer(0).offset + 1 * 3 + 2] == 0.0f);
  // biases: nothing
  for (int l = 0; l < model.num_layers(); ++l) {
    const size_t bias = model.layer(l).offset + size_t(model.layer(l).in) * model.layer(l).out;
    for (int o = 0; o < model.layer(l).out; ++o) CHECK(model.gradients()[bias + o] == 0.0f);
  }
}

TEST_CASE("L1 drives weights to zero and L2 shrinks them") {
  const std::string base = R"({"data": {"name": "gauss", "n": 200}, "model": {"hidden": [8]},
      "optimizer": {"name": "sgd", "lr": 0.1}, "epochs": 0)";
  Experiment plain(parse_spec(base + "}"));
  Experiment l1(parse_spec(base + R"(, "regularization": {"l1": 0.05}})"));
  Experiment l2(parse_spec(base + R"(, "regularization": {"l2": 0.05}})"));
  // Before any update the three are the same model: the same loss, not loss + penalty.
  CHECK(l1.evaluate(Split::Train).loss == plain.evaluate(Split::Train).loss);
  for (auto* e : {&plain, &l1, &l2}) e->train_epochs(300);
  auto sum_abs = [](const Experiment& e) { return penalty({1, 0}, e.model()); };
  auto sum_sq = [](const Experiment& e) { return penalty({0, 1}, e.model()); };
  CHECK(sum_abs(l1) < 0.7 * sum_abs(plain));
  CHECK(sum_sq(l2) < 0.7 * sum_sq(plain));
  int tiny = 0, tiny_plain = 0;
  for (int l = 0; l < 2; ++l) {
    tiny += (l1.model().weight(l).array().abs() < 1e-2f).count();
    tiny_plain += (plain.model().weight(l).array().abs() < 1e-2f).count();
  }
  CHECK(tiny > tiny_plain + 5);
}

TEST_CASE("the recorded training loss is the data loss without the penalty") {
  const std::string base = R"({"data": {"name": "gauss", "n": 200}, "model": {"hidden": [8]},
      "optimizer": {"name": "sgd", "lr": 0})";
  Experiment plain(parse_spec(base + "}"));
  Experiment heavy(parse_spec(base + R"(, "regularization": {"l1": 100, "l2": 100}})"));
  const double data_loss = plain.evaluate(Split::Train).loss;
  heavy.train_epochs(1);  // lr 0: the weights stay, so the batch's loss is the initial one
  CHECK(heavy.last_epoch_train_loss() == Approx(data_loss).epsilon(1e-6));
  CHECK(penalty({100, 100}, heavy.model()) > 100 * data_loss);  // which the penalty would have swamped
}
