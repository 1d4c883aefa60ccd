#include "tools/extract/rule_tally.h"

#include <algorithm>

#include <fmt/format.h>

namespace extract {

uint64_t RuleCounts::matched() const {
  uint64_t total = kept;
  for (int reason = 0; reason < glean::kDropReasonCount; ++reason) {
    if (!glean::IsNearMiss(static_cast<glean::DropReason>(reason))) {
      total += dropped[static_cast<size_t>(reason)];
    }
  }
  return total;
}

RuleTally::RuleTally(const glean::RuleSet& rules) {
  for (std::string_view id : glean::PatternRuleIds(rules)) counts_.emplace(id, RuleCounts());
  for (std::string_view id : glean::FigureRuleIds(rules)) counts_.emplace(id, RuleCounts());
}

void RuleTally::OnCandidate(const glean::CandidateTrace& trace) {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto found = counts_.find(trace.rule);
  if (found == counts_.end()) found = counts_.emplace(trace.rule, RuleCounts()).first;
  if (trace.kept) {
    ++found->second.kept;
  } else {
    ++found->second.dropped[static_cast<size_t>(trace.reason)];
  }
}

std::string RuleTally::Table() const {
  size_t width = 5;  // "total"
  for (const auto& [id, counts] : counts_) width = std::max(width, id.size());
  std::string out = fmt::format("{:<{}} {:>8} {:>6}", "rule", width, "matched", "kept");
  // The drops in the engine's order; the near misses (kLabel, kNoMatch) last, as they are no
  // candidates.
  constexpr glean::DropReason kColumns[] = {
      glean::DropReason::kField,   glean::DropReason::kUnit,   glean::DropReason::kStatus,
      glean::DropReason::kClause,  glean::DropReason::kAction, glean::DropReason::kWhere,
      glean::DropReason::kUnless,  glean::DropReason::kWithin, glean::DropReason::kNotWithin,
      glean::DropReason::kOverlap, glean::DropReason::kLabel,  glean::DropReason::kNoMatch};
  const auto column_width = [](glean::DropReason reason) {
    return std::max<size_t>(6, std::string_view(glean::DropReasonName(reason)).size());
  };
  for (glean::DropReason reason : kColumns) {
    out += fmt::format(" {:>{}}", glean::DropReasonName(reason), column_width(reason));
  }
  out += '\n';
  RuleCounts total;
  const auto row = [&](std::string_view name, const RuleCounts& counts) {
    out += fmt::format("{:<{}} {:>8} {:>6}", name, width, counts.matched(), counts.kept);
    for (glean::DropReason reason : kColumns) {
      out +=
          fmt::format(" {:>{}}", counts.dropped[static_cast<size_t>(reason)], column_width(reason));
    }
    out += '\n';
  };
  for (const auto& [id, counts] : counts_) {
    row(id, counts);
    total.kept += counts.kept;
    for (size_t i = 0; i < total.dropped.size(); ++i) total.dropped[i] += counts.dropped[i];
  }
  row("total", total);
  return out;
}

}  // namespace extract
