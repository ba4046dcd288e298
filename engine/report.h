// The `nnplay run` / `nnplay data` output (docs/spec.md), shared by the native runner and the
// WebAssembly build so that both print the same lines.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "experiment.h"
#include "trace.h"

namespace nnplay {

// A float32 as the shortest decimal that reads back to the same float (0.1f -> 0.1);
// non-finite values become null.
nlohmann::ordered_json json_float(float v);
nlohmann::ordered_json json_number(double v);  // a metric: rounded to float32 the same way

nlohmann::ordered_json progress_line(const Experiment& e);           // {"epoch", "step", "train", ...}
nlohmann::ordered_json final_line(const Experiment& e, bool with_weights);
nlohmann::ordered_json weights_json(const Sequential& model);        // [{"weight": [[...]], "bias": [...]}]
std::string trace_json(const Sequential& model, const StepTrace& trace);       // the line {"trace": {...}}
std::string trace_body_json(const Sequential& model, const StepTrace& trace);  // the {...} inside it

// Trains the whole spec, calling emit with each output line (compact JSON, no newline); a traced
// step's line comes before the progress line of its epoch.
void run_experiment(Experiment& e, bool with_weights, const std::function<void(const std::string&)>& emit);

// The dataset as CSV: x1,...,xk,label,split.
std::string dataset_csv(const Dataset& data);

}  // namespace nnplay
