// One optimizer step under the microscope (the spec's "trace", docs/spec.md): everything PyTorch
// holds around the tutorial's five lines for that step,
//   y_pred = model(x); loss = criterion(y_pred, y); optimizer.zero_grad(); loss.backward(); optimizer.step()
// params before, each .grad after backward(), optimizer.state after step(), params after, and the
// forward and backward values of the batch's first sample.
#pragma once

#include <vector>

#include "model.h"
#include "optimizer.h"

namespace nnplay {

// One Linear layer's values for one sample: z = W a_prev + b, a = act(z) (a = z for the logits),
// dz = dL/dz of the batch loss.
struct SampleLayer {
  std::vector<float> z, a, dz;
};

struct StepTrace {
  long long step = 0;         // 0-based, counted across epochs
  int epoch = 0;              // 0-based index of the epoch the step belongs to
  std::vector<int> batch;     // indices into the training split, in the order the step used them
  double loss = 0;            // the batch loss that backward() differentiated (the data term)
  double penalty = -1;        // with regularization: l1 sum |W| + l2 sum W^2 before the step; else < 0
  std::vector<float> params;  // flat, before the step (model.h's layout)
  std::vector<float> grad;    // flat, each parameter's .grad after loss.backward()
  OptimizerState state;       // after step()
  std::vector<float> after;   // flat, after the step
  int sample_index = 0;       // batch[0]
  std::vector<float> sample_x;             // the model's input for it
  std::vector<SampleLayer> sample_layers;  // one per Linear layer
};

// Fills sample_layers' z and a for column `column` of the last forward pass (ws.a) and the input
// x, with the model's parameters as they were for that pass.
void trace_forward(const Sequential& model, const Workspace& ws, const Eigen::Ref<const Matrix>& x,
                   int column, StepTrace& trace);

// Fills sample_layers' dz from the last backward pass (ws.delta).
void trace_backward(const Workspace& ws, int column, StepTrace& trace);

}  // namespace nnplay
