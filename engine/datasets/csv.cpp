// CSV import: a header row, then features..., label, and optionally a last column named `split`
// (train, val or test per row, as `nnplay data` and the page export it). Every problem is
// reported with its row (the line number in the file, the header being row 1) and column
// (1-based). The caps (engine/caps.h) are checked before anything is allocated for them: the
// text's size, and each line's width, counted in commas before the line is cut into fields.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "../caps.h"
#include "../error.h"
#include "../format.h"
#include "../json_text.h"
#include "generators.h"

namespace nnplay {

namespace {

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  size_t begin = 0;
  for (size_t comma; (comma = line.find(',', begin)) != std::string::npos; begin = comma + 1)
    fields.push_back(trim(line.substr(begin, comma - begin)));
  fields.push_back(trim(line.substr(begin)));
  return fields;
}

[[noreturn]] void fail(int row, int column, const std::string& what) {
  throw SpecError("CSV row " + std::to_string(row) + ", column " + std::to_string(column) + ": " +
                  what);
}

std::string quoted(const std::string& s) {
  return "\"" + printable(s.size() > 40 ? s.substr(0, 40) + "..." : s) + "\"";
}

double parse_number(const std::string& field, int row, int column) {
  char* end = nullptr;
  const double v = field.empty() ? 0.0 : std::strtod(field.c_str(), &end);
  if (field.empty() || end != field.c_str() + field.size())
    fail(row, column, "expected a number, got " + quoted(field));
  if (!std::isfinite(v)) fail(row, column, "expected a finite number, got " + quoted(field));
  if (std::abs(v) > kMaxValue) fail(row, column, "expected a number of magnitude at most 1e38, got " + quoted(field));
  return v;
}

int parse_label(const std::string& field, int row, int column) {
  const double v = parse_number(field, row, column);
  if (v != std::floor(v) || v < 0 || v > kMaxLabel)
    fail(row, column,
         "expected an integer class label 0.." + std::to_string(kMaxLabel) + ", got " + quoted(field));
  return static_cast<int>(v);
}

int parse_split(const std::string& field, int row, int column) {
  for (int s = 0; s < 3; ++s)
    if (field == kSplitNames[s]) return s;
  fail(row, column, "expected train, val or test, got " + quoted(field));
}

// The header: how many columns, and whether the last is `split`.
struct Header {
  size_t columns = 0;
  bool split = false;
  size_t features() const { return columns - (split ? 2 : 1); }
};

Header read_header(const std::string& line, size_t width, int row) {
  if (width > static_cast<size_t>(kMaxCsvColumns))
    fail(row, kMaxCsvColumns + 1,
         "at most " + std::to_string(kMaxFeatures) + " feature columns are allowed (then the label and an " +
             "optional split column)");
  const auto fields = split_fields(line);
  Header h{fields.size(), fields.back() == "split"};
  if (h.columns < (h.split ? 3u : 2u))
    fail(row, 1, h.split ? "the header needs at least three columns (features..., label, split)"
                         : "the header needs at least two columns (features..., label)");
  if (h.features() > static_cast<size_t>(kMaxFeatures))
    fail(row, static_cast<int>(h.columns), "at most " + std::to_string(kMaxFeatures) + " feature columns are allowed");
  return h;
}

void check_text(const std::string& text) {
  if (text.size() > kMaxCsvBytes)
    throw SpecError("CSV: the text is larger than the cap of " + bytes_text(kMaxCsvBytes));
  if (!is_utf8(text)) throw SpecError("CSV: the text is not UTF-8 (save the file as UTF-8)");
}

}  // namespace

RawData parse_csv(const std::string& text, bool regression) {
  check_text(text);
  int row = 0;
  Header header;
  RawData raw;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(begin, end - begin);
    begin = end + 1;
    ++row;
    if (trim(line).empty()) continue;
    const size_t width = std::count(line.begin(), line.end(), ',') + 1;  // before any field is made
    if (header.columns == 0) {
      header = read_header(line, width, row);
      continue;
    }
    if (width != header.columns)
      fail(row, static_cast<int>(std::min(width, header.columns) + 1),
           "expected " + std::to_string(header.columns) + " columns like the header, got " + std::to_string(width));
    if (raw.x.size() >= static_cast<size_t>(kMaxSamples))
      fail(row, 1, "at most " + std::to_string(kMaxSamples) + " rows are allowed");
    const auto fields = split_fields(line);
    const size_t f = header.features();
    std::vector<double> x(f);
    for (size_t j = 0; j < f; ++j) x[j] = parse_number(fields[j], row, static_cast<int>(j + 1));
    raw.x.push_back(std::move(x));
    if (regression)
      raw.t.push_back(parse_number(fields[f], row, static_cast<int>(f + 1)));
    else
      raw.y.push_back(parse_label(fields[f], row, static_cast<int>(f + 1)));
    if (header.split) raw.split.push_back(parse_split(fields[f + 1], row, static_cast<int>(f + 2)));
  }
  if (header.columns == 0) throw SpecError("CSV: the text is empty; expected a header row and data rows");
  if (raw.x.empty()) throw SpecError("CSV: there are no data rows after the header");
  return raw;
}

}  // namespace nnplay
