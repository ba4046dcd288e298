// The work cap (engine/caps.h, kMaxEpochWork): how much one epoch of a spec costs, counted before
// the model is built, so that no accepted setting can freeze a classroom browser for minutes.
#pragma once

#include "dataset.h"
#include "spec.h"

namespace nnplay {

// Multiply-adds of one epoch, as a cost model of what the engine does:
//   weights x (3 x training points + validation points + u x updates),  u = 8 (80 for Adam)
// per training point one forward and two backward products (the input and the weight gradient),
// per validation point one forward (the page records it every epoch), per update an optimizer
// step over every weight and the overhead of small batches, measured. `outputs` is the last
// layer's width.
double epoch_work(const Spec& spec, const Dataset& data, int outputs);

// Throws SpecError (at model.hidden) past kMaxEpochWork, naming the figures and the cap.
void check_epoch_work(const Spec& spec, const Dataset& data, int outputs);

}  // namespace nnplay
