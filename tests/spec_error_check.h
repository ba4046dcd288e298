// Shared by the spec tests: building `spec` must throw a SpecError whose message contains every
// one of `parts` (the field's path, what is allowed, what was given).
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "error.h"
#include "experiment.h"

inline void check_error(const std::string& spec, const std::vector<std::string>& parts) {
  CAPTURE(spec);
  try {
    nnplay::Experiment e(nnplay::parse_spec(spec));
    FAIL("no error");
  } catch (const nnplay::SpecError& error) {
    for (const auto& part : parts) CHECK_THAT(error.what(), Catch::Matchers::Contains(part));
  }
}
