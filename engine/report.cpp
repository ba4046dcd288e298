#include "report.h"

#include "format.h"

#include <cmath>
#include <cstdlib>

namespace nnplay {

using json = nlohmann::ordered_json;

namespace {

json split_json(const SplitMetrics& m) {
  if (m.regression)
    return {{"loss", json_number(m.loss)}, {"mae", json_number(m.mae)}, {"rmse", json_number(m.rmse)},
            {"r2", json_number(m.r2)}};
  json out = {{"loss", json_number(m.loss)}, {"accuracy", m.accuracy}};
  if (!m.confusion.empty()) out["confusion"] = m.confusion;
  return out;
}

void add_splits(json& line, const Experiment& e, bool confusion) {
  for (int s = 0; s < 3; ++s) {
    const auto split = static_cast<Split>(s);
    if (e.data().split_size(split) > 0) line[kSplitNames[s]] = split_json(e.evaluate(split, confusion));
  }
}

json floats(const std::vector<float>& v) {
  json out = json::array();
  for (float x : v) out.push_back(json_float(x));
  return out;
}

}  // namespace

json json_float(float v) {
  if (!std::isfinite(v)) return nullptr;
  return std::strtod(format_float(v).c_str(), nullptr);  // the double whose shortest digits are v's
}

json json_number(double v) { return json_float(static_cast<float>(v)); }

json progress_line(const Experiment& e) {
  json line = {{"epoch", e.epoch()}, {"step", e.step()}};
  add_splits(line, e, false);
  return line;
}

json weights_json(const Sequential& model) {
  json layers = json::array();
  for (int l = 0; l < model.num_layers(); ++l) {
    const auto W = model.weight(l);
    json rows = json::array();
    for (int i = 0; i < W.rows(); ++i) {
      json row = json::array();
      for (int j = 0; j < W.cols(); ++j) row.push_back(json_float(W(i, j)));
      rows.push_back(std::move(row));
    }
    const auto b = model.bias(l);
    layers.push_back({{"weight", std::move(rows)}, {"bias", floats(std::vector<float>(b.data(), b.data() + b.size()))}});
  }
  return layers;
}

json final_line(const Experiment& e, bool with_weights) {
  json line = {{"final", true},
               {"status", e.status() == Status::Ok ? "ok" : "diverged"},
               {"epochs", e.epoch()},
               {"step", e.step()}};
  if (e.status() == Status::Diverged) line["message"] = e.message();
  add_splits(line, e, true);
  if (!e.spec().predict.empty()) {
    json predictions = json::array();
    for (const auto& point : e.spec().predict) {
      const Prediction p = e.predict(point);
      json x = json::array();
      for (double v : point) x.push_back(json_float(float(v)));
      if (e.data().regression) {
        predictions.push_back({{"x", x}, {"value", json_float(p.value)}});
        continue;
      }
      predictions.push_back({{"x", x}, {"logits", floats(p.logits)}, {"probabilities", floats(p.probabilities)}});
    }
    line["predict"] = std::move(predictions);
  }
  if (with_weights) line["weights"] = weights_json(e.model());
  return line;
}

void run_experiment(Experiment& e, bool with_weights, const std::function<void(const std::string&)>& emit) {
  const int every = e.spec().log_every;
  auto emit_traces = [&] {
    for (const StepTrace& t : e.take_traces()) emit(trace_json(e.model(), t));
  };
  if (every > 0) emit(progress_line(e).dump());
  while (e.epoch() < e.spec().epochs) {
    const bool trained = e.train_epoch();
    emit_traces();
    if (!trained) break;
    if (every > 0 && e.epoch() % every == 0) emit(progress_line(e).dump());
  }
  emit(final_line(e, with_weights).dump());
}

std::string dataset_csv(const Dataset& data) {
  std::string out;
  for (int j = 0; j < data.features(); ++j) out += "x" + std::to_string(j + 1) + ",";
  out += "label,split\n";
  for (int i = 0; i < data.size(); ++i) {
    for (int j = 0; j < data.features(); ++j) out += format_float(data.x(j, i)) + ",";
    const int split = i < data.split_end[0] ? 0 : i < data.split_end[1] ? 1 : 2;
    out += (data.regression ? format_float(data.target[i]) : std::to_string(data.y[i])) + "," + kSplitNames[split] +
           "\n";
  }
  return out;
}

}  // namespace nnplay
