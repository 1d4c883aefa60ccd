// Counts by rule of what became of its candidate matches, gathered from the engine's trace
// (glean/trace.h): for `extract --stats` and `extract coverage`.
#ifndef GLEAN_TOOLS_EXTRACT_RULE_TALLY_H_
#define GLEAN_TOOLS_EXTRACT_RULE_TALLY_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "glean/rule_set.h"
#include "glean/trace.h"

namespace extract {

struct RuleCounts {
  uint64_t kept = 0;
  std::array<uint64_t, glean::kDropReasonCount> dropped{};  // by DropReason

  // Candidates: kept and dropped for every reason but the near misses (kNoMatch, kLabel), which
  // had no candidate.
  uint64_t matched() const;
};

// Thread-safe: extract's workers report to one tally.
class RuleTally final : public glean::MatchObserver {
 public:
  // Every rule of `rules`, of either form, gets a row, those that never matched too.
  explicit RuleTally(const glean::RuleSet& rules);

  void OnCandidate(const glean::CandidateTrace& trace) override;

  // By rule id. NOTE: read only once the run is over.
  const std::map<std::string, RuleCounts, std::less<>>& counts() const { return counts_; }

  // A table of every rule's counts and a total line, for stderr.
  std::string Table() const;

 private:
  std::mutex mutex_;
  std::map<std::string, RuleCounts, std::less<>> counts_;
};

}  // namespace extract

#endif  // GLEAN_TOOLS_EXTRACT_RULE_TALLY_H_
