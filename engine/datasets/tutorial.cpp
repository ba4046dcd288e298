// The two small tables of tutorial 000.
#include "generators.h"

namespace nnplay {

RawData study_hours_dataset() {
  // Hours studied; passed (1) from 11 hours on.
  RawData raw;
  for (double h : {0, 1, 5, 9, 11, 15, 20}) raw.x.push_back({h});
  raw.y = {0, 0, 0, 0, 1, 1, 1};
  return raw;
}

RawData toy4_dataset() {
  RawData raw;
  raw.x = {{1, 2, 1, 1}, {2, 1, 3, 2}, {3, 1, 3, 4}, {4, 1, 5, 5},
           {1, 7, 5, 5}, {1, 2, 5, 6}, {1, 6, 6, 6}, {1, 7, 7, 7}};
  raw.y = {0, 0, 0, 1, 1, 1, 2, 2};
  return raw;
}

}  // namespace nnplay
