// torch.optim.Adam (1.13):
//   t = t + 1;  g = grad + weight_decay * p
//   m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2
//   vmax = max(vmax, v) (amsgrad, used in place of v below)
//   p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
// v decays by beta2 every step: values under 1e-30 are flushed to 0, because subnormal floats
// take a slow path on x86 that WebAssembly cannot switch off; sqrt(1e-30) = 1e-15 is far below
// eps, so no printed digit changes.
#include <algorithm>
#include <cmath>

#include "../optimizer.h"

namespace nnplay {

namespace {

inline float flush_tiny(float v) { return v < 1e-30f ? 0.0f : v; }

class Adam : public Optimizer {
 public:
  explicit Adam(const AdamOptions& o) : o_(o) {}

  void step(std::vector<float>& params, const std::vector<float>& grads) override {
    if (m_.empty()) {
      m_.assign(params.size(), 0.0f);
      v_.assign(params.size(), 0.0f);
      if (o_.amsgrad) vmax_.assign(params.size(), 0.0f);
    }
    ++t_;
    const double bc1 = 1.0 - std::pow(o_.beta1, double(t_));
    const double bc2 = 1.0 - std::pow(o_.beta2, double(t_));
    const float step_size = float(o_.lr / bc1);
    const float bc2_sqrt = float(std::sqrt(bc2));
    const float b1 = float(o_.beta1), b2 = float(o_.beta2);
    const float one_minus_b1 = float(1.0 - o_.beta1), one_minus_b2 = float(1.0 - o_.beta2);
    const float wd = float(o_.weight_decay), eps = float(o_.eps);
    for (size_t i = 0; i < params.size(); ++i) {
      float g = grads[i];
      if (wd != 0) g += wd * params[i];
      m_[i] = m_[i] * b1 + one_minus_b1 * g;
      v_[i] = flush_tiny(v_[i] * b2 + one_minus_b2 * g * g);
      float v = v_[i];
      if (o_.amsgrad) v = vmax_[i] = std::max(vmax_[i], v);
      params[i] -= step_size * m_[i] / (std::sqrt(v) / bc2_sqrt + eps);
    }
  }
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }
  // {'step', 'exp_avg', 'exp_avg_sq'} and 'max_exp_avg_sq' with amsgrad
  OptimizerState state() const override {
    OptimizerState s{double(t_), {{"exp_avg", m_}, {"exp_avg_sq", v_}}};
    if (o_.amsgrad) s.buffers.emplace_back("max_exp_avg_sq", vmax_);
    return s;
  }

 private:
  AdamOptions o_;
  long long t_ = 0;
  std::vector<float> m_, v_, vmax_;  // exp_avg, exp_avg_sq, max_exp_avg_sqs
};

}  // namespace

std::unique_ptr<Optimizer> make_adam(const AdamOptions& options) { return std::make_unique<Adam>(options); }

}  // namespace nnplay
