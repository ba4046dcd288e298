// CSV import: a header row, then features..., label. Every problem is reported with its row
// (the line number in the file, the header being row 1) and column (1-based).
#include <cmath>
#include <cstdlib>

#include "../error.h"
#include "../caps.h"
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
  return "\"" + (s.size() > 40 ? s.substr(0, 40) + "..." : s) + "\"";
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

}  // namespace

RawData parse_csv(const std::string& text, bool regression) {
  int row = 0;
  size_t columns = 0;
  RawData raw;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(begin, end - begin);
    begin = end + 1;
    ++row;
    if (trim(line).empty()) continue;
    const auto fields = split_fields(line);
    if (columns == 0) {  // the header names the columns
      columns = fields.size();
      if (columns < 2) fail(row, 1, "the header needs at least two columns (features..., label)");
      if (columns - 1 > static_cast<size_t>(kMaxFeatures))
        fail(row, static_cast<int>(columns),
             "at most " + std::to_string(kMaxFeatures) + " feature columns are allowed");
      continue;
    }
    if (fields.size() != columns)
      fail(row, static_cast<int>(std::min(fields.size(), columns) + 1),
           "expected " + std::to_string(columns) + " columns like the header, got " +
               std::to_string(fields.size()));
    if (raw.x.size() >= static_cast<size_t>(kMaxSamples))
      fail(row, 1, "at most " + std::to_string(kMaxSamples) + " rows are allowed");
    std::vector<double> x(columns - 1);
    for (size_t j = 0; j + 1 < columns; ++j) x[j] = parse_number(fields[j], row, static_cast<int>(j + 1));
    raw.x.push_back(std::move(x));
    if (regression)
      raw.t.push_back(parse_number(fields.back(), row, static_cast<int>(columns)));
    else
      raw.y.push_back(parse_label(fields.back(), row, static_cast<int>(columns)));
  }
  if (columns == 0) throw SpecError("CSV: the text is empty; expected a header row and data rows");
  if (raw.x.empty()) throw SpecError("CSV: there are no data rows after the header");
  return raw;
}

}  // namespace nnplay
