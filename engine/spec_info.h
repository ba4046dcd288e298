// What the spec allows, as data (the JS API's specInfo()): the page asks the engine instead of
// restating its rules.
#pragma once

#include <string>

namespace nnplay {

// JSON: { datasets: [{ name, generated, n, classes, split, task, holdoutSplit? }], losses: [{ name,
// outputs, classes }], tasks: [{ name, losses }], activations, optimizers, caps: { samples,
// features, label, hiddenLayers, units, epochs, predict } }. A dataset's `task` is the one a spec
// without `task` gets; a task's `losses` are those it allows, its default first.
// A loss's `outputs` is the model's output width: "classes", or a number (1 for bce, which also
// needs `classes` = 2); a dataset's `classes` is 0 when the data decides (inline, csv).
std::string spec_info_json();

}  // namespace nnplay
