// A pattern compiled the first time it is run. Loading the stock rules compiles hundreds of
// patterns, most holding a value slot of a thousand bytes, and a run over a few reports runs only
// some of them: the others cost start-up for nothing. The text and options are kept; RE2 compiles
// them on the first call of regex().
#ifndef GLEAN_ENGINE_RULES_DEFERRED_REGEX_H_
#define GLEAN_ENGINE_RULES_DEFERRED_REGEX_H_

#include <memory>
#include <mutex>
#include <string>

#include <re2/re2.h>

namespace glean::internal {

// Thread-safe: any number of threads may call regex() at once; one compiles, the others wait.
class DeferredRegex {
 public:
  // Compiled on first use. REQUIRES: the pattern is known to compile (or the caller checks ok()
  // of what regex() returns).
  DeferredRegex(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)), options_(options) {}
  // Already compiled (a pattern that had to be compiled to be checked).
  explicit DeferredRegex(std::unique_ptr<RE2> compiled)
      : pattern_(compiled->pattern()), options_(compiled->options()) {
    std::call_once(once_, [&] { compiled_ = std::move(compiled); });
  }
  // Holds a once_flag, which neither moves nor copies.
  DeferredRegex(const DeferredRegex&) = delete;
  DeferredRegex& operator=(const DeferredRegex&) = delete;

  const std::string& pattern() const { return pattern_; }
  const RE2::Options& options() const { return options_; }

  // The compiled pattern, compiled on the first call.
  const RE2& regex() const {
    std::call_once(once_, [this] { compiled_ = std::make_unique<RE2>(pattern_, options_); });
    return *compiled_;
  }

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> compiled_;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_DEFERRED_REGEX_H_
