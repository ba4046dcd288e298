#include "experiment.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "data_loader.h"
#include "error.h"
#include "format.h"
#include "loss.h"
#include "work.h"
#include "regression.h"

namespace nnplay {

namespace {

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSpec& o) {
  if (o.name == "adagrad") return make_adagrad(o.adagrad);
  if (o.name == "adam") return make_adam(o.adam);
  return make_sgd(o.sgd);
}

int model_outputs(const Spec& spec, const Dataset& data) {
  if (spec.task == Task::Regression) return 1;  // the predicted value
  if (spec.loss == LossKind::BCE && data.classes != 2)
    throw SpecError("spec error at loss: expected \"bce\" only on two-class data (labels 0 and 1), got \"bce\" "
                    "on data with " + std::to_string(data.classes) + " classes; use \"cross_entropy\"");
  const int outputs = loss_outputs(spec.loss, data.classes);
  check_epoch_work(spec, data, outputs);  // before the model is built
  return outputs;
}

void apply_init(Sequential& model, const std::vector<LayerInit>& init, const std::string& where) {
  if (init.size() != size_t(model.num_layers()))
    throw SpecError("spec error at " + where + ": expected " + std::to_string(model.num_layers()) +
                    " layers ({weight, bias} per nn.Linear), got " + std::to_string(init.size()));
  for (int l = 0; l < model.num_layers(); ++l) {
    const LayerShape& s = model.layer(l);
    const std::string path = where + "[" + std::to_string(l) + "]";
    const auto& w = init[l].weight;
    bool ok = w.size() == size_t(s.out);
    for (const auto& row : w) ok = ok && row.size() == size_t(s.in);
    if (!ok || init[l].bias.size() != size_t(s.out))
      throw SpecError("spec error at " + path + ": expected weight " + std::to_string(s.out) + " x " +
                      std::to_string(s.in) + " and bias " + std::to_string(s.out) + " (nn.Linear(" +
                      std::to_string(s.in) + ", " + std::to_string(s.out) + ")), got weight " +
                      std::to_string(w.size()) + " x " + std::to_string(w.empty() ? 0 : w[0].size()) +
                      " and bias " + std::to_string(init[l].bias.size()));
    for (int i = 0; i < s.out; ++i) {
      for (int j = 0; j < s.in; ++j) model.weight(l)(i, j) = w[i][j];
      model.bias(l)(i) = init[l].bias[i];
    }
  }
}

// The first layer's width: one input per model.features entry, which needs 2-feature data.
int model_inputs(const Spec& spec, const Dataset& data) {
  const auto& features = spec.model.features;
  if (features.empty()) return data.features();
  if (data.features() != 2)
    throw SpecError("spec error at model.features: expected data of 2 features (x1, x2) for input features, got "
                    "data with " + std::to_string(data.features()) + " features; leave model.features out");
  return static_cast<int>(features.size());
}

bool all_finite(const std::vector<float>& v) {
  for (float x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

}  // namespace

Experiment::Experiment(const Spec& spec)
    : spec_(spec),
      data_(load_dataset(spec.data, spec.seed)),
      model_(model_inputs(spec, data_), spec.model.hidden, model_outputs(spec, data_), spec.model.activation),
      optimizer_(make_optimizer(spec.optimizer)),
      shuffle_rng_(spec.seed) {
  if (!spec.model.features.empty()) inputs_ = feature_map(spec.model.features, data_.x);
  if (spec.model.init.empty())
    model_.reset_parameters(spec.model.seed);  // torch.manual_seed(model.seed), then the layers
  else
    apply_init(model_, spec.model.init, "model.init");
  for (size_t i = 0; i < spec.predict.size(); ++i)
    if (spec.predict[i].size() != size_t(data_.features()))
      throw SpecError("spec error at predict[" + std::to_string(i) + "]: expected a point of " +
                      std::to_string(data_.features()) + " numbers (the data's features), got " +
                      std::to_string(spec.predict[i].size()));
  order_.resize(data_.split_size(Split::Train));
  std::iota(order_.begin(), order_.end(), 0);
}

void Experiment::set_weights(const std::vector<LayerInit>& weights) {
  Sequential candidate = model_;  // all or nothing: a bad layer leaves the model as it was
  apply_init(candidate, weights, "weights");
  model_ = std::move(candidate);
  restart_update();  // its gradient so far came from the old weights
}

void Experiment::set_lr(double lr) {
  const double max = max_lr(spec_.optimizer);
  if (!(lr >= 0 && lr <= max))
    throw SpecError("lr: expected a number in 0 .. " + format_double(max) + ", got " + format_double(lr));
  optimizer_->set_lr(lr);
}

int Experiment::train_epochs(int k) {
  start_call();
  int done = 0;
  while (done < k && next_epoch()) ++done;
  return done;
}

int Experiment::train_steps(int k) {
  start_call();
  int done = 0;
  while (done < k && next_step()) ++done;
  return done;
}

void Experiment::start_call() {
  constexpr std::size_t kKeptCapacity = 4096;  // a huge call's records are not held for the next
  if (recent_.capacity() > kKeptCapacity) recent_ = {};
  recent_.clear();
}

bool Experiment::next_epoch() {
  const int start = epoch_;
  while (epoch_ == start)
    if (!next_step()) return false;
  return true;
}

int Experiment::batch_count_at(int cursor) const {
  const int n = data_.split_size(Split::Train);
  if (spec_.batch_size == 0) return cursor == 0 ? n : 0;
  const int count = std::min(spec_.batch_size, n - cursor);
  return count < spec_.batch_size && spec_.drop_last ? 0 : std::max(count, 0);
}

int Experiment::updates_per_epoch() const {
  int updates = 0;
  for (int cursor = 0, count; (count = batch_count_at(cursor)) > 0; cursor += count) ++updates;
  return updates;
}

void Experiment::finish_epoch() {
  ++epoch_;
  cursor_ = 0;
  epoch_loss_ = epoch_rows_ ? epoch_loss_sum_ / epoch_rows_ : 0.0;
  epoch_loss_sum_ = 0;
  epoch_rows_ = 0;
  if (!all_finite(model_.parameters())) {
    diverge("a parameter became NaN or infinite in epoch " + std::to_string(epoch_));
    return;
  }
  if (record_history_) {
    EpochRecord r{epoch_, step_, epoch_loss_, std::nan(""), std::nan("")};
    if (data_.split_size(Split::Val) > 0) {
      const SplitMetrics val = evaluate(Split::Val);
      r.val_loss = val.loss;
      if (val.regression) {
        r.val_mae = val.mae;
        r.val_rmse = val.rmse;
        r.val_r2 = val.r2;
      } else {
        r.val_accuracy = val.accuracy;
      }
    }
    recent_.push_back(r);
    history_.add(r);
  }
}

double Experiment::chunk_loss(const Matrix& logits, const int* labels, const float* targets, Matrix* grad,
                              int n_mean) const {
  if (data_.regression) return regression_loss_sum(spec_.loss, logits, targets, grad, n_mean);
  return loss_sum(spec_.loss, logits, labels, grad, n_mean);
}

void Experiment::diverge(const std::string& why) {
  status_ = Status::Diverged;
  message_ = "diverged: " + why + "; try a smaller learning rate";
}

Matrix Experiment::logits(const Eigen::Ref<const Matrix>& X) const {
  if (spec_.model.features.empty()) return forward_inputs(X);
  return forward_inputs(feature_map(spec_.model.features, X));
}

Matrix Experiment::forward_inputs(const Eigen::Ref<const Matrix>& X) const {
  Matrix out(model_.outputs(), X.cols());
  Workspace ws;
  for (Eigen::Index c = 0; c < X.cols(); c += 1024) {
    const Eigen::Index m = std::min<Eigen::Index>(1024, X.cols() - c);
    out.middleCols(c, m) = model_.forward(X.middleCols(c, m), ws);
  }
  return out;
}

SplitMetrics Experiment::evaluate(Split split, bool confusion) const {
  SplitMetrics m;
  m.n = data_.split_size(split);
  if (m.n == 0) return m;
  const int begin = data_.split_begin(split);
  const Matrix z = forward_inputs(inputs().middleCols(begin, m.n));
  const bool regression = data_.regression;
  const double sum = chunk_loss(z, regression ? nullptr : data_.y.data() + begin,
                                regression ? data_.target.data() + begin : nullptr, nullptr, 0);
  m.loss = sum / loss_denominator(spec_.loss, m.n, model_.outputs());
  if (!std::isfinite(m.loss)) m.loss = std::nan("");
  if (regression) {
    const RegressionMetrics r = regression_metrics(z, data_.target.data() + begin);
    m.regression = true;
    m.mae = r.mae;
    m.rmse = r.rmse;
    m.r2 = r.r2;
    return m;
  }
  if (confusion) m.confusion.assign(data_.classes, std::vector<int>(data_.classes, 0));
  int correct = 0;
  for (int i = 0; i < m.n; ++i) {
    const int predicted = predict_class(spec_.loss, z, i);
    const int truth = data_.y[begin + i];
    correct += predicted == truth;
    if (confusion) ++m.confusion[truth][predicted];
  }
  m.accuracy = double(correct) / m.n;
  return m;
}

Matrix Experiment::predict_logits(const Eigen::Ref<const Matrix>& points) const {
  if (data_.scaling.empty()) return logits(points);
  Matrix x = points;
  apply_scaling(data_.scaling, x);  // as StandardScaler.transform in a scikit-learn pipeline
  return logits(x);
}

Prediction Experiment::predict(const std::vector<double>& point) const {
  Matrix x(data_.features(), 1);
  for (int j = 0; j < data_.features(); ++j) x(j, 0) = float(point[j]);
  const Matrix z = predict_logits(x);
  Prediction p;
  if (data_.regression) {
    p.value = z(0, 0);
    return p;
  }
  p.logits.assign(z.data(), z.data() + z.rows());
  p.probabilities = probabilities(spec_.loss, z, 0);
  p.label = predict_class(spec_.loss, z, 0);
  return p;
}

}  // namespace nnplay
