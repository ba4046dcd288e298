#include "format.h"

#include <nlohmann/json.hpp>

namespace nnplay {

namespace {
template <class T>
std::string shortest(T v) {
  char buffer[64];
  std::string text(buffer, nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, v));
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}
}  // namespace

std::string format_float(float v) { return shortest(v); }
std::string format_double(double v) { return shortest(v); }

}  // namespace nnplay
