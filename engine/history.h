// The epoch history: one EpochRecord per finished epoch, in a bounded amount of memory.
//
// Up to `limit` records it keeps every epoch. One more, and it thins itself: the stride doubles
// and only epochs that are multiples of it stay (every other record), so the history always spans
// the whole run, evenly, in at most `limit` records (64 bytes each). Thinning touches each record
// O(1) times on average, as a growing vector's copies do.
//   limit = 0         keeps nothing
//   limit = SIZE_MAX  keeps every epoch (memory grows with the run)
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace nnplay {

// One finished epoch: the mean of its batch losses (as PyTorch tutorials record `loss.item()`),
// and, when there is a validation split, the validation loss and accuracy after it (for
// regression, its mae, rmse and r2 instead of the accuracy).
struct EpochRecord {
  int epoch = 0;
  long long step = 0;
  double train_loss = 0;
  double val_loss = 0, val_accuracy = 0;  // NaN without a validation split (accuracy: for regression)
  double val_mae = NAN, val_rmse = NAN, val_r2 = NAN;  // regression with a validation split
};

class EpochHistory {
 public:
  explicit EpochHistory(std::size_t limit = kDefaultLimit) : limit_(limit) {}

  static constexpr std::size_t kDefaultLimit = 100000;  // 6.4 MB: every epoch of a long lesson

  void add(const EpochRecord& r);
  const std::vector<EpochRecord>& records() const { return records_; }
  long long stride() const { return stride_; }  // kept epochs are multiples of it
  void set_limit(std::size_t limit);  // thins at once if there are more records than that

 private:
  void thin();

  std::size_t limit_;
  long long stride_ = 1;
  std::vector<EpochRecord> records_;
};

}  // namespace nnplay
