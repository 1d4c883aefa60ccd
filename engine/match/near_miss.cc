#include "engine/match/near_miss.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>

#include "engine/match/prefix_literals.h"
#include "engine/match/rule_scan.h"
#include "engine/rules/pattern_scan.h"

namespace glean::internal {

namespace {

bool IsQuantifier(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

// Where `pattern` may be cut into a prefix that is itself a pattern of the pieces before the cut,
// from the longest prefix down.
std::vector<size_t> CutPoints(std::string_view pattern) {
  std::vector<size_t> cuts;
  int depth = 0;
  bool in_class = false, in_count = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // the escaped character (a multi-byte one is skipped below, by its continuation bytes)
    } else if (in_class) {
      in_class = c != ']';
    } else if (in_count) {
      in_count = c != '}';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // `[]…]` holds a ]
    } else if (c == '{') {
      in_count = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    }
    const size_t cut = i + 1;
    if (depth != 0 || in_class || in_count || cut >= pattern.size()) continue;
    const auto next = static_cast<unsigned char>(pattern[cut]);
    if ((next & 0xC0) == 0x80 || IsQuantifier(pattern[cut])) continue;
    cuts.push_back(cut);
  }
  std::reverse(cuts.begin(), cuts.end());
  return cuts;
}

}  // namespace

std::vector<NearMiss> NearMisses(const CompiledRuleSet& rules, std::string_view text,
                                 const Candidates& candidates) {
  std::vector<std::vector<Span>> matched(rules.rules.size());
  for (const Candidate& candidate : candidates.list) {
    matched[static_cast<size_t>(candidate.rule)].push_back(candidate.span);
  }
  std::vector<NearMiss> misses;
  for (size_t index = 0; index < rules.rules.size(); ++index) {
    const std::vector<std::string> literals = PrefixLiterals(rules.rules[index].expanded_pattern);
    const size_t first = misses.size();
    for (const std::string& literal : literals) {
      // A literal's first byte is the lead byte of a Chinese character, which starts a third of a
      // report's bytes: a search that skips by the literal's length goes faster than one that
      // stops at each such byte.
      const std::boyer_moore_horspool_searcher searcher(literal.begin(), literal.end());
      for (auto found = std::search(text.begin(), text.end(), searcher); found != text.end();
           found = std::search(found + 1, text.end(), searcher)) {
        const auto at = static_cast<size_t>(found - text.begin());
        const std::vector<Span>& spans = matched[index];
        const bool covered = std::any_of(spans.begin(), spans.end(), [&](const Span& span) {
          return span.begin <= at && at < span.end;
        });
        if (!covered) misses.push_back({static_cast<int>(index), {at, at + literal.size()}});
      }
    }
    std::sort(
        misses.begin() + static_cast<std::ptrdiff_t>(first), misses.end(),
        [](const NearMiss& a, const NearMiss& b) { return a.literal.begin < b.literal.begin; });
  }
  return misses;
}

PatternPrefixes::PatternPrefixes(std::string_view pattern, const RE2::Options& options) {
  RE2::Options quiet = options;
  quiet.set_log_errors(false);
  size_t next_cut = pattern.size();
  for (size_t cut : CutPoints(pattern)) {
    auto prefix = std::make_unique<RE2>(Piece(pattern.substr(0, cut)), quiet);
    if (!prefix->ok()) continue;
    prefixes_.push_back({cut, next_cut, std::move(prefix)});
    next_cut = cut;
  }
  first_piece_end_ = next_cut;
}

PatternProgress PatternPrefixes::LongestAt(std::string_view text, size_t at) const {
  for (const Prefix& prefix : prefixes_) {
    re2::StringPiece whole;
    if (prefix.regex->Match(Piece(text), at, text.size(), RE2::ANCHOR_START, &whole, 1)) {
      return PatternProgress{at + whole.size(), prefix.cut, prefix.next_cut};
    }
  }
  return PatternProgress{at, 0, first_piece_end_};
}

PatternProgress LongestPrefixMatch(const RE2& pattern, std::string_view text, size_t at) {
  return PatternPrefixes(pattern.pattern(), pattern.options()).LongestAt(text, at);
}

std::vector<std::string_view> TopLevelAlternatives(std::string_view pattern) {
  std::vector<std::string_view> alternatives;
  size_t start = 0;
  rules::FindSyntax(pattern, [&](size_t i, int depth) {
    if (pattern[i] == '|' && depth == 0) {
      alternatives.push_back(pattern.substr(start, i - start));
      start = i + 1;
    }
    return false;
  });
  alternatives.push_back(pattern.substr(start));
  return alternatives;
}

}  // namespace glean::internal
