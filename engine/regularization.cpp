#include "regularization.h"

#include <cmath>

namespace nnplay {

void add_penalty_gradient(const Regularization& r, Sequential& model) {
  if (!r.active()) return;
  const float l1 = float(r.l1), two_l2 = float(2.0 * r.l2);
  for (int l = 0; l < model.num_layers(); ++l) {
    const LayerShape& s = model.layer(l);
    const float* w = &model.parameters()[s.offset];
    float* g = &model.gradients()[s.offset];
    for (size_t i = 0; i < size_t(s.in) * s.out; ++i) {
      // sign(w) as torch.sgn: -1, 0 or +1
      const float sign = w[i] > 0.0f ? 1.0f : w[i] < 0.0f ? -1.0f : 0.0f;
      if (r.l1 > 0) g[i] += l1 * sign;
      if (r.l2 > 0) g[i] += two_l2 * w[i];
    }
  }
}

double penalty(const Regularization& r, const Sequential& model) {
  double abs_sum = 0, sq_sum = 0;
  for (int l = 0; l < model.num_layers(); ++l) {
    const LayerShape& s = model.layer(l);
    const float* w = &model.parameters()[s.offset];
    for (size_t i = 0; i < size_t(s.in) * s.out; ++i) {
      abs_sum += std::abs(double(w[i]));
      sq_sum += double(w[i]) * w[i];
    }
  }
  return r.l1 * abs_sum + r.l2 * sq_sum;
}

}  // namespace nnplay
