// A label, clause or action pattern whose language is a few strings, answered by comparing
// strings instead of running RE2: a call into RE2 costs more than comparing a short label with a
// dozen literals, and most of the stock rules' patterns are such (`地区生产总值|GDP`,
// `粮食(总)?产量`, `^低保(对象|户)$`, `[一二三]产`).
#ifndef GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_
#define GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

  std::vector<Alternative> anchored_;  // at the start, the end or both: a comparison each
  // Unanchored, of fewer than three bytes: searched for.
  std::vector<std::string> short_inside_;
  // Unanchored, of three bytes or more, by the key of their first three bytes: the text's bytes
  // are walked once, and only where a key's bit is set are the alternatives compared (a search
  // for each alternative compared at every character of the text that shares its lead byte).
  std::vector<std::pair<uint32_t, std::string>> inside_;
  uint64_t inside_keys_ = 0;  // a bit for each key of inside_
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_
