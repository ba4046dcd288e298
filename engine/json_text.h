// JSON text into a value, with the caps checked first (engine/caps.h): the text's size, then, in
// one streaming pass that builds nothing, its nesting depth and its number of values. Only then is
// the value built, so neither memory nor recursion (building, copying, printing a value) depends
// on more than the caps.
#pragma once

#include <cstddef>
#include <string>

#include "spec_fields.h"

namespace nnplay {

// `subject` names the text in messages: "spec is", "weights are". Throws SpecError:
//   "spec is not valid JSON: ...", "spec is larger than the cap of 64 MiB ...",
//   "spec is nested deeper than the cap of 64 levels ...", "spec has more than ... values".
json parse_json_text(const std::string& text, const std::string& subject, std::size_t max_bytes);

// "64 MiB (67108864 bytes)": a byte cap as messages name it.
std::string bytes_text(std::size_t bytes);

}  // namespace nnplay
