// A label, clause or action pattern whose language is a few strings, answered by comparing
// strings instead of running RE2: a call into RE2 costs more than comparing a short label with a
// dozen literals, and most of the stock rules' patterns are such (`地区生产总值|GDP`,
// `粮食(总)?产量`, `^低保(对象|户)$`, `[一二三]产`).
#ifndef GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_
#define GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_

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
  std::vector<Alternative> alternatives_;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_LITERAL_PATTERN_H_
