// The engine's two kinds of failure, both carrying a message meant for a person.
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
