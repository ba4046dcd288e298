#include "spec_fields.h"

#include <algorithm>
#include <cmath>

#include "error.h"
#include "format.h"

namespace nnplay {

namespace {

std::string number_text(double v) { return format_double(v); }

std::string range_text(double min, double max, bool integer) {
  std::string out = integer ? "an integer" : "a number";
  const double big = 1e300;
  if (min > -big && max < big)
    out += " in " + number_text(min) + " .. " + number_text(max);
  else if (min > -big)
    out += " >= " + number_text(min);
  else if (max < big)
    out += " <= " + number_text(max);
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

}  // namespace

namespace {

constexpr std::size_t kShown = 60;  // characters of a value shown in a message

// Appends the value's JSON until `out` passes kShown characters: a 12-million-number array is
// not printed whole to show its start. Each level adds a character, so the recursion is at most
// kShown deep. Strings are cut before printing (replacing a UTF-8 sequence cut in two).
void describe_into(const json& v, std::string& out) {
  if (out.size() > kShown) return;
  if (v.is_array() || v.is_object()) {
    out += v.is_array() ? '[' : '{';
    bool first = true;
    for (auto it = v.begin(); it != v.end() && out.size() <= kShown; ++it, first = false) {
      if (!first) out += ',';
      if (v.is_object()) {
        describe_into(json(it.key()), out);
        out += ':';
      }
      describe_into(it.value(), out);
    }
    out += v.is_array() ? ']' : '}';
  } else if (v.is_string() && v.get_ref<const std::string&>().size() > kShown) {
    out += json(v.get_ref<const std::string&>().substr(0, kShown)).dump(-1, ' ', false, json::error_handler_t::replace);
  } else {
    out += v.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace

std::string describe(const json& value) {
  std::string text;
  describe_into(value, text);
  if (text.size() > kShown) {
    std::size_t cut = kShown - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    text = text.substr(0, cut) + "...";
  }
  return text;
}

void Fields::fail(const std::string& path, const std::string& expected, const json& got) {
  throw SpecError("spec error at " + (path.empty() ? std::string("the top level") : path) +
                  ": expected " + expected + ", got " + describe(got));
}

long long as_integer(const json& value, const std::string& path, long long min, long long max) {
  const std::string expected = range_text(double(min), double(max), true);
  if (!value.is_number()) Fields::fail(path, expected, value);
  const double v = value.get<double>();
  if (!std::isfinite(v) || v != std::floor(v) || v < double(min) || v > double(max))
    Fields::fail(path, expected, value);
  return value.is_number_float() ? static_cast<long long>(v) : value.get<long long>();
}

double as_number(const json& value, const std::string& path, double min, double max) {
  const std::string expected = range_text(min, max, false);
  if (!value.is_number()) Fields::fail(path, expected, value);
  const double v = value.get<double>();
  if (!std::isfinite(v) || v < min || v > max) Fields::fail(path, expected, value);
  return v;
}

const json& as_array(const json& value, const std::string& path, size_t min_size, size_t max_size) {
  std::string expected = "an array of " + std::to_string(min_size) + " .. " + std::to_string(max_size) +
                         " items";
  if (min_size == max_size) expected = "an array of " + std::to_string(min_size) + " items";
  if (!value.is_array() || value.size() < min_size || value.size() > max_size)
    Fields::fail(path, expected, value.is_array() ? json("an array of " + std::to_string(value.size()) + " items") : value);
  return value;
}

Fields::Fields(const json& object, std::string path) : object_(object), path_(std::move(path)) {
  if (!object_.is_object()) fail(path_, "an object", object_);
}

std::string Fields::path_of(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

bool Fields::has(const std::string& key) {
  if (std::find(allowed_.begin(), allowed_.end(), key) == allowed_.end()) allowed_.push_back(key);
  return object_.contains(key);
}

const json& Fields::raw(const std::string& key) { return object_.at(key); }

long long Fields::integer(const std::string& key, long long fallback, long long min, long long max) {
  return has(key) ? as_integer(raw(key), path_of(key), min, max) : fallback;
}

double Fields::number(const std::string& key, double fallback, double min, double max) {
  return has(key) ? as_number(raw(key), path_of(key), min, max) : fallback;
}

bool Fields::boolean(const std::string& key, bool fallback) {
  if (!has(key)) return fallback;
  if (!raw(key).is_boolean()) fail(path_of(key), "true or false", raw(key));
  return raw(key).get<bool>();
}

std::string Fields::choice(const std::string& key, const std::string& fallback,
                           const std::vector<std::string>& allowed) {
  if (!has(key)) return fallback;
  std::string expected = "one of ";
  for (size_t i = 0; i < allowed.size(); ++i) expected += (i ? ", \"" : "\"") + allowed[i] + "\"";
  const json& v = raw(key);
  if (!v.is_string()) fail(path_of(key), expected, v);
  for (const auto& a : allowed)
    if (v.get<std::string>() == a) return a;
  fail(path_of(key), expected, v);
}

std::string Fields::string(const std::string& key) {
  if (!raw(key).is_string()) fail(path_of(key), "a string", raw(key));
  return raw(key).get<std::string>();
}

void Fields::finish() {
  for (const auto& item : object_.items()) {
    bool known = false;
    for (const auto& a : allowed_) known = known || a == item.key();
    if (!known)
      throw SpecError("spec error at " + printable(path_of(item.key())) + ": unknown field; allowed here: " +
                      join(allowed_));
  }
}

}  // namespace nnplay
