// A StepTrace as the runner's {"trace": {...}} line (docs/spec.md): flat buffers are split into
// each nn.Linear's {"weight": [[out x in]], "bias": [out]}, PyTorch's layout.
#include "report.h"

namespace nnplay {

using json = nlohmann::ordered_json;

namespace {

json floats(const float* v, size_t n) {
  json out = json::array();
  for (size_t i = 0; i < n; ++i) out.push_back(json_float(v[i]));
  return out;
}

json floats(const std::vector<float>& v) { return floats(v.data(), v.size()); }

json weight_rows(const float* w, const LayerShape& s) {
  json rows = json::array();
  for (int i = 0; i < s.out; ++i) rows.push_back(floats(w + size_t(i) * s.in, size_t(s.in)));
  return rows;
}

// [{"weight", "bias"}] of a flat buffer laid out like the model's parameters.
json per_layer(const Sequential& model, const std::vector<float>& flat) {
  json layers = json::array();
  for (int l = 0; l < model.num_layers(); ++l) {
    const LayerShape& s = model.layer(l);
    const float* w = flat.data() + s.offset;
    layers.push_back({{"weight", weight_rows(w, s)}, {"bias", floats(w + size_t(s.in) * s.out, size_t(s.out))}});
  }
  return layers;
}

// optimizer.state per layer: {"weight": {"step", name: tensor, ...}, "bias": {...}}.
json state_json(const Sequential& model, const OptimizerState& state) {
  json layers = json::array();
  for (int l = 0; l < model.num_layers(); ++l) {
    const LayerShape& s = model.layer(l);
    json weight = json::object(), bias = json::object();
    if (state.step >= 0) weight["step"] = bias["step"] = state.step;
    for (const auto& [name, flat] : state.buffers) {
      const float* w = flat.data() + s.offset;
      weight[name] = weight_rows(w, s);
      bias[name] = floats(w + size_t(s.in) * s.out, size_t(s.out));
    }
    layers.push_back({{"weight", std::move(weight)}, {"bias", std::move(bias)}});
  }
  return layers;
}

json sample_json(const StepTrace& t) {
  json layers = json::array();
  for (const SampleLayer& l : t.sample_layers)
    layers.push_back({{"z", floats(l.z)}, {"a", floats(l.a)}, {"dz", floats(l.dz)}});
  return {{"index", t.sample_index}, {"x", floats(t.sample_x)}, {"layers", std::move(layers)}};
}

}  // namespace

json trace_json(const Sequential& model, const StepTrace& t) {
  json body = {{"step", t.step}, {"epoch", t.epoch}, {"batch", t.batch}, {"loss", json_number(t.loss)}};
  body["params"] = per_layer(model, t.params);
  body["grad"] = per_layer(model, t.grad);
  body["state"] = state_json(model, t.state);
  body["after"] = per_layer(model, t.after);
  body["sample"] = sample_json(t);
  return {{"trace", std::move(body)}};
}

}  // namespace nnplay
