#include "spec.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.h"
#include "format.h"
#include "caps.h"
#include "json_text.h"
#include "datasets/catalog.h"
#include "regression.h"
#include "spec_fields.h"

namespace nnplay {

const std::vector<std::string> kLossNames = {"cross_entropy", "bce", "mse", "l1", "huber"};
const std::vector<std::string> kActivationNames = {"relu", "tanh", "sigmoid", "linear"};
const std::vector<std::string> kOptimizerNames = {"sgd", "adagrad", "adam"};

namespace {

constexpr double kHuge = 1e308;
// PyTorch turns lr, weight_decay, 1 - dampening and initial_accumulator_value into float32 and
// refuses a value past float32's range ("value cannot be converted to type float without overflow").
constexpr double kFloatMax = std::numeric_limits<float>::max();

std::array<double, 3> default_split(const std::string& name) { return find_dataset(name)->split; }

std::array<double, 3> read_split(Fields& f, const std::string& name, bool holdout) {
  if (!f.has("split")) return holdout ? kHoldoutSplit : default_split(name);
  const std::string path = f.path_of("split");
  const json& v = as_array(f.raw("split"), path, 3, 3);
  std::array<double, 3> split{};
  for (int i = 0; i < 3; ++i) split[i] = as_number(v[i], path + "[" + std::to_string(i) + "]", 0, 1);
  if (std::abs(split[0] + split[1] + split[2] - 1.0) > 1e-6)
    Fields::fail(path, "three fractions [train, val, test] that add up to 1", v);
  return split;
}

std::vector<std::vector<double>> read_rows(const json& v, const std::string& path, size_t max_rows,
                                           size_t min_width, size_t max_width) {
  as_array(v, path, 1, max_rows);
  std::vector<std::vector<double>> rows;
  rows.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string row_path = path + "[" + std::to_string(i) + "]";
    const json& row = as_array(v[i], row_path, min_width, max_width);
    if (i > 0 && row.size() != rows[0].size())
      Fields::fail(row_path, "a row of " + std::to_string(rows[0].size()) + " numbers like row 0", row);
    std::vector<double> values(row.size());
    for (size_t j = 0; j < row.size(); ++j)
      values[j] = as_number(row[j], row_path + "[" + std::to_string(j) + "]", -kMaxValue, kMaxValue);
    rows.push_back(std::move(values));
  }
  return rows;
}

DataSpec read_data(const json& v, bool regression) {
  Fields f(v, "data");
  DataSpec d;
  d.regression = regression;
  d.name = f.choice("name", "radial", dataset_names());
  const bool generated = is_generated_dataset(d.name);
  if (generated) {
    d.n = int(f.integer("n", find_dataset(d.name)->default_n, 1, kMaxSamples));
    d.noise = f.number("noise", 0, 0, 1);
  }
  // holdout (csv only): a file without a split column is shuffled by the seed and split, 80/10/10 by default.
  if (f.has("holdout") && d.name != "csv")
    Fields::fail(f.path_of("holdout"), "holdout only with name \"csv\" (the other sets have their split)", f.raw("holdout"));
  d.holdout = f.boolean("holdout", false);
  d.split = read_split(f, d.name, d.holdout);
  d.shuffle = f.boolean("shuffle", d.name == "wine");
  d.standardize = f.boolean("standardize", false);
  if (d.name == "inline") {
    for (const char* key : {"x", "y"})
      if (!f.has(key)) Fields::fail(f.path_of(key), "an array (required when name is \"inline\")", nullptr);
    d.x = read_rows(f.raw("x"), f.path_of("x"), kMaxSamples, 1, kMaxFeatures);
    const json& y = as_array(f.raw("y"), f.path_of("y"), d.x.size(), d.x.size());
    for (size_t i = 0; i < y.size(); ++i) {
      const std::string path = f.path_of("y") + "[" + std::to_string(i) + "]";
      if (regression)  // task "regression": real targets
        d.targets.push_back(as_number(y[i], path, -kMaxValue, kMaxValue));
      else
        d.y.push_back(int(as_integer(y[i], path, 0, kMaxLabel)));
    }
  }
  if (d.name == "csv") {
    const bool text = f.has("text"), path = f.has("path");
    if (text == path)
      Fields::fail("data", "exactly one of \"text\" (the CSV itself) and \"path\" (a CSV file) with name \"csv\"",
                   v);
    if (text) d.text = f.string("text");
    if (path) d.path = f.string("path");
    if (d.path.find('\0') != std::string::npos)  // a C library would read the file named before it
      Fields::fail(f.path_of("path"), "a file path without NUL characters", v["path"]);
  }
  f.finish();
  return d;
}

std::vector<float> read_floats(const json& v, const std::string& path) {
  as_array(v, path, 1, kMaxUnits * kMaxUnits);
  std::vector<float> out(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    out[i] = float(as_number(v[i], path + "[" + std::to_string(i) + "]", -kMaxValue, kMaxValue));
  return out;
}

std::vector<Feature> read_features(const json& v, const std::string& path) {
  const auto& names = feature_names();
  as_array(v, path, 1, names.size());
  std::string allowed = "one of ";
  for (size_t i = 0; i < names.size(); ++i) allowed += (i ? ", \"" : "\"") + names[i] + "\"";
  std::vector<Feature> out;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    if (!v[i].is_string() || std::find(names.begin(), names.end(), v[i].get<std::string>()) == names.end())
      Fields::fail(item, allowed, v[i]);
    const Feature feature = feature_from_name(v[i].get<std::string>());
    if (std::find(out.begin(), out.end(), feature) != out.end())
      Fields::fail(item, "each feature at most once", v[i]);
    out.push_back(feature);
  }
  return out;
}

ModelSpec read_model(const json& v, uint32_t seed) {
  Fields f(v, "model");
  ModelSpec m;
  if (f.has("hidden")) {
    const std::string path = f.path_of("hidden");
    const json& h = as_array(f.raw("hidden"), path, 0, kMaxHiddenLayers);
    m.hidden.clear();
    for (size_t i = 0; i < h.size(); ++i)
      m.hidden.push_back(int(as_integer(h[i], path + "[" + std::to_string(i) + "]", 1, kMaxUnits)));
  }
  const std::string act = f.choice("activation", "relu", kActivationNames);
  m.activation = act == "tanh"      ? Activation::Tanh
                 : act == "sigmoid" ? Activation::Sigmoid
                 : act == "linear"  ? Activation::Linear
                                    : Activation::ReLU;
  if (f.has("init")) m.init = parse_weights(f.raw("init"), f.path_of("init"));
  if (f.has("features")) m.features = read_features(f.raw("features"), f.path_of("features"));
  m.seed_given = f.has("seed");
  m.seed = uint32_t(f.integer("seed", seed, 0, 4294967295LL));
  f.finish();
  return m;
}

// An option PyTorch turns into float32: past `max` (float32's range) it is refused, with the
// reason, rather than a run that diverges at step 1.
double float32_option(Fields& f, const std::string& key, double fallback, double min, double max,
                      const std::string& why = "a float32, as in PyTorch") {
  const double v = f.number(key, fallback, min, kHuge);
  if (v > max)
    Fields::fail(f.path_of(key), "a number in " + format_double(min) + " .. " + format_double(max) + " (" + why + ")",
                 f.raw(key));
  return v;
}

double read_lr(Fields& f, double fallback, const OptimizerSpec& o) {
  return float32_option(f, "lr", fallback, 0, max_lr(o),
                        o.name == "adam" ? "Adam's first step lr / (1 - betas[0]) must be a float32, as in PyTorch"
                                         : "a float32, as in PyTorch");
}

OptimizerSpec read_optimizer(const json& v) {
  Fields f(v, "optimizer");
  OptimizerSpec o;
  o.name = f.choice("name", "sgd", kOptimizerNames);
  if (o.name == "sgd") {
    SGDOptions& s = o.sgd;
    if (!f.has("lr"))
      Fields::fail(f.path_of("lr"), "a number >= 0 (PyTorch's SGD has no default learning rate)", nullptr);
    s.lr = read_lr(f, 0, o);
    s.momentum = f.number("momentum", 0, 0, kHuge);
    s.dampening = float32_option(f, "dampening", 0, -kFloatMax, kFloatMax);  // 1 - dampening, really
    s.nesterov = f.boolean("nesterov", false);
    s.weight_decay = float32_option(f, "weight_decay", 0, 0, kFloatMax);
    if (s.nesterov && (s.momentum <= 0 || s.dampening != 0))
      Fields::fail(f.path_of("nesterov"), "nesterov only with momentum > 0 and dampening 0", true);
  } else if (o.name == "adagrad") {
    AdagradOptions& a = o.adagrad;
    a.lr = read_lr(f, a.lr, o);
    a.lr_decay = f.number("lr_decay", 0, 0, kHuge);
    a.weight_decay = float32_option(f, "weight_decay", 0, 0, kFloatMax);
    a.initial_accumulator_value = float32_option(f, "initial_accumulator_value", 0, 0, kFloatMax);
    a.eps = f.number("eps", a.eps, 0, kHuge);
  } else {
    AdamOptions& a = o.adam;
    if (f.has("betas")) {
      const std::string path = f.path_of("betas");
      const json& b = as_array(f.raw("betas"), path, 2, 2);
      a.beta1 = as_number(b[0], path + "[0]", 0, 0.999999999);
      a.beta2 = as_number(b[1], path + "[1]", 0, 0.999999999);
    }
    a.lr = read_lr(f, a.lr, o);  // after betas: its bound depends on beta1
    a.eps = f.number("eps", a.eps, 0, kHuge);
    a.weight_decay = float32_option(f, "weight_decay", 0, 0, kFloatMax);
    a.amsgrad = f.boolean("amsgrad", false);
  }
  f.finish();
  return o;
}

// The task's default follows the dataset: "regression" for plane and multi_gauss.
Task read_task(Fields& f, const json& document) {
  std::string data_name = "radial";
  if (document.contains("data") && document["data"].is_object() && document["data"].contains("name") &&
      document["data"]["name"].is_string())
    data_name = document["data"]["name"].get<std::string>();
  const std::string fallback = is_regression_dataset(data_name) ? "regression" : "classification";
  return f.choice("task", fallback, {"classification", "regression"}) == "regression" ? Task::Regression
                                                                                      : Task::Classification;
}

// The loss, checked against the task: cross_entropy and bce classify, l1 and huber regress, mse does both.
LossKind read_loss(Fields& f, Task task) {
  const bool regression = task == Task::Regression;
  const std::string name = f.choice("loss", default_loss_name(task), kLossNames);
  const LossKind loss = loss_kind(name);
  if (regression && !is_regression_loss(loss))
    Fields::fail("loss", "\"mse\", \"l1\" or \"huber\" with task \"regression\"", name);
  if (!regression && !is_classification_loss(loss))
    Fields::fail("loss", "\"cross_entropy\", \"bce\" or \"mse\" with task \"classification\"", name);
  return loss;
}

Regularization read_regularization(const json& v) {
  Fields f(v, "regularization");
  Regularization r;
  r.l1 = f.number("l1", 0, 0, kHuge);
  r.l2 = f.number("l2", 0, 0, kHuge);
  f.finish();
  return r;
}

}  // namespace

std::vector<LayerInit> parse_weights(const nlohmann::ordered_json& layers, const std::string& path) {
  // Shapes are checked against the model when it is built (Experiment::set_weights).
  as_array(layers, path, 1, kMaxHiddenLayers + 1);
  std::vector<LayerInit> out;
  for (size_t l = 0; l < layers.size(); ++l) {
    Fields layer(layers[l], path + "[" + std::to_string(l) + "]");
    LayerInit init;
    if (!layer.has("weight") || !layer.has("bias"))
      Fields::fail(layer.path_of("weight"), "both \"weight\" and \"bias\"", layers[l]);
    const std::string wpath = layer.path_of("weight");
    const json& w = as_array(layer.raw("weight"), wpath, 1, kMaxUnits);
    for (size_t i = 0; i < w.size(); ++i)
      init.weight.push_back(read_floats(w[i], wpath + "[" + std::to_string(i) + "]"));
    init.bias = read_floats(layer.raw("bias"), layer.path_of("bias"));
    layer.finish();
    out.push_back(std::move(init));
  }
  return out;
}

double max_lr(const OptimizerSpec& o) {
  return o.name == "adam" ? kFloatMax * (1.0 - o.adam.beta1) : kFloatMax;
}

// "trace": [k, ...], the optimizer steps to trace; each trace line holds every parameter several
// times over, so a spec asks for a few.
static std::vector<long long> read_trace(const json& value) {
  const json& steps = as_array(value, "trace", 0, kMaxTraceSteps);
  std::vector<long long> out;
  for (size_t i = 0; i < steps.size(); ++i)
    out.push_back(as_integer(steps[i], "trace[" + std::to_string(i) + "]", 0, kMaxTraceStep));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_generated_dataset(const std::string& name) {
  const DatasetInfo* d = find_dataset(name);
  return d && d->generated;
}

LossKind loss_kind(const std::string& name) {
  return name == "bce" ? LossKind::BCE : name == "mse" ? LossKind::MSE : name == "l1" ? LossKind::L1
         : name == "huber" ? LossKind::Huber : LossKind::CrossEntropy;
}

bool is_regression_dataset(const std::string& name) { return name == "plane" || name == "multi_gauss"; }

const char* loss_name(LossKind loss) {
  switch (loss) {
    case LossKind::BCE: return "bce";
    case LossKind::MSE: return "mse";
    case LossKind::L1: return "l1";
    case LossKind::Huber: return "huber";
    default: return "cross_entropy";
  }
}

const char* activation_name(Activation a) {
  switch (a) {
    case Activation::Tanh: return "tanh";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Linear: return "linear";
    default: return "relu";
  }
}

const char* default_loss_name(Task task) { return task == Task::Regression ? "mse" : "cross_entropy"; }

const char* task_name(Task task) { return task == Task::Regression ? "regression" : "classification"; }

Spec parse_spec(const nlohmann::ordered_json& document) {
  Fields f(document, "");
  Spec s;
  s.seed = uint32_t(f.integer("seed", 0, 0, 4294967295LL));
  s.task = read_task(f, document);
  const bool regression = s.task == Task::Regression;
  s.data = f.has("data") ? read_data(f.raw("data"), regression) : read_data(json::object(), regression);
  if (is_regression_dataset(s.data.name) && !regression)
    Fields::fail("task", "\"regression\" with data.name \"" + s.data.name + "\" (its labels are real numbers)",
                 "classification");
  s.model = read_model(f.has("model") ? f.raw("model") : json::object(), s.seed);
  s.loss = read_loss(f, s.task);
  if (f.has("regularization")) s.regularization = read_regularization(f.raw("regularization"));
  s.optimizer = f.has("optimizer") ? read_optimizer(f.raw("optimizer"))
                                   : read_optimizer(json{{"name", "sgd"}, {"lr", 0.005}});
  s.batch_size = int(f.integer("batch_size", 0, 0, kMaxSamples));
  s.shuffle = f.boolean("shuffle", true);
  s.drop_last = f.boolean("drop_last", false);
  s.epochs = int(f.integer("epochs", 4000, 0, kMaxEpochs));
  s.log_every = int(f.integer("log_every", 200, 0, kMaxEpochs));
  if (f.has("predict")) s.predict = read_rows(f.raw("predict"), "predict", kMaxPredict, 1, kMaxFeatures);
  if (f.has("trace")) s.trace = read_trace(f.raw("trace"));
  f.finish();
  return s;
}

Spec parse_spec(const std::string& text) { return parse_spec(parse_json_text(text, "spec is", kMaxSpecBytes)); }

std::vector<LayerInit> parse_weights_text(const std::string& text) {
  return parse_weights(parse_json_text(text, "weights are", kMaxWeightsBytes), "weights");
}

}  // namespace nnplay
