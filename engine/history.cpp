#include "history.h"

#include <algorithm>

namespace nnplay {

void EpochHistory::add(const EpochRecord& r) {
  if (limit_ == 0 || r.epoch % stride_ != 0) return;
  records_.push_back(r);
  thin();
}

void EpochHistory::set_limit(std::size_t limit) {
  limit_ = limit;
  if (limit_ == 0) records_ = {};
  thin();
}

void EpochHistory::thin() {
  while (records_.size() > limit_) {
    stride_ *= 2;
    const long long stride = stride_;
    records_.erase(std::remove_if(records_.begin(), records_.end(),
                                  [stride](const EpochRecord& r) { return r.epoch % stride != 0; }),
                   records_.end());
  }
}

}  // namespace nnplay
