#include "data_loader.h"

#include "datasets/generators.h"
#include "error.h"

namespace nnplay {

namespace {

RawData raw_data(const DataSpec& d, NumpyRandom& rng) {
  if (d.name == "radial") return radial_dataset(d.n, d.noise, rng);
  if (d.name == "circle") return circle_dataset(d.n, d.noise, rng);
  if (d.name == "xor") return xor_dataset(d.n, d.noise, rng);
  if (d.name == "gauss") return gauss_dataset(d.n, d.noise, rng);
  if (d.name == "spiral") return spiral_dataset(d.n, d.noise, rng);
  if (d.name == "plane") return plane_dataset(d.n, d.noise, rng);
  if (d.name == "multi_gauss") return multi_gauss_dataset(d.n, d.noise, rng);
  if (d.name == "study_hours") return study_hours_dataset();
  if (d.name == "toy4") return toy4_dataset();
  if (d.name == "wine") return wine_dataset();
  if (d.name == "inline") return RawData{d.x, d.y, d.targets};
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
  if (d.shuffle) permute_rows(raw, rng.permutation(static_cast<int>(raw.x.size())));
  Dataset data = make_dataset(raw, d.split, d.regression);
  if (d.standardize) standardize(data);
  return data;
}

}  // namespace nnplay
