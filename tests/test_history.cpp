// The epoch history: every epoch up to its limit, then evenly thinned, in bounded memory; and the
// records of each train call, which do not depend on the limit.
#include <catch2/catch.hpp>

#include <vector>

#include "experiment.h"
#include "history.h"

using namespace nnplay;

namespace {
std::vector<int> epochs_of(const std::vector<EpochRecord>& records) {
  std::vector<int> out;
  for (const auto& r : records) out.push_back(r.epoch);
  return out;
}

EpochHistory filled(std::size_t limit, int epochs) {
  EpochHistory h(limit);
  for (int e = 1; e <= epochs; ++e) h.add({e, e * 10LL, 1.0 / e, 0, 0});
  return h;
}
}  // namespace

TEST_CASE("up to its limit the history keeps every epoch") {
  const EpochHistory h = filled(8, 8);
  CHECK(epochs_of(h.records()) == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8});
  CHECK(h.stride() == 1);
  CHECK(h.records()[2].step == 30);
  CHECK(h.records()[2].train_loss == 1.0 / 3);
}

TEST_CASE("past its limit the history keeps every other epoch and the stride doubles") {
  CHECK(epochs_of(filled(8, 9).records()) == std::vector<int>{2, 4, 6, 8});
  CHECK(filled(8, 9).stride() == 2);
  CHECK(epochs_of(filled(8, 17).records()) == std::vector<int>{2, 4, 6, 8, 10, 12, 14, 16});
  CHECK(epochs_of(filled(8, 18).records()) == std::vector<int>{4, 8, 12, 16});
  CHECK(filled(8, 18).stride() == 4);
}

TEST_CASE("a long run stays within the limit and still spans it evenly") {
  const EpochHistory h = filled(1000, 1000000);
  REQUIRE(h.records().size() <= 1000);
  CHECK(h.records().size() > 500);
  CHECK(h.stride() == 1024);
  for (const auto& r : h.records()) CHECK(r.epoch % 1024 == 0);
  CHECK(h.records().front().epoch == 1024);
  CHECK(h.records().back().epoch == 1000000 / 1024 * 1024);
}

TEST_CASE("limit 0 keeps nothing and a lower limit thins at once") {
  CHECK(filled(0, 50).records().empty());
  EpochHistory h = filled(100, 50);
  h.set_limit(10);
  CHECK(epochs_of(h.records()) == std::vector<int>{8, 16, 24, 32, 40, 48});
  h.set_limit(0);
  CHECK(h.records().empty());
  EpochHistory one = filled(1, 6);
  CHECK(epochs_of(one.records()) == std::vector<int>{4});
}

TEST_CASE("each train call's records are all its epochs whatever the history keeps") {
  Experiment e(parse_spec(std::string(R"({"data": {"name": "circle", "n": 100}, "model": {"hidden": [4]},
    "batch_size": 40})")));
  e.set_record_history(true);
  e.set_history_limit(4);
  CHECK(e.train_epochs(3) == 3);
  CHECK(epochs_of(e.recent()) == std::vector<int>{1, 2, 3});
  CHECK(e.train_epochs(5) == 5);
  CHECK(epochs_of(e.recent()) == std::vector<int>{4, 5, 6, 7, 8});
  CHECK(epochs_of(e.history()) == std::vector<int>{2, 4, 6, 8});
  CHECK(e.history_stride() == 2);
  // 80 training rows in batches of 40: two updates an epoch; a call that ends no epoch has no record.
  CHECK(e.train_steps(1) == 1);
  CHECK(e.recent().empty());
  CHECK(e.train_steps(1) == 1);
  REQUIRE(e.recent().size() == 1);
  CHECK(e.recent()[0].epoch == 9);
  CHECK(e.recent()[0].step == 18);
}
