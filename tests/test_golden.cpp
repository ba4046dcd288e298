// End-to-end parity with PyTorch 1.13: every spec in tests/golden/specs was run by
// scripts/torch_reference.py (numpy + torch); the engine must print the same lines.
// Data and the epoch/step/status structure match exactly; losses within 1e-5 relative (float32
// sums in another order), accuracies within one sample, weights within 1e-4 (+1e-4 relative).
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "data_loader.h"
#include "report.h"

using namespace nnplay;
using nlohmann::json;

namespace {

json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

void check_close(double ours, double theirs, double abs_tol, double rel_tol, const std::string& what) {
  CAPTURE(what, ours, theirs);
  CHECK(std::abs(ours - theirs) <= abs_tol + rel_tol * std::abs(theirs));
}

void check_metric(const json& ours, const json& theirs, double abs_tol, const std::string& where) {
  CAPTURE(where);
  REQUIRE(ours.is_null() == theirs.is_null());
  if (!theirs.is_null()) check_close(ours.get<double>(), theirs.get<double>(), abs_tol, 1e-5, where);
}

void check_split(const json& ours, const json& theirs, int n, const std::string& where) {
  check_metric(ours["loss"], theirs["loss"], 0, where + ".loss");
  if (theirs.contains("r2")) {  // regression: the same keys, each close
    CHECK(ours.size() == theirs.size());
    for (const char* key : {"mae", "rmse", "r2"}) check_metric(ours[key], theirs[key], 1e-6, where + "." + key);
    return;
  }
  check_close(ours["accuracy"].get<double>(), theirs["accuracy"].get<double>(), 1e-7, 0,
              where + ".accuracy");
  if (theirs.contains("confusion")) {
    int differing = 0;
    for (size_t i = 0; i < theirs["confusion"].size(); ++i)
      for (size_t j = 0; j < theirs["confusion"][i].size(); ++j)
        differing += std::abs(ours["confusion"][i][j].get<int>() - theirs["confusion"][i][j].get<int>());
    CAPTURE(where);
    CHECK(differing == 0);
  }
}

void check_weights(const json& ours, const json& theirs) {
  REQUIRE(ours.size() == theirs.size());
  for (size_t l = 0; l < theirs.size(); ++l) {
    const auto& w = theirs[l]["weight"];
    REQUIRE(ours[l]["weight"].size() == w.size());
    for (size_t i = 0; i < w.size(); ++i)
      for (size_t j = 0; j < w[i].size(); ++j)
        check_close(ours[l]["weight"][i][j].get<double>(), w[i][j].get<double>(), 1e-4, 1e-4,
                    "weights[" + std::to_string(l) + "].weight");
    for (size_t i = 0; i < theirs[l]["bias"].size(); ++i)
      check_close(ours[l]["bias"][i].get<double>(), theirs[l]["bias"][i].get<double>(), 1e-4, 1e-4,
                  "weights[" + std::to_string(l) + "].bias");
  }
}

// A trace line (docs/spec.md "trace"), value for value: counts and indices exactly, float32 values
// within 1e-4 relative (+1e-6 absolute for values that cancel to near zero). Returns the mismatches.
int compare_tree(const json& ours, const json& theirs, const std::string& path) {
  if (theirs.is_object() || theirs.is_array()) {
    if (ours.type() != theirs.type() || ours.size() != theirs.size()) {
      UNSCOPED_INFO(path << ": shape differs: " << ours.dump().substr(0, 200));
      return 1;
    }
    int bad = 0;
    if (theirs.is_object())
      for (const auto& [key, value] : theirs.items())
        bad += ours.contains(key) ? compare_tree(ours[key], value, path + "." + key) : 1;
    else
      for (size_t i = 0; i < theirs.size(); ++i) bad += compare_tree(ours[i], theirs[i], path + "[" + std::to_string(i) + "]");
    return bad;
  }
  if (theirs.is_number_integer()) return ours == theirs ? 0 : 1;
  if (theirs.is_null() || !ours.is_number()) return ours == theirs ? 0 : 1;
  const double a = ours.get<double>(), b = theirs.get<double>();
  if (std::abs(a - b) <= 1e-6 + 1e-4 * std::abs(b)) return 0;
  UNSCOPED_INFO(path << ": " << a << " vs PyTorch's " << b);
  return 1;
}

}  // namespace

TEST_CASE("a trace comparison would catch a 0.1% error in one gradient") {
  const json theirs = json::parse(R"({"grad": [{"weight": [[0.5, -0.25]], "bias": [0.125]}], "step": 3})");
  json ours = theirs;
  CHECK(compare_tree(ours, theirs, "trace") == 0);
  ours["grad"][0]["weight"][0][1] = -0.25 * 1.001;
  CHECK(compare_tree(ours, theirs, "trace") == 1);
  ours = theirs;
  ours["step"] = 4;
  CHECK(compare_tree(ours, theirs, "trace") == 1);
}

TEST_CASE("golden trajectories from PyTorch 1.13") {
  const std::filesystem::path dir = std::filesystem::path(NNPLAY_SOURCE_DIR) / "tests" / "golden";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const json golden = read_json(entry.path());
    const std::string name = entry.path().stem().string();
    CAPTURE(name);
    Experiment e(parse_spec(golden["spec"].dump()));
    std::vector<json> lines;
    run_experiment(e, true, [&](const std::string& line) { lines.push_back(json::parse(line)); });
    const json& expected = golden["lines"];
    REQUIRE(lines.size() == expected.size());

    for (size_t k = 0; k < expected.size(); ++k) {
      const json& theirs = expected[k];
      const json& ours = lines[k];
      const std::string where = name + " line " + std::to_string(k);
      if (theirs.contains("trace")) {
        CAPTURE(where);
        CHECK(compare_tree(ours, theirs, "") == 0);
        continue;
      }
      for (const char* key : {"epoch", "step", "final", "status", "epochs"})
        if (theirs.contains(key)) {
          CAPTURE(where, key);
          CHECK(ours[key] == theirs[key]);
        }
      const bool diverged = theirs.value("status", "") == "diverged";
      for (int s = 0; s < 3; ++s) {
        const char* split = kSplitNames[s];
        CAPTURE(where, split);
        REQUIRE(ours.contains(split) == theirs.contains(split));
        if (theirs.contains(split) && !diverged)
          check_split(ours[split], theirs[split], e.data().split_size(static_cast<Split>(s)), where + "." + split);
      }
      if (theirs.contains("predict") && !diverged)
        for (size_t p = 0; p < theirs["predict"].size(); ++p) {
          if (theirs["predict"][p].contains("value")) {  // regression
            check_close(ours["predict"][p]["value"].get<double>(), theirs["predict"][p]["value"].get<double>(), 1e-5,
                        1e-4, where + ".predict.value");
            continue;
          }
          for (size_t c = 0; c < theirs["predict"][p]["probabilities"].size(); ++c)
            check_close(ours["predict"][p]["probabilities"][c].get<double>(),
                        theirs["predict"][p]["probabilities"][c].get<double>(), 1e-5, 1e-4, where + ".predict");
        }
      if (theirs.contains("weights") && !diverged) check_weights(ours["weights"], theirs["weights"]);
    }

    if (golden.contains("data")) {  // the dataset itself, value for value
      const json& d = golden["data"];
      REQUIRE(d["y"].size() == size_t(e.data().size()));
      int mismatches = 0;
      for (int i = 0; i < e.data().size(); ++i) {
        if (e.data().regression)
          mismatches += float(d["y"][i].get<double>()) != e.data().target[i];  // the same float32, exactly
        else
          mismatches += d["y"][i].get<int>() != e.data().y[i];
        const int split = i < e.data().split_end[0] ? 0 : i < e.data().split_end[1] ? 1 : 2;
        mismatches += d["split"][i].get<std::string>() != kSplitNames[split];
        for (int j = 0; j < e.data().features(); ++j) {
          const double theirs = d["x"][i][j].get<double>();
          mismatches += std::abs(e.data().x(j, i) - theirs) > 1e-6 * (1 + std::abs(theirs));
        }
      }
      CHECK(mismatches == 0);
    }
  }
  CHECK(files >= 10);
}
