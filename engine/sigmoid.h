// The scalar sigmoid, one definition for the hidden activation (activation.cpp) and for the bce
// output (loss.cpp): PyTorch's own float32 formula (torch.sigmoid on CPU),
//   sigmoid(z) = 1 / (1 + exp(-z))
// For z < -88.7, exp(-z) overflows to inf and the result is exactly 0, as in PyTorch; bce then
// clamps log(0) at -100 as nn.BCELoss does. (The split form e^z / (1 + e^z) for z < 0 would give
// tiny nonzero values there instead, and so a different loss.) NaN in gives NaN out.
#pragma once

#include <cmath>

namespace nnplay {

inline float sigmoid(float z) { return 1.0f / (1.0f + std::exp(-z)); }

}  // namespace nnplay
