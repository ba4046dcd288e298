#include "model.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "kernels.h"
#include "random.h"

namespace nnplay {

Sequential::Sequential(int inputs, const std::vector<int>& hidden, int outputs, Activation activation)
    : activation_(activation) {
  size_t offset = 0;
  int in = inputs;
  auto add = [&](int out) {
    layers_.push_back({in, out, offset});
    offset += size_t(in) * out + out;
    in = out;
  };
  for (int h : hidden) add(h);
  add(outputs);
  params_.assign(offset, 0.0f);
  grads_.assign(offset, 0.0f);
}

void Sequential::reset_parameters(uint32_t seed) {
  // nn.Linear.reset_parameters in PyTorch 1.13:
  //   kaiming_uniform_(weight, a=sqrt(5)): bound = sqrt(3) * sqrt(2 / (1 + 5)) / sqrt(fan_in)
  //   uniform_(bias, -1/sqrt(fan_in), 1/sqrt(fan_in))
  // with the bounds computed in double as Python does.
  TorchRandom rng(seed);
  for (int l = 0; l < num_layers(); ++l) {
    const double fan_in = layers_[l].in;
    const double gain = std::sqrt(2.0 / (1.0 + 5.0));
    const double w_bound = std::sqrt(3.0) * (gain / std::sqrt(fan_in));
    const double b_bound = 1.0 / std::sqrt(fan_in);
    auto W = weight(l);
    for (int i = 0; i < W.rows(); ++i)
      for (int j = 0; j < W.cols(); ++j) W(i, j) = rng.uniform(-w_bound, w_bound);
    auto b = bias(l);
    for (int i = 0; i < b.size(); ++i) b(i) = rng.uniform(-b_bound, b_bound);
  }
}

const Matrix& Sequential::forward(const Eigen::Ref<const Matrix>& X, Workspace& ws) const {
  for (int l = 0; l < num_layers(); ++l) forward_layer(l, X, ws);
  return ws.a.back();
}

void Sequential::forward_layer(int l, const Eigen::Ref<const Matrix>& X, Workspace& ws) const {
  const int L = num_layers();
  if (l == 0) {
    ws.a.resize(L);
    ws.delta.resize(L);  // the loss writes dL/dlogits into ws.delta.back()
  }
  Matrix& z = ws.a[l];
  z.resize(layers_[l].out, X.cols());
  // hidden layers: a = act(W x + b); the output layer gives the logits W x + b
  const std::optional<Activation> act = l + 1 < L ? std::optional(activation_) : std::nullopt;
  if (l == 0)
    kernels::linear_forward(weight(l), bias(l), X, z, act);
  else
    kernels::linear_forward(weight(l), bias(l), ws.a[l - 1], z, act);
}

void Sequential::backward(const Eigen::Ref<const Matrix>& X, Workspace& ws) {
  for (int l = num_layers() - 1; l >= 0; --l) {
    backward_params(l, X, ws);
    if (l > 0) backward_input(l, ws);
  }
}

void Sequential::backward_params(int l, const Eigen::Ref<const Matrix>& X, Workspace& ws) {
  const LayerShape& s = layers_[l];
  WeightView dW(&grads_[s.offset], s.out, s.in);
  BiasView db(&grads_[bias_offset(l)], s.out);
  kernels::linear_backward_params(ws.delta[l], l == 0 ? X : Eigen::Ref<const Matrix>(ws.a[l - 1]), dW, db);
}

void Sequential::backward_input(int l, Workspace& ws) {
  const LayerShape& s = layers_[l];
  Matrix& prev = ws.delta[l - 1];
  prev.resize(s.in, ws.delta[l].cols());
  kernels::linear_backward_input(std::as_const(*this).weight(l), ws.delta[l], ws.a[l - 1], activation_, prev);
}

void Sequential::zero_grad() { std::fill(grads_.begin(), grads_.end(), 0.0f); }

}  // namespace nnplay
