#include "trace.h"

namespace nnplay {

namespace {

std::vector<float> column_of(const Matrix& m, int column) {
  const auto c = m.col(column);
  return std::vector<float>(c.data(), c.data() + c.size());
}

}  // namespace

void trace_forward(const Sequential& model, const Workspace& ws, const Eigen::Ref<const Matrix>& x,
                   int column, StepTrace& trace) {
  const int L = model.num_layers();
  trace.sample_x.assign(x.col(column).data(), x.col(column).data() + x.rows());
  trace.sample_layers.assign(L, {});
  for (int l = 0; l < L; ++l) {
    SampleLayer& layer = trace.sample_layers[l];
    layer.a = column_of(ws.a[l], column);  // a = act(z); the logits for the last layer
    if (l + 1 == L) {
      layer.z = layer.a;
      continue;
    }
    // The kernels apply the activation in place, so z is formed again: z = W a_prev + b.
    const Vector prev = l == 0 ? Vector(x.col(column)) : Vector(ws.a[l - 1].col(column));
    const Vector z = model.weight(l) * prev + model.bias(l);
    layer.z.assign(z.data(), z.data() + z.size());
  }
}

void trace_backward(const Workspace& ws, int column, StepTrace& trace) {
  for (size_t l = 0; l < trace.sample_layers.size(); ++l)
    trace.sample_layers[l].dz = column_of(ws.delta[l], column);  // dL/dz of the batch loss
}

}  // namespace nnplay
