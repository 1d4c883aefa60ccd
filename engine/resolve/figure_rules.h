// Figure rules: the figures of a document → the figure rules each satisfies. Part of the resolve
// stage. Design decision: the rules that take a figure's unit and status are found for all rules
// at once (UnitStatusIndex), then its label (or, for rules without one, its clause) is looked up
// in the label index, which runs only the patterns of those rules whose literals it holds; only
// the rules it names (and the rules with neither) check the rest: clause, action, `where`, then
// `unless` and the headings.
#ifndef GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_
#define GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/resolve/resolver.h"
#include "engine/rules/compiled_rule_set.h"
#include "glean/document.h"
#include "glean/figure.h"
#include "glean/trace.h"

namespace glean::internal {

// The words figure rules name `figure` by: its label without the report's own area it opens
// with (全省地区生产总值 → 地区生产总值), so that a rule need not spell every scope.
inline std::string_view NamedLabel(const Figure& figure) {
  return std::string_view(figure.label).substr(figure.own_area_size);
}

struct FigureMatch {
  int rule = 0;       // index into CompiledRuleSet::figure_rules
  size_t figure = 0;  // index into the figures
};

// Every (rule, figure) pair where the figure satisfies the rule, by figure, then rule. With an
// observer, each figure a rule names or nearly names (glean/trace.h says which) that a check turns
// away is reported to it, by figure; the pairs that pass are told by ReportFigureOutcomes once
// overlaps are settled.
//
// With `complete`, the figures' statuses are not known yet (figures::DeferredContexts):
// `complete(f)` sets figure f's before a rule that takes some statuses only is asked about it.
// Not with an observer.
std::vector<FigureMatch> MatchFigureRules(const CompiledRuleSet& rules, const Document& document,
                                          const std::vector<Figure>& figures,
                                          MatchObserver* observer = nullptr,
                                          const std::function<void(size_t)>& complete = {});

// The check of `rule` that `figure` fails first, in the engine's order (label, unit, status,
// clause, action, `where`, `unless`, `within`/`not_within`), or nullopt when it passes them all.
// With a trace, fills in the figure's fields and what the failed check compared.
std::optional<DropReason> FigureRuleVerdict(const FigureRule& rule, const Document& document,
                                            const Figure& figure, CandidateTrace* trace);

// The trace of `rule` on `figure` as the engine decides it, the overlap apart: kept when every
// check passes.
CandidateTrace FigureRuleTrace(const FigureRule& rule, const Document& document,
                               const Figure& figure);

// A fact that lost an overlap in ResolveFigureOverlaps, and the fact that won.
struct OverlapLoss {
  bool figure = false;      // a figure rule's fact lost; else a pattern rule's
  int rule = 0;             // index into figure_rules or rules
  size_t figure_index = 0;  // a figure rule's: the figure
  Span span;                // normalized range of the fact that lost
  std::string_view winner;  // the winning fact's rule id
  Span winner_span;
};

// Resolves overlaps among the facts of both rule forms by the policy pattern matches follow among
// themselves (resolver.h): of facts of one fact type that overlap, the higher priority wins, then
// the longer text, then the earlier one, then the rule loaded first (pattern rules before figure
// rules). A figure fact covers its figure's text. Removes the facts that lose from `matches` (their
// fields stay in its array, unread) and from `figure_matches`; with `losses`, appends each.
// Caveat: `matches` are resolved already; a pattern match Resolve dropped for one that loses here
// does not come back.
// Then a fact of a `fallback` rule is removed when its figure is named by a rule that is not a
// fallback or covered by a pattern fact, whatever their fact types; of the fallback facts left on
// one figure, the one of the highest priority stands, then the rule loaded first.
// With `across_rules` false, a fact competes only with facts of its own rule, and fallback rules
// keep theirs.
void ResolveFigureOverlaps(const CompiledRuleSet& rules, const std::vector<Figure>& figures,
                           ResolvedMatches* matches, std::vector<FigureMatch>* figure_matches,
                           bool across_rules = true, std::vector<OverlapLoss>* losses = nullptr);

// Passes every trace on to `observer` but those of kept matches, which it holds back: Resolve
// reports a pattern match kept that a figure fact may still win over.
class HeldBackKept final : public MatchObserver {
 public:
  explicit HeldBackKept(MatchObserver* observer) : observer_(observer) {}
  void OnCandidate(const CandidateTrace& trace) override;
  const std::vector<CandidateTrace>& kept() const { return kept_; }

 private:
  MatchObserver* observer_;
  std::vector<CandidateTrace> kept_;
};

// Tells `observer` what became of each fact ResolveFigureOverlaps judged: the pattern matches of
// `held_back` and the figure facts of `figure_matches` are kept, but for those in `losses`, which
// lost to the fact named there.
void ReportFigureOutcomes(const CompiledRuleSet& rules, const Document& document,
                          const std::vector<Figure>& figures,
                          const std::vector<FigureMatch>& figure_matches,
                          const std::vector<CandidateTrace>& held_back,
                          const std::vector<OverlapLoss>& losses, MatchObserver* observer);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_
