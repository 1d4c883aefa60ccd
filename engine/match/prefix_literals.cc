#include "engine/match/prefix_literals.h"

#include "engine/rules/pattern_scan.h"
#include "engine/source/utf8.h"

#include <algorithm>

namespace glean::internal {

// Reads one literal character at `at` (an ordinary character or an escaped punctuation mark).
// Returns its bytes and advances `at`; false when the next item is not a literal character.
bool ReadLiteral(std::string_view pattern, size_t* at, std::string* out) {
  if (*at >= pattern.size()) return false;
  const char c = pattern[*at];
  if (c == '\\') {
    if (*at + 1 >= pattern.size()) return false;
    const char escaped = pattern[*at + 1];
    if (kPatternMeta.find(escaped) == std::string_view::npos && escaped != '-' && escaped != '/' &&
        escaped != '"' && escaped != '\'' && escaped != '%' && escaped != ',') {
      return false;  // \d, \p{…}, \s …: a class, not a literal
    }
    *out = std::string(1, escaped);
    *at += 2;
    return true;
  }
  if (kPatternMeta.find(c) != std::string_view::npos) return false;
  const size_t length = source::Utf8LengthOfLead(static_cast<unsigned char>(c));
  *out = std::string(pattern.substr(*at, length));
  *at += length;
  return true;
}

namespace {

bool IsQuantifier(char c) { return c == '?' || c == '*' || c == '{' || c == '+'; }

// Reads a run of literal characters, stopping before one a quantifier makes optional or repeated
// (a `+` keeps one copy). `stopped` says whether the run ended for a reason that ends the prefix.
std::string ReadRun(std::string_view pattern, size_t* at, bool* stopped) {
  std::string run, character;
  *stopped = false;
  while (true) {
    size_t next = *at;
    if (!ReadLiteral(pattern, &next, &character)) return run;
    if (next < pattern.size() && IsQuantifier(pattern[next])) {
      if (pattern[next] == '+') run += character;
      *stopped = true;
      return run;
    }
    run += character;
    *at = next;
  }
}

// Reads `(?:a|b|c)` (or a named group) of pure literal alternatives at `at`, not followed by a
// quantifier other than `?`.
bool ReadAlternatives(std::string_view pattern, size_t* at, std::vector<std::string>* out) {
  size_t i = *at;
  if (pattern.substr(i, 3) == "(?:") {
    i += 3;
  } else if (pattern.substr(i, 4) == "(?P<") {
    // A named group of literal alternatives, such as (?P<measure>刑拘|行政拘留).
    const size_t close = pattern.find('>', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
  } else {
    return false;
  }
  std::vector<std::string> alternatives(1);
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == ')') {
      ++i;
      // `(?:镇|乡)?财政`: an optional group is one more alternative, the empty one.
      if (i < pattern.size() && pattern[i] == '?') {
        ++i;
        if (i < pattern.size() && (IsQuantifier(pattern[i]))) return false;  // lazy or odd
        alternatives.emplace_back();
      } else if (i < pattern.size() && IsQuantifier(pattern[i])) {
        return false;
      }
      *out = std::move(alternatives);
      *at = i;
      return true;
    }
    if (c == '|') {
      alternatives.emplace_back();
      ++i;
      continue;
    }
    std::string character;
    size_t next = i;
    if (!ReadLiteral(pattern, &next, &character)) return false;
    if (next < pattern.size() && IsQuantifier(pattern[next])) return false;
    alternatives.back() += character;
    i = next;
  }
  return false;
}

}  // namespace

LiteralPrefix SplitLiteralPrefix(std::string_view pattern, size_t max_literals, size_t min_bytes) {
  LiteralPrefix result;
  // A `|` outside every group: then no prefix is shared by all matches.
  if (rules::HasTopLevelAlternation(pattern)) return result;
  std::vector<std::string> prefixes = {""};
  size_t at = 0;
  bool splits = true;
  bool repeats_after = false;  // the rest opens with a `+` of the literals' last character
  while (at < pattern.size()) {
    bool stopped = false;
    const std::string run = ReadRun(pattern, &at, &stopped);
    if (!run.empty()) {
      for (std::string& prefix : prefixes) prefix += run;
    }
    if (stopped) {
      // A `+` keeps one copy of its character in the literals while the position stays before
      // it, so the rest would repeat that character.
      size_t next = at;
      std::string character;
      if (ReadLiteral(pattern, &next, &character) && next < pattern.size() &&
          pattern[next] == '+') {
        splits = false;
        repeats_after = true;
      }
      break;
    }
    std::vector<std::string> alternatives;
    const bool named = pattern.substr(at, 4) == "(?P<";
    const size_t group_start = at;
    if (!ReadAlternatives(pattern, &at, &alternatives)) break;
    if (prefixes.size() * alternatives.size() > max_literals) {
      at = group_start;  // the group stays in the rest
      break;
    }
    if (named) splits = false;  // its capture would be lost from the rest
    std::vector<std::string> product;
    for (const std::string& prefix : prefixes) {
      for (const std::string& alternative : alternatives) product.push_back(prefix + alternative);
    }
    prefixes = std::move(product);
  }
  for (const std::string& prefix : prefixes) {
    if (prefix.size() < min_bytes) return result;
  }
  std::sort(prefixes.begin(), prefixes.end());
  prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
  // Sorted, a literal that is a prefix of others sits right before the first of them.
  for (size_t i = 0; i + 1 < prefixes.size(); ++i) {
    if (prefixes[i + 1].starts_with(prefixes[i])) splits = false;
  }
  result.literals = std::move(prefixes);
  if (splits) result.rest = at;
  if (!repeats_after) result.after_literals = at;
  return result;
}

std::vector<std::string> PrefixLiterals(std::string_view pattern, size_t max_literals,
                                        size_t min_bytes) {
  return SplitLiteralPrefix(pattern, max_literals, min_bytes).literals;
}

}  // namespace glean::internal
