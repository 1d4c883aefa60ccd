#include "engine/resolve/figure_rules.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace glean::internal {

namespace {

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

// The unit and status: a comparison each, asked before any pattern runs a regex.
bool TakesUnitAndStatus(const FigureRule& rule, const Document& document, const Figure& figure) {
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
  return rule.statuses.empty() || std::find(rule.statuses.begin(), rule.statuses.end(),
                                            figure.status) != rule.statuses.end();
}

bool Holds(const FigureRule& rule, const Document& document, const Figure& figure) {
  if (!TakesUnitAndStatus(rule, document, figure)) return false;
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
  std::vector<int> hits, indexed;
  for (size_t f = 0; f < figures.size(); ++f) {
    const Figure& figure = figures[f];
    hits.clear();
    // The rules whose label (or, without one, clause) pattern matches, among those that take
    // the figure's unit and status.
    const auto look_up = [&](const LabelIndex* index, const std::vector<int>& rule_of,
                             const std::string& text) {
      if (index == nullptr) return;
      const auto wanted = [&](int at) {
        const int rule = rule_of[static_cast<size_t>(at)];
        return rule >= 0 &&
               TakesUnitAndStatus(rules.figure_rules[static_cast<size_t>(rule)], document, figure);
      };
      index->Match(text, wanted, &indexed);
      for (int at : indexed) hits.push_back(rule_of[static_cast<size_t>(at)]);
    };
    look_up(rules.figure_labels.get(), rules.labelled, figure.label);
    look_up(rules.figure_clauses.get(), rules.clause_indexed, figure.clause);
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

void ResolveFigureOverlaps(const CompiledRuleSet& rules, const std::vector<Figure>& figures,
                           ResolvedMatches* matches, std::vector<FigureMatch>* figure_matches,
                           bool across_rules) {
  if (figure_matches->empty()) return;
  // One entry per fact of either form; `figure` tells which list `index` is of.
  struct Entry {
    std::string_view fact;
    size_t begin, end;
    int priority;
    bool figure;
    int rule;
    size_t index;
    size_t competitor;  // 0 when rules compete; else one number per rule
  };
  const auto competitor = [&](bool figure, int rule) -> size_t {
    if (across_rules) return 0;
    return static_cast<size_t>(rule) + (figure ? rules.rules.size() : 0);
  };
  std::vector<Entry> entries;
  entries.reserve(matches->list.size() + figure_matches->size());
  for (size_t i = 0; i < matches->list.size(); ++i) {
    const ResolvedMatch& match = matches->list[i];
    const CompiledRule& rule = rules.rules[static_cast<size_t>(match.rule)];
    entries.push_back({rule.fact, match.span.begin, match.span.end, rule.priority, false,
                       match.rule, i, competitor(false, match.rule)});
  }
  for (size_t i = 0; i < figure_matches->size(); ++i) {
    const FigureMatch& match = (*figure_matches)[i];
    const FigureRule& rule = rules.figure_rules[static_cast<size_t>(match.rule)];
    const Figure& figure = figures[match.figure];
    entries.push_back({rule.fact, figure.begin, figure.end, rule.priority, true, match.rule, i,
                       competitor(true, match.rule)});
  }
  // Clusters, as Resolve makes them: runs of one fact type that overlap in a chain.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.fact, a.competitor, a.begin, a.end) <
           std::tie(b.fact, b.competitor, b.begin, b.end);
  });
  const auto wins_over = [](const Entry& x, const Entry& y) {
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.end - x.begin != y.end - y.begin) return x.end - x.begin > y.end - y.begin;
    if (x.begin != y.begin) return x.begin < y.begin;
    return std::tie(x.figure, x.rule) < std::tie(y.figure, y.rule);
  };
  std::vector<bool> drop_match(matches->list.size(), false);
  std::vector<bool> drop_figure(figure_matches->size(), false);
  std::map<size_t, size_t> accepted;  // a cluster's accepted spans by begin; never overlapping
  for (size_t first = 0; first < entries.size();) {
    size_t last = first + 1;
    for (size_t reach = entries[first].end;
         last < entries.size() && entries[last].fact == entries[first].fact &&
         entries[last].competitor == entries[first].competitor && entries[last].begin < reach;
         ++last) {
      reach = std::max(reach, entries[last].end);
    }
    if (last - first > 1) {
      std::sort(entries.begin() + static_cast<long>(first),
                entries.begin() + static_cast<long>(last), wins_over);
      accepted.clear();
      for (size_t k = first; k < last; ++k) {
        const Entry& entry = entries[k];
        auto next = accepted.lower_bound(entry.begin);
        const bool overlaps = (next != accepted.end() && next->first < entry.end) ||
                              (next != accepted.begin() && std::prev(next)->second > entry.begin);
        if (!overlaps) {
          accepted.emplace(entry.begin, entry.end);
        } else if (entry.figure) {
          drop_figure[entry.index] = true;
        } else {
          drop_match[entry.index] = true;
        }
      }
    }
    first = last;
  }
  size_t kept = 0;
  for (size_t i = 0; i < matches->list.size(); ++i) {
    if (!drop_match[i]) matches->list[kept++] = matches->list[i];
  }
  matches->list.resize(kept);
  kept = 0;
  for (size_t i = 0; i < figure_matches->size(); ++i) {
    if (!drop_figure[i]) (*figure_matches)[kept++] = (*figure_matches)[i];
  }
  figure_matches->resize(kept);
}

}  // namespace glean::internal
