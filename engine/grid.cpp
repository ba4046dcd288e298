#include "grid.h"

#include <cmath>
#include <string>

#include "error.h"

namespace nnplay {

void decision_grid(const Experiment& e, int w, int h, const GridBounds& b, float* out) {
  if (e.data().features() != 2)
    throw SpecError("decision grid: the data has " + std::to_string(e.data().features()) +
                    " features; a 2-D grid needs exactly 2");
  if (w < 1 || h < 1 || w > 2048 || h > 2048)
    throw SpecError("decision grid: width and height must be 1 .. 2048, got " + std::to_string(w) + " x " +
                    std::to_string(h));
  if (!(std::isfinite(b.xmin) && std::isfinite(b.xmax) && std::isfinite(b.ymin) && std::isfinite(b.ymax) &&
        b.xmin < b.xmax && b.ymin < b.ymax))
    throw SpecError("decision grid: bounds must be finite with xmin < xmax and ymin < ymax");
  const int C = probability_width(e.spec().loss, e.model().outputs());
  const double dx = (b.xmax - b.xmin) / w, dy = (b.ymax - b.ymin) / h;
  Matrix points(2, w);  // one grid row at a time
  for (int col = 0; col < w; ++col) points(0, col) = float(b.xmin + (col + 0.5) * dx);
  for (int row = 0; row < h; ++row) {
    points.row(1).setConstant(float(b.ymax - (row + 0.5) * dy));
    probabilities_into(e.spec().loss, e.logits(points), out + size_t(row) * w * C);
  }
}

}  // namespace nnplay
