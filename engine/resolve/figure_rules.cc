#include "engine/resolve/figure_rules.h"

#include <algorithm>
#include <string_view>

namespace glean::internal {

namespace {

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

bool Holds(const FigureRule& rule, const Document& document, const Figure& figure) {
  // The unit and status first: a comparison each, where the patterns below run a regex.
  if (!rule.units.empty()) {
    // 户 names the unit; 亿元 the unit as written, its magnitude with it.
    const std::string_view text =
        document.normalized().substr(figure.begin, figure.end - figure.begin);
    if (std::none_of(rule.units.begin(), rule.units.end(), [&](const std::string& unit) {
          return unit == figure.value.unit ||
                 (unit.size() > figure.value.unit.size() && text.ends_with(unit));
        })) {
      return false;
    }
  }
  if (!rule.statuses.empty() &&
      std::find(rule.statuses.begin(), rule.statuses.end(), figure.status) == rule.statuses.end()) {
    return false;
  }
  if (rule.clause && !RE2::PartialMatch(Piece(figure.clause), *rule.clause)) return false;
  if (rule.action && !RE2::PartialMatch(Piece(figure.action), *rule.action)) return false;
  if (rule.unless) {
    auto [begin, end] = document.SentenceAt(figure.begin, figure.end);
    if (RE2::PartialMatch(Piece(document.normalized().substr(begin, end - begin)), *rule.unless)) {
      return false;
    }
  }
  if (rule.within || rule.not_within) {
    bool within = rule.within == nullptr;
    for (const Heading* heading : document.SectionAt(figure.begin)) {
      if (rule.not_within && RE2::PartialMatch(heading->text, *rule.not_within)) return false;
      if (rule.within && RE2::PartialMatch(heading->text, *rule.within)) within = true;
    }
    if (!within) return false;
  }
  return true;
}

}  // namespace

std::vector<FigureMatch> MatchFigureRules(const CompiledRuleSet& rules, const Document& document,
                                          const std::vector<Figure>& figures) {
  std::vector<FigureMatch> matches;
  std::vector<int> hits, labelled;
  for (size_t f = 0; f < figures.size(); ++f) {
    const Figure& figure = figures[f];
    hits.clear();
    if (rules.figure_labels != nullptr) {
      rules.figure_labels->Match(figure.label, &labelled);
      for (int index : labelled) hits.push_back(rules.labelled[static_cast<size_t>(index)]);
    }
    hits.insert(hits.end(), rules.unlabelled.begin(), rules.unlabelled.end());
    std::sort(hits.begin(), hits.end());
    for (int rule : hits) {
      if (Holds(rules.figure_rules[static_cast<size_t>(rule)], document, figure)) {
        matches.push_back({rule, f});
      }
    }
  }
  return matches;
}

}  // namespace glean::internal
