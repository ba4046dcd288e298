// A sequential multilayer perceptron: Linear, act, Linear, act, ..., Linear (no output activation;
// the loss applies softmax or sigmoid). hidden = {} is the linear model.
//
// All parameters live in one flat buffer, layer by layer: weight (out x in, row-major), then bias.
// An optimizer is one loop over it, and JavaScript can read every weight through one view.
#pragma once

#include <cstdint>
#include <vector>

#include "activation.h"
#include "tensor.h"

namespace nnplay {

struct LayerShape {
  int in, out;
  size_t offset;  // of the weight in the flat buffer; the bias follows it
};

// Per-layer outputs of one forward pass, kept for the backward pass (reused between calls).
struct Workspace {
  std::vector<Matrix> a;      // a[l]: output of layer l after its activation; a.back() = logits
  std::vector<Matrix> delta;  // dL/dz of layer l during backward
};

class Sequential {
 public:
  Sequential(int inputs, const std::vector<int>& hidden, int outputs, Activation activation);

  // The layers PyTorch would create after torch.manual_seed(seed): kaiming-uniform weights and
  // uniform biases, both on [-1/sqrt(fan_in), 1/sqrt(fan_in)).
  void reset_parameters(uint32_t seed);

  int inputs() const { return layers_.front().in; }
  int outputs() const { return layers_.back().out; }
  int num_layers() const { return static_cast<int>(layers_.size()); }
  const LayerShape& layer(int l) const { return layers_[l]; }
  Activation activation() const { return activation_; }

  std::vector<float>& parameters() { return params_; }
  const std::vector<float>& parameters() const { return params_; }
  std::vector<float>& gradients() { return grads_; }

  WeightView weight(int l) { return WeightView(&params_[layers_[l].offset], layers_[l].out, layers_[l].in); }
  ConstWeightView weight(int l) const {
    return ConstWeightView(&params_[layers_[l].offset], layers_[l].out, layers_[l].in);
  }
  BiasView bias(int l) { return BiasView(&params_[bias_offset(l)], layers_[l].out); }
  ConstBiasView bias(int l) const { return ConstBiasView(&params_[bias_offset(l)], layers_[l].out); }

  // Forward pass of X (F x B); the logits are ws.a.back().
  const Matrix& forward(const Eigen::Ref<const Matrix>& X, Workspace& ws) const;

  // Backward pass for the X of the last forward, given dL/dlogits in ws.delta.back();
  // ADDS the parameter gradients to gradients() (zero them first, like optimizer.zero_grad()).
  void backward(const Eigen::Ref<const Matrix>& X, Workspace& ws);

  // The same passes one kernel at a time (forward: l = 0 .. L-1, backward: l = L-1 .. 0), so that
  // a long update can stop between layers and go on later with the same numbers: forward and
  // backward are exactly these calls in that order. forward_layer(0, ...) sizes ws.
  // A layer's backward is its parameter gradients, then (for l > 0) dL/dz of the layer below.
  void forward_layer(int l, const Eigen::Ref<const Matrix>& X, Workspace& ws) const;
  void backward_params(int l, const Eigen::Ref<const Matrix>& X, Workspace& ws);
  void backward_input(int l, Workspace& ws);
  // Multiply-adds of each of these for layer l on B samples: in x out per sample.
  double layer_work(int l, int B) const { return double(layers_[l].in) * layers_[l].out * B; }

  void zero_grad();

 private:
  size_t bias_offset(int l) const { return layers_[l].offset + size_t(layers_[l].in) * layers_[l].out; }

  std::vector<LayerShape> layers_;
  Activation activation_;
  std::vector<float> params_, grads_;
};

}  // namespace nnplay
