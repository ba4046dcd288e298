// The random streams against values printed by numpy 1.24 and PyTorch 1.13.
#include <catch2/catch.hpp>

#include "model.h"
#include "random.h"

using namespace nnplay;

TEST_CASE("NumpyRandom::rand matches np.random.seed(0) - np.random.rand(3)") {
  NumpyRandom rng(0);
  CHECK(rng.rand() == 0.5488135039273248);
  CHECK(rng.rand() == 0.7151893663724195);
  CHECK(rng.rand() == 0.6027633760716439);
}

TEST_CASE("NumpyRandom::randn matches np.random.seed(0) - np.random.randn(3)") {
  NumpyRandom rng(0);
  CHECK(rng.randn() == Approx(1.764052345967664).epsilon(1e-15));
  CHECK(rng.randn() == Approx(0.4001572083672233).epsilon(1e-15));
  CHECK(rng.randn() == Approx(0.9787379841057392).epsilon(1e-15));
}

TEST_CASE("NumpyRandom::permutation matches np.random.permutation") {
  NumpyRandom a(0);
  CHECK(a.permutation(10) == std::vector<int>{2, 8, 4, 9, 1, 6, 7, 3, 0, 5});
  NumpyRandom b(3);
  CHECK(b.permutation(7) == std::vector<int>{4, 6, 5, 3, 1, 0, 2});
}

TEST_CASE("TorchRandom::randperm matches torch.randperm(10 - generator=g) with g.manual_seed(5)") {
  TorchRandom g(5);
  CHECK(g.randperm(10) == std::vector<int>{1, 4, 9, 6, 3, 5, 0, 2, 8, 7});
}

TEST_CASE("TorchRandom::uniform matches torch.manual_seed(0) - torch.rand(3)") {
  TorchRandom g(0);
  CHECK(g.uniform(0, 1) == 0.49625658988952637f);
  CHECK(g.uniform(0, 1) == 0.7682217955589294f);
  CHECK(g.uniform(0, 1) == 0.08847743272781372f);
}

TEST_CASE("torch.manual_seed(10) - nn.Linear(1 - 1) gives the tutorial's initial weights") {
  Sequential model(1, {}, 1, Activation::ReLU);
  model.reset_parameters(10);
  CHECK(model.weight(0)(0, 0) == -0.08383071422576904f);
  CHECK(model.bias(0)(0) == -0.03428685665130615f);
}
