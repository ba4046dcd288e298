// One experiment built from a spec: the dataset, the model, the loss, the optimizer and the
// training loop. Each update is the five plain steps: next batch, zero grad, forward + loss,
// backward, optimizer step.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dataset.h"
#include "history.h"
#include "model.h"
#include "optimizer.h"
#include "random.h"
#include "spec.h"
#include "trace.h"

namespace nnplay {

struct SplitMetrics {
  int n = 0;
  double loss = 0;      // mean loss, NaN if it is not finite
  double accuracy = 0;  // fraction correct (classification)
  std::vector<std::vector<int>> confusion;  // [true][predicted], when asked for (classification)
  bool regression = false;
  double mae = 0, rmse = 0, r2 = 0;         // regression (regression.h)
};

struct Prediction {
  std::vector<float> logits, probabilities;  // classification
  int label = 0;
  float value = 0;                           // regression: the model's output
};

enum class Status { Ok, Diverged };

class Experiment {
 public:
  explicit Experiment(const Spec& spec);  // throws SpecError (for csv, spec.data.text must be set)

  const Spec& spec() const { return spec_; }
  const Dataset& data() const { return data_; }
  Sequential& model() { return model_; }
  const Sequential& model() const { return model_; }

  // Runs up to k epochs (or k updates); stops early on divergence. Returns how many ran.
  int train_epochs(int k);
  int train_steps(int k);
  bool train_epoch() { return train_epochs(1) == 1; }  // false once diverged
  bool train_step() { return train_steps(1) == 1; }    // one update (or one epoch that has no batch)

  // With records on, every finished epoch makes an EpochRecord (the validation split is then
  // evaluated after each epoch, as tutorial 001's loop does). recent() holds the records of the
  // last train_* call, all of them; history() those of the whole run, thinned past its limit
  // (history.h), so that a long session's memory stays bounded.
  void set_record_history(bool on) { record_history_ = on; }
  void set_history_limit(std::size_t limit) { history_.set_limit(limit); }
  const std::vector<EpochRecord>& history() const { return history_.records(); }
  long long history_stride() const { return history_.stride(); }
  const std::vector<EpochRecord>& recent() const { return recent_; }

  // Updates (optimizer steps) in one epoch: 1 for full batch, else ceil(n / batch_size), or
  // floor(n / batch_size) with drop_last (0 when the batch is larger than the training split).
  int updates_per_epoch() const;

  int epoch() const { return epoch_; }  // finished epochs (for a diverged run, the one it happened in)
  long long step() const { return step_; }
  Status status() const { return status_; }
  const std::string& message() const { return message_; }
  double last_epoch_train_loss() const { return epoch_loss_; }  // mean batch loss of the last epoch

  SplitMetrics evaluate(Split split, bool confusion = false) const;
  // Logits of many points at once, X (F x N) as the data holds them (data().x's units, so
  // standardized when data.standardize is on; model.features are applied here); returns
  // outputs x N. For regression the one output is the predicted value.
  Matrix logits(const Eigen::Ref<const Matrix>& X) const;
  // Logits of points given in the data's own units (the spec's predict, the JS API's predict):
  // standardized with the training split's statistics first, when data.standardize is on.
  Matrix predict_logits(const Eigen::Ref<const Matrix>& points) const;
  // What the first layer sees for the whole dataset: model.features of data().x, or data().x.
  const Matrix& inputs() const { return spec_.model.features.empty() ? data_.x : inputs_; }
  Prediction predict(const std::vector<double>& point) const;  // one point, in the data's units

  // Replaces the weights (PyTorch layout); throws SpecError naming the first bad shape or value.
  void set_weights(const std::vector<LayerInit>& weights);

  // Step traces (trace.h): the steps the spec's "trace" names, and the next step after
  // trace_next_step(). take_traces() hands over those made since it was last called. The sample
  // traced is the batch's first, or `sample` (an index into the training split) when the next
  // step's batch holds it: the step inspector's chosen point.
  void trace_next_step(int sample = -1) {
    trace_next_ = true;
    trace_sample_ = sample;
  }
  std::vector<StepTrace> take_traces() { return std::exchange(traces_, {}); }

  // Takes effect at the next update, optimizer state kept; throws SpecError outside 0 .. max_lr.
  void set_lr(double lr);
  double lr() const { return optimizer_->lr(); }

 private:
  void start_call();                                  // recent() starts empty
  bool next_epoch();                                  // false once diverged
  bool next_step();
  double train_batch(const int* indices, int count);  // one update; returns the batch's mean loss
  int batch_count_at(int cursor) const;                // size of the batch starting there, 0 = none
  void finish_epoch();
  void diverge(const std::string& why);
  bool trace_wanted() const;
  int trace_begin(StepTrace& t, const int* indices, int count) const;  // the traced sample's column

  Matrix forward_inputs(const Eigen::Ref<const Matrix>& inputs) const;  // logits of model inputs
  // The loss sum of a chunk of columns [begin, begin + B) of the batch; fills the gradient when asked.
  double chunk_loss(const Matrix& logits, const int* labels, const float* targets, Matrix* grad, int n_mean) const;

  Spec spec_;
  Dataset data_;
  Matrix inputs_;  // model.features of data_.x (empty without features)
  Sequential model_;
  std::unique_ptr<Optimizer> optimizer_;
  TorchRandom shuffle_rng_;
  std::vector<int> order_;
  Matrix batch_x_;
  std::vector<int> batch_y_;
  std::vector<float> batch_t_;
  Workspace ws_;
  int epoch_ = 0;
  long long step_ = 0;
  int cursor_ = 0;                 // next training row of the current epoch's order
  double epoch_loss_sum_ = 0;      // sum of batch loss * batch size in the current epoch
  int epoch_rows_ = 0;
  Status status_ = Status::Ok;
  std::string message_;
  double epoch_loss_ = 0;
  bool record_history_ = false;
  EpochHistory history_;
  std::vector<EpochRecord> recent_;
  bool trace_next_ = false;
  int trace_sample_ = -1;  // the sample trace_next_step() asked for, or -1: the batch's first
  std::vector<StepTrace> traces_;
};

}  // namespace nnplay
