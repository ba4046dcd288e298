// Datasets: tutorial 001's numpy code, the tutorial tables, the other generators, CSV import.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "data_loader.h"
#include "datasets/catalog.h"
#include "datasets/generators.h"
#include "error.h"
#include "report.h"
#include "spec_info.h"

using namespace nnplay;
using Catch::Matchers::Contains;

namespace {
Dataset load(const std::string& json) { return load_dataset(parse_spec(json).data, parse_spec(json).seed); }
}  // namespace

TEST_CASE("radial equals tutorial 001's numpy code after np.random.seed(0)") {
  // np.random.seed(0); r = np.random.rand(5) * 3; theta = np.random.rand(5) * 2 * np.pi; ...
  // printed by numpy 1.24 (float64, compared after the float32 cast the engine stores).
  const Dataset d = load(R"({"data": {"name": "radial", "n": 5}})");
  const double x1[5] = {-0.3922426747226885, -0.15050826174843007, 2.4993743428435455, 3.1431398510616786,
                        -0.24232116473573848};
  const double x2[5] = {-0.5115850100289389, 0.062245961831707185, -2.0211900357001227, -0.7303563795674041,
                        0.21788888029740777};
  const int y[5] = {1, 2, 1, 1, 1};
  for (int i = 0; i < 5; ++i) {
    CHECK(d.x(0, i) == float(x1[i]));
    CHECK(d.x(1, i) == float(x2[i]));
    CHECK(d.y[i] == y[i]);
  }
}

TEST_CASE("radial's default split is 8000 / 1000 / 1000 with 3 classes") {
  const Dataset d = load("{}");
  CHECK(d.size() == 10000);
  CHECK(d.classes == 3);
  CHECK(d.split_size(Split::Train) == 8000);
  CHECK(d.split_size(Split::Val) == 1000);
  CHECK(d.split_size(Split::Test) == 1000);
}

TEST_CASE("the same seed gives the same data and another seed other data") {
  for (const char* name : {"radial", "circle", "xor", "gauss", "spiral"}) {
    CAPTURE(name);
    const std::string a = std::string(R"({"data": {"name": ")") + name + R"(", "n": 50, "noise": 0.2}})";
    const std::string b = std::string(R"({"seed": 1, "data": {"name": ")") + name + R"(", "n": 50, "noise": 0.2}})";
    CHECK(load(a).x == load(a).x);
    CHECK_FALSE(load(a).x == load(b).x);
    const Dataset d = load(a);
    CHECK(std::set<int>(d.y.begin(), d.y.end()).size() == (std::string(name) == "radial" ? 3u : 2u));
    CHECK(d.x.allFinite());
  }
}

TEST_CASE("the tutorial 000 tables") {
  const Dataset hours = load(R"({"data": {"name": "study_hours"}})");
  CHECK(hours.size() == 7);
  CHECK(hours.split_size(Split::Train) == 7);
  CHECK(hours.x(0, 4) == 11.0f);
  CHECK(hours.y == std::vector<int>{0, 0, 0, 0, 1, 1, 1});
  const Dataset toy = load(R"({"data": {"name": "toy4"}})");
  CHECK(toy.features() == 4);
  CHECK(toy.classes == 3);
  CHECK(toy.x.col(5) == Eigen::Vector4f(1, 2, 5, 6));
}

TEST_CASE("wine: 178 x 13 - 3 classes - shuffled before its 80/20 split - standardized by train stats") {
  const Dataset raw = load(R"({"data": {"name": "wine", "shuffle": false}})");
  CHECK(raw.size() == 178);
  CHECK(raw.features() == 13);
  CHECK(raw.classes == 3);
  CHECK(raw.x(0, 0) == 14.23f);   // first row of the UCI file
  CHECK(raw.x(12, 0) == 1065.0f);
  const Dataset d = load(R"({"data": {"name": "wine", "standardize": true}})");
  CHECK(d.split_size(Split::Train) == 142);
  CHECK(d.split_size(Split::Test) == 36);
  const Eigen::VectorXf mean = d.x.leftCols(142).rowwise().mean();
  CHECK(mean.cwiseAbs().maxCoeff() < 1e-5f);
  std::set<int> test_classes(d.y.begin() + 142, d.y.end());
  CHECK(test_classes.size() == 3);  // the shuffle mixes the class-sorted file
}

TEST_CASE("inline data and its default split") {
  const Dataset d = load(R"({"data": {"name": "inline", "x": [[0, 1], [2, 3], [4, 5]], "y": [0, 2, 1]}})");
  CHECK(d.size() == 3);
  CHECK(d.classes == 3);
  CHECK(d.split_size(Split::Train) == 3);
  CHECK(d.x(1, 1) == 3.0f);
}

TEST_CASE("CSV import") {
  const RawData raw = parse_csv("a,b,label\n1,2,0\n3.5, -4 ,1\r\n\n");
  CHECK(raw.y == std::vector<int>{0, 1});
  CHECK(raw.x[1][1] == -4.0);
  CHECK_THROWS_WITH(parse_csv("a,b,label\n1,2,0\n1,x,1\n"), Contains("row 3, column 2") && Contains("\"x\""));
  CHECK_THROWS_WITH(parse_csv("a,b,label\n1,2\n"), Contains("row 2") && Contains("expected 3 columns"));
  CHECK_THROWS_WITH(parse_csv("a,b,label\n1,2,0.5\n"), Contains("row 2, column 3") && Contains("integer class label"));
  CHECK_THROWS_WITH(parse_csv("a,b,label\n1,nan,1\n"), Contains("row 2, column 2") && Contains("finite"));
  CHECK_THROWS_WITH(parse_csv("a,b,label\n1,1e39,1\n"), Contains("row 2, column 2") && Contains("1e38"));
  CHECK_THROWS_WITH(parse_csv("a,b,label\n1,inf,1\n"), Contains("row 2, column 2") && Contains("finite"));
  CHECK_THROWS_WITH(parse_csv(""), Contains("empty"));
  CHECK_THROWS_WITH(parse_csv("a,label\n"), Contains("no data rows"));
}

TEST_CASE("nnplay data prints features - label and split as CSV") {
  const Dataset d = load(R"({"data": {"name": "study_hours", "split": [0.5, 0.25, 0.25]}})");
  const std::string csv = dataset_csv(d);
  // floor(7 * 0.5 + 0.5) = 4 rows train, floor(7 * 0.75 + 0.5) - 4 = 1 validates, 2 test.
  CHECK(csv == "x1,label,split\n0,0,train\n1,0,train\n5,0,train\n9,0,train\n11,1,val\n15,1,test\n20,1,test\n");
}

TEST_CASE("the dataset catalog is what the spec reader and the loader use, and what specInfo reports") {
  const auto names = dataset_names();
  REQUIRE(names.size() == dataset_catalog().size());
  for (const DatasetInfo& d : dataset_catalog()) {
    if (d.name == "inline" || d.name == "csv") continue;
    const Spec spec = parse_spec(std::string(R"({"data": {"name": ")") + d.name + R"("}})");
    CHECK(spec.data.split == d.split);
    CHECK(is_generated_dataset(d.name) == d.generated);
    if (d.generated) CHECK(spec.data.n == d.default_n);
    const std::string n = d.generated ? R"(, "n": 60)" : "";
    const Dataset data = load(std::string(R"({"data": {"name": ")") + d.name + "\"" + n + "}}");
    CHECK(data.classes == d.classes);
  }
  CHECK_THROWS_WITH(parse_spec(std::string(R"({"data": {"name": "mnist"}})")), Contains("\"radial\"") && Contains("\"csv\""));
  const auto info = nlohmann::json::parse(spec_info_json());
  REQUIRE(info["datasets"].size() == names.size());
  for (size_t i = 0; i < names.size(); ++i) CHECK(info["datasets"][i]["name"] == names[i]);
}
