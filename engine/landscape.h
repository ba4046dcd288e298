// The loss landscape through two parameters: the mean training loss as flat parameters i and j
// (indices into Sequential::parameters(), PyTorch's order) take every value of a w x h grid, all
// others fixed at their current values. Row 0 is at the top (j = ymax), like the decision grid:
//   out[row * w + col],  parameter i = xmin + (col + 0.5) (xmax - xmin) / w,
//                        parameter j = ymax - (row + 0.5) (ymax - ymin) / h.
// For a two-parameter model (nn.Linear(1, 1): weight 0, bias 1) this is the whole loss surface,
// on which an optimizer's path can be drawn.
#pragma once

#include "grid.h"

namespace nnplay {

// At most this many sample forwards per call (w * h * training rows), so a call stays interactive.
constexpr double kMaxLandscapeWork = 4e6;

// Throws SpecError for a bad index, size or bounds, or a grid too large for the training split.
void loss_landscape(const Experiment& e, int i, int j, const GridBounds& bounds, int w, int h, float* out);
// Those checks alone, so that a caller can size `out` after them.
void check_loss_landscape(const Experiment& e, int i, int j, const GridBounds& bounds, int w, int h);

}  // namespace nnplay
