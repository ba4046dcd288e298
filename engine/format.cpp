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

// The length of the valid UTF-8 sequence starting at s[i], or 0 (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF).
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  const unsigned c = byte(i);
  const auto tail = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return tail(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned c1 = byte(i + 1);
    const bool ok = (c == 0xE0 ? c1 >= 0xA0 : c == 0xED ? c1 < 0xA0 : true) && tail(i + 1) && tail(i + 2);
    return ok ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned c1 = byte(i + 1);
    const bool ok = (c == 0xF0 ? c1 >= 0x90 : c == 0xF4 ? c1 < 0x90 : true) && tail(i + 1) && tail(i + 2) && tail(i + 3);
    return ok ? 4 : 0;
  }
  return 0;
}

}  // namespace

std::string format_float(float v) { return shortest(v); }
std::string format_double(double v) { return shortest(v); }

bool is_utf8(const std::string& text) {
  for (std::size_t i = 0, n; i < text.size(); i += n)
    if ((n = utf8_length(text, i)) == 0) return false;
  return true;
}

std::string printable(const std::string& text) {
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      out += std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
      i += 1;
    } else if (c < 0x20 || c == 0x7f) {
      out += std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
      i += 1;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace nnplay
