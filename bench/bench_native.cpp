// npm run bench (native part): tutorial 001's workload, timed per epoch.
// One epoch = one full-batch SGD step on the 8000 training points of radial (MLP 2-200-3 ReLU,
// cross-entropy, lr 0.005) plus a validation forward on 1000. Prints the median over the runs.
// Adam on the same model is timed too: its second moment is where subnormal floats appear.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "experiment.h"

namespace {

double median_ms_per_epoch(const std::string& spec_json, int warmup, int epochs) {
  nnplay::Experiment e(nnplay::parse_spec(spec_json));
  std::vector<double> ms;
  for (int i = 0; i < warmup + epochs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    e.train_epoch();
    volatile double loss = e.evaluate(nnplay::Split::Val).loss;
    (void)loss;
    const auto stop = std::chrono::steady_clock::now();
    if (i >= warmup) ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
  }
  std::nth_element(ms.begin(), ms.begin() + ms.size() / 2, ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int epochs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 300;
  const char* sgd = R"({"data": {"name": "radial"}, "model": {"hidden": [200]}, "optimizer": {"name": "sgd", "lr": 0.005}})";
  const char* adam = R"({"data": {"name": "radial"}, "model": {"hidden": [200]}, "optimizer": {"name": "adam", "lr": 0.001}})";
  const double sgd_ms = median_ms_per_epoch(sgd, 20, epochs);
  const double adam_ms = median_ms_per_epoch(adam, 20, epochs);
  std::printf("{\"bench\": \"native\", \"workload\": \"radial MLP 2-200-3, full batch 8000 + val 1000\", "
              "\"epochs\": %d, \"sgd_ms_per_epoch\": %.3f, \"adam_ms_per_epoch\": %.3f}\n",
              epochs, sgd_ms, adam_ms);
  return 0;
}
