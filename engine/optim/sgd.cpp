// torch.optim.SGD (1.13):
//   g = grad + weight_decay * p
//   if momentum: buf = g on the first step, else buf = momentum * buf + (1 - dampening) * g
//                g = g + momentum * buf (nesterov)  or  g = buf
//   p = p - lr * g
#include "../optimizer.h"

namespace nnplay {

namespace {

class SGD : public Optimizer {
 public:
  explicit SGD(const SGDOptions& o) : o_(o) {}

  void step(std::vector<float>& params, const std::vector<float>& grads) override {
    const float lr = float(o_.lr), wd = float(o_.weight_decay), mu = float(o_.momentum);
    const float keep = float(1.0 - o_.dampening);
    const bool first = buf_.empty();
    if (mu != 0 && first) buf_.assign(params.size(), 0.0f);
    for (size_t i = 0; i < params.size(); ++i) {
      float g = grads[i];
      if (wd != 0) g += wd * params[i];
      if (mu != 0) {
        buf_[i] = first ? g : mu * buf_[i] + keep * g;
        g = o_.nesterov ? g + mu * buf_[i] : buf_[i];
      }
      params[i] -= lr * g;
    }
  }
  double lr() const override { return o_.lr; }
  void set_lr(double lr) override { o_.lr = lr; }
  // {'momentum_buffer': buf} with momentum; PyTorch keeps a None buffer without, printed as {}.
  OptimizerState state() const override {
    OptimizerState s;
    if (!buf_.empty()) s.buffers.emplace_back("momentum_buffer", buf_);
    return s;
  }

 private:
  SGDOptions o_;
  std::vector<float> buf_;  // momentum_buffer
};

}  // namespace

std::unique_ptr<Optimizer> make_sgd(const SGDOptions& options) { return std::make_unique<SGD>(options); }

}  // namespace nnplay
