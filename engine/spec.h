// The experiment spec (docs/spec.md): the one JSON contract between the engine, the runners, the
// WebAssembly API, the page and the tests. Parsing validates strictly; every error names the
// field's path, what was given and what is allowed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "activation.h"
#include "input_features.h"
#include "loss.h"
#include "optimizer.h"
#include "regularization.h"

namespace nnplay {

struct DataSpec {
  std::string name = "radial";
  int n = 0;                                   // generated sets only
  double noise = 0;                            // generated sets only
  std::array<double, 3> split = {0.8, 0.1, 0.1};
  bool shuffle = false;                        // permute rows once before splitting
  bool holdout = false;                        // csv: without a split column, shuffle and split by `split`
  bool standardize = false;
  std::vector<std::vector<double>> x;          // inline
  std::vector<int> y;                          // inline, classification
  std::vector<double> targets;                 // inline, regression (the spec's y as real numbers)
  std::string text;                            // csv
  std::string path;                            // csv, resolved by a runner into text
  bool regression = false;                     // the spec's task (not a data field): real targets
};

struct LayerInit {
  std::vector<std::vector<float>> weight;  // out x in
  std::vector<float> bias;                 // out
};

struct ModelSpec {
  std::vector<int> hidden = {200};
  Activation activation = Activation::ReLU;
  std::vector<LayerInit> init;  // empty: torch.manual_seed(seed) initialisation
  std::vector<Feature> features;        // empty: the data's inputs as they are
  bool seed_given = false;              // model.seed given: it seeds the weights alone
  uint32_t seed = 0;                    // the weights' seed: model.seed, or the spec's seed
};

struct OptimizerSpec {
  std::string name = "sgd";
  SGDOptions sgd;
  AdagradOptions adagrad;
  AdamOptions adam;
};

enum class Task { Classification, Regression };

struct Spec {
  uint32_t seed = 0;
  Task task = Task::Classification;
  DataSpec data;
  ModelSpec model;
  LossKind loss = LossKind::CrossEntropy;
  Regularization regularization;
  OptimizerSpec optimizer;
  int batch_size = 0;  // 0 = full batch
  bool shuffle = true;
  bool drop_last = false;
  int epochs = 4000;
  int log_every = 200;
  std::vector<std::vector<double>> predict;
  std::vector<long long> trace;  // optimizer steps to trace (trace.h), 0-based; sorted, unique
};

// Throws SpecError. The text is checked against the caps (kMaxSpecBytes, kMaxDepth,
// kMaxJsonValues) before any value is built; a UTF-8 byte order mark before it is skipped.
Spec parse_spec(const nlohmann::ordered_json& json);
Spec parse_spec(const std::string& text);

// The spec as JSON with every default filled in (engine/spec_json.cpp).
std::string spec_to_json(const Spec& spec);

// Weights in PyTorch's layout, [{"weight": [[...]], "bias": [...]}, ...] (model.init, or weights
// set later); errors name `path`.
std::vector<LayerInit> parse_weights(const nlohmann::ordered_json& layers, const std::string& path);
// The same from JSON text, within the caps (kMaxWeightsBytes, kMaxDepth, kMaxJsonValues).
std::vector<LayerInit> parse_weights_text(const std::string& text);

// The largest learning rate PyTorch accepts with these options: float32's largest value; for Adam,
// whose first step is lr / (1 - beta1), that times (1 - beta1).
double max_lr(const OptimizerSpec& o);

// The allowed values of loss, model.activation and optimizer.name, in docs/spec.md's order.
extern const std::vector<std::string> kLossNames;
extern const std::vector<std::string> kActivationNames;
extern const std::vector<std::string> kOptimizerNames;

// Generated datasets take n and noise.
bool is_generated_dataset(const std::string& name);
// Datasets whose labels are real numbers (task "regression" by default, and only).
bool is_regression_dataset(const std::string& name);

// A name of kLossNames as its kind, and back.
LossKind loss_kind(const std::string& name);
const char* loss_name(LossKind loss);
const char* activation_name(Activation activation);
const char* task_name(Task task);
// The loss a spec without `loss` gets: cross_entropy, or mse for regression.
const char* default_loss_name(Task task);

}  // namespace nnplay
