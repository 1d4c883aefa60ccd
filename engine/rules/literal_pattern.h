// A label, clause or action pattern whose language is a few strings, answered by comparing
// strings instead of running RE2: a call into RE2 costs more than comparing a short label with a
// dozen literals, and most of the stock rules' patterns are such (`地区生产总值|GDP`,
// `粮食(总)?产量`, `^低保(对象|户)$`, `[一二三]产`).
#ifndef GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_
#define GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>

namespace glean::internal {

class LiteralPattern {
 public:
  // The strings `pattern` matches, as RE2 compiles it with `options`, when they are few: literal
  // characters, groups, alternation, `?`, classes of listed characters ([一二三]), `^` opening
  // and `$` closing an alternative of the whole pattern. Nullopt when it holds anything else (a
  // repeat, a range, an escape, a flag), matches too many strings, or the options would make RE2
  // compare otherwise.
  static std::optional<LiteralPattern> Read(std::string_view pattern, const RE2::Options& options);

  // Whether the pattern matches somewhere in `text`, as RE2 would say.
  bool MatchesSomewhere(std::string_view text) const;

 private:
  struct Alternative {
    std::string text;
    bool at_start = false;  // `^`: the text begins with it
    bool at_end = false;    // `$`: the text ends with it
  };
  // Adds an alternative read from the pattern to the list it is compared by.
  void Add(Alternative alternative);
  // The first three bytes of `text` at `at` as one number: the key an unanchored alternative
  // is looked up by (a Chinese character, or three Latin letters).
  static uint32_t KeyAt(std::string_view text, size_t at);
  static uint64_t KeyBit(uint32_t key) { return uint64_t{1} << ((key * 0x9E3779B1u) >> 26); }

  static bool ByKey(const std::pair<uint32_t, Alternative>& a,
                    const std::pair<uint32_t, Alternative>& b);

  // Anchored at the start, the end or both, of fewer than three bytes: a comparison each.
  std::vector<Alternative> short_anchored_;
  // Anchored at the start (or both), by the key of their first three bytes; anchored at the end
  // only, by that of their last three: the text's own first and last keys find them.
  std::vector<std::pair<uint32_t, Alternative>> starting_, ending_;
  // Unanchored, of fewer than three bytes: searched for.
  std::vector<std::string> short_inside_;
  // Unanchored, of three bytes or more, by the key of their first three bytes: the text's bytes
  // are walked once, and only where a key's bit is set are the alternatives compared (a search
  // for each alternative compared at every character of the text that shares its lead byte).
  std::vector<std::pair<uint32_t, std::string>> inside_;
  uint64_t inside_keys_ = 0;  // a bit for each key of inside_
};

// Whether `pattern` matches somewhere in `text`, as RE2::PartialMatch says, without the layers
// that read its arguments (none are asked for): a figure's label and clause are tested by several
// patterns each, and those layers cost a good part of a run over such a short text.
inline bool MatchesSomewhere(const RE2& pattern, std::string_view text) {
  return pattern.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED,
                       nullptr, 0);
}

// MatchesSomewhere, by `literal` (the pattern's literal form) when there is one.
inline bool MatchesSomewhere(const RE2& pattern, const std::optional<LiteralPattern>& literal,
                             std::string_view text) {
  return literal ? literal->MatchesSomewhere(text) : MatchesSomewhere(pattern, text);
}

// A compiled pattern that is only asked whether it matches somewhere, with its literal form when
// it has one. Reads as the RE2 it holds (null when the pattern is absent).
class PresencePattern {
 public:
  PresencePattern() = default;
  explicit PresencePattern(std::unique_ptr<RE2> regex) : regex_(std::move(regex)) {
    if (regex_) literal_ = LiteralPattern::Read(regex_->pattern(), regex_->options());
  }

  explicit operator bool() const { return regex_ != nullptr; }
  const RE2& operator*() const { return *regex_; }
  const RE2* operator->() const { return regex_.get(); }
  const RE2* get() const { return regex_.get(); }

  // REQUIRES: the pattern is present.
  bool MatchesSomewhere(std::string_view text) const {
    return internal::MatchesSomewhere(*regex_, literal_, text);
  }

 private:
  std::unique_ptr<RE2> regex_;
  std::optional<LiteralPattern> literal_;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_
