// One hand-computed step (or two) for every optimizer option: parameter 1.0, gradient 0.5.
#include <catch2/catch.hpp>

#include "optimizer.h"

using namespace nnplay;

namespace {
// Runs the optimizer on one parameter starting at 1.0 with the given gradients; returns each p.
std::vector<float> trajectory(Optimizer& opt, std::vector<float> grads) {
  std::vector<float> p = {1.0f}, out;
  for (float g : grads) {
    opt.step(p, {g});
    out.push_back(p[0]);
  }
  return out;
}
}  // namespace

TEST_CASE("SGD") {
  SECTION("plain: p - lr g = 1 - 0.1 * 0.5") {
    auto opt = make_sgd({0.1});
    CHECK(trajectory(*opt, {0.5f})[0] == Approx(0.95f));
  }
  SECTION("weight_decay: g + wd p = 0.5 + 0.1 = 0.6") {
    SGDOptions o; o.lr = 0.1; o.weight_decay = 0.1;
    CHECK(trajectory(*make_sgd(o), {0.5f})[0] == Approx(0.94f));
  }
  SECTION("momentum: buf = g, then 0.9 buf + g = 0.95") {
    SGDOptions o; o.lr = 0.1; o.momentum = 0.9;
    const auto p = trajectory(*make_sgd(o), {0.5f, 0.5f});
    CHECK(p[0] == Approx(0.95f));
    CHECK(p[1] == Approx(0.855f));
  }
  SECTION("dampening: buf = 0.9 * 0.5 + (1 - 0.5) * 0.5 = 0.7 on the second step") {
    SGDOptions o; o.lr = 0.1; o.momentum = 0.9; o.dampening = 0.5;
    const auto p = trajectory(*make_sgd(o), {0.5f, 0.5f});
    CHECK(p[0] == Approx(0.95f));  // the first step takes g itself, undamped, as PyTorch does
    CHECK(p[1] == Approx(0.88f));
  }
  SECTION("nesterov: g + momentum buf") {
    SGDOptions o; o.lr = 0.1; o.momentum = 0.9; o.nesterov = true;
    const auto p = trajectory(*make_sgd(o), {0.5f, 0.5f});
    CHECK(p[0] == Approx(0.905f));   // 1 - 0.1 (0.5 + 0.45)
    CHECK(p[1] == Approx(0.7695f));  // buf 0.95; 0.905 - 0.1 (0.5 + 0.855)
  }
  SECTION("the learning rate can change between steps, momentum kept") {
    SGDOptions o; o.lr = 0.1; o.momentum = 0.9;
    auto opt = make_sgd(o);
    std::vector<float> p = {1.0f};
    opt->step(p, {0.5f});
    opt->set_lr(0.2);
    opt->step(p, {0.5f});
    CHECK(p[0] == Approx(0.95f - 0.2f * 0.95f));
  }
}

TEST_CASE("Adagrad") {
  SECTION("plain: lr g / (sqrt(sum g^2) + eps)") {
    AdagradOptions o; o.lr = 0.1;
    const auto p = trajectory(*make_adagrad(o), {0.5f, 0.5f});
    CHECK(p[0] == Approx(0.9f));
    CHECK(p[1] == Approx(0.8292893f));  // 0.9 - 0.1 * 0.5 / sqrt(0.5)
  }
  SECTION("lr_decay: clr = lr / (1 + (t - 1) lr_decay)") {
    AdagradOptions o; o.lr = 0.1; o.lr_decay = 0.5;
    const auto p = trajectory(*make_adagrad(o), {0.5f, 0.5f});
    CHECK(p[1] == Approx(0.8528595f));  // 0.9 - (0.1 / 1.5) * 0.5 / sqrt(0.5)
  }
  SECTION("initial_accumulator_value") {
    AdagradOptions o; o.lr = 0.1; o.initial_accumulator_value = 0.75;
    CHECK(trajectory(*make_adagrad(o), {0.5f})[0] == Approx(0.95f));  // sum = 1
  }
  SECTION("weight_decay") {
    AdagradOptions o; o.lr = 0.1; o.weight_decay = 0.1;
    const auto p = trajectory(*make_adagrad(o), {0.5f, 0.5f});
    CHECK(p[0] == Approx(0.9f));                // g = 0.6, sum = 0.36
    CHECK(p[1] == Approx(0.8298859f).epsilon(1e-5));  // g = 0.59, sum = 0.7081
  }
  SECTION("eps") {
    AdagradOptions o; o.lr = 0.1; o.eps = 1.0;
    CHECK(trajectory(*make_adagrad(o), {0.5f})[0] == Approx(1.0f - 0.1f * 0.5f / 1.5f));
  }
}

TEST_CASE("Adam") {
  SECTION("defaults: a constant gradient moves lr per step (bias correction)") {
    AdamOptions o; o.lr = 0.1;
    const auto p = trajectory(*make_adam(o), {0.5f, 0.5f});
    CHECK(p[0] == Approx(0.9f));
    CHECK(p[1] == Approx(0.8f));
  }
  SECTION("betas") {
    AdamOptions o; o.lr = 0.1; o.beta1 = 0.5; o.beta2 = 0.5;
    const auto p = trajectory(*make_adam(o), {0.5f, 0.25f});
    CHECK(p[1] == Approx(0.8057191f).epsilon(1e-5));  // m^ = 0.25 / 0.75, v^ = 0.09375 / 0.75
  }
  SECTION("amsgrad keeps the largest second moment") {
    AdamOptions o; o.lr = 0.1;
    const auto plain = trajectory(*make_adam(o), {0.5f, 0.0f});
    o.amsgrad = true;
    const auto ams = trajectory(*make_adam(o), {0.5f, 0.0f});
    CHECK(plain[1] == Approx(0.832994f).epsilon(2e-6));
    CHECK(ams[1] == Approx(0.833028f).epsilon(2e-6));
  }
  SECTION("weight_decay adds wd p to the gradient") {
    AdamOptions o; o.lr = 0.1; o.weight_decay = 1.0; o.beta1 = 0.5; o.beta2 = 0.5;
    // g = 0.5 + 1.0 = 1.5 then 0.25 + 0.9 = 1.15: m = 0.75, 0.95 -> m^ = 1.26667;
    // v = 1.125, 1.22625 -> v^ = 1.635, sqrt 1.27867 ... p = 0.9 - 0.1 * 1.26667 / 1.27737
    const auto p = trajectory(*make_adam(o), {0.5f, 0.25f});
    CHECK(p[1] == Approx(0.8008377f).epsilon(1e-5));
  }
  SECTION("eps") {
    AdamOptions o; o.lr = 0.1; o.eps = 0.5;
    CHECK(trajectory(*make_adam(o), {0.5f})[0] == Approx(0.95f));  // 0.5 / (0.5 + 0.5)
  }
}
