// Random streams that reproduce numpy's and PyTorch's, draw for draw.
//
// Both libraries run a standard MT19937 seeded with init_genrand(seed); std::mt19937 is specified
// bit-exactly by the C++ standard, so it is that generator everywhere (native and WebAssembly).
// No std:: distribution is used: their algorithms differ between standard libraries.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace nnplay {

// np.random.seed(seed) followed by the legacy RandomState draws.
class NumpyRandom {
 public:
  explicit NumpyRandom(uint32_t seed) : mt_(seed) {}

  // np.random.rand(): 53 random bits from two 32-bit draws.
  double rand();
  // np.random.randn(): legacy polar Box-Muller; each accepted pair yields two values.
  double randn();
  // np.random.permutation(n): Fisher-Yates from the back with masked rejection sampling.
  std::vector<int> permutation(int n);

 private:
  uint32_t interval(uint32_t max);  // uniform on 0..max, numpy's random_interval
  std::mt19937 mt_;
  bool has_gauss_ = false;
  double gauss_ = 0.0;
};

// torch.manual_seed(seed) / torch.Generator().manual_seed(seed) on the CPU.
class TorchRandom {
 public:
  explicit TorchRandom(uint32_t seed) : mt_(seed) {}

  // tensor.uniform_(from, to) for float32: one 32-bit draw per value, 24 bits kept.
  float uniform(double from, double to);
  // torch.randperm(n, generator=g).
  std::vector<int> randperm(int n);

 private:
  std::mt19937 mt_;
};

}  // namespace nnplay
