// What became of each place a rule could have matched: kept, or dropped and why. For a pattern
// rule, each candidate match and each place its literal occurs; for a figure rule, each figure it
// names or nearly names. The engine reports to a MatchObserver given in ExtractOptions; with none,
// nothing is recorded and extraction costs what it did.
#ifndef GLEAN_TRACE_H_
#define GLEAN_TRACE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "glean/document.h"
#include "glean/figure.h"
#include "glean/rule_set.h"
#include "glean/value.h"

namespace glean {

// Why a candidate gave no fact, in the order the engine asks (kNoMatch and kLabel before there is
// a candidate at all; kOverlap last, among the candidates every filter let through). A pattern
// rule is dropped for kNoMatch, kField, kUnit, kWhere and the scopes; a figure rule for kLabel,
// kUnit, kStatus, kClause, kAction, kWhere and the scopes; either form for kOverlap.
enum class DropReason {
  kNoMatch,    // a literal the rule begins with is there, but the pattern does not match from it
  kLabel,      // figure rule: a literal of its `label` is in the figure's clause, but the label
               // does not match
  kField,      // a capture does not read as its slot's type
  kUnit,       // a capture read with a unit the slot's `units` does not list; a figure's unit
               // that the figure rule's `unit` does not list
  kStatus,     // figure rule: the figure's status is not one of its `status`
  kClause,     // figure rule: the figure's clause does not match its `clause`
  kAction,     // figure rule: the figure's action does not match its `action`
  kWhere,      // the fields' values fail the rule's `where` conditions
  kUnless,     // the match's sentence matches `unless`
  kWithin,     // no enclosing heading matches `within`
  kNotWithin,  // an enclosing heading matches `not_within`
  kOverlap,    // another match of the same fact type, overlapping it, won
};
inline constexpr int kDropReasonCount = 12;

// "no_match", "label", "field", "unit", "status", "clause", "action", "where", "unless", "within",
// "not_within", "overlap": the names the instruments print and the JSON outputs use.
const char* DropReasonName(DropReason reason);

// True for the reasons given before there is a candidate (kNoMatch, kLabel): a literal was found,
// no more. Counts of candidates leave them out.
bool IsNearMiss(DropReason reason);

// One capture of a candidate. Views into the document's normalized text and the rule set.
struct FieldTrace {
  std::string_view name;
  std::string_view text;       // the normalized capture; empty and `taken` false when not taken
  bool taken = false;          // the group took part in the match
  std::optional<Field> value;  // the value it read as; empty when it did not (or was not asked)
};

// One candidate, or one place a rule's literal occurs without a match (reason kNoMatch or kLabel).
// Views into the document, its figures and the rule set, valid only during the observer's call.
struct CandidateTrace {
  const Document* document = nullptr;
  std::string_view rule;  // the rule's id
  size_t begin = 0;       // normalized byte range of the match, of the literal for kNoMatch, of
  size_t end = 0;         // the figure for a figure rule
  // A figure rule's trace: the figure (of FiguresOf(*document)); null for a pattern rule.
  const Figure* figure = nullptr;
  bool kept = false;
  DropReason reason = DropReason::kNoMatch;  // meaningful when !kept
  // The captures in the rule's field order, read as far as the engine read them: up to the
  // field that failed for kField and kUnit, all of them otherwise. Empty for kNoMatch. A figure
  // rule's: `label`, `value` and `change` when the figure has one.
  std::vector<FieldTrace> fields;
  // kField: why the capture is no value of its type; kUnit: the unit it read as (a figure's: its
  // unit as written, with its magnitude: 亿元); kStatus: the figure's status; kWhere: the
  // condition that failed and the value that failed it (`growth < 100 failed: 120 %`).
  std::string detail;
  // A figure rule's kLabel, kClause, kAction: the rule's pattern that did not match (the figure's
  // label, clause or action is in `figure`); kUnit, kStatus: what the rule takes ("户, 座, 个",
  // "result").
  std::string expected;
  size_t failed_field = 0;  // kField, kUnit: index into `fields`
  // kUnless: the normalized sentence range that matched.
  size_t sentence_begin = 0, sentence_end = 0;
  // kWithin, kNotWithin: the enclosing headings, outermost first; for kNotWithin `heading` is
  // the one that matched.
  std::vector<const Heading*> headings;
  const Heading* heading = nullptr;
  // kOverlap: the match that won.
  std::string_view winner;
  size_t winner_begin = 0, winner_end = 0;
};

// Receives a CandidateTrace for each candidate match of a pattern rule (and each kNoMatch place)
// and each figure a figure rule names or nearly names, per document: first the pattern rules'
// drops by value and scope in document order, then the figure rules' drops by figure; then the
// overlap losers and the kept ones, pattern rules' in document order, then figure rules'; kNoMatch
// places last.
// A figure rule is traced on the figures its label's literals (the label index's) occur in the
// clause of, and a rule without a label on those whose clause and action it matches: not every
// figure rule on every figure, which would say only that most rules name most figures not.
// NOTE: an engine used from several threads calls its observer from all of them: it must then
// be thread-safe.
class MatchObserver {
 public:
  virtual ~MatchObserver() = default;
  virtual void OnCandidate(const CandidateTrace& trace) = 0;
};

// The ids of the pattern rules of `rules`, in load order.
std::vector<std::string_view> PatternRuleIds(const RuleSet& rules);
// The ids of the figure rules of `rules`, in load order.
std::vector<std::string_view> FigureRuleIds(const RuleSet& rules);

// How far `rule`'s pattern matches from normalized offset `at` of `document`, for a kNoMatch
// place: the longest prefix of the pattern's text (cut between its top-level pieces) that matches
// anchored there.
struct PartialMatch {
  size_t end = 0;          // normalized offset where the matched prefix stops
  std::string matched;     // the pattern prefix that matched; empty when not even its first piece
  std::string stopped_at;  // the piece after it, which did not match there
  std::string rest;        // the pattern from `stopped_at` on
};
// nullopt when `rule` names no pattern rule of `rules`.
std::optional<PartialMatch> LongestPartialMatch(const RuleSet& rules, std::string_view rule,
                                                const Document& document, size_t at);

// What a figure rule asks of a figure, its patterns as compiled (defs expanded, normalized); an
// empty member asks nothing.
struct FigureRuleTerms {
  std::string label, clause, action;
  std::vector<std::string> units;
  std::vector<FigureStatus> statuses;
};
// nullopt when `rule` names no figure rule of `rules`.
std::optional<FigureRuleTerms> FigureRuleTermsOf(const RuleSet& rules, std::string_view rule);

// How `rule` (a figure rule) decides on `figure` of `document`, as the engine would trace it,
// whether or not the engine traced this pair: for a figure in no rule's reach, or a rule whose
// label's literals are not in its clause. The overlap is not judged (it needs every fact of the
// document): a figure every check lets through comes back kept. nullopt when `rule` names no
// figure rule of `rules`. NOTE: `figure` must be one of FiguresOf(document).
std::optional<CandidateTrace> TraceFigureRule(const RuleSet& rules, std::string_view rule,
                                              const Document& document, const Figure& figure);

// Why a figure rule's `label` did not match a figure's label: of the top-level alternatives of
// its pattern (`label: [a, b]` or `a|b`), the one that gets closest.
struct LabelMiss {
  std::string alternative;  // that alternative's pattern
  // It matches the figure's clause, outside the label (the label was cut short of it): where.
  bool in_clause = false;
  size_t clause_at = 0, clause_end = 0;  // byte range in the clause
  // Else the longest prefix of it (cut between its top-level pieces) that matches somewhere in
  // the label, or when none does, in the clause (`partial_in_clause`); empty when not even its
  // first piece does (and `alternative` is empty too).
  std::string matched;
  std::string stopped_at;  // the piece after it, which did not match there
  bool partial_in_clause = false;
  size_t match_at = 0;   // where in the label (or clause) the prefix's match starts
  size_t match_end = 0;  // and ends
  // The prefix matches only with the alternative's leading `^` left out (`^面积$` on 镇域总面积):
  // not at the label's start. `matched` is then without the `^`.
  bool not_at_start = false;
};
// nullopt when `rule` names no figure rule of `rules`, or one without a label.
std::optional<LabelMiss> ClosestLabelPart(const RuleSet& rules, std::string_view rule,
                                          const Figure& figure);

}  // namespace glean

#endif  // GLEAN_TRACE_H_
