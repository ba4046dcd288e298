// Every dataset a spec can name (docs/spec.md), in one table: the spec reader takes its names,
// sizes and default splits from it, the loader its generators, and the JS API's specInfo() all of
// it, so the page never restates them.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "generators.h"

namespace nnplay {

// The split of the generated sets, and of a CSV with data.holdout but no split column.
constexpr std::array<double, 3> kHoldoutSplit = {0.8, 0.1, 0.1};

struct DatasetInfo {
  std::string name;
  bool generated = false;             // drawn from numpy's stream: n and noise apply
  int default_n = 0;                  // generated sets: the size when the spec gives no n
  int classes = 0;                    // generated sets and tables; 0 = read from the data (inline, csv)
  std::array<double, 3> split{};      // the default [train, val, test]
  RawData (*generate)(int n, double noise, NumpyRandom& rng) = nullptr;  // generated sets
  RawData (*table)() = nullptr;       // the tutorials' tables and wine
};

// The table, in the order docs/spec.md lists the names.
const std::vector<DatasetInfo>& dataset_catalog();

// The entry named `name`, or nullptr.
const DatasetInfo* find_dataset(const std::string& name);

// The names, in the table's order (the spec's allowed values of data.name).
std::vector<std::string> dataset_names();

}  // namespace nnplay
