// The decision grid: softmax (or sigmoid) per cell of the network's output, by the row-wise
// evaluation of grid_rows.h.
#include "grid.h"

#include <algorithm>
#include <string>

#include "error.h"
#include "grid_rows.h"
#include "loss.h"

namespace nnplay {

void decision_grid(const Experiment& e, int w, int h, const GridBounds& b, float* out) {
  check_decision_grid(e, w, h, b);
  const Sequential& model = e.model();
  const int C = grid_width(e);
  const bool regression = e.data().regression;
  grid_rows_detail::for_grid_rows(
      model, model.num_layers() - 1, w, h, b,
      [&](int row, int col, int m, const std::vector<Matrix>& a) {
        float* cells = out + (size_t(row) * w + col) * C;
        if (regression)  // the predicted value itself
          std::copy(a.back().data(), a.back().data() + m, cells);
        else
          probabilities_into(e.spec().loss, a.back().leftCols(m), cells);
      },
      e.spec().model.features);
}

int grid_width(const Experiment& e) {
  return e.data().regression ? 1 : probability_width(e.spec().loss, e.model().outputs());
}

void check_decision_grid(const Experiment& e, int w, int h, const GridBounds& b) {
  if (e.data().features() != 2)
    throw SpecError("decision grid: the data has " + std::to_string(e.data().features()) +
                    " features; a 2-D grid needs exactly 2");
  check_grid_shape("decision grid", w, h, 2048, b);
}

void check_grid_shape(const char* what, int w, int h, int max_side, const GridBounds& b) {
  if (w < 1 || h < 1 || w > max_side || h > max_side)
    throw SpecError(std::string(what) + ": width and height must be 1 .. " + std::to_string(max_side) + ", got " +
                    std::to_string(w) + " x " + std::to_string(h));
  if (!(std::isfinite(b.xmin) && std::isfinite(b.xmax) && std::isfinite(b.ymin) && std::isfinite(b.ymax) &&
        b.xmin < b.xmax && b.ymin < b.ymax))
    throw SpecError(std::string(what) + ": bounds must be finite with xmin < xmax and ymin < ymax");
}

}  // namespace nnplay
