// An update in pieces (Experiment::train_work): paused between layers and chunks and resumed, it
// gives the weights, losses and records of the same update run whole, bit for bit, whatever the
// model, batch mode, optimizer or loss; set_weights and a trace request start it again.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "experiment.h"
#include "spec.h"

using namespace nnplay;

namespace {

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Trains `epochs` epochs with pieces of about `work` multiply-adds; returns the calls it took.
int train_in_pieces(Experiment& e, int epochs, double work) {
  int calls = 0;
  while (e.epoch() < epochs && e.status() == Status::Ok) {
    e.train_work(work);
    ++calls;
  }
  return calls;
}

// Spec fields on top of a 700-point radial set: 560 training rows, chunks of 256, 256 and 48.
std::string spec_with(const std::string& more) {
  return R"({"seed": 3, "data": {"name": "radial", "n": 700, "noise": 0.1}, "log_every": 1, )" + more + "}";
}

}  // namespace

TEST_CASE("an update in pieces equals the whole update, bit for bit") {
  const std::vector<std::string> cases = {
      R"("model": {"hidden": [16, 8], "activation": "relu"}, "optimizer": {"name": "sgd", "lr": 0.05})",
      R"("model": {"hidden": [12, 12, 6], "activation": "tanh"}, "optimizer": {"name": "sgd", "lr": 0.1, "momentum": 0.9})",
      R"("model": {"hidden": [10], "activation": "sigmoid"}, "optimizer": {"name": "adam", "lr": 0.01},
         "regularization": {"l1": 0.001, "l2": 0.01})",
      R"("model": {"hidden": [9, 5]}, "optimizer": {"name": "adam", "lr": 0.01}, "batch_size": 300)",
      R"("model": {"hidden": [7]}, "batch_size": 64, "loss": "mse")",
      R"("data": {"name": "plane", "n": 600}, "task": "regression", "loss": "huber", "model": {"hidden": [8, 8]})",
  };
  for (const std::string& c : cases) {
    const std::string text = c.rfind(R"("data")", 0) == 0 ? R"({"seed": 3, "log_every": 1, )" + c + "}" : spec_with(c);
    INFO(text);
    Experiment whole(parse_spec(text)), pieces(parse_spec(text));
    whole.set_record_history(true);
    pieces.set_record_history(true);
    whole.train_epochs(4);
    const int calls = train_in_pieces(pieces, 4, 1.0);  // one layer per call: the smallest pieces
    CHECK(calls > int(whole.step()));  // it did pause inside updates
    CHECK(pieces.step() == whole.step());
    CHECK(same_bits(pieces.model().parameters(), whole.model().parameters()));
    CHECK(same_bits(pieces.last_epoch_train_loss(), whole.last_epoch_train_loss()));
    REQUIRE(pieces.history().size() == whole.history().size());
    for (size_t i = 0; i < whole.history().size(); ++i) {
      CHECK(same_bits(pieces.history()[i].train_loss, whole.history()[i].train_loss));
      CHECK(same_bits(pieces.history()[i].val_loss, whole.history()[i].val_loss));
    }
  }
}

TEST_CASE("train_work pauses between kernels: 3L - 1 calls of the smallest work per chunk") {
  // 2 -> 16 -> 8 -> 3, full batch of 560 rows: 3 chunks, each 3 forward layers, the loss (no
  // multiply-adds, so it runs with the piece after it), then dW of layers 2, 1, 0 and dL/dz
  // below layers 2 and 1: 8 calls a chunk.
  Experiment e(parse_spec(spec_with(R"("model": {"hidden": [16, 8]})")));
  const std::vector<float> start = e.model().parameters();
  const double per_row = (2 * 16 + 16 * 8 + 8 * 3) * 3.0 - 2 * 16;  // forward + backward, layer 0 without dL/dX
  REQUIRE(e.data().split_size(Split::Train) == 560);
  CHECK(e.update_work() == per_row * 560);
  CHECK(e.update_progress() == 0);
  for (int call = 1; call < 3 * 8; ++call) {
    CHECK(e.train_work(1.0) == 0);
    CHECK(e.step() == 0);
    CHECK(e.update_progress() > 0);
    CHECK(e.last_work() > 0);
    CHECK(same_bits(e.model().parameters(), start));  // no step before the batch is done
  }
  CHECK(e.train_work(1.0) == 1);  // the 24th: layer 0's dW of the last chunk, then the step
  CHECK(e.step() == 1);
  CHECK(e.epoch() == 1);
  CHECK(e.update_progress() == 0);
  CHECK(!same_bits(e.model().parameters(), start));
}

TEST_CASE("train_work with a large budget is one whole update, and train_steps finishes one under way") {
  const std::string text = spec_with(R"("model": {"hidden": [16]}, "batch_size": 200)");
  Experiment a(parse_spec(text)), b(parse_spec(text));
  a.train_steps(5);
  const double work = b.update_work();
  CHECK(b.train_work(1e30) == 1);
  CHECK(b.last_work() == work);
  CHECK(b.train_work(1.0) == 0);  // the second update, paused after its first layer
  CHECK(b.train_steps(4) == 4);   // finishes it, then three more
  CHECK(b.step() == 5);
  CHECK(same_bits(a.model().parameters(), b.model().parameters()));
}

TEST_CASE("set_weights and a trace request start an update under way again from its first piece") {
  const std::string text = spec_with(R"("model": {"hidden": [16, 8]})");
  Experiment a(parse_spec(text)), b(parse_spec(text));
  const std::vector<float> start = a.model().parameters();
  a.train_steps(1);
  // b starts its update from other weights, then gets a's initial weights mid-update: the pieces
  // done so far (activations, gradient) must be dropped, not mixed into the update.
  b.model().parameters()[0] += 1.0f;
  b.train_work(1.0);
  b.train_work(1.0);
  std::vector<LayerInit> init;
  for (int l = 0; l < a.model().num_layers(); ++l) {
    const LayerShape& s = a.model().layer(l);
    LayerInit layer;
    layer.weight.assign(s.out, std::vector<float>(s.in));
    layer.bias.assign(s.out, 0.0f);
    for (int i = 0; i < s.out; ++i) {
      for (int j = 0; j < s.in; ++j) layer.weight[i][j] = start[s.offset + size_t(i) * s.in + j];
      layer.bias[i] = start[s.offset + size_t(s.in) * s.out + i];
    }
    init.push_back(layer);
  }
  b.set_weights(init);
  CHECK(b.update_progress() == 0);
  CHECK(b.train_steps(1) == 1);
  CHECK(same_bits(a.model().parameters(), b.model().parameters()));

  // A trace asked for while an update is under way covers the whole update.
  Experiment c(parse_spec(text));
  a.trace_next_step(300);
  a.train_steps(1);
  c.train_steps(1);
  c.train_work(1.0);
  c.train_work(1.0);
  c.trace_next_step(300);
  CHECK(c.update_progress() == 0);
  c.train_steps(1);
  const auto ta = a.take_traces(), tc = c.take_traces();
  REQUIRE(ta.size() == 1);
  REQUIRE(tc.size() == 1);
  CHECK(same_bits(ta[0].grad, tc[0].grad));
  CHECK(same_bits(ta[0].after, tc[0].after));
  CHECK(same_bits(a.model().parameters(), c.model().parameters()));
}
