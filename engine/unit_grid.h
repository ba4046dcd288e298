// Each unit's map over the input plane, for the network diagram: the value every unit of one
// layer takes at each cell of a w x h grid (cells as in grid.h, row 0 at the top), unit by unit:
//   out[(unit * h + row) * w + col]
// Layers are numbered as the diagram shows them: 0 = the inputs, 1 .. H = the hidden layers
// (their activations a), H + 1 = the outputs (the class probabilities: softmax(z), or for bce the
// one output's sigmoid(z), the probability of class 1).
#pragma once

#include "grid.h"

namespace nnplay {

// The units of a diagram layer, after checking everything unit_grids needs: throws SpecError
// unless the data has 2 features, the layer exists, 1 <= w, h <= 512 and the bounds are valid.
int unit_grid_units(const Experiment& e, int layer, int w, int h, const GridBounds& bounds);

// out holds unit_grid_units(...) * w * h floats.
void unit_grids(const Experiment& e, int layer, int w, int h, const GridBounds& bounds, float* out);

}  // namespace nnplay
