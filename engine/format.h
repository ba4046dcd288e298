// Numbers as text: the shortest digits that read back to the same value (grisu2, the algorithm
// nlohmann-json already uses), without printf, whose long-double path weighs ~10 KB of WebAssembly.
//   format_float(0.1f) == "0.1",  format_float(20.0f) == "20",  format_float(1e-5f) == "1e-05"
#pragma once

#include <string>

namespace nnplay {

std::string format_float(float v);    // v finite
std::string format_double(double v);  // v finite

// Text from the input made safe to print in a message: control characters (below 0x20, and
// 0x7f) become \u00XX as in JSON, bytes that are not UTF-8 become \xNN; the rest is kept. So an
// ANSI escape in a field name or a CSV cell cannot act on the learner's terminal.
std::string printable(const std::string& text);
bool is_utf8(const std::string& text);

}  // namespace nnplay
