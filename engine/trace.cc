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

}  // namespace

std::optional<FigureRuleTerms> FigureRuleTermsOf(const RuleSet& rules, std::string_view rule) {
  const internal::FigureRule* found = FindFigureRule(rules, rule);
  if (found == nullptr) return std::nullopt;
  FigureRuleTerms terms;
  for (const auto& [pattern, text] : {std::pair{found->label.get(), &terms.label},
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
  for (std::string_view alternative : internal::TopLevelAlternatives(found->label->pattern())) {
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
    // The longest stretch of the label some prefix of it matches; with a leading `^` left out
    // too, so that a word the label holds elsewhere than at its start is found.
    for (const bool not_at_start : {false, true}) {
      std::string_view tried = alternative;
      if (not_at_start) {
        if (!tried.starts_with('^')) break;
        tried.remove_prefix(1);
      }
      const std::string_view label = figure.label;
      if (not_at_start) {
        const RE2 anywhere(internal::Piece(tried), options);
        const re2::StringPiece text = internal::Piece(label);
        if (anywhere.ok() && anywhere.Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1) &&
            match.size() > best_length) {
          best_length = match.size();
          best = LabelMiss();
          best->alternative = std::string(alternative);
          best->matched = std::string(tried);
          best->label_at = static_cast<size_t>(match.data() - text.data());
          best->label_end = best->label_at + match.size();
          best->not_at_start = true;
          break;
        }
      }
      const internal::PatternPrefixes prefixes(tried, options);
      for (size_t at = 0; at < label.size(); ++at) {
        if ((static_cast<unsigned char>(label[at]) & 0xC0) == 0x80) continue;
        const internal::PatternProgress progress = prefixes.LongestAt(label, at);
        // An anchor alone matches nothing: it is no part of the label.
        if (progress.cut == 0 || progress.end - at <= best_length) continue;
        best_length = progress.end - at;
        best = LabelMiss();
        best->alternative = std::string(alternative);
        best->matched = std::string(tried.substr(0, progress.cut));
        best->stopped_at =
            std::string(tried.substr(progress.cut, progress.next_cut - progress.cut));
        best->label_at = at;
        best->label_end = progress.end;
        best->not_at_start = not_at_start;
      }
    }
  }
  if (!best) best = LabelMiss();  // no alternative's first piece is in the label
  return best;
}

std::optional<PartialMatch> LongestPartialMatch(const RuleSet& rules, std::string_view rule,
                                                const Document& document, size_t at) {
  for (const internal::CompiledRule& compiled : rules.compiled().rules) {
    if (compiled.id != rule) continue;
    const std::string& pattern = compiled.pattern->pattern();
    const internal::PatternProgress progress =
        internal::LongestPrefixMatch(*compiled.pattern, document.normalized(), at);
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
