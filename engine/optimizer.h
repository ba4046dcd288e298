// Optimizers with PyTorch 1.13's update rules (torch.optim, single-tensor path), applied to the
// model's flat parameter buffer. Every rule is elementwise, so one loop over the whole buffer is
// the same as PyTorch's loop over its parameter tensors. State is sized on first use.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace nnplay {

struct SGDOptions {
  double lr = 0.005, momentum = 0, dampening = 0, weight_decay = 0;
  bool nesterov = false;
};
struct AdagradOptions {
  double lr = 0.01, lr_decay = 0, weight_decay = 0, initial_accumulator_value = 0, eps = 1e-10;
};
struct AdamOptions {
  double lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0;
  bool amsgrad = false;
};

// What torch.optim's optimizer.state[p] holds after step(), under PyTorch 1.13's names. Each buffer
// spans the whole flat parameter buffer (split per layer by whoever prints it); `step` is the
// state's step count, or negative where PyTorch keeps none (SGD).
struct OptimizerState {
  double step = -1;
  std::vector<std::pair<std::string, std::vector<float>>> buffers;
};

class Optimizer {
 public:
  virtual ~Optimizer() = default;
  // One optimizer.step(): update params in place from grads (both of the same length).
  virtual void step(std::vector<float>& params, const std::vector<float>& grads) = 0;
  virtual double lr() const = 0;
  virtual void set_lr(double lr) = 0;  // takes effect at the next step, state kept
  virtual OptimizerState state() const = 0;  // a copy; for the step trace (trace.h)
};

std::unique_ptr<Optimizer> make_sgd(const SGDOptions& options);
std::unique_ptr<Optimizer> make_adagrad(const AdagradOptions& options);
std::unique_ptr<Optimizer> make_adam(const AdamOptions& options);

}  // namespace nnplay
