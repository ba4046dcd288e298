// Depth and size for the fuzz harnesses (issue 11): inputs of at most -max_len bytes never reach
// a cap, so the first byte may ask for the rest to be grown first:
//   'D' n rest: rest wrapped in 4n levels of arrays (up to 1020, past kMaxDepth)
//   'R' n rest: rest repeated 64n times (up to about 16,000 copies)
// Any other first byte: the input as it is.
#pragma once

#include <cstdint>
#include <string>

inline std::string grown(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (size < 2 || (data[0] != 'D' && data[0] != 'R')) return input;
  const std::string rest = input.substr(2);
  if (data[0] == 'D') {
    const size_t depth = 4 * size_t(data[1]);
    return std::string(depth, '[') + rest + std::string(depth, ']');
  }
  std::string out;
  for (size_t i = 0; i < 64 * size_t(data[1]) && out.size() < (size_t(1) << 22); ++i) out += rest;
  return out;
}
