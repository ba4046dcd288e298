// The decision grid: class probabilities over a w x h grid of cells covering a 2-D region, laid
// out as a canvas draws them (row 0 at the top, ymax) so the page can paint them directly:
//   out[(row * w + col) * C + k],  C = grid_width(e): probability_width (2 for bce), or 1 for
//   regression, where each cell holds the predicted value.
// Cell centres: x = xmin + (col + 0.5) (xmax - xmin) / w,  y = ymax - (row + 0.5) (ymax - ymin) / h.
#pragma once

#include "experiment.h"

namespace nnplay {

struct GridBounds {
  double xmin = -1, xmax = 1, ymin = -1, ymax = 1;
};

int grid_width(const Experiment& e);

// Throws SpecError unless the data has 2 features, 1 <= w, h <= 2048 and the bounds are finite
// with xmin < xmax, ymin < ymax. out holds w * h * C floats.
void decision_grid(const Experiment& e, int w, int h, const GridBounds& bounds, float* out);
// Those checks alone, so that a caller can size `out` after them.
void check_decision_grid(const Experiment& e, int w, int h, const GridBounds& bounds);

// Throws SpecError("<what>: ...") unless 1 <= w, h <= max_side and the bounds are finite with
// xmin < xmax, ymin < ymax. Shared by the grid and the loss landscape.
void check_grid_shape(const char* what, int w, int h, int max_side, const GridBounds& bounds);

}  // namespace nnplay
