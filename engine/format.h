// Numbers as text: the shortest digits that read back to the same value (grisu2, the algorithm
// nlohmann-json already uses), without printf, whose long-double path weighs ~10 KB of WebAssembly.
//   format_float(0.1f) == "0.1",  format_float(20.0f) == "20",  format_float(1e-5f) == "1e-05"
#pragma once

#include <string>

namespace nnplay {

std::string format_float(float v);    // v finite
std::string format_double(double v);  // v finite

}  // namespace nnplay
