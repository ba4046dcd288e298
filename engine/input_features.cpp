#include "input_features.h"

#include <cmath>

namespace nnplay {

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> names = {"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"};
  return names;
}

const char* feature_name(Feature f) { return feature_names()[static_cast<size_t>(f)].c_str(); }

Feature feature_from_name(const std::string& name) {
  const auto& names = feature_names();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<Feature>(i);
  return Feature::X1;
}

namespace {
// One feature of one point, in float32 (x1 * x1 is torch's x ** 2; sinf is torch.sin's float path).
inline float feature_value(Feature f, float x1, float x2) {
  switch (f) {
    case Feature::X1: return x1;
    case Feature::X2: return x2;
    case Feature::X1Squared: return x1 * x1;
    case Feature::X2Squared: return x2 * x2;
    case Feature::X1TimesX2: return x1 * x2;
    case Feature::SinX1: return std::sin(x1);
    case Feature::SinX2: return std::sin(x2);
  }
  return x1;
}
}  // namespace

Matrix feature_map(const std::vector<Feature>& features, const Eigen::Ref<const Matrix>& X) {
  if (features.empty()) return X;
  Matrix out(static_cast<Eigen::Index>(features.size()), X.cols());
  for (Eigen::Index n = 0; n < X.cols(); ++n)
    for (size_t k = 0; k < features.size(); ++k) out(Eigen::Index(k), n) = feature_value(features[k], X(0, n), X(1, n));
  return out;
}

}  // namespace nnplay
