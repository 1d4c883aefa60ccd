// Result<T>: a value, or the errors that prevented it, plus any warnings either way.
#ifndef GLEAN_RESULT_H_
#define GLEAN_RESULT_H_

#include <cassert>
#include <optional>
#include <utility>

#include "glean/diagnostic.h"

namespace glean {

// Returned by every call that can fail. It may not be ignored: a failed load that goes unnoticed
// silently loses data.
template <typename T>
class [[nodiscard]] Result {
 public:
  // Success, possibly with warnings.
  Result(T value, Diagnostics diagnostics = {})  // NOLINT(google-explicit-constructor)
      : value_(std::move(value)), diagnostics_(std::move(diagnostics)) {}

  // Failure. REQUIRES: `diagnostics` holds at least one error.
  static Result Failure(Diagnostics diagnostics) {
    assert(HasErrors(diagnostics));
    return Result(std::move(diagnostics));
  }

  bool ok() const { return value_.has_value(); }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return *std::move(value_);
  }
  const Diagnostics& diagnostics() const { return diagnostics_; }
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  explicit Result(Diagnostics diagnostics) : diagnostics_(std::move(diagnostics)) {}

  std::optional<T> value_;
  Diagnostics diagnostics_;
};

}  // namespace glean

#endif  // GLEAN_RESULT_H_
