#include "json_text.h"

#include "caps.h"
#include "error.h"
#include "format.h"

namespace nnplay {

namespace {

// nlohmann-json's SAX interface: counts depth and values, keeps nothing. Its parser is a loop
// with an explicit stack, so this pass is safe at any depth; it stops at the first cap.
class CapsCheck {
 public:
  explicit CapsCheck(std::string subject) : subject_(std::move(subject)) {}

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(json::number_integer_t) { return value(); }
  bool number_unsigned(json::number_unsigned_t) { return value(); }
  bool number_float(json::number_float_t, const json::string_t&) { return value(); }
  bool string(json::string_t&) { return value(); }
  bool binary(json::binary_t&) { return value(); }
  bool key(json::string_t&) { return true; }
  bool start_object(std::size_t) { return open(); }
  bool start_array(std::size_t) { return open(); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    throw SpecError(subject_ + " not valid JSON: " + printable(e.what()));  // it quotes the bytes it read
  }

 private:
  bool value() {
    if (++values_ > kMaxJsonValues)
      throw SpecError(subject_ + " too large: more than " + std::to_string(kMaxJsonValues) +
                      " JSON values (numbers, strings, arrays, ...), the cap");
    return true;
  }
  bool open() {
    if (++depth_ > kMaxDepth)
      throw SpecError(subject_ + " nested deeper than the cap of " + std::to_string(kMaxDepth) +
                      " levels of arrays and objects inside each other");
    return value();
  }
  bool close() {
    --depth_;
    return true;
  }

  std::string subject_;
  int depth_ = 0;
  std::size_t values_ = 0;
};

}  // namespace

std::string bytes_text(std::size_t bytes) {
  return std::to_string(bytes >> 20) + " MiB (" + std::to_string(bytes) + " bytes)";
}

json parse_json_text(const std::string& text, const std::string& subject, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    throw SpecError(subject + " larger than the cap of " + bytes_text(max_bytes));
  CapsCheck check(subject);
  json::sax_parse(text, &check);
  try {
    return json::parse(text);
  } catch (const json::exception& e) {  // not expected after the check; kept a spec error all the same
    throw SpecError(subject + " not valid JSON: " + printable(e.what()));
  }
}

}  // namespace nnplay
