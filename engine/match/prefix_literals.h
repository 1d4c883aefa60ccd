// The literal strings a pattern's matches must begin with, read off the pattern's text.
#ifndef GLEAN_ENGINE_MATCH_PREFIX_LITERALS_H_
#define GLEAN_ENGINE_MATCH_PREFIX_LITERALS_H_

#include <string>
#include <string_view>
#include <vector>

namespace glean::internal {

// A set of literals such that every match of `pattern` (RE2 syntax) begins with one of them, as
// long as the pattern allows to tell: a leading run of literal characters, and groups of literal
// alternatives such as `(?:完成|新建)改厕`. Empty when the pattern starts otherwise (a class, an
// escape like \d, an optional part, a flag group), or when the set would exceed `max_literals`.
// Every returned literal is at least `min_bytes` long, or the result is empty.
std::vector<std::string> PrefixLiterals(std::string_view pattern, size_t max_literals = 64,
                                        size_t min_bytes = 3);

// PrefixLiterals, and where the pattern goes on after them when the pattern splits cleanly there.
struct LiteralPrefix {
  std::vector<std::string> literals;
  // A match of the pattern at some position is then exactly one of `literals` followed by a
  // match of pattern.substr(rest) anchored right after it: the prefix holds no capture group and
  // no literal is a prefix of another, so at any position at most one of them applies.
  // npos when the pattern does not split so (or `literals` is empty).
  size_t rest = std::string_view::npos;
  // Where the pattern after the literals starts, also when it does not split there (a literal is
  // a prefix of another, or a capture group is among the literals): every match is one of
  // `literals` followed by a match of pattern.substr(after_literals), though perhaps not the
  // only such reading. npos when there are no literals, or the literals hold a character that a
  // `+` repeats after them.
  size_t after_literals = std::string_view::npos;
};
LiteralPrefix SplitLiteralPrefix(std::string_view pattern, size_t max_literals = 64,
                                 size_t min_bytes = 3);

// The characters with a meaning of their own in RE2 syntax.
inline constexpr std::string_view kPatternMeta = "\\.[](){}*+?|^$";

// Reads one literal character of `pattern` at `*at`: an ordinary character or an escaped
// punctuation mark. Sets `*out` to its bytes and advances `*at`; false when the next item is not
// a literal character (a metacharacter, a class escape such as \d, the end).
bool ReadLiteral(std::string_view pattern, size_t* at, std::string* out);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_PREFIX_LITERALS_H_
