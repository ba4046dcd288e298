// Input features (TensorFlow Playground's x1^2, sin(x1), ...): what the first layer sees, computed
// from the two inputs (standardized, if the data is) in float32, as torch would:
//   "x1" x1   "x2" x2   "x1^2" x1 * x1   "x2^2" x2 * x2   "x1*x2" x1 * x2   "sin(x1)"   "sin(x2)"
// They come before the first layer and hold no parameters, so nothing flows back through them.
// An empty list means the inputs as they are (any width); a list needs data of 2 features.
#pragma once

#include <string>
#include <vector>

#include "tensor.h"

namespace nnplay {

enum class Feature { X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2 };

// The spec's names, in the order above.
const std::vector<std::string>& feature_names();
const char* feature_name(Feature f);
Feature feature_from_name(const std::string& name);  // name must be one of feature_names()

// The model's input: one row per feature of X (2 x N), or X itself when `features` is empty.
Matrix feature_map(const std::vector<Feature>& features, const Eigen::Ref<const Matrix>& X);

}  // namespace nnplay
