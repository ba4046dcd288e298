#include "spec_info.h"

#include <nlohmann/json.hpp>

#include "caps.h"
#include "datasets/catalog.h"
#include "loss.h"
#include "regression.h"
#include "spec.h"

namespace nnplay {

namespace {

using json = nlohmann::ordered_json;

json datasets_json() {
  json out = json::array();
  for (const DatasetInfo& d : dataset_catalog()) {
    json entry = {{"name", d.name}, {"generated", d.generated}};
    if (d.generated) entry["n"] = d.default_n;
    entry["classes"] = d.classes;
    entry["split"] = d.split;
    // The task a spec without `task` gets (read_task); the regression sets allow no other.
    entry["task"] = is_regression_dataset(d.name) ? "regression" : "classification";
    if (d.name == "csv") entry["holdoutSplit"] = kHoldoutSplit;  // data.holdout's default split
    out.push_back(entry);
  }
  return out;
}

// The output width rule of loss_outputs(): a fixed width, or one output per class.
json losses_json() {
  json out = json::array();
  constexpr int kProbe = 7;  // any class count other than 1 tells "per class" from a fixed width
  for (const std::string& name : kLossNames) {
    const LossKind kind = loss_kind(name);
    const int width = loss_outputs(kind, kProbe);
    json entry = {{"name", name}};
    if (width == kProbe) entry["outputs"] = "classes";
    else entry["outputs"] = width;
    if (kind == LossKind::BCE) entry["classes"] = 2;  // experiment.cpp refuses bce on other data
    out.push_back(entry);
  }
  return out;
}

// The losses each task allows (read_loss), the task's default first.
json tasks_json() {
  json out = json::array();
  for (const Task task : {Task::Classification, Task::Regression}) {
    const bool regression = task == Task::Regression;
    json losses = json::array();
    losses.push_back(default_loss_name(task));
    for (const std::string& name : kLossNames) {
      const LossKind kind = loss_kind(name);
      if ((regression ? is_regression_loss(kind) : is_classification_loss(kind)) && name != default_loss_name(task))
        losses.push_back(name);
    }
    out.push_back({{"name", task_name(task)}, {"losses", losses}});
  }
  return out;
}

}  // namespace

std::string spec_info_json() {
  const json info = {
      {"datasets", datasets_json()},
      {"losses", losses_json()},
      {"tasks", tasks_json()},
      {"activations", kActivationNames},
      {"optimizers", kOptimizerNames},
      {"caps", {{"samples", kMaxSamples}, {"features", kMaxFeatures}, {"label", kMaxLabel},
                {"hiddenLayers", kMaxHiddenLayers}, {"units", kMaxUnits}, {"epochs", kMaxEpochs},
                {"predict", kMaxPredict}}},
  };
  return info.dump();
}

}  // namespace nnplay
