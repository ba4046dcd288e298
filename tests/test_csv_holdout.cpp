// data.holdout (docs/spec.md): a CSV without a split column, shuffled by the seed as
// np.random.permutation(n) and split 80/10/10 (or by data.split); a split column still decides;
// a spec without holdout trains on every row, as before.
#include <catch2/catch.hpp>

#include <string>

#include "data_loader.h"
#include "error.h"
#include "spec.h"
#include "spec_error_check.h"

using namespace nnplay;

namespace {

// 20 rows: x1 = the row's index in the file, x2 = its square, label = index % 3.
std::string csv20(bool split_column = false) {
  std::string text = split_column ? "x1,x2,label,split\n" : "x1,x2,label\n";
  for (int i = 0; i < 20; ++i) {
    text += std::to_string(i) + "," + std::to_string(i * i) + "," + std::to_string(i % 3);
    if (split_column) text += i < 10 ? ",train" : i < 15 ? ",val" : ",test";
    text += "\n";
  }
  return text;
}

Spec spec_of(const std::string& data_fields, int seed = 0, const std::string& text = csv20()) {
  nlohmann::ordered_json d = {{"seed", seed}, {"data", nlohmann::ordered_json::parse("{" + data_fields + "}")}};
  d["data"]["name"] = "csv";
  d["data"]["text"] = text;
  return parse_spec(d);
}

Dataset load(const Spec& s) { return load_dataset(s.data, s.seed); }

// The file row each sample came from (x1 holds it).
std::vector<int> rows_of(const Dataset& d) {
  std::vector<int> rows;
  for (int i = 0; i < d.size(); ++i) rows.push_back(static_cast<int>(d.x(0, i)));
  return rows;
}

}  // namespace

TEST_CASE("a CSV without holdout trains on every row in file order, as before") {
  const Dataset d = load(spec_of(""));
  CHECK(d.split_size(Split::Train) == 20);
  CHECK(d.split_size(Split::Val) == 0);
  CHECK(rows_of(d)[0] == 0);
  CHECK_FALSE(d.split_column);
}

TEST_CASE("holdout: shuffled as np.random.permutation(n) after np.random.seed(seed) then split 80/10/10") {
  // numpy 1.24: np.random.seed(0); np.random.permutation(20), and the same for seed 7.
  const std::vector<int> seed0 = {18, 1, 19, 8, 10, 17, 6, 13, 4, 2, 5, 14, 9, 7, 16, 11, 3, 0, 15, 12};
  const std::vector<int> seed7 = {1, 17, 2, 5, 11, 0, 18, 6, 13, 19, 10, 14, 8, 16, 9, 12, 7, 3, 4, 15};
  const Spec s = spec_of(R"("holdout": true)");
  CHECK(s.data.split == std::array<double, 3>{0.8, 0.1, 0.1});
  const Dataset d = load(s);
  CHECK(d.split_size(Split::Train) == 16);
  CHECK(d.split_size(Split::Val) == 2);
  CHECK(d.split_size(Split::Test) == 2);
  CHECK(rows_of(d) == seed0);
  CHECK(d.y[0] == 18 % 3);  // labels move with their rows
  CHECK(rows_of(load(spec_of(R"("holdout": true)", 7))) == seed7);
  // data.split still cuts; data.shuffle with holdout is the same one permutation.
  const Dataset half = load(spec_of(R"("holdout": true, "split": [0.5, 0.25, 0.25])"));
  CHECK(half.split_size(Split::Train) == 10);
  CHECK(half.split_size(Split::Val) == 5);
  CHECK(rows_of(load(spec_of(R"("holdout": true, "shuffle": true)"))) == seed0);
}

TEST_CASE("holdout: a split column still decides each row's split and keeps the file order") {
  const Dataset d = load(spec_of(R"("holdout": true)", 0, csv20(true)));
  CHECK(d.split_column);
  CHECK(d.split_size(Split::Train) == 10);
  CHECK(d.split_size(Split::Val) == 5);
  CHECK(rows_of(d) == rows_of(load(spec_of("", 0, csv20(true)))));
  CHECK(rows_of(d)[0] == 0);
}

TEST_CASE("holdout: a boolean and only for csv - normalizing writes it only when set") {
  check_error(R"({"data": {"name": "radial", "holdout": true}})", {"spec error at data.holdout", "\"csv\"", "true"});
  check_error(R"({"data": {"name": "csv", "text": "a,l\n1,0\n", "holdout": 1}})", {"data.holdout", "true or false", "1"});
  const std::string normalized = spec_to_json(spec_of(R"("holdout": true)"));
  CHECK(normalized.find("\"holdout\":true") != std::string::npos);
  CHECK(parse_spec(normalized).data.holdout);
  CHECK(spec_to_json(spec_of("")).find("holdout") == std::string::npos);
}
