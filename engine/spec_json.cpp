// The spec back to JSON with every default filled in: what a spec means, spelled out. The page
// puts it in URLs and exports; parse_spec(spec_to_json(s)) gives s back.
#include "spec.h"

namespace nnplay {

using json = nlohmann::ordered_json;

namespace {

json data_json(const DataSpec& d) {
  json out = {{"name", d.name}};
  if (is_generated_dataset(d.name)) {
    out["n"] = d.n;
    out["noise"] = d.noise;
  }
  out["split"] = d.split;
  out["shuffle"] = d.shuffle;
  out["standardize"] = d.standardize;
  if (d.name == "inline") {
    out["x"] = d.x;
    if (d.regression) out["y"] = d.targets;
    else out["y"] = d.y;
  }
  if (d.name == "csv") {
    if (!d.text.empty() || d.path.empty()) out["text"] = d.text;
    else out["path"] = d.path;
    if (d.holdout) out["holdout"] = true;  // written only when set: a spec without it is as before
  }
  return out;
}

json optimizer_json(const OptimizerSpec& o) {
  if (o.name == "sgd")
    return {{"name", "sgd"}, {"lr", o.sgd.lr}, {"momentum", o.sgd.momentum}, {"dampening", o.sgd.dampening},
            {"nesterov", o.sgd.nesterov}, {"weight_decay", o.sgd.weight_decay}};
  if (o.name == "adagrad")
    return {{"name", "adagrad"}, {"lr", o.adagrad.lr}, {"lr_decay", o.adagrad.lr_decay},
            {"weight_decay", o.adagrad.weight_decay},
            {"initial_accumulator_value", o.adagrad.initial_accumulator_value}, {"eps", o.adagrad.eps}};
  return {{"name", "adam"}, {"lr", o.adam.lr}, {"betas", {o.adam.beta1, o.adam.beta2}}, {"eps", o.adam.eps},
          {"weight_decay", o.adam.weight_decay}, {"amsgrad", o.adam.amsgrad}};
}

}  // namespace

std::string spec_to_json(const Spec& s) {
  json model = {{"hidden", s.model.hidden}, {"activation", activation_name(s.model.activation)}};
  if (!s.model.init.empty()) {
    json layers = json::array();
    for (const auto& layer : s.model.init) layers.push_back({{"weight", layer.weight}, {"bias", layer.bias}});
    model["init"] = layers;
  }
  // Written only when given: absent, they follow the data (features) and the spec's seed (seed).
  if (!s.model.features.empty()) {
    json features = json::array();
    for (Feature f : s.model.features) features.push_back(feature_name(f));
    model["features"] = features;
  }
  if (s.model.seed_given) model["seed"] = s.model.seed;
  json out = {{"seed", s.seed},
              {"task", task_name(s.task)},
              {"data", data_json(s.data)},
              {"model", model},
              {"loss", loss_name(s.loss)},
              {"regularization", {{"l1", s.regularization.l1}, {"l2", s.regularization.l2}}},
              {"optimizer", optimizer_json(s.optimizer)},
              {"batch_size", s.batch_size}, {"shuffle", s.shuffle},          {"drop_last", s.drop_last},
              {"epochs", s.epochs},        {"log_every", s.log_every}};
  if (!s.predict.empty()) out["predict"] = s.predict;
  if (!s.trace.empty()) out["trace"] = s.trace;
  return out.dump();
}

}  // namespace nnplay
