#include "data_loader.h"

#include "datasets/catalog.h"
#include "error.h"

namespace nnplay {

namespace {

RawData raw_data(const DataSpec& d, NumpyRandom& rng) {
  const DatasetInfo* info = find_dataset(d.name);
  if (info && info->generate) return info->generate(d.n, d.noise, rng);
  if (info && info->table) return info->table();
  if (d.name == "inline") return RawData{d.x, d.y, {}, d.targets};
  if (d.name == "csv") {
    if (d.text.empty() && !d.path.empty())
      throw SpecError("spec error at data.path: this runner cannot read files; put the CSV into data.text");
    return parse_csv(d.text, d.regression);
  }
  throw SpecError("spec error at data.name: unknown dataset \"" + d.name + "\"");
}

}  // namespace

Dataset load_dataset(const DataSpec& d, uint32_t seed) {
  NumpyRandom rng(seed);  // np.random.seed(seed)
  RawData raw = raw_data(d, rng);
  // A CSV split column decides each row's split (data.split and data.holdout are then unused),
  // whatever the rows' order. Without one, holdout shuffles the rows before data.split cuts them:
  // a file's last rows are often one class. One permutation either way, np.random.permutation(n).
  const bool named = !raw.split.empty();
  if (d.shuffle || (d.holdout && !named)) permute_rows(raw, rng.permutation(static_cast<int>(raw.x.size())));
  const std::array<int, 3> ends = named ? sort_by_split(raw) : std::array<int, 3>{};
  Dataset data = make_dataset(raw, d.split, d.regression);
  if (named) data.split_end = ends;
  data.split_column = named;
  if (d.standardize) standardize(data);
  return data;
}

}  // namespace nnplay
