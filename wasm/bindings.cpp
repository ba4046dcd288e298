// The Embind bindings: the only file that includes <emscripten/bind.h>. Adapters only: every
// piece of logic is in engine/. Errors never cross as C++ exceptions: each adapter catches,
// keeps the message and its kind, and returns a neutral value; wasm/nnplay.mjs turns that into
// a JavaScript Error carrying the engine's message.
// Memory views returned here point into buffers owned by the C++ object; nnplay.mjs copies
// them at once, before any other call can grow the heap.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include "caps.h"
#include "data_loader.h"
#include "error.h"
#include "grid.h"
#include "hidden_space.h"
#include "landscape.h"
#include "report.h"
#include "spec_info.h"
#include "unit_grid.h"

using emscripten::val;

namespace {

std::string g_error;       // the last error's message, "" when the last call succeeded
std::string g_error_kind;  // "spec" for bad input (SpecError), "engine" otherwise

template <class F, class R>
R guarded(F&& body, R fallback) {
  g_error.clear();
  try {
    return body();
  } catch (const nnplay::SpecError& e) {
    g_error = e.what();
    g_error_kind = "spec";
  } catch (const std::exception& e) {  // std::bad_alloc included: the heap is as it was
    g_error = e.what();
    g_error_kind = "engine";
  } catch (...) {
    g_error = "unexpected failure in the engine";
    g_error_kind = "engine";
  }
  return fallback;
}

std::string take_error() { return std::move(g_error); }
std::string error_kind() { return g_error_kind; }
double heap_in_use() { return double(mallinfo().uordblks); }

template <class T>
val view(const std::vector<T>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data()));
}

template <class T>
val copied(const std::vector<T>& v) {  // a typed array of its own, safe from heap growth
  return view(v).template call<val>("slice");
}

// A generated or given dataset on its own, for drawing it before any training.
class DatasetHandle {
 public:
  static DatasetHandle* create(const std::string& spec_json) {
    return guarded([&] {
      const nnplay::Spec spec = nnplay::parse_spec(spec_json);
      auto* h = new DatasetHandle;
      h->data_ = nnplay::load_dataset(spec.data, spec.seed);
      return h;
    }, static_cast<DatasetHandle*>(nullptr));
  }
  int size() const { return data_.size(); }
  int features() const { return data_.features(); }
  int classes() const { return data_.classes; }
  bool regression() const { return data_.regression; }
  int splitEnd(int s) const { return data_.split_end[s]; }
  bool splitColumn() const { return data_.split_column; }
  val x() const { return val(emscripten::typed_memory_view(data_.x.size(), data_.x.data())); }
  val y() const { return data_.regression ? view(data_.target) : view(data_.y); }  // labels, or real targets
  std::string csv() const { return guarded([&] { return nnplay::dataset_csv(data_); }, std::string()); }

 private:
  nnplay::Dataset data_;
};

class Trainer {
 public:
  static Trainer* create(const std::string& spec_json) {
    return guarded([&] {
      auto* t = new Trainer(nnplay::parse_spec(spec_json));
      t->e_.set_record_history(true);
      return t;
    }, static_cast<Trainer*>(nullptr));
  }

  int trainEpochs(int k) { return guarded([&] { return e_.train_epochs(k); }, 0); }
  int trainSteps(int k) { return guarded([&] { return e_.train_steps(k); }, 0); }
  int trainWork(double work) { return guarded([&] { return e_.train_work(work); }, 0); }
  double lastWork() const { return e_.last_work(); }
  double updateProgress() const { return e_.update_progress(); }
  double updateWork() const { return e_.update_work(); }
  int epoch() const { return e_.epoch(); }
  double step() const { return double(e_.step()); }
  bool diverged() const { return e_.status() == nnplay::Status::Diverged; }
  std::string message() const { return e_.message(); }
  double lr() const { return e_.lr(); }
  bool setLr(double lr) {
    return guarded([&] {
      e_.set_lr(lr);
      return true;
    }, false);
  }

  std::string progressLine() const { return guarded([&] { return nnplay::progress_line(e_).dump(); }, std::string()); }
  std::string finalLine(bool weights) const {
    return guarded([&] { return nnplay::final_line(e_, weights).dump(); }, std::string());
  }
  // Records as flat numbers, 8 each: epoch, step, train_loss, val_loss, val_accuracy, val_mae,
  // val_rmse, val_r2 (NaN where a split or a task has none).
  val recentRecords() { return flat(e_.recent()); }    // the last train call's epochs
  val historyRecords() { return flat(e_.history()); }  // the run's, thinned past the limit
  // The history's limit in records; Infinity (or any value past size_t) keeps every epoch.
  void setHistoryLimit(double limit) {
    e_.set_history_limit(limit >= double(SIZE_MAX) ? SIZE_MAX : std::size_t(std::max(limit, 0.0)));
  }
  double historyStride() const { return double(e_.history_stride()); }

  // Predictions: JS fills inputView(count * features) with points in the data's own units, then
  // calls predict(count) (standardized first when data.standardize is on, as the spec's predict).
  // At most kMaxSamples points a call; null past that, with the error set.
  val inputView(int floats) {
    return guarded([&] {
      if (floats < 0 || floats > nnplay::kMaxSamples * e_.data().features())
        throw nnplay::SpecError("predict: at most " + std::to_string(nnplay::kMaxSamples) + " points a call");
      input_.resize(size_t(floats));
      return view(input_);
    }, val::null());
  }
  bool predict(int count) {
    return guarded([&] {
      const int f = e_.data().features();
      if (count < 0 || size_t(count) * f > input_.size())
        throw nnplay::SpecError("predict: expected " + std::to_string(count) + " points of " + std::to_string(f) +
                                " features");
      keep_predictions(e_.predict_logits(Eigen::Map<const nnplay::Matrix>(input_.data(), f, count)));
      return true;
    }, false);
  }
  // Predictions for the dataset's own rows [from, to), as the model sees them (no second scaling).
  bool predictRows(int from, int to) {
    return guarded([&] {
      if (from < 0 || to < from || to > e_.data().size())
        throw nnplay::SpecError("predictRows: expected rows 0 <= from <= to <= " + std::to_string(e_.data().size()) +
                                ", got " + std::to_string(from) + " .. " + std::to_string(to));
      keep_predictions(e_.logits(e_.data().x.middleCols(from, to - from)));
      return true;
    }, false);
  }
  val logitsView() const { return view(logits_); }
  val probabilitiesView() const { return view(probabilities_); }
  val labelsView() const { return view(labels_); }

  bool grid(int w, int h, double xmin, double xmax, double ymin, double ymax) {
    return guarded([&] {
      nnplay::check_decision_grid(e_, w, h, {xmin, xmax, ymin, ymax});  // before sizing the buffer
      grid_.resize(size_t(w) * h * probabilityWidth());
      nnplay::decision_grid(e_, w, h, {xmin, xmax, ymin, ymax}, grid_.data());
      return true;
    }, false);
  }
  val gridView() const { return view(grid_); }

  // Each unit's map of a diagram layer (engine/unit_grid.h): units * h * w floats, unit by unit.
  int unitGrids(int layer, int w, int h, double xmin, double xmax, double ymin, double ymax) {
    return guarded([&] {
      const nnplay::GridBounds b{xmin, xmax, ymin, ymax};
      const int units = nnplay::unit_grid_units(e_, layer, w, h, b);  // checks before allocating
      unit_maps_.resize(size_t(units) * w * h);
      nnplay::unit_grids(e_, layer, w, h, b, unit_maps_.data());
      return units;
    }, 0);
  }
  val unitGridsView() const { return view(unit_maps_); }

  // The hidden-space view (engine/hidden_space.h) as one object of copied typed arrays.
  val hiddenSpace(int layer, int unit_x, int unit_y, double xmin, double xmax, double ymin, double ymax, int lines,
                  int samples, int max_points) {
    return guarded([&] {
      const nnplay::HiddenSpace v = nnplay::hidden_space(
          e_, {layer, unit_x, unit_y, {xmin, xmax, ymin, ymax}, lines, samples, max_points});
      val out = val::object();
      out.set("units", v.units);
      out.set("axes", copied(v.axes));
      out.set("center", copied(v.center));
      out.set("variance", copied(v.variance));
      out.set("points", copied(v.points));
      out.set("labels", copied(v.labels));
      out.set("lines", copied(v.lines));
      out.set("logits", copied(v.logits));
      return out;
    }, val::null());
  }

  bool landscape(int i, int j, int w, int h, double xmin, double xmax, double ymin, double ymax) {
    return guarded([&] {
      nnplay::check_loss_landscape(e_, i, j, {xmin, xmax, ymin, ymax}, w, h);  // before sizing the buffer
      landscape_.resize(size_t(w) * h);
      nnplay::loss_landscape(e_, i, j, {xmin, xmax, ymin, ymax}, w, h, landscape_.data());
      return true;
    }, false);
  }
  val landscapeView() const { return view(landscape_); }
  // Numbers per point of predict's probabilities and the grid: the class probabilities (2 for
  // bce), or 1 value for regression; the data's class count is dataClasses().
  int probabilityWidth() const { return nnplay::grid_width(e_); }
  bool regression() const { return e_.data().regression; }
  int features() const { return e_.data().features(); }

  // Step traces (engine/trace.h): traceNextStep(sample) asks for the next update's (sample: the
  // training index to show when the batch holds it, or -1: the batch's first); takeTracesJson()
  // hands over those made since the last call, as a JSON array of the runner's "trace" objects.
  void traceNextStep(int sample) { e_.trace_next_step(sample); }
  std::string takeTracesJson() {
    return guarded([&] {
      std::string out = "[";
      for (const nnplay::StepTrace& t : e_.take_traces())
        out += (out.size() > 1 ? "," : "") + nnplay::trace_body_json(e_.model(), t);
      return out + "]";
    }, std::string("[]"));
  }
  std::string weightsJson() const {
    return guarded([&] { return nnplay::weights_json(e_.model()).dump(); }, std::string());
  }
  bool setWeightsJson(const std::string& json) {
    return guarded([&] {
      e_.set_weights(nnplay::parse_weights_text(json));
      return true;
    }, false);
  }
  int parameterCount() const { return int(e_.model().parameters().size()); }
  // The flat parameters (layer by layer: weight out x in row-major, then bias) and the widths
  // [inputs, hidden..., outputs], for getWeights({ typed: true }): copied out without JSON.
  val parametersView() const { return view(e_.model().parameters()); }
  val layerWidths() const {
    std::vector<int> widths{e_.model().inputs()};
    for (int l = 0; l < e_.model().num_layers(); ++l) widths.push_back(e_.model().layer(l).out);
    return val::array(widths);
  }
  int updatesPerEpoch() const { return e_.updates_per_epoch(); }

  // The dataset the trainer uses.
  int size() const { return e_.data().size(); }
  int dataClasses() const { return e_.data().classes; }
  int splitEnd(int s) const { return e_.data().split_end[s]; }
  bool splitColumn() const { return e_.data().split_column; }
  val dataX() const { return val(emscripten::typed_memory_view(e_.data().x.size(), e_.data().x.data())); }
  val dataY() const { return e_.data().regression ? view(e_.data().target) : view(e_.data().y); }

 private:
  // For regression, logitsView() holds the predicted values and the other views are empty.
  void keep_predictions(const nnplay::Matrix& z) {
    const nnplay::LossKind loss = e_.spec().loss;
    logits_.assign(z.data(), z.data() + z.size());
    if (e_.data().regression) {
      probabilities_.clear();
      labels_.clear();
      return;
    }
    probabilities_.resize(size_t(z.cols()) * nnplay::probability_width(loss, int(z.rows())));
    nnplay::probabilities_into(loss, z, probabilities_.data());
    labels_.resize(size_t(z.cols()));
    for (int i = 0; i < int(z.cols()); ++i) labels_[i] = nnplay::predict_class(loss, z, i);
  }

  explicit Trainer(const nnplay::Spec& spec) : e_(spec) {}
  val flat(const std::vector<nnplay::EpochRecord>& records) {
    if (records_.capacity() > 4 * 8 * std::max<std::size_t>(records.size(), 4096)) records_ = {};  // after a huge call
    records_.resize(8 * records.size());
    double* out = records_.data();
    for (const auto& r : records) {
      *out++ = r.epoch;
      *out++ = double(r.step);
      *out++ = r.train_loss;
      *out++ = r.val_loss;
      *out++ = r.val_accuracy;
      *out++ = r.val_mae;
      *out++ = r.val_rmse;
      *out++ = r.val_r2;
    }
    return view(records_);
  }

  nnplay::Experiment e_;
  std::vector<float> input_, logits_, probabilities_, grid_, landscape_, unit_maps_;
  std::vector<int> labels_;
  std::vector<double> records_;
};

// The caps (engine/caps.h) as JSON, for the JS API's limits().
std::string limitsJson() {
  using namespace nnplay;
  return nlohmann::ordered_json{
      {"samples", kMaxSamples},       {"features", kMaxFeatures},     {"label", kMaxLabel},
      {"hiddenLayers", kMaxHiddenLayers}, {"units", kMaxUnits},       {"epochs", kMaxEpochs},
      {"predict", kMaxPredict},       {"depth", kMaxDepth},           {"jsonValues", kMaxJsonValues},
      {"specBytes", kMaxSpecBytes},   {"csvBytes", kMaxCsvBytes},     {"weightsBytes", kMaxWeightsBytes},
      {"csvColumns", kMaxCsvColumns}, {"epochWork", kMaxEpochWork}}.dump();
}

// Checks a spec without building anything (the runner does this before reading data.path).
bool validateSpec(const std::string& spec_json) {
  return guarded([&] {
    nnplay::parse_spec(spec_json);
    return true;
  }, false);
}

// The spec with every default filled in, as JSON ("" on error).
std::string normalizeSpec(const std::string& spec_json) {
  return guarded([&] { return nnplay::spec_to_json(nnplay::parse_spec(spec_json)); }, std::string());
}

// The runner: every output line of `nnplay run` goes to onLine(line) as it is made; onLine
// returns false to stop the run there (its caller's own error, or a closed output). Stopping
// unwinds as a C++ exception, so every buffer is freed.
struct RunStopped {};

bool runSpec(const std::string& spec_json, bool weights, val on_line) {
  return guarded([&] {
    try {
      nnplay::Experiment e(nnplay::parse_spec(spec_json));
      nnplay::run_experiment(e, weights, [&](const std::string& line) {
        if (!on_line(line).as<bool>()) throw RunStopped{};
      });
    } catch (const RunStopped&) {
    }
    return true;
  }, false);
}

// What specs allow (engine/spec_info.h), as JSON.
std::string specInfoJson() { return nnplay::spec_info_json(); }

}  // namespace

EMSCRIPTEN_BINDINGS(nnplay) {
  using namespace emscripten;
  function("takeError", &take_error);
  function("errorKind", &error_kind);
  function("heapInUse", &heap_in_use);
  function("limitsJson", &limitsJson);
  function("runSpec", &runSpec);
  function("validateSpec", &validateSpec);
  function("normalizeSpec", &normalizeSpec);
  function("specInfoJson", &specInfoJson);

  class_<DatasetHandle>("DatasetHandle")
      .class_function("create", &DatasetHandle::create, allow_raw_pointers())
      .function("size", &DatasetHandle::size)
      .function("features", &DatasetHandle::features)
      .function("classes", &DatasetHandle::classes)
      .function("regression", &DatasetHandle::regression)
      .function("splitEnd", &DatasetHandle::splitEnd)
      .function("splitColumn", &DatasetHandle::splitColumn)
      .function("x", &DatasetHandle::x)
      .function("y", &DatasetHandle::y)
      .function("csv", &DatasetHandle::csv);

  class_<Trainer>("Trainer")
      .class_function("create", &Trainer::create, allow_raw_pointers())
      .function("trainEpochs", &Trainer::trainEpochs)
      .function("trainSteps", &Trainer::trainSteps)
      .function("trainWork", &Trainer::trainWork)
      .function("lastWork", &Trainer::lastWork)
      .function("updateProgress", &Trainer::updateProgress)
      .function("updateWork", &Trainer::updateWork)
      .function("epoch", &Trainer::epoch)
      .function("step", &Trainer::step)
      .function("diverged", &Trainer::diverged)
      .function("message", &Trainer::message)
      .function("lr", &Trainer::lr)
      .function("setLr", &Trainer::setLr)
      .function("progressLine", &Trainer::progressLine)
      .function("finalLine", &Trainer::finalLine)
      .function("recentRecords", &Trainer::recentRecords)
      .function("historyRecords", &Trainer::historyRecords)
      .function("setHistoryLimit", &Trainer::setHistoryLimit)
      .function("historyStride", &Trainer::historyStride)
      .function("inputView", &Trainer::inputView)
      .function("predict", &Trainer::predict)
      .function("predictRows", &Trainer::predictRows)
      .function("logitsView", &Trainer::logitsView)
      .function("probabilitiesView", &Trainer::probabilitiesView)
      .function("labelsView", &Trainer::labelsView)
      .function("grid", &Trainer::grid)
      .function("gridView", &Trainer::gridView)
      .function("unitGrids", &Trainer::unitGrids)
      .function("unitGridsView", &Trainer::unitGridsView)
      .function("hiddenSpace", &Trainer::hiddenSpace)
      .function("landscape", &Trainer::landscape)
      .function("landscapeView", &Trainer::landscapeView)
      .function("probabilityWidth", &Trainer::probabilityWidth)
      .function("regression", &Trainer::regression)
      .function("features", &Trainer::features)
      .function("weightsJson", &Trainer::weightsJson)
      .function("traceNextStep", &Trainer::traceNextStep)
      .function("takeTracesJson", &Trainer::takeTracesJson)
      .function("setWeightsJson", &Trainer::setWeightsJson)
      .function("parameterCount", &Trainer::parameterCount)
      .function("parametersView", &Trainer::parametersView)
      .function("layerWidths", &Trainer::layerWidths)
      .function("updatesPerEpoch", &Trainer::updatesPerEpoch)
      .function("size", &Trainer::size)
      .function("dataClasses", &Trainer::dataClasses)
      .function("splitEnd", &Trainer::splitEnd)
      .function("splitColumn", &Trainer::splitColumn)
      .function("dataX", &Trainer::dataX)
      .function("dataY", &Trainer::dataY);
}
