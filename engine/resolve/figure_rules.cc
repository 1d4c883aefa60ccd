#include "engine/resolve/figure_rules.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "engine/resolve/where_filter.h"

namespace glean::internal {

namespace {

// A figure's fields as a trace shows them: its label, value and first change.
void TraceFields(const Document& document, const Figure& figure, CandidateTrace* trace) {
  const std::string_view text = document.normalized();
  FieldTrace& label = trace->fields.emplace_back();
  label.name = "label";
  label.text = figure.label;
  label.taken = true;
  label.value = Field();
  label.value->name = "label";
  label.value->value = figure.label;
  FieldTrace& value = trace->fields.emplace_back();
  value.name = "value";
  value.text = text.substr(figure.begin, figure.end - figure.begin);
  value.taken = true;
  value.value = figure.value;
  if (!figure.changes.empty()) {
    const FigureChange& change = figure.changes.front();
    FieldTrace& field = trace->fields.emplace_back();
    field.name = "change";
    field.text = text.substr(change.begin, change.end - change.begin);
    field.taken = true;
    field.value = change.value;
  }
}

std::string UnitList(const std::vector<std::string>& units) {
  std::string out;
  for (const std::string& unit : units) out += (out.empty() ? "" : ", ") + unit;
  return out;
}

std::string StatusList(const std::vector<FigureStatus>& statuses) {
  std::string out;
  for (FigureStatus status : statuses) {
    out += (out.empty() ? "" : ", ") + std::string(FigureStatusName(status));
  }
  return out;
}

// Whether the rule takes the figure's unit: 户 names the unit; 亿元 the unit as written, its
// magnitude with it.
bool UnitFits(const FigureRule& rule, const Document& document, const Figure& figure) {
  if (rule.units.empty()) return true;
  const std::string_view text =
      document.normalized().substr(figure.begin, figure.end - figure.begin);
  return std::any_of(rule.units.begin(), rule.units.end(), [&](const std::string& unit) {
    return unit == figure.value.unit ||
           (unit.size() > figure.value.unit.size() && text.ends_with(unit));
  });
}

bool StatusFits(const FigureRule& rule, const Figure& figure) {
  return rule.statuses.empty() || std::find(rule.statuses.begin(), rule.statuses.end(),
                                            figure.status) != rule.statuses.end();
}

// VerdictAfterLabel for a figure whose unit and status the rule takes.
template <bool kTraced>
[[gnu::always_inline]] inline std::optional<DropReason> VerdictAfterUnitAndStatus(
    const FigureRule& rule, const Document& document, const Figure& figure, CandidateTrace* trace) {
  if (rule.clause && !rule.clause.MatchesSomewhere(figure.clause)) {
    if constexpr (kTraced) trace->expected = rule.clause->pattern();
    return DropReason::kClause;
  }
  if (rule.action && !rule.action.MatchesSomewhere(figure.action)) {
    if constexpr (kTraced) trace->expected = rule.action->pattern();
    return DropReason::kAction;
  }
  if (!rule.where.empty()) {
    std::vector<Field> numbers = {figure.value};
    if (!figure.changes.empty()) numbers.push_back(figure.changes.front().value);
    if (const FieldCondition* failed = FailedCondition(rule.where, numbers)) {
      if constexpr (kTraced) trace->detail = ConditionFailure(*failed, numbers);
      return DropReason::kWhere;
    }
  }
  if (rule.unless) {
    auto [begin, end] = document.SentenceAt(figure.begin, figure.end);
    if (rule.unless.MatchesSomewhere(document.normalized().substr(begin, end - begin))) {
      if constexpr (kTraced) {
        trace->sentence_begin = begin;
        trace->sentence_end = end;
      }
      return DropReason::kUnless;
    }
  }
  if (rule.within || rule.not_within) {
    bool within = !rule.within;
    const std::vector<const Heading*> path = document.SectionAt(figure.begin);
    if constexpr (kTraced) trace->headings = path;
    for (const Heading* heading : path) {
      if (rule.not_within && rule.not_within.MatchesSomewhere(heading->text)) {
        if constexpr (kTraced) trace->heading = heading;
        return DropReason::kNotWithin;
      }
      if (rule.within && rule.within.MatchesSomewhere(heading->text)) within = true;
    }
    if (!within) return DropReason::kWithin;
  }
  return std::nullopt;
}

// The verdict without the label, which MatchFigureRules asks of the label index for every rule
// at once. Without kTraced, `trace` is not read: the checks cost what they did before there was a
// trace. Inlined into the loop over a figure's rules, as the checks were before they had a trace
// to fill: a call per rule and figure costs 2 ‰ of a run over the stock rules.
template <bool kTraced>
[[gnu::always_inline]] inline std::optional<DropReason> VerdictAfterLabel(const FigureRule& rule,
                                                                          const Document& document,
                                                                          const Figure& figure,
                                                                          CandidateTrace* trace) {
  // The unit and status first: a comparison each, where the patterns below run a regex.
  if (!UnitFits(rule, document, figure)) {
    if constexpr (kTraced) {
      trace->detail = figure.value.unit;
      trace->expected = UnitList(rule.units);
    }
    return DropReason::kUnit;
  }
  if (!StatusFits(rule, figure)) {
    if constexpr (kTraced) {
      trace->detail = FigureStatusName(figure.status);
      trace->expected = StatusList(rule.statuses);
    }
    return DropReason::kStatus;
  }
  return VerdictAfterUnitAndStatus<kTraced>(rule, document, figure, trace);
}

CandidateTrace FigureTrace(const FigureRule& rule, const Document& document, const Figure& figure) {
  CandidateTrace trace;
  trace.document = &document;
  trace.rule = rule.id;
  trace.figure = &figure;
  trace.begin = figure.begin;
  trace.end = figure.end;
  TraceFields(document, figure, &trace);
  return trace;
}

// Whether a rule without a label names `figure` at all, by its clause and action: the figures
// it is traced on.
bool NamesWithoutLabel(const FigureRule& rule, const Figure& figure) {
  return (!rule.clause || rule.clause.MatchesSomewhere(figure.clause)) &&
         (!rule.action || rule.action.MatchesSomewhere(figure.action));
}

// MatchFigureRules for one figure with an observer: `hits` are the rules the label index names
// and those without a label.
void TraceFigureRules(const CompiledRuleSet& rules, const Document& document,
                      const std::vector<Figure>& figures, size_t f, const std::vector<int>& hits,
                      MatchObserver* observer, std::vector<FigureMatch>* matches) {
  const Figure& figure = figures[f];
  // The rules whose label's literals are in the clause, but whose label did not match.
  std::vector<int> nearly, traced = hits;
  if (rules.figure_labels != nullptr) {
    rules.figure_labels->Candidates(figure.clause, &nearly);
    for (int index : nearly) {
      const int rule = rules.labelled[static_cast<size_t>(index)];
      if (rule >= 0) traced.push_back(rule);  // -1: a label of a disabled rule
    }
  }
  std::sort(traced.begin(), traced.end());
  traced.erase(std::unique(traced.begin(), traced.end()), traced.end());
  for (int index : traced) {
    const FigureRule& rule = rules.figure_rules[static_cast<size_t>(index)];
    const bool hit = std::binary_search(hits.begin(), hits.end(), index);
    // The verdict first, the trace only for a drop that is reported: most figures a rule without
    // a label is asked about are none of its.
    const std::optional<DropReason> verdict =
        hit ? VerdictAfterLabel<false>(rule, document, figure, nullptr) : DropReason::kLabel;
    if (!verdict) {
      matches->push_back({index, f});
      continue;
    }
    // A rule without a label is traced on the figures it names by clause and action: a drop
    // after those checks names the figure, one by them does not, and only one before them (unit,
    // status) asks them apart.
    if (!rule.label && (verdict == DropReason::kClause || verdict == DropReason::kAction ||
                        ((verdict == DropReason::kUnit || verdict == DropReason::kStatus) &&
                         !NamesWithoutLabel(rule, figure)))) {
      continue;
    }
    CandidateTrace trace = FigureTrace(rule, document, figure);
    if (hit) {
      VerdictAfterLabel<true>(rule, document, figure, &trace);
    } else {
      trace.expected = rule.label->pattern();
    }
    trace.reason = *verdict;
    observer->OnCandidate(trace);
  }
}

// Drops the facts of fallback rules whose figure another rule's fact covers, and of those left all
// but one per figure: a fallback rule names a broad family (企业 counted in 家) that the specific
// rules of the set name better, and two broad families naming one figure would repeat it.
// `figure_matches` are by figure, then rule; `matches` in document order.
void DropCoveredFallbacks(const CompiledRuleSet& rules, const std::vector<Figure>& figures,
                          const ResolvedMatches& matches,
                          std::vector<FigureMatch>* figure_matches) {
  const auto is_fallback = [&](const FigureMatch& match) {
    return rules.figure_rules[static_cast<size_t>(match.rule)].fallback;
  };
  if (std::none_of(figure_matches->begin(), figure_matches->end(), is_fallback)) return;
  const auto priority_of = [&](const FigureMatch& match) {
    return rules.figure_rules[static_cast<size_t>(match.rule)].priority;
  };
  // Pattern facts may nest, so a later one can reach back over a figure: the longest reach so far.
  std::vector<size_t> reach(matches.list.size());
  for (size_t i = 0, far = 0; i < matches.list.size(); ++i) {
    far = std::max(far, matches.list[i].span.end);
    reach[i] = far;
  }
  const auto covered_by_pattern = [&](const Figure& figure) {
    const auto after = std::lower_bound(
        matches.list.begin(), matches.list.end(), figure.end,
        [](const ResolvedMatch& match, size_t end) { return match.span.begin < end; });
    const size_t before = static_cast<size_t>(after - matches.list.begin());
    return before > 0 && reach[before - 1] > figure.begin;
  };
  size_t kept = 0;
  for (size_t first = 0; first < figure_matches->size();) {
    const size_t figure = (*figure_matches)[first].figure;
    size_t last = first;
    bool named = false;
    for (; last < figure_matches->size() && (*figure_matches)[last].figure == figure; ++last) {
      named = named || !is_fallback((*figure_matches)[last]);
    }
    // Of the fallback rules naming an uncovered figure, one stands: the highest priority, then
    // the rule loaded first (a share written 提升至70.6% is a share, not a growth).
    size_t best = last;
    if (!named && !covered_by_pattern(figures[figure])) {
      for (size_t k = first; k < last; ++k) {
        if (best == last ||
            priority_of((*figure_matches)[k]) > priority_of((*figure_matches)[best])) {
          best = k;
        }
      }
    }
    for (size_t k = first; k < last; ++k) {
      if (is_fallback((*figure_matches)[k]) && k != best) continue;
      (*figure_matches)[kept++] = (*figure_matches)[k];
    }
    first = last;
  }
  figure_matches->resize(kept);
}

}  // namespace

std::optional<DropReason> FigureRuleVerdict(const FigureRule& rule, const Document& document,
                                            const Figure& figure, CandidateTrace* trace) {
  if (rule.label && !MatchesSomewhere(*rule.label, NamedLabel(figure))) {
    if (trace != nullptr) trace->expected = rule.label->pattern();
    return DropReason::kLabel;
  }
  if (trace == nullptr) return VerdictAfterLabel<false>(rule, document, figure, nullptr);
  return VerdictAfterLabel<true>(rule, document, figure, trace);
}

CandidateTrace FigureRuleTrace(const FigureRule& rule, const Document& document,
                               const Figure& figure) {
  CandidateTrace trace = FigureTrace(rule, document, figure);
  const std::optional<DropReason> verdict = FigureRuleVerdict(rule, document, figure, &trace);
  trace.kept = !verdict;
  if (verdict) trace.reason = *verdict;
  return trace;
}

std::vector<FigureMatch> MatchFigureRules(const CompiledRuleSet& rules, const Document& document,
                                          const std::vector<Figure>& figures,
                                          MatchObserver* observer,
                                          const std::function<void(size_t)>& complete) {
  std::vector<FigureMatch> matches;
  std::vector<int> hits, indexed;
  LabelIndex::Memo label_memo, clause_memo;
  label_memo.Reserve(figures.size());
  clause_memo.Reserve(figures.size());
  const UnitStatusIndex& units = rules.figure_units;
  UnitStatusIndex::Rules taking;
  for (size_t f = 0; f < figures.size(); ++f) {
    const Figure& figure = figures[f];
    hits.clear();
    if (observer == nullptr) {
      const std::string_view text =
          document.normalized().substr(figure.begin, figure.end - figure.begin);
      if (complete) {
        units.RulesTakingUnit(figure.value.unit, text, &taking);
      } else {
        units.RulesTaking(figure.value.unit, text, figure.status, &taking);
      }
    }
    // The rules whose label (or, without one, clause) pattern matches, among those that take
    // the figure's unit and status (all of them for a trace, which reports those drops too).
    const auto look_up = [&](const LabelIndex* index, const std::vector<int>& rule_of,
                             const UnitStatusIndex::Rules& of_index, std::string_view text,
                             LabelIndex::Memo* memo) {
      if (index == nullptr || (observer == nullptr && !taking.Meets(of_index))) return;
      const auto wanted = [&](int at) {
        const int rule = rule_of[static_cast<size_t>(at)];
        return rule >= 0 && (observer != nullptr || taking.Has(static_cast<size_t>(rule)));
      };
      index->Match(text, wanted, memo, &indexed);
      for (int at : indexed) hits.push_back(rule_of[static_cast<size_t>(at)]);
    };
    look_up(rules.figure_labels.get(), rules.labelled, rules.labelled_set, NamedLabel(figure),
            &label_memo);
    look_up(rules.figure_clauses.get(), rules.clause_indexed, rules.clause_indexed_set,
            figure.clause, &clause_memo);
    if (observer != nullptr) {
      hits.insert(hits.end(), rules.unlabelled.begin(), rules.unlabelled.end());
      std::sort(hits.begin(), hits.end());
      TraceFigureRules(rules, document, figures, f, hits, observer, &matches);
      continue;
    }
    for (int rule : rules.unlabelled) {
      if (taking.Has(static_cast<size_t>(rule))) hits.push_back(rule);
    }
    std::sort(hits.begin(), hits.end());
    // Every hit takes the figure's unit, and its status unless that is not known yet.
    bool status_known = !complete;
    for (int rule : hits) {
      const FigureRule& figure_rule = rules.figure_rules[static_cast<size_t>(rule)];
      if (!figure_rule.statuses.empty() && !status_known) {
        complete(f);
        status_known = true;
      }
      if (complete && !StatusFits(figure_rule, figure)) continue;
      if (!VerdictAfterUnitAndStatus<false>(figure_rule, document, figure, nullptr)) {
        matches.push_back({rule, f});
      }
    }
  }
  return matches;
}

void HeldBackKept::OnCandidate(const CandidateTrace& trace) {
  if (trace.kept) {
    kept_.push_back(trace);
  } else {
    observer_->OnCandidate(trace);
  }
}

void ReportFigureOutcomes(const CompiledRuleSet& rules, const Document& document,
                          const std::vector<Figure>& figures,
                          const std::vector<FigureMatch>& figure_matches,
                          const std::vector<CandidateTrace>& held_back,
                          const std::vector<OverlapLoss>& losses, MatchObserver* observer) {
  const auto lost = [](CandidateTrace* trace, const OverlapLoss& loss) {
    trace->kept = false;
    trace->reason = DropReason::kOverlap;
    trace->winner = loss.winner;
    trace->winner_begin = loss.winner_span.begin;
    trace->winner_end = loss.winner_span.end;
  };
  for (const CandidateTrace& kept : held_back) {
    CandidateTrace trace = kept;
    for (const OverlapLoss& loss : losses) {
      if (!loss.figure && rules.rules[static_cast<size_t>(loss.rule)].id == trace.rule &&
          loss.span.begin == trace.begin && loss.span.end == trace.end) {
        lost(&trace, loss);
      }
    }
    observer->OnCandidate(trace);
  }
  // The figure facts, kept and lost, by figure, then rule.
  std::vector<std::tuple<size_t, int, const OverlapLoss*>> outcomes;
  for (const FigureMatch& match : figure_matches)
    outcomes.emplace_back(match.figure, match.rule, nullptr);
  for (const OverlapLoss& loss : losses) {
    if (loss.figure) outcomes.emplace_back(loss.figure_index, loss.rule, &loss);
  }
  std::sort(outcomes.begin(), outcomes.end());
  for (const auto& [figure, rule, loss] : outcomes) {
    CandidateTrace trace =
        FigureTrace(rules.figure_rules[static_cast<size_t>(rule)], document, figures[figure]);
    trace.kept = true;
    if (loss != nullptr) lost(&trace, *loss);
    observer->OnCandidate(trace);
  }
}

void ResolveFigureOverlaps(const CompiledRuleSet& rules, const std::vector<Figure>& figures,
                           ResolvedMatches* matches, std::vector<FigureMatch>* figure_matches,
                           bool across_rules, std::vector<OverlapLoss>* losses) {
  if (figure_matches->empty()) return;
  // One entry per fact of either form; `figure` tells which list `index` is of.
  struct Entry {
    int fact;  // the fact's order by name (CompiledRule::fact_order)
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
    entries.push_back({rule.fact_order, match.span.begin, match.span.end, rule.priority, false,
                       match.rule, i, competitor(false, match.rule)});
  }
  for (size_t i = 0; i < figure_matches->size(); ++i) {
    const FigureMatch& match = (*figure_matches)[i];
    const FigureRule& rule = rules.figure_rules[static_cast<size_t>(match.rule)];
    const Figure& figure = figures[match.figure];
    entries.push_back({rule.fact_order, figure.begin, figure.end, rule.priority, true, match.rule,
                       i, competitor(true, match.rule)});
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
  // A cluster's accepted spans by begin (never overlapping): their ends, and which entry each is.
  std::map<size_t, std::pair<size_t, size_t>> accepted;
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
        size_t winner = k;
        if (next != accepted.end() && next->first < entry.end) {
          winner = next->second.second;
        } else if (next != accepted.begin() && std::prev(next)->second.first > entry.begin) {
          winner = std::prev(next)->second.second;
        }
        if (winner == k) {
          accepted.emplace(entry.begin, std::pair(entry.end, k));
          continue;
        }
        (entry.figure ? drop_figure : drop_match)[entry.index] = true;
        if (losses != nullptr) {
          const Entry& won = entries[winner];
          losses->push_back(
              {entry.figure,
               entry.rule,
               entry.figure ? (*figure_matches)[entry.index].figure : 0,
               {entry.begin, entry.end},
               won.figure ? std::string_view(rules.figure_rules[static_cast<size_t>(won.rule)].id)
                          : std::string_view(rules.rules[static_cast<size_t>(won.rule)].id),
               {won.begin, won.end}});
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
  // Rule by rule (examples), a fallback rule shows what it gives by itself.
  if (across_rules) DropCoveredFallbacks(rules, figures, *matches, figure_matches);
}

}  // namespace glean::internal
