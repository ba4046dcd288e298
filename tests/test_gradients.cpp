// Finite-difference checks: for every activation and every loss, the backward pass of a small
// MLP (Linear layers included) matches central differences of the loss in every parameter.
#include <catch2/catch.hpp>

#include <cmath>

#include "loss.h"
#include "model.h"
#include "random.h"

using namespace nnplay;

namespace {

struct Problem {
  Matrix x;
  std::vector<int> y;
};

Problem make_problem(int features, int n, int classes, uint32_t seed) {
  NumpyRandom rng(seed);
  Problem p{Matrix(features, n), std::vector<int>(n)};
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < features; ++j) p.x(j, i) = float(4 * rng.rand() - 2);
    p.y[i] = i % classes;
  }
  return p;
}

double mean_loss(const Sequential& model, const Problem& p, LossKind loss) {
  Workspace ws;
  const Matrix& z = model.forward(p.x, ws);
  return loss_sum(loss, z, p.y.data()) / loss_denominator(loss, int(p.y.size()), model.outputs());
}

}  // namespace

TEST_CASE("backward matches finite differences for every activation and loss") {
  const auto act = GENERATE(Activation::ReLU, Activation::Tanh, Activation::Sigmoid, Activation::Linear);
  const auto loss = GENERATE(LossKind::CrossEntropy, LossKind::BCE, LossKind::MSE);
  const int classes = 3;
  CAPTURE(int(act), int(loss));
  Problem p = make_problem(3, 7, loss == LossKind::BCE ? 2 : classes, 11);
  Sequential model(3, {5, 4}, loss_outputs(loss, classes), act);
  model.reset_parameters(3);

  Workspace ws;
  model.zero_grad();
  model.forward(p.x, ws);
  loss_sum(loss, ws.a.back(), p.y.data(), &ws.delta.back(), 7);
  model.backward(p.x, ws);
  const std::vector<float> analytic = model.gradients();

  // ReLU has kinks: a small step keeps every pre-activation on its side.
  const float h = act == Activation::ReLU ? 1e-3f : 1e-2f;
  auto& w = model.parameters();
  for (size_t i = 0; i < w.size(); ++i) {
    const float saved = w[i];
    w[i] = saved + h;
    const double up = mean_loss(model, p, loss);
    w[i] = saved - h;
    const double down = mean_loss(model, p, loss);
    w[i] = saved;
    const double numeric = (up - down) / (2.0 * double(h));
    CAPTURE(i, numeric, analytic[i]);
    CHECK(std::abs(numeric - analytic[i]) <= 2e-3 + 2e-2 * std::abs(numeric));
  }
}

TEST_CASE("a wrong gradient would be caught: the check is sensitive to a factor of 1.05") {
  Problem p = make_problem(2, 5, 2, 4);
  Sequential model(2, {3}, 2, Activation::Tanh);
  model.reset_parameters(1);
  Workspace ws;
  model.zero_grad();
  model.forward(p.x, ws);
  loss_sum(LossKind::CrossEntropy, ws.a.back(), p.y.data(), &ws.delta.back(), 5);
  model.backward(p.x, ws);
  // Largest gradient entry, perturbed by 5%, must fail the tolerance used above.
  size_t k = 0;
  const auto& g = model.gradients();
  for (size_t i = 0; i < g.size(); ++i)
    if (std::abs(g[i]) > std::abs(g[k])) k = i;
  auto& w = model.parameters();
  const float saved = w[k];
  w[k] = saved + 1e-2f;
  const double up = mean_loss(model, p, LossKind::CrossEntropy);
  w[k] = saved - 1e-2f;
  const double down = mean_loss(model, p, LossKind::CrossEntropy);
  const double numeric = (up - down) / 2e-2;
  CHECK(std::abs(numeric - g[k]) <= 2e-3 + 2e-2 * std::abs(numeric));
  CHECK_FALSE(std::abs(numeric - 1.05 * g[k]) <= 2e-3 + 2e-2 * std::abs(numeric));
}
