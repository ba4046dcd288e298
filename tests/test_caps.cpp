// The caps of engine/caps.h (issue 11): nesting depth, JSON values, text sizes, CSV width, the
// work cap, and what messages print of hostile input. Each is refused as a SpecError, at a cost
// bounded by the cap, and the engine is usable afterwards.
#include <catch2/catch.hpp>

#include "caps.h"
#include "data_loader.h"
#include "datasets/generators.h"
#include "error.h"
#include "experiment.h"
#include "format.h"
#include "report.h"
#include "spec.h"
#include "work.h"

using namespace nnplay;
using Catch::Matchers::Contains;

namespace {
std::string nested(const std::string& key, int depth) {
  return "{\"" + key + "\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
}
}  // namespace

TEST_CASE("nesting deeper than the cap is a spec error at any depth, not a crash") {
  // 100,000 levels crashed the native runner (issue 11, finding 1); the error message dumped the value.
  for (int depth : {kMaxDepth, kMaxDepth + 1, 100000, 1000000}) {
    CAPTURE(depth);
    const std::string spec = nested("seed", depth - 1);  // the top-level object is one level
    if (depth <= kMaxDepth) {
      CHECK_THROWS_WITH(parse_spec(spec), Contains("spec error at seed"));  // parsed, then refused as a value
    } else {
      CHECK_THROWS_WITH(parse_spec(spec), Contains("nested deeper than the cap of 64 levels"));
    }
  }
  CHECK_THROWS_WITH(parse_weights_text(std::string(200000, '[')), Contains("weights are nested deeper"));
  CHECK(parse_spec(std::string("{}")).epochs == 4000);  // usable afterwards
}

TEST_CASE("values past the JSON cap are refused before any value is built") {
  std::string many = "{\"predict\":[";
  for (std::size_t i = 0; i <= kMaxJsonValues; ++i) many += i ? ",0" : "0";
  many += "]}";
  CHECK_THROWS_WITH(parse_spec(many), Contains("more than 16000000 JSON values"));
}

TEST_CASE("texts past their byte caps are refused naming the cap") {
  const std::string big_spec(kMaxSpecBytes + 1, ' ');
  CHECK_THROWS_WITH(parse_spec(big_spec), Contains("spec is larger than the cap of 64 MiB (67108864 bytes)"));
  CHECK_THROWS_WITH(parse_weights_text(std::string(kMaxWeightsBytes + 1, ' ')),
                    Contains("weights are larger than the cap of 64 MiB"));
  std::string csv = "a,label\n";
  csv.resize(kMaxCsvBytes + 1, '\n');
  CHECK_THROWS_WITH(parse_csv(csv), Contains("CSV: the text is larger than the cap of 16 MiB (16777216 bytes)"));
  CHECK(parse_csv("a,label\n1,0\n").y.size() == 1);
}

TEST_CASE("a CSV header wider than the cap is refused by counting commas, not fields") {
  // 20 MB of commas took 1.1 GB as fields (issue 11, finding 3); now the count alone decides.
  const std::string wide = std::string(kMaxCsvBytes - 10, ',') + "\n1,0\n";
  CHECK_THROWS_WITH(parse_csv(wide), Contains("row 1, column 67") && Contains("at most 64 feature columns"));
  const std::string row = "a,b,label\n" + std::string(1000000, ',') + "\n";
  CHECK_THROWS_WITH(parse_csv(row), Contains("row 2, column 4") && Contains("expected 3 columns like the header, got 1000001"));
}

TEST_CASE("CSV text must be UTF-8 and fields are printed escaped") {
  CHECK_THROWS_WITH(parse_csv("a,label\n\xff,0\n"), Contains("not UTF-8"));
  CHECK_THROWS_WITH(parse_csv("a,label\n\x1b[31mred,0\n"), Contains("\"\\u001b[31mred\""));
}

TEST_CASE("a CSV split column assigns each row whatever the rows' order") {
  // Unsorted rows arriving by link or setSpec trained on their test rows (issue 11, finding 7).
  DataSpec d;
  d.name = "csv";
  d.text = "x,label,split\n1,0,test\n2,1,train\n3,0,val\n4,1,train\n5,0,test\n";
  d.split = {1, 0, 0};  // unused: the column decides
  const Dataset data = load_dataset(d, 0);
  CHECK(data.split_end == std::array<int, 3>{2, 3, 5});
  CHECK(data.x(0, 0) == 2);  // train rows in file order, then val, then test
  CHECK(data.x(0, 1) == 4);
  CHECK(data.x(0, 2) == 3);
  CHECK(data.x(0, 3) == 1);
  CHECK(data.x(0, 4) == 5);
  CHECK(data.y == std::vector<int>{1, 1, 0, 0, 0});
  CHECK_THROWS_WITH(parse_csv("x,label,split\n1,0,training\n"), Contains("row 2, column 3") && Contains("train, val or test"));
  CHECK_THROWS_WITH(parse_csv("label,split\n0,train\n"), Contains("at least three columns"));
}

TEST_CASE("nnplay data's CSV reads back with its splits") {
  Spec s;
  s.data.n = 50;
  Experiment e(s);
  DataSpec back;
  back.name = "csv";
  back.text = dataset_csv(e.data());
  const Dataset again = load_dataset(back, 0);
  CHECK(again.split_end == e.data().split_end);
  CHECK(again.y == e.data().y);
}

TEST_CASE("the work cap refuses a spec whose epoch is too much work and names the cap") {
  // 8 layers of 1024 units on 200,000 points took 6 minutes an epoch natively (issue 11, finding 4).
  const std::string huge = R"({"data": {"n": 200000}, "model": {"hidden": [1024,1024,1024,1024,1024,1024,1024,1024]}})";
  CHECK_THROWS_WITH(Experiment(parse_spec(huge)), Contains("spec error at model.hidden") &&
                                                     Contains("past the work cap of 6000000000"));
  const Spec ok = parse_spec(std::string(R"({"data": {"n": 100}, "model": {"hidden": [1024,1024,1024,1024,1024,1024,1024,1024]}})"));
  const Experiment small(ok);
  CHECK(epoch_work(ok, small.data(), 3) <= kMaxEpochWork);
  // The formula: weights x (3 x train + val + u x updates), u = 8 (80 for Adam); 2-200-3 (1203
  // weights) on 8000 / 1000 points: full batch, batches of 100.
  const Spec tutorial = parse_spec(std::string("{}"));
  const Dataset data = load_dataset(tutorial.data, 0);
  CHECK(epoch_work(tutorial, data, 3) == 1203.0 * (3 * 8000 + 1000 + 8));
  const Spec adam = parse_spec(std::string(R"({"optimizer": {"name": "adam"}, "batch_size": 100})"));
  CHECK(epoch_work(adam, data, 3) == 1203.0 * (3 * 8000 + 1000 + 80 * 80));
}

TEST_CASE("a NUL in data.path and control characters in field names are refused, printed escaped") {
  CHECK_THROWS_WITH(parse_spec(std::string(R"({"data": {"name": "csv", "path": "a\u0000b.csv"}})")),
                    Contains("data.path") && Contains("without NUL"));
  CHECK_THROWS_WITH(parse_spec(std::string("{\"a\\u001b[2J\": 1}")), Contains("spec error at a\\u001b[2J: unknown field"));
  CHECK(printable("ok \xff \x7f \xe2\x82\xac") == "ok \\xff \\u007f \xe2\x82\xac");
}

TEST_CASE("a value in a message is shown in at most 60 characters, however large") {
  std::string rows = "{\"seed\": [";
  for (int i = 0; i < 100000; ++i) rows += i ? ",[1,2,3]" : "[1,2,3]";
  rows += "]}";
  try {
    parse_spec(rows);
    FAIL("no error");
  } catch (const SpecError& e) {
    const std::string m = e.what();
    CHECK_THAT(m, Contains("got [[1,2,3],[1,2,3],"));
    CHECK(m.size() < 200);
  }
}

TEST_CASE("a byte order mark before a spec is skipped") {
  CHECK(parse_spec(std::string("\xef\xbb\xbf{\"epochs\": 3}")).epochs == 3);
}
