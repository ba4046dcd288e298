// Reading one JSON object of the spec with strict checks. Every getter knows the field's path,
// and finish() refuses any field nobody asked for, listing the allowed ones.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace nnplay {

// One JSON type for the whole engine (parsing and output), so its code is instantiated once.
using json = nlohmann::ordered_json;

class Fields {
 public:
  Fields(const json& object, std::string path);  // path "" is the top level

  bool has(const std::string& key);
  const json& raw(const std::string& key);  // requires has(key)
  std::string path_of(const std::string& key) const;

  long long integer(const std::string& key, long long fallback, long long min, long long max);
  double number(const std::string& key, double fallback, double min, double max);
  bool boolean(const std::string& key, bool fallback);
  std::string choice(const std::string& key, const std::string& fallback,
                     const std::vector<std::string>& allowed);
  std::string string(const std::string& key);

  void finish();  // throws on unknown fields

  // The error for a value at `path`: "spec error at PATH: expected WHAT, got VALUE".
  [[noreturn]] static void fail(const std::string& path, const std::string& expected, const json& got);

 private:
  const json& object_;
  std::string path_;
  std::vector<std::string> allowed_;
};

// Value-level checks shared by the readers above and by array elements.
long long as_integer(const json& value, const std::string& path, long long min, long long max);
double as_number(const json& value, const std::string& path, double min, double max);
const json& as_array(const json& value, const std::string& path, size_t min_size, size_t max_size);
std::string describe(const json& value);  // a short rendering of a value for messages

}  // namespace nnplay
