// The engine's failure for bad input, carrying a message meant for a person. Anything else that
// goes wrong is a std::exception of another kind (runners exit with status 1).
#pragma once

#include <stdexcept>
#include <string>

namespace nnplay {

// Bad input: a spec, a CSV file or weights that break the contract. The message names the field
// (or row and column), what was given and what is allowed. Runners exit with status 2.
class SpecError : public std::runtime_error {
 public:
  explicit SpecError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace nnplay
