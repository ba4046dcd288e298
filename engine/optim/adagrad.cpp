// torch.optim.Adagrad (1.13):
//   t = t + 1;  g = grad + weight_decay * p
//   clr = lr / (1 + (t - 1) * lr_decay)
//   sum = sum + g^2                       (starts at initial_accumulator_value)
//   p = p - clr * g / (sqrt(sum) + eps)
#include <cmath>

#include "../optimizer.h"

namespace nnplay {

namespace {

class Adagrad : public Optimizer {
 public:
  explicit Adagrad(const AdagradOptions& o) : o_(o) {}

  void step(std::vector<float>& params, const std::vector<float>& grads) override {
    if (sum_.empty()) sum_.assign(params.size(), float(o_.initial_accumulator_value));
    ++t_;
    const float clr = float(o_.lr / (1.0 + (t_ - 1) * o_.lr_decay));
    const float wd = float(o_.weight_decay), eps = float(o_.eps);
    for (size_t i = 0; i < params.size(); ++i) {
      float g = grads[i];
      if (wd != 0) g += wd * params[i];
      sum_[i] += g * g;
      params[i] -= clr * g / (std::sqrt(sum_[i]) + eps);
    }
  }
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }
  OptimizerState state() const override { return {double(t_), {{"sum", sum_}}}; }  // {'step', 'sum'}

 private:
  AdagradOptions o_;
  long long t_ = 0;
  std::vector<float> sum_;  // state_sum
};

}  // namespace

std::unique_ptr<Optimizer> make_adagrad(const AdagradOptions& options) {
  return std::make_unique<Adagrad>(options);
}

}  // namespace nnplay
