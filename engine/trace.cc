#include "glean/trace.h"

#include <algorithm>

#include "engine/match/near_miss.h"
#include "engine/match/rule_scan.h"
#include "engine/resolve/figure_rules.h"
#include "engine/rules/compiled_rule_set.h"

namespace glean {

const char* DropReasonName(DropReason reason) {
  switch (reason) {
    case DropReason::kNoMatch:
      return "no_match";
    case DropReason::kLabel:
      return "label";
    case DropReason::kField:
      return "field";
    case DropReason::kUnit:
      return "unit";
    case DropReason::kStatus:
      return "status";
    case DropReason::kClause:
      return "clause";
    case DropReason::kAction:
      return "action";
    case DropReason::kWhere:
      return "where";
    case DropReason::kUnless:
      return "unless";
    case DropReason::kWithin:
      return "within";
    case DropReason::kNotWithin:
      return "not_within";
    case DropReason::kOverlap:
      return "overlap";
  }
  return "?";
}

bool IsNearMiss(DropReason reason) {
  return reason == DropReason::kNoMatch || reason == DropReason::kLabel;
}

std::vector<std::string_view> PatternRuleIds(const RuleSet& rules) {
  std::vector<std::string_view> ids;
  for (const internal::CompiledRule& rule : rules.compiled().rules) ids.push_back(rule.id);
  return ids;
}

std::vector<std::string_view> FigureRuleIds(const RuleSet& rules) {
  std::vector<std::string_view> ids;
  for (const internal::FigureRule& rule : rules.compiled().figure_rules) ids.push_back(rule.id);
  return ids;
}

namespace {

const internal::FigureRule* FindFigureRule(const RuleSet& rules, std::string_view id) {
  const std::vector<internal::FigureRule>& all = rules.compiled().figure_rules;
  const auto found = std::find_if(all.begin(), all.end(),
                                  [&](const internal::FigureRule& rule) { return rule.id == id; });
  return found == all.end() ? nullptr : &*found;
}

// `pattern` without a group that encloses all of it: `(?:改厕$)` → `改厕$`, as a list's items
// are joined, so that its pieces can be cut.
std::string_view Unwrapped(std::string_view pattern) {
  if (!pattern.starts_with("(?:") || !pattern.ends_with(')')) return pattern;
  int depth = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '(') {
      ++depth;
    } else if (pattern[i] == ')' && --depth == 0 && i + 1 < pattern.size()) {
      return pattern;  // the first group closes before the end
    }
  }
  return pattern.substr(3, pattern.size() - 4);
}

// Of `alternative`, the longest stretch of `text` some prefix of it matches, if longer than
// `*best_length`, into `*best`; with a leading `^` left out too, so that a word `text` holds
// elsewhere than at its start is found.
void ClosestPart(std::string_view alternative, std::string_view text, const RE2::Options& options,
                 size_t* best_length, std::optional<LabelMiss>* best) {
  for (const bool not_at_start : {false, true}) {
    std::string_view tried = alternative;
    if (not_at_start) {
      if (!tried.starts_with('^')) break;
      tried.remove_prefix(1);
      const RE2 anywhere(internal::Piece(tried), options);
      re2::StringPiece match;
      const re2::StringPiece piece = internal::Piece(text);
      if (anywhere.ok() && anywhere.Match(piece, 0, piece.size(), RE2::UNANCHORED, &match, 1) &&
          match.size() > *best_length) {
        *best_length = match.size();
        LabelMiss& miss = best->emplace();
        miss.alternative = std::string(alternative);
        miss.matched = std::string(tried);
        miss.match_at = static_cast<size_t>(match.data() - piece.data());
        miss.match_end = miss.match_at + match.size();
        miss.not_at_start = true;
        return;
      }
    }
    const internal::PatternPrefixes prefixes(tried, options);
    for (size_t at = 0; at < text.size(); ++at) {
      if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
      const internal::PatternProgress progress = prefixes.LongestAt(text, at);
      // An anchor alone matches nothing: it is no part of the text.
      if (progress.cut == 0 || progress.end - at <= *best_length) continue;
      *best_length = progress.end - at;
      LabelMiss& miss = best->emplace();
      miss.alternative = std::string(alternative);
      miss.matched = std::string(tried.substr(0, progress.cut));
      miss.stopped_at = std::string(tried.substr(progress.cut, progress.next_cut - progress.cut));
      miss.match_at = at;
      miss.match_end = progress.end;
      miss.not_at_start = not_at_start;
    }
  }
}

}  // namespace

std::optional<FigureRuleTerms> FigureRuleTermsOf(const RuleSet& rules, std::string_view rule) {
  const internal::FigureRule* found = FindFigureRule(rules, rule);
  if (found == nullptr) return std::nullopt;
  FigureRuleTerms terms;
  for (const auto& [pattern, text] :
       {std::pair<const RE2*, std::string*>{found->label, &terms.label},
        {found->clause.get(), &terms.clause},
        {found->action.get(), &terms.action}}) {
    if (pattern != nullptr) *text = pattern->pattern();
  }
  terms.units = found->units;
  terms.statuses = found->statuses;
  return terms;
}

std::optional<CandidateTrace> TraceFigureRule(const RuleSet& rules, std::string_view rule,
                                              const Document& document, const Figure& figure) {
  const internal::FigureRule* found = FindFigureRule(rules, rule);
  if (found == nullptr) return std::nullopt;
  return internal::FigureRuleTrace(*found, document, figure);
}

std::optional<LabelMiss> ClosestLabelPart(const RuleSet& rules, std::string_view rule,
                                          const Figure& figure) {
  const internal::FigureRule* found = FindFigureRule(rules, rule);
  if (found == nullptr || !found->label) return std::nullopt;
  const RE2::Options& options = found->label->options();
  std::optional<LabelMiss> best;
  size_t best_length = 0;
  const std::vector<std::string_view> alternatives =
      internal::TopLevelAlternatives(found->label->pattern());
  for (std::string_view alternative : alternatives) {
    alternative = Unwrapped(alternative);
    const RE2 whole(internal::Piece(alternative), options);
    if (!whole.ok()) continue;
    re2::StringPiece match;
    const re2::StringPiece clause = internal::Piece(figure.clause);
    if (whole.Match(clause, 0, clause.size(), RE2::UNANCHORED, &match, 1)) {
      LabelMiss miss;
      miss.alternative = std::string(alternative);
      miss.in_clause = true;
      miss.clause_at = static_cast<size_t>(match.data() - clause.data());
      miss.clause_end = miss.clause_at + match.size();
      return miss;  // the clause holds what the label lacks: nothing gets closer
    }
    ClosestPart(alternative, internal::NamedLabel(figure), options, &best_length, &best);
  }
  // Rules read the label after the report's own area; the offsets are the whole label's.
  if (best) {
    best->match_at += figure.own_area_size;
    best->match_end += figure.own_area_size;
  }
  // Nothing of the rule's in the label: what brought the figure near, in the clause.
  if (!best) {
    for (std::string_view alternative : alternatives) {
      ClosestPart(Unwrapped(alternative), figure.clause, options, &best_length, &best);
    }
    if (best) best->partial_in_clause = true;
  }
  if (!best) best = LabelMiss();  // no alternative's first piece is in the label or clause
  return best;
}

std::optional<PartialMatch> LongestPartialMatch(const RuleSet& rules, std::string_view rule,
                                                const Document& document, size_t at) {
  for (const internal::CompiledRule& compiled : rules.compiled().rules) {
    if (compiled.id != rule) continue;
    const std::string& pattern = compiled.pattern->pattern();
    const internal::PatternProgress progress =
        internal::LongestPrefixMatch(compiled.pattern->regex(), document.normalized(), at);
    PartialMatch partial;
    partial.end = progress.end;
    partial.matched = pattern.substr(0, progress.cut);
    partial.stopped_at = pattern.substr(progress.cut, progress.next_cut - progress.cut);
    partial.rest = pattern.substr(progress.cut);
    return partial;
  }
  return std::nullopt;
}

}  // namespace glean
