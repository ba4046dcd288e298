// One update of an Experiment, as pieces that can pause between them (experiment.h, train_work).
//
// The batch is worked through in chunks of kChunk columns (the layer outputs of a chunk stay in
// cache). Per chunk: the forward pass layer by layer, the loss (its sum, and dL/dlogits scaled by
// the whole batch's mean), the backward pass layer by layer, which ADDS each layer's dW and db to
// the gradients. So the batch's gradient is the sum over its chunks, in chunk order, whether the
// pieces run in one call or across many: a paused update resumes with exactly the same numbers.
//
//   stage 0 .. L-1        forward of layer `stage`                          in x out multiply-adds per row
//   stage L               the loss (and the trace's forward)
//   stage L+1 .. 3L-1     backward, t = stage - L - 1: layer l = L-1 - t/2,   in x out per row each
//                         its dW and db for even t, dL/dz of layer l-1 for odd t
#include <algorithm>
#include <cmath>

#include "experiment.h"
#include "loss.h"
#include "regularization.h"

namespace nnplay {

namespace {

// Samples processed at once inside a batch.
constexpr int kChunk = 256;

}  // namespace

bool Experiment::next_step() {
  if (status_ == Status::Diverged) return false;
  if (!pass_.active && !begin_update()) {  // an epoch with no batch left (drop_last): it ends here
    finish_epoch();
    return status_ == Status::Ok;
  }
  while (!run_piece()) {
  }
  return end_update();
}

int Experiment::train_work(double work) {
  start_call();
  last_work_ = 0;
  if (status_ == Status::Diverged) return 0;
  if (!pass_.active && !begin_update()) {
    finish_epoch();
    return status_ == Status::Ok;
  }
  const double before = pass_.work;
  bool done;
  do done = run_piece();
  while (!done && pass_.work - before < work);
  last_work_ = pass_.work - before;
  return done && end_update() ? 1 : 0;
}

bool Experiment::begin_update() {
  if (cursor_ == 0 && spec_.batch_size > 0 && spec_.shuffle && batch_count_at(0) > 0)
    order_ = shuffle_rng_.randperm(data_.split_size(Split::Train));  // torch.randperm(n, generator=g)
  const int count = batch_count_at(cursor_);
  if (count == 0) return false;
  const int* indices = spec_.batch_size == 0 ? nullptr : &order_[cursor_];
  if (indices) {  // the batch's columns: the training split itself for a full batch, else gathered
    const Matrix& inputs = this->inputs();
    batch_x_.resize(inputs.rows(), count);
    for (int i = 0; i < count; ++i) batch_x_.col(i) = inputs.col(indices[i]);
    if (data_.regression) {
      batch_t_.resize(count);
      for (int i = 0; i < count; ++i) batch_t_[i] = data_.target[indices[i]];
    } else {
      batch_y_.resize(count);
      for (int i = 0; i < count; ++i) batch_y_[i] = data_.y[indices[i]];
    }
  }
  pass_.active = true;
  pass_.count = count;
  start_pass();
  return true;
}

void Experiment::start_pass() {
  pass_.column = 0;
  pass_.stage = 0;
  pass_.loss_sum = 0;
  pass_.work = 0;
  pass_.trace.reset();
  pass_.traced = 0;
  if (trace_wanted()) pass_.traced = trace_begin(pass_.trace.emplace(), batch_indices(), pass_.count);
  model_.zero_grad();  // optimizer.zero_grad()
}

void Experiment::restart_update() {
  if (pass_.active) start_pass();
}

const int* Experiment::batch_indices() const {
  return spec_.batch_size == 0 ? nullptr : &order_[cursor_];  // the cursor moves when the update ends
}

bool Experiment::run_piece() {
  const int L = model_.num_layers();
  const int c = pass_.column, m = std::min(kChunk, pass_.count - c);
  const bool gathered = batch_indices() != nullptr;
  const Eigen::Ref<const Matrix> X = gathered ? Eigen::Ref<const Matrix>(batch_x_)
                                              : Eigen::Ref<const Matrix>(inputs().leftCols(pass_.count));
  const auto Xc = X.middleCols(c, m);
  const bool traced_here = pass_.trace && pass_.traced >= c && pass_.traced < c + m;
  const int s = pass_.stage;
  if (s < L) {  // pred = model(x), one layer
    model_.forward_layer(s, Xc, ws_);
    pass_.work += model_.layer_work(s, m);
  } else if (s == L) {  // loss(pred, y)
    if (traced_here) trace_forward(model_, ws_, Xc, pass_.traced - c, *pass_.trace);
    const bool regression = data_.regression;
    const int* labels = gathered ? batch_y_.data() : data_.y.data();
    const float* targets = gathered ? batch_t_.data() : data_.target.data();
    pass_.loss_sum += chunk_loss(ws_.a.back(), regression ? nullptr : labels + c, regression ? targets + c : nullptr,
                                 &ws_.delta.back(), pass_.count);
  } else {  // loss.backward(), one kernel
    const int t = s - L - 1, l = L - 1 - t / 2;
    if (t % 2 == 0)
      model_.backward_params(l, Xc, ws_);
    else
      model_.backward_input(l, ws_);
    pass_.work += model_.layer_work(l, m);
    if (l == 0 && traced_here) trace_backward(ws_, pass_.traced - c, *pass_.trace);
  }
  if (++pass_.stage <= 3 * L - 1) return false;
  pass_.stage = 0;
  pass_.column += m;
  return pass_.column >= pass_.count;
}

bool Experiment::end_update() {
  pass_.active = false;
  const int count = pass_.count;
  std::optional<StepTrace> trace = std::move(pass_.trace);
  pass_.trace.reset();
  add_penalty_gradient(spec_.regularization, model_);  // (loss + penalty).backward(): regularization.h
  const double loss = pass_.loss_sum / loss_denominator(spec_.loss, count, model_.outputs());
  if (!std::isfinite(loss)) {  // no update from a NaN or infinite loss
    ++epoch_;  // the epoch in progress is the one it happened in
    diverge("the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") + " in epoch " +
            std::to_string(epoch_) + " (after " + std::to_string(step_) + " updates)");
    return false;
  }
  if (trace) {
    trace->grad = model_.gradients();  // each .grad after (loss + penalty).backward()
    if (spec_.regularization.active()) trace->penalty = penalty(spec_.regularization, model_);
  }
  optimizer_->step(model_.parameters(), model_.gradients());  // optimizer.step()
  if (trace) {
    trace->loss = loss;
    trace->state = optimizer_->state();
    trace->after = model_.parameters();
    traces_.push_back(std::move(*trace));
    trace_next_ = false;
    trace_sample_ = -1;
  }
  ++step_;
  epoch_loss_sum_ += loss * count;
  epoch_rows_ += count;
  cursor_ += count;
  if (batch_count_at(cursor_) == 0) finish_epoch();
  return status_ == Status::Ok;
}

double Experiment::update_work_of(int rows) const {
  double per_row = 0;
  for (int l = 0; l < model_.num_layers(); ++l) per_row += model_.layer_work(l, 1) * (l == 0 ? 2 : 3);
  return per_row * rows;
}

double Experiment::update_work() const {
  return update_work_of(pass_.active ? pass_.count : batch_count_at(cursor_));
}

double Experiment::update_progress() const {
  if (!pass_.active) return 0;
  const double total = update_work_of(pass_.count);
  return total > 0 ? std::min(pass_.work / total, 0.999) : 0;
}

bool Experiment::trace_wanted() const {
  return trace_next_ || std::binary_search(spec_.trace.begin(), spec_.trace.end(), step_);
}

int Experiment::trace_begin(StepTrace& t, const int* indices, int count) const {
  t.step = step_;
  t.epoch = epoch_;
  t.batch.resize(count);
  int column = 0;
  for (int i = 0; i < count; ++i) {
    t.batch[i] = indices ? indices[i] : i;
    if (trace_next_ && t.batch[i] == trace_sample_) column = i;
  }
  t.sample_index = t.batch[column];
  t.params = model_.parameters();
  return column;
}

}  // namespace nnplay
