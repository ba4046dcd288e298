// One experiment built from a spec: the dataset, the model, the loss, the optimizer and the
// training loop. Each update is the five plain steps: next batch, zero grad, forward + loss,
// backward, optimizer step.
#pragma once

#include <array>
#include <memory>
#include <optional>
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

  // An update in pieces, for a caller that must look up every few milliseconds (the page's worker)
  // however big one update is. A piece is one kernel of one layer (its forward, its parameter
  // gradients or its input gradient) on one chunk of up to 256 batch rows; train_work runs pieces of the update under way (starting the next one if none
  // is) until about `work` multiply-adds are done (at least one piece), and takes the optimizer
  // step when the batch is done. So it finishes at most one update: returns 1 then (or when an
  // epoch with no batch ends), else 0. The numbers are train_steps' to the bit: the same kernels
  // on the same chunks in the same order, with pauses between them. train_* goes on with an
  // update left under way; set_weights and trace_next_step start it again from its first piece.
  int train_work(double work);
  double last_work() const { return last_work_; }  // multiply-adds the last train_work call did
  double update_progress() const;                   // done fraction of the update under way, 0 if none
  double update_work() const;                       // multiply-adds of the next (or current) update

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
    restart_update();  // the trace covers a whole update
  }
  std::vector<StepTrace> take_traces() { return std::exchange(traces_, {}); }

  // Takes effect at the next update, optimizer state kept; throws SpecError outside 0 .. max_lr.
  void set_lr(double lr);
  double lr() const { return optimizer_->lr(); }

 private:
  void start_call();                                  // recent() starts empty
  bool next_epoch();                                  // false once diverged
  bool next_step();
  // An update (experiment_update.cpp): begin_update gathers the next batch (false: the epoch has
  // none left), run_piece runs one piece (true once the batch is done), end_update takes the step.
  bool begin_update();
  void start_pass();
  bool run_piece();
  bool end_update();                                   // false once diverged
  void restart_update();                               // the update under way, from its first piece
  const int* batch_indices() const;                    // the batch's training rows; nullptr: full batch
  double update_work_of(int rows) const;
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

  struct Pass {  // the update under way
    bool active = false;
    int count = 0;           // batch rows: batch_indices(), or the first `count` for a full batch
    int column = 0;          // first batch column of the chunk under way
    int stage = 0;           // 0 .. L-1 forward of layer stage, L the loss, L+1 .. 3L-1 backward (experiment_update.cpp)
    double loss_sum = 0;
    double work = 0;         // multiply-adds done
    std::optional<StepTrace> trace;
    int traced = 0;          // the traced sample's column in the batch
  } pass_;
  double last_work_ = 0;
};

}  // namespace nnplay
