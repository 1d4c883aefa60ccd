// What became of each place a pattern rule could have matched: kept, or dropped and why. The
// engine reports to a MatchObserver given in ExtractOptions; with none, nothing is recorded and
// extraction costs what it did.
#ifndef GLEAN_TRACE_H_
#define GLEAN_TRACE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "glean/document.h"
#include "glean/rule_set.h"
#include "glean/value.h"

namespace glean {

// Why a candidate gave no fact, in the order the engine asks (kNoMatch before there is a
// candidate at all; kOverlap last, among the candidates every filter let through).
enum class DropReason {
  kNoMatch,    // a literal the rule begins with is there, but the pattern does not match from it
  kField,      // a capture does not read as its slot's type
  kUnit,       // a capture read with a unit the slot's `units` does not list
  kWhere,      // the fields' values fail the rule's `where` conditions
  kUnless,     // the match's sentence matches `unless`
  kWithin,     // no enclosing heading matches `within`
  kNotWithin,  // an enclosing heading matches `not_within`
  kOverlap,    // another match of the same fact type, overlapping it, won
};
inline constexpr int kDropReasonCount = 8;

// "no_match", "field", "unit", "where", "unless", "within", "not_within", "overlap": the names the
// instruments print and the JSON outputs use.
const char* DropReasonName(DropReason reason);

// One capture of a candidate. Views into the document's normalized text and the rule set.
struct FieldTrace {
  std::string_view name;
  std::string_view text;       // the normalized capture; empty and `taken` false when not taken
  bool taken = false;          // the group took part in the match
  std::optional<Field> value;  // the value it read as; empty when it did not (or was not asked)
};

// One candidate, or one place a rule's literal occurs without a match (reason kNoMatch). Views
// into the document and the rule set, valid only during the observer's call.
struct CandidateTrace {
  const Document* document = nullptr;
  std::string_view rule;  // the rule's id
  size_t begin = 0;       // normalized byte range of the match, or of the literal for kNoMatch
  size_t end = 0;
  bool kept = false;
  DropReason reason = DropReason::kNoMatch;  // meaningful when !kept
  // The captures in the rule's field order, read as far as the engine read them: up to the
  // field that failed for kField and kUnit, all of them otherwise. Empty for kNoMatch.
  std::vector<FieldTrace> fields;
  // kField: why the capture is no value of its type; kUnit: the unit it read as.
  std::string detail;
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

// Receives a CandidateTrace for each candidate match of a pattern rule (and each kNoMatch place),
// per document: first the drops by value and scope in document order, then the overlap losers
// and the kept ones in document order; kNoMatch places last. Figure rules are not traced.
// NOTE: an engine used from several threads calls its observer from all of them: it must then
// be thread-safe.
class MatchObserver {
 public:
  virtual ~MatchObserver() = default;
  virtual void OnCandidate(const CandidateTrace& trace) = 0;
};

// The ids of the pattern rules of `rules` (the rules traced), in load order.
std::vector<std::string_view> PatternRuleIds(const RuleSet& rules);

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

}  // namespace glean

#endif  // GLEAN_TRACE_H_
