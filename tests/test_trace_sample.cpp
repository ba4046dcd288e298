// The step trace's sample (trace.h, Experiment::trace_next_step(sample)): the step inspector's
// chosen point is traced in whichever chunk of the batch it falls, with the values a plain forward
// pass gives, and a sample the batch does not hold falls back to the batch's first.
#include <catch2/catch.hpp>

#include <string>

#include "experiment.h"
#include "spec.h"

using namespace nnplay;

namespace {

const std::string kSpec = R"({"seed": 1, "data": {"name": "radial", "n": 700, "noise": 0.05},
  "model": {"hidden": [4], "activation": "relu"}, "optimizer": {"name": "sgd", "lr": 0.1}})";

}  // namespace

TEST_CASE("trace_next_step(sample) traces that sample of a full batch, past the first chunk") {
  Experiment e(parse_spec(kSpec));
  const int sample = 500;  // the batch runs in chunks of 256: column 244 of the second
  const Matrix before = e.logits(e.inputs().col(sample));
  e.trace_next_step(sample);
  REQUIRE(e.train_step());
  const std::vector<StepTrace> traces = e.take_traces();
  REQUIRE(traces.size() == 1);
  const StepTrace& t = traces[0];
  CHECK(t.sample_index == sample);
  REQUIRE(t.sample_layers.size() == 2);
  for (int k = 0; k < 3; ++k) CHECK(t.sample_layers[1].z[k] == Approx(before(k, 0)).margin(1e-6));
  for (int f = 0; f < 2; ++f) CHECK(t.sample_x[f] == e.inputs()(f, sample));
  // dL/dz of the logits is (p - onehot(y)) / n for softmax + cross-entropy: it sums to 0 over the classes.
  double sum = 0;
  for (float v : t.sample_layers[1].dz) sum += v;
  CHECK(sum == Approx(0).margin(1e-7));
  CHECK(t.sample_layers[1].dz[0] != 0.0f);

  e.trace_next_step();
  REQUIRE(e.train_step());
  CHECK(e.take_traces()[0].sample_index == 0);  // the choice lasts one step
}

TEST_CASE("trace_next_step(sample) falls back to the batch's first when the batch lacks the sample") {
  Spec spec = parse_spec(kSpec);
  spec.batch_size = 8;
  spec.shuffle = false;
  Experiment e(spec);
  e.trace_next_step(100);
  REQUIRE(e.train_step());
  CHECK(e.take_traces()[0].sample_index == 0);
  e.trace_next_step(13);
  REQUIRE(e.train_step());
  CHECK(e.take_traces()[0].sample_index == 13);
}
