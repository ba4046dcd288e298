// The hidden-space view (ConvNetJS's classify2d idea): the data and a grid of lines over the input
// plane, pushed through the network to one hidden layer and drawn in that layer's space, on two
// chosen units or on the layer's top two principal directions. On the last hidden layer the
// output layer is a linear model of that space, so its logits are affine in the view:
//   logit_k(q) = (A w_k) . q + (w_k . c + b_k),   h = c + A^T q
// with A the 2 x H view axes and c its centre: the learner sees the hidden layer make the
// classes linearly separable.
#pragma once

#include <vector>

#include "grid.h"

namespace nnplay {

struct HiddenSpaceOptions {
  int layer = 1;             // 1 .. H, the diagram's numbering (unit_grid.h)
  int unit_x = -1, unit_y = -1;  // two units of the layer, or -1: the top two principal directions
  GridBounds bounds;         // the input-plane region the lines cover
  int lines = 11;            // lines per direction (vertical, then horizontal)
  int samples = 41;          // points per line
  int max_points = 2000;     // training points shown at most (evenly strided)
};

struct HiddenSpace {
  int units = 0;                // H
  std::vector<float> axes;      // 2 x H, row-major: the view's directions in the layer's space
  std::vector<float> center;    // H: the training activations' mean for principal directions, else 0
  std::vector<float> variance;  // 2: the share of the activations' variance along each axis
  std::vector<float> points;    // n x 2: training points in the view
  std::vector<int> labels;      // n: their classes
  std::vector<float> lines;     // (2 lines) x samples x 2: the grid lines in the view
  std::vector<float> logits;    // C x 3 (a, b, c): logit_k = a q1 + b q2 + c; empty unless last hidden layer
};

// Throws SpecError naming what is wrong (no such hidden layer or unit, not 2-D data, bad sizes).
HiddenSpace hidden_space(const Experiment& e, const HiddenSpaceOptions& options);

}  // namespace nnplay
