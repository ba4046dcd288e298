// A StepTrace as the runner's {"trace": {...}} line (docs/spec.md): flat buffers are split into
// each nn.Linear's {"weight": [[out x in]], "bias": [out]}, PyTorch's layout.
// Written as text directly: a trace of the tutorial MLP holds about 13,000 numbers, and building a
// JSON tree of them first took several milliseconds (docs/PERFORMANCE.md). Numbers are printed as
// report.h's json_float prints them: the float's shortest digits, null when not finite.
#include "report.h"

#include <cmath>

#include "format.h"

namespace nnplay {

namespace {

class TraceWriter {
 public:
  std::string text;

  void number(float v) {
    if (!std::isfinite(v)) {
      text += "null";
      return;
    }
    const std::string digits = format_float(v);
    text += digits;
    if (digits.find_first_of(".e") == std::string::npos) text += ".0";  // a float, as nlohmann prints 2.0
  }
  void floats(const float* v, size_t n) {
    text += '[';
    for (size_t i = 0; i < n; ++i) {
      if (i) text += ',';
      number(v[i]);
    }
    text += ']';
  }
  void floats(const std::vector<float>& v) { floats(v.data(), v.size()); }
  void key(const char* name, bool first = false) {
    if (!first) text += ',';
    text += '"';
    text += name;
    text += "\":";
  }
  // {"weight": [[...]], "bias": [...]} of one layer's slice of a flat buffer.
  void weight_rows(const float* w, const LayerShape& s) {
    text += '[';
    for (int i = 0; i < s.out; ++i) {
      if (i) text += ',';
      floats(w + size_t(i) * s.in, size_t(s.in));
    }
    text += ']';
  }
  void per_layer(const Sequential& model, const std::vector<float>& flat) {
    text += '[';
    for (int l = 0; l < model.num_layers(); ++l) {
      const LayerShape& s = model.layer(l);
      const float* w = flat.data() + s.offset;
      text += l ? ",{" : "{";
      key("weight", true);
      weight_rows(w, s);
      key("bias");
      floats(w + size_t(s.in) * s.out, size_t(s.out));
      text += '}';
    }
    text += ']';
  }
  // optimizer.state per layer: {"weight": {"step", name: tensor, ...}, "bias": {...}}.
  void state(const Sequential& model, const OptimizerState& state) {
    text += '[';
    for (int l = 0; l < model.num_layers(); ++l) {
      const LayerShape& s = model.layer(l);
      text += l ? ",{" : "{";
      for (int part = 0; part < 2; ++part) {
        key(part == 0 ? "weight" : "bias", part == 0);
        text += '{';
        bool first = true;
        if (state.step >= 0) {
          key("step", true);
          number(float(state.step));
          first = false;
        }
        for (const auto& [name, flat] : state.buffers) {
          key(name.c_str(), first);
          first = false;
          const float* w = flat.data() + s.offset;
          if (part == 0) weight_rows(w, s);
          else floats(w + size_t(s.in) * s.out, size_t(s.out));
        }
        text += '}';
      }
      text += '}';
    }
    text += ']';
  }
};

}  // namespace

std::string trace_body_json(const Sequential& model, const StepTrace& t) {
  TraceWriter w;
  w.text.reserve(16 * (4 * t.params.size() + t.batch.size()) + 256);
  w.text += '{';
  w.key("step", true);
  w.text += std::to_string(t.step);
  w.key("epoch");
  w.text += std::to_string(t.epoch);
  w.key("batch");
  w.text += '[';
  for (size_t i = 0; i < t.batch.size(); ++i) {
    if (i) w.text += ',';
    w.text += std::to_string(t.batch[i]);
  }
  w.text += ']';
  w.key("loss");
  w.number(float(t.loss));
  if (t.penalty >= 0) {
    w.key("penalty");
    w.number(float(t.penalty));
  }
  w.key("params");
  w.per_layer(model, t.params);
  w.key("grad");
  w.per_layer(model, t.grad);
  w.key("state");
  w.state(model, t.state);
  w.key("after");
  w.per_layer(model, t.after);
  w.key("sample");
  w.text += '{';
  w.key("index", true);
  w.text += std::to_string(t.sample_index);
  w.key("x");
  w.floats(t.sample_x);
  w.key("layers");
  w.text += '[';
  for (size_t l = 0; l < t.sample_layers.size(); ++l) {
    const SampleLayer& layer = t.sample_layers[l];
    w.text += l ? ",{" : "{";
    w.key("z", true);
    w.floats(layer.z);
    w.key("a");
    w.floats(layer.a);
    w.key("dz");
    w.floats(layer.dz);
    w.text += '}';
  }
  w.text += "]}}";
  return std::move(w.text);
}

std::string trace_json(const Sequential& model, const StepTrace& t) {
  return "{\"trace\":" + trace_body_json(model, t) + "}";
}

}  // namespace nnplay
