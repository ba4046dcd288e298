#include "hidden_space.h"

#include "kernels.h"

#include <cmath>
#include <string>

#include "error.h"

namespace nnplay {

namespace {

using Axes = Eigen::Matrix<double, 2, Eigen::Dynamic, Eigen::RowMajor>;

void check(const Experiment& e, const HiddenSpaceOptions& o) {
  const int hidden = e.model().num_layers() - 1;
  if (hidden < 1) throw SpecError("hiddenSpace: the linear model has no hidden layer");
  if (o.layer < 1 || o.layer > hidden)
    throw SpecError("hiddenSpace: layer must be a hidden layer, 1 .. " + std::to_string(hidden) + ", got " +
                    std::to_string(o.layer));
  if (e.data().features() != 2)
    throw SpecError("hiddenSpace: the data has " + std::to_string(e.data().features()) +
                    " features; lines over the plane need exactly 2");
  const int H = e.model().layer(o.layer - 1).out;
  const bool pca = o.unit_x < 0 && o.unit_y < 0;
  if (!pca && (o.unit_x < 0 || o.unit_y < 0 || o.unit_x >= H || o.unit_y >= H || o.unit_x == o.unit_y))
    throw SpecError("hiddenSpace: units must be two different units 0 .. " + std::to_string(H - 1) +
                    " of layer " + std::to_string(o.layer) + ", or none for the principal directions");
  if (o.lines < 2 || o.lines > 64 || o.samples < 2 || o.samples > 512 || o.max_points < 0 || o.max_points > 20000)
    throw SpecError("hiddenSpace: lines must be 2 .. 64, samples 2 .. 512 and maxPoints 0 .. 20000");
  check_grid_shape("hiddenSpace", 1, 1, 1, o.bounds);
}

// The layer's activations (H x n) for the columns of X.
Matrix activations(const Sequential& model, int layer, const Matrix& X) {
  Workspace ws;
  model.forward(X, ws);
  return ws.a[layer - 1];
}

// The large products are in float: the covariance (H x n x H) by the training's own SIMD kernel
// (kernels.h), the power iteration's C Q (H x H x 2) by Eigen's float product; the small
// ones are lazyProduct (plain loops) in double: Eigen's blocked double GEMM would add tens of KB
// for matrices of a few hundred rows. Measured in WebAssembly in Node (docs/PERFORMANCE.md): the
// default view of the tutorial's 200 units over 600 points went from 90 .. 300 ms to about 13 ms.

// Orthonormalizes the two columns of Q (Gram-Schmidt); a column that vanishes becomes a unit
// vector orthogonal to the other.
void orthonormalize(Eigen::MatrixXd& Q) {
  for (int k = 0; k < 2; ++k) {
    if (k == 1) Q.col(1) -= Q.col(0).dot(Q.col(1)) * Q.col(0);
    const double norm = Q.col(k).norm();
    if (norm > 1e-300) {
      Q.col(k) /= norm;
      continue;
    }
    Q.col(k).setZero();
    Q(k == 1 && std::abs(Q(0, 0)) > 0.9 && Q.rows() > 1 ? 1 : 0, k) = 1;
    if (k == 1) orthonormalize(Q);
  }
}

// The top two eigenvectors of the covariance C by orthogonal (block power) iteration, then the
// 2 x 2 Rayleigh-Ritz step that orders them: a few hundred H x H x 2 products, and no general
// eigensolver in the WebAssembly download. The iteration multiplies in float (CF = C in float), so
// it stops when a step moves the basis by less than float's resolution allows (kConverged).
constexpr double kConverged = 1e-6;

Eigen::MatrixXd top_two_eigenvectors(const Eigen::MatrixXd& C, const Matrix& CF, Eigen::Vector2d& values) {
  const Eigen::Index H = C.rows();
  Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(H, 2);
  Eigen::Index first = 0, second = 0;  // start from the two largest columns of C
  C.colwise().squaredNorm().maxCoeff(&first);
  Eigen::RowVectorXd norms = C.colwise().squaredNorm();
  norms(first) = -1;
  norms.maxCoeff(&second);
  Q.col(0) = C.col(first);
  Q.col(1) = H > 1 ? Eigen::VectorXd(C.col(second)) : Eigen::VectorXd::Zero(H);
  orthonormalize(Q);
  for (int it = 0; it < 500; ++it) {
    const Matrix product = CF * Q.cast<float>();
    Eigen::MatrixXd next = product.cast<double>();
    orthonormalize(next);
    const double change = (next - Q).cwiseAbs().maxCoeff();
    Q = std::move(next);
    if (change < kConverged) break;
  }
  // T = Q^T C Q = [[a, b], [b, d]]: rotate Q by T's eigenvectors, the larger first.
  const Eigen::Matrix2d T = Q.transpose().lazyProduct(Eigen::MatrixXd(C.lazyProduct(Q)));
  const double a = T(0, 0), b = T(0, 1), d = T(1, 1);
  const double mid = (a + d) / 2, radius = std::hypot((a - d) / 2, b);
  values = {mid + radius, mid - radius};
  const double angle = 0.5 * std::atan2(2 * b, a - d);  // the larger eigenvalue's direction
  Eigen::Matrix2d R;
  R << std::cos(angle), -std::sin(angle), std::sin(angle), std::cos(angle);
  return Q.lazyProduct(R);
}

// The top two principal directions of the columns of A, as rows; each direction's largest
// component is positive, so the view does not flip from one frame to the next.
Axes principal_axes(const Matrix& A, Eigen::VectorXd& mean, std::vector<float>& variance) {
  const Eigen::MatrixXd D = A.cast<double>();
  mean = D.rowwise().mean();
  const Matrix centered = (D.colwise() - mean).cast<float>();
  // centered centered^T is the shape of a weight gradient, dW += dZ X^T: the training kernel's.
  RowMatrix gram = RowMatrix::Zero(centered.rows(), centered.rows());
  Vector sums = Vector::Zero(centered.rows());  // db, not needed
  kernels::linear_backward_params(centered, centered, WeightView(gram.data(), gram.rows(), gram.cols()),
                                  BiasView(sums.data(), sums.size()));
  const Matrix covF = gram / float(std::max<Eigen::Index>(D.cols() - 1, 1));
  const Eigen::MatrixXd cov = covF.cast<double>();
  Eigen::Vector2d values;
  const Eigen::MatrixXd vectors = top_two_eigenvectors(cov, covF, values);
  Axes axes(2, cov.rows());
  const double total = std::max(cov.trace(), 1e-30);
  variance.assign(2, 0.0f);
  for (int k = 0; k < 2; ++k) {
    Eigen::VectorXd v = vectors.col(k);
    Eigen::Index big;
    v.cwiseAbs().maxCoeff(&big);
    if (v(big) < 0) v = -v;
    axes.row(k) = v.transpose();
    variance[k] = float(std::max(values(k), 0.0) / total);
  }
  return axes;
}

// Columns of A projected: (A - c)^T axes^T, written n x 2.
void project(const Matrix& A, const Axes& axes, const Eigen::VectorXd& c, std::vector<float>& out) {
  const Eigen::MatrixXd q = axes.lazyProduct(Eigen::MatrixXd(A.cast<double>().colwise() - c));
  out.resize(size_t(q.cols()) * 2);
  for (Eigen::Index i = 0; i < q.cols(); ++i) {
    out[2 * i] = float(q(0, i));
    out[2 * i + 1] = float(q(1, i));
  }
}

// Vertical lines (x fixed), then horizontal ones, each sampled at `samples` points: F x (2 L S).
Matrix grid_lines(const HiddenSpaceOptions& o) {
  const GridBounds& b = o.bounds;
  Matrix X(2, 2 * o.lines * o.samples);
  int k = 0;
  for (int dir = 0; dir < 2; ++dir)
    for (int i = 0; i < o.lines; ++i)
      for (int s = 0; s < o.samples; ++s, ++k) {
        const double along = double(s) / (o.samples - 1), across = double(i) / (o.lines - 1);
        const double tx = dir == 0 ? across : along, ty = dir == 0 ? along : across;
        X(0, k) = float(b.xmin + tx * (b.xmax - b.xmin));
        X(1, k) = float(b.ymin + ty * (b.ymax - b.ymin));
      }
  return X;
}

}  // namespace

HiddenSpace hidden_space(const Experiment& e, const HiddenSpaceOptions& o) {
  check(e, o);
  const Sequential& model = e.model();
  const Dataset& data = e.data();
  const int n_train = data.split_size(Split::Train);
  const int stride = o.max_points > 0 ? std::max(1, (n_train + o.max_points - 1) / o.max_points) : 0;
  const int n = stride ? (n_train + stride - 1) / stride : 0;
  Matrix X(2, n);
  HiddenSpace out;
  out.labels.resize(n);
  for (int i = 0; i < n; ++i) {
    X.col(i) = data.x.col(i * stride);
    out.labels[i] = data.regression ? 0 : data.y[i * stride];  // regression has no classes
  }
  const auto& features = e.spec().model.features;  // what the first layer sees (input_features.h)
  const Matrix A = activations(model, o.layer, feature_map(features, X));
  out.units = int(model.layer(o.layer - 1).out);

  Eigen::VectorXd c = Eigen::VectorXd::Zero(out.units);
  Axes axes = Axes::Zero(2, out.units);
  if (o.unit_x >= 0) {
    axes(0, o.unit_x) = axes(1, o.unit_y) = 1;
    out.variance.assign(2, 0.0f);
  } else {
    axes = principal_axes(A, c, out.variance);
  }
  out.axes.assign(axes.data(), axes.data() + axes.size());
  out.center.resize(out.units);
  for (int u = 0; u < out.units; ++u) out.center[u] = float(c(u));
  project(A, axes, c, out.points);
  project(activations(model, o.layer, feature_map(features, grid_lines(o))), axes, c, out.lines);

  if (o.layer == model.num_layers() - 1) {  // the output layer reads this space
    const auto W = model.weight(o.layer).cast<double>();
    const auto b = model.bias(o.layer).cast<double>();
    const Eigen::MatrixXd slope = W.lazyProduct(axes.transpose());  // C x 2
    const Eigen::VectorXd offset = W.lazyProduct(c) + b;
    for (Eigen::Index k = 0; k < W.rows(); ++k)
      out.logits.insert(out.logits.end(), {float(slope(k, 0)), float(slope(k, 1)), float(offset(k))});
  }
  return out;
}

}  // namespace nnplay
