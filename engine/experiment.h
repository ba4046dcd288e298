// One experiment built from a spec: the dataset, the model, the loss, the optimizer and the
// training loop. Each update is the five plain steps: next batch, zero grad, forward + loss,
// backward, optimizer step.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "dataset.h"
#include "model.h"
#include "optimizer.h"
#include "random.h"
#include "spec.h"

namespace nnplay {

struct SplitMetrics {
  int n = 0;
  double loss = 0;      // mean loss, NaN if it is not finite
  double accuracy = 0;  // fraction correct
  std::vector<std::vector<int>> confusion;  // [true][predicted], when asked for
};

struct Prediction {
  std::vector<float> logits, probabilities;
  int label = 0;
};

enum class Status { Ok, Diverged };

class Experiment {
 public:
  explicit Experiment(const Spec& spec);  // throws SpecError (for csv, spec.data.text must be set)

  const Spec& spec() const { return spec_; }
  const Dataset& data() const { return data_; }
  Sequential& model() { return model_; }
  const Sequential& model() const { return model_; }

  // Runs up to k epochs; stops early on divergence. Returns the epochs run.
  int train_epochs(int k);
  bool train_epoch();  // false once diverged

  int epoch() const { return epoch_; }
  long long step() const { return step_; }
  Status status() const { return status_; }
  const std::string& message() const { return message_; }
  double last_epoch_train_loss() const { return epoch_loss_; }  // mean batch loss of the last epoch

  SplitMetrics evaluate(Split split, bool confusion = false) const;
  // Logits of many points at once: X is F x N; returns outputs x N.
  Matrix logits(const Eigen::Ref<const Matrix>& X) const;
  Prediction predict(const std::vector<double>& point) const;

  void set_lr(double lr) { optimizer_->set_lr(lr); }
  double lr() const { return optimizer_->lr(); }

 private:
  double train_batch(const int* indices, int count);  // one update; returns the batch's mean loss
  void diverge(const std::string& why);

  Spec spec_;
  Dataset data_;
  Sequential model_;
  std::unique_ptr<Optimizer> optimizer_;
  TorchRandom shuffle_rng_;
  std::vector<int> order_;
  Matrix batch_x_;
  std::vector<int> batch_y_;
  Workspace ws_;
  int epoch_ = 0;
  long long step_ = 0;
  Status status_ = Status::Ok;
  std::string message_;
  double epoch_loss_ = 0;
};

}  // namespace nnplay
