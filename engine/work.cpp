#include "work.h"

#include <string>

#include "caps.h"
#include "error.h"

namespace nnplay {

namespace {

double weight_count(int inputs, const std::vector<int>& hidden, int outputs) {
  double weights = 0;
  int in = inputs;
  for (int out : hidden) {
    weights += double(in) * out + out;  // nn.Linear(in, out): weight and bias
    in = out;
  }
  return weights + double(in) * outputs + outputs;
}

// Updates per epoch (Experiment::batch_count_at): one for a full batch, else ceil(n / batch),
// or floor with drop_last.
double updates_per_epoch(const Spec& spec, int n_train) {
  if (n_train == 0) return 0;
  if (spec.batch_size == 0) return 1;
  const int b = spec.batch_size;
  return spec.drop_last ? n_train / b : (n_train + b - 1) / b;
}

// An update's cost per weight, in multiply-adds of the big products (measured in WebAssembly,
// docs/RELIABILITY.md): the step over every weight, plus a batch of one or a few points making
// small, slow products. Adam's measured cost is ten times SGD's (its moments reach the slow
// subnormal range of floats on some data).
double update_cost(const Spec& spec) { return spec.optimizer.name == "adam" ? 80 : 8; }

std::string whole(double v) { return std::to_string(static_cast<long long>(v)); }

}  // namespace

double epoch_work(const Spec& spec, const Dataset& data, int outputs) {
  const int n_train = data.split_size(Split::Train), n_val = data.split_size(Split::Val);
  return weight_count(data.features(), spec.model.hidden, outputs) *
         (3.0 * n_train + n_val + update_cost(spec) * updates_per_epoch(spec, n_train));
}

void check_epoch_work(const Spec& spec, const Dataset& data, int outputs) {
  const double work = epoch_work(spec, data, outputs);
  if (work <= kMaxEpochWork) return;
  const int n_train = data.split_size(Split::Train), n_val = data.split_size(Split::Val);
  throw SpecError("spec error at model.hidden: one epoch would take " + whole(work) + " multiply-adds (" +
                  whole(weight_count(data.features(), spec.model.hidden, outputs)) + " weights x (3 x " +
                  std::to_string(n_train) + " training points + " + std::to_string(n_val) + " validation points + " +
                  whole(update_cost(spec)) + " x " +
                  whole(updates_per_epoch(spec, n_train)) + " updates)), past the work cap of " + whole(kMaxEpochWork) +
                  " per epoch (about 2 s in a browser); use fewer layers, units or training points");
}

}  // namespace nnplay
