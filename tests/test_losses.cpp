// Loss values against PyTorch 1.13's printed numbers and definitions.
#include <catch2/catch.hpp>

#include <cmath>

#include "loss.h"

using namespace nnplay;

TEST_CASE("cross_entropy equals nn.CrossEntropyLoss on tutorial 000's toy4 logits (1.7613)") {
  Matrix z(3, 8);
  const float logits[8][3] = {{-0.1358f, 1.5655f, -0.0104f}, {-1.0986f, 1.3559f, 0.5590f},
                              {-1.4625f, 1.2105f, 0.7214f},  {-2.3103f, 1.4702f, 1.2348f},
                              {-1.0576f, 3.7047f, 0.7548f},  {-1.7209f, 1.1885f, 1.0922f},
                              {-1.5469f, 3.1835f, 1.0722f},  {-1.8061f, 3.6010f, 1.2775f}};
  for (int i = 0; i < 8; ++i)
    for (int k = 0; k < 3; ++k) z(k, i) = logits[i][k];
  const int y[8] = {0, 0, 0, 1, 1, 1, 2, 2};
  CHECK(loss_sum(LossKind::CrossEntropy, z, y) / 8 == Approx(1.7613).margin(1e-4));
}

TEST_CASE("bce equals nn.Sigmoid + nn.BCELoss - with PyTorch's log clamp at -100") {
  // Tutorial 000: sigmoid outputs 0.4914 .. 0.1530 for 0..20 hours give loss 0.9817.
  Matrix z(1, 7);
  const float w = -0.08383071f, b = -0.03428686f;
  const float hours[7] = {0, 1, 5, 9, 11, 15, 20};
  for (int i = 0; i < 7; ++i) z(0, i) = w * hours[i] + b;
  const int y[7] = {0, 0, 0, 0, 1, 1, 1};
  CHECK(loss_sum(LossKind::BCE, z, y) / 7 == Approx(0.9817).margin(1e-4));

  // Saturated: sigmoid(200) is 1.0f, log(1 - 1) is -inf, clamped to -100; the gradient is 0
  // because PyTorch divides by max(p (1 - p), 1e-12) and multiplies by p (1 - p) = 0.
  Matrix s(1, 1);
  s(0, 0) = 200;
  const int zero[1] = {0};
  Matrix g;
  CHECK(loss_sum(LossKind::BCE, s, zero, &g, 1) == Approx(100.0));
  CHECK(g(0, 0) == 0.0f);
}

TEST_CASE("mse averages over every element against one-hot targets") {
  Matrix z(2, 2);
  z << 1, 0,
       0, 3;  // column 0 = [1, 0], column 1 = [0, 3]
  const int y[2] = {0, 0};  // targets [1, 0] and [1, 0]
  // ((0 + 0) + (1 + 9)) / 4 = 2.5
  CHECK(loss_sum(LossKind::MSE, z, y) / loss_denominator(LossKind::MSE, 2, 2) == Approx(2.5));
}

TEST_CASE("probabilities are softmax or [1 - p - p] for bce and predictions use the 0.5 threshold") {
  Matrix z(3, 1);
  z << -4.9985f, 3.4779f, 2.0804f;  // tutorial 000's logits for [1, 2, 5, 6]
  const auto p = probabilities(LossKind::CrossEntropy, z, 0);
  CHECK(p[0] == Approx(1.6701e-04).epsilon(1e-3));
  CHECK(p[1] == Approx(0.80166).epsilon(1e-4));
  CHECK(p[2] == Approx(0.19817).epsilon(1e-4));
  CHECK(predict_class(LossKind::CrossEntropy, z, 0) == 1);

  Matrix b(1, 2);
  b << 0.0f, -0.01f;  // sigmoid(0) = 0.5 is class 1 (y_pred >= 0.5), just below is class 0
  CHECK(predict_class(LossKind::BCE, b, 0) == 1);
  CHECK(predict_class(LossKind::BCE, b, 1) == 0);
  const auto q = probabilities(LossKind::BCE, b, 1);
  CHECK(q[0] + q[1] == Approx(1.0f));
}

// Values printed by PyTorch 1.13 (float32, CPU) for one sample, loss and autograd's dL/dz:
//   F.cross_entropy(torch.tensor([[a + 10, a]]), torch.tensor([0])) for a = 0, 100, 1000
//   nn.BCELoss()(torch.sigmoid(z), y) for z = -17, -30 (y = 0) and -90 (y = 1)
TEST_CASE("a confident model's cross-entropy is PyTorch's log_softmax, (z - m) - log(sum)") {
  for (const float a : {0.0f, 100.0f, 1000.0f}) {
    CAPTURE(a);
    Matrix z(2, 1);
    z << a + 10.0f, a;
    const int y[1] = {0};
    Matrix g;
    // m + log(sum) first gave 4.5776367e-05 at a = 100 (0.8% off) and 26% off at a = 1000.
    CHECK(float(loss_sum(LossKind::CrossEntropy, z, y, &g, 1)) == 4.5417706e-05f);
    CHECK(g(0, 0) == Approx(-4.5418739e-05).epsilon(1e-6));
    CHECK(g(1, 0) == Approx(4.5397850e-05).epsilon(1e-6));
  }
}

TEST_CASE("saturated bce is nn.Sigmoid + nn.BCELoss in float32, each log clamped at -100") {
  const auto bce = [](float logit, int label, float* grad = nullptr) {
    Matrix z(1, 1), g;
    z(0, 0) = logit;
    const int y[1] = {label};
    const double loss = loss_sum(LossKind::BCE, z, y, grad ? &g : nullptr, 1);
    if (grad) *grad = g(0, 0);
    return float(loss);
  };
  float g = 0;
  CHECK(bce(-17, 0, &g) == 5.9604645e-08f);  // log(1 - p) in float32 (in double it was 4.1399378e-08)
  CHECK(g == Approx(4.1399378e-08).epsilon(1e-6));
  CHECK(bce(-30, 0, &g) == 0.0f);            // 1 - p rounds to 1
  CHECK(g == Approx(8.7565123e-15).epsilon(1e-5));
  CHECK(bce(-90, 1, &g) == 100.0f);          // sigmoid(-90) is exactly 0 in float32: log 0 clamped
  CHECK(g == 0.0f);
  CHECK(bce(-10, 0) == 4.5419773e-05f);
}

TEST_CASE("the bce class is sigmoid(z) >= 0.5 with the float32 sigmoid, which is 0.5 just below 0") {
  Matrix z(1, 4);
  z << -1e-7f, -1.5e-7f, -2e-7f, -3e-7f;  // PyTorch: sigmoid gives 0.5, 0.5, 0.49999994, 0.4999999
  CHECK(predict_class(LossKind::BCE, z, 0) == 1);
  CHECK(predict_class(LossKind::BCE, z, 1) == 1);
  CHECK(predict_class(LossKind::BCE, z, 2) == 0);
  CHECK(predict_class(LossKind::BCE, z, 3) == 0);
  CHECK(probabilities(LossKind::BCE, z, 0) == std::vector<float>{0.5f, 0.5f});
}

TEST_CASE("the class is torch.argmax: the first of equal logits, and a NaN counts as the largest") {
  const float nan = std::nanf("");
  Matrix z(3, 4);
  z << 1, 3, nan, 5,
       nan, 3, nan, 5,
       2, 1, 1, 4;
  CHECK(predict_class(LossKind::CrossEntropy, z, 0) == 1);  // torch.argmax([1, nan, 2]) = 1
  CHECK(predict_class(LossKind::CrossEntropy, z, 1) == 0);  // a tie: the first
  CHECK(predict_class(LossKind::CrossEntropy, z, 2) == 0);  // two NaNs: the first
  CHECK(predict_class(LossKind::CrossEntropy, z, 3) == 0);
}
