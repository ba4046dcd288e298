// Matrix types of the engine.
//
// Shape legend used in every file:  B = samples in a batch, F = input features,
// C = classes (outputs), H = units of a hidden layer.
// Activations are column-major (F x B): one sample per column, so a batch slice is contiguous.
// Weights are row-major (out x in), PyTorch's nn.Linear layout, as views into one flat buffer.
#pragma once

#include <Eigen/Core>

namespace nnplay {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::Matrix<float, Eigen::Dynamic, 1>;
using WeightView = Eigen::Map<RowMatrix>;
using ConstWeightView = Eigen::Map<const RowMatrix>;
using BiasView = Eigen::Map<Vector>;
using ConstBiasView = Eigen::Map<const Vector>;

}  // namespace nnplay
