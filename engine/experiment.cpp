#include "experiment.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "data_loader.h"
#include "error.h"
#include "loss.h"

namespace nnplay {

namespace {

// Samples processed at once inside a batch: the layer outputs of a chunk stay in cache, and the
// gradient of the whole batch is the sum over its chunks.
constexpr int kChunk = 256;

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSpec& o) {
  if (o.name == "adagrad") return make_adagrad(o.adagrad);
  if (o.name == "adam") return make_adam(o.adam);
  return make_sgd(o.sgd);
}

int model_outputs(const Spec& spec, const Dataset& data) {
  if (spec.loss == LossKind::BCE && data.classes != 2)
    throw SpecError("spec error at loss: expected \"bce\" only on two-class data (labels 0 and 1), got \"bce\" "
                    "on data with " + std::to_string(data.classes) + " classes; use \"cross_entropy\"");
  return loss_outputs(spec.loss, data.classes);
}

void apply_init(Sequential& model, const std::vector<LayerInit>& init) {
  if (init.size() != size_t(model.num_layers()))
    throw SpecError("spec error at model.init: expected " + std::to_string(model.num_layers()) +
                    " layers ({weight, bias} per nn.Linear), got " + std::to_string(init.size()));
  for (int l = 0; l < model.num_layers(); ++l) {
    const LayerShape& s = model.layer(l);
    const std::string path = "model.init[" + std::to_string(l) + "]";
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

bool all_finite(const std::vector<float>& v) {
  for (float x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

}  // namespace

Experiment::Experiment(const Spec& spec)
    : spec_(spec),
      data_(load_dataset(spec.data, spec.seed)),
      model_(data_.features(), spec.model.hidden, model_outputs(spec, data_), spec.model.activation),
      optimizer_(make_optimizer(spec.optimizer)),
      shuffle_rng_(spec.seed) {
  if (spec.model.init.empty())
    model_.reset_parameters(spec.seed);
  else
    apply_init(model_, spec.model.init);
  for (size_t i = 0; i < spec.predict.size(); ++i)
    if (spec.predict[i].size() != size_t(data_.features()))
      throw SpecError("spec error at predict[" + std::to_string(i) + "]: expected a point of " +
                      std::to_string(data_.features()) + " numbers (the data's features), got " +
                      std::to_string(spec.predict[i].size()));
  order_.resize(data_.split_size(Split::Train));
  std::iota(order_.begin(), order_.end(), 0);
}

int Experiment::train_epochs(int k) {
  int done = 0;
  while (done < k && train_epoch()) ++done;
  return done;
}

bool Experiment::train_epoch() {
  if (status_ == Status::Diverged) return false;
  const int n = data_.split_size(Split::Train);
  ++epoch_;
  double loss_sum = 0;
  int counted = 0;
  if (spec_.batch_size == 0 || n == 0) {
    if (n > 0) loss_sum = train_batch(nullptr, n) * n, counted = n;
  } else {
    if (spec_.shuffle) order_ = shuffle_rng_.randperm(n);  // torch.randperm(n, generator=g)
    for (int begin = 0; begin < n && status_ == Status::Ok; begin += spec_.batch_size) {
      const int count = std::min(spec_.batch_size, n - begin);
      if (count < spec_.batch_size && spec_.drop_last) break;
      loss_sum += train_batch(&order_[begin], count) * count;
      counted += count;
    }
  }
  epoch_loss_ = counted ? loss_sum / counted : 0.0;
  if (status_ == Status::Ok && !all_finite(model_.parameters()))
    diverge("a parameter became NaN or infinite in epoch " + std::to_string(epoch_));
  return status_ == Status::Ok;
}

double Experiment::train_batch(const int* indices, int count) {
  // The batch's columns: the training split itself for a full batch, else gathered.
  const int* labels = data_.y.data();
  if (indices) {
    batch_x_.resize(data_.features(), count);
    batch_y_.resize(count);
    for (int i = 0; i < count; ++i) {
      batch_x_.col(i) = data_.x.col(indices[i]);
      batch_y_[i] = data_.y[indices[i]];
    }
    labels = batch_y_.data();
  }
  const Eigen::Ref<const Matrix> X =
      indices ? Eigen::Ref<const Matrix>(batch_x_) : Eigen::Ref<const Matrix>(data_.x.leftCols(count));
  model_.zero_grad();  // optimizer.zero_grad()
  double total = 0;
  for (int c = 0; c < count; c += kChunk) {
    const int m = std::min(kChunk, count - c);
    const auto Xc = X.middleCols(c, m);
    const Matrix& logits = model_.forward(Xc, ws_);                               // pred = model(x)
    total += loss_sum(spec_.loss, logits, labels + c, &ws_.delta.back(), count);  // loss(pred, y)
    model_.backward(Xc, ws_);                                                     // loss.backward()
  }
  const double loss = total / loss_denominator(spec_.loss, count, model_.outputs());
  if (!std::isfinite(loss)) {  // no update from a NaN or infinite loss
    diverge("the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") + " in epoch " +
            std::to_string(epoch_) + " (after " + std::to_string(step_) + " updates)");
    return loss;
  }
  optimizer_->step(model_.parameters(), model_.gradients());  // optimizer.step()
  ++step_;
  return loss;
}

void Experiment::diverge(const std::string& why) {
  status_ = Status::Diverged;
  message_ = "diverged: " + why + "; try a smaller learning rate";
}

Matrix Experiment::logits(const Eigen::Ref<const Matrix>& X) const {
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
  const Matrix z = logits(data_.x.middleCols(begin, m.n));
  const double sum = loss_sum(spec_.loss, z, data_.y.data() + begin);
  m.loss = sum / loss_denominator(spec_.loss, m.n, model_.outputs());
  if (!std::isfinite(m.loss)) m.loss = std::nan("");
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

Prediction Experiment::predict(const std::vector<double>& point) const {
  Matrix x(data_.features(), 1);
  for (int j = 0; j < data_.features(); ++j) x(j, 0) = float(point[j]);
  const Matrix z = logits(x);
  Prediction p;
  p.logits.assign(z.data(), z.data() + z.rows());
  p.probabilities = probabilities(spec_.loss, z, 0);
  p.label = predict_class(spec_.loss, z, 0);
  return p;
}

}  // namespace nnplay
