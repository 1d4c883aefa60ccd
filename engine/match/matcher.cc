#include "engine/match/matcher.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>
#include <re2/set.h>

namespace glean::internal {

namespace {

constexpr size_t kUnset = std::string_view::npos;

// RE2::Set silently falls back to a crawl when its DFA runs out of memory; a budget sized for
// thousands of rules keeps it on the fast path, and Find falls back to running every rule if the
// budget is still exceeded.
constexpr int64_t kSetMaxMem = int64_t{1} << 30;

class SetMatcher final : public Matcher {
 public:
  SetMatcher(const CompiledRuleSet& rules, std::unique_ptr<RE2::Set> set)
      : rules_(rules), set_(std::move(set)) {}

  std::vector<Candidate> Find(std::string_view text) const override {
    std::vector<int> hits;
    if (set_ == nullptr || !set_->Match(text, &hits)) {
      // No set (no rules), or the set gave up: run every rule.
      hits.resize(rules_.rules.size());
      for (size_t i = 0; i < hits.size(); ++i) hits[i] = static_cast<int>(i);
    }
    std::sort(hits.begin(), hits.end());
    std::vector<Candidate> candidates;
    std::vector<re2::StringPiece> groups;
    for (int index : hits) {
      const CompiledRule& rule = rules_.rules[index];
      const int group_count = rule.pattern->NumberOfCapturingGroups() + 1;
      groups.assign(group_count, re2::StringPiece());
      size_t position = 0;
      while (position <= text.size() &&
             rule.pattern->Match(re2::StringPiece(text.data(), text.size()), position, text.size(),
                                 RE2::UNANCHORED, groups.data(), group_count)) {
        Candidate candidate;
        candidate.rule = index;
        candidate.span.begin = static_cast<size_t>(groups[0].data() - text.data());
        candidate.span.end = candidate.span.begin + groups[0].size();
        for (const FieldSpec& field : rule.fields) {
          const re2::StringPiece& group = groups[field.group];
          if (group.data() == nullptr) {
            candidate.captures.push_back({kUnset, kUnset});
          } else {
            const size_t begin = static_cast<size_t>(group.data() - text.data());
            candidate.captures.push_back({begin, begin + group.size()});
          }
        }
        candidates.push_back(std::move(candidate));
        // Patterns that match the empty string are rejected when rules load; stepping one byte
        // guards the loop regardless.
        position = std::max(candidates.back().span.end, candidates.back().span.begin + 1);
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) {
                       if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
                       return a.rule < b.rule;
                     });
    return candidates;
  }

 private:
  const CompiledRuleSet& rules_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace

Result<std::unique_ptr<Matcher>> Matcher::Create(const CompiledRuleSet& rules) {
  std::unique_ptr<RE2::Set> set;
  if (!rules.rules.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(kSetMaxMem);
    set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const CompiledRule& rule : rules.rules) {
      std::string error;
      if (set->Add(rule.expanded_pattern, &error) < 0) {
        Diagnostic diagnostic = Diagnostic::Error(
            "regex", rule.location, fmt::format("pattern does not compile: {}", error));
        diagnostic.rule_id = rule.id;
        return Result<std::unique_ptr<Matcher>>::Failure({diagnostic});
      }
    }
    if (!set->Compile()) {
      return Result<std::unique_ptr<Matcher>>::Failure({Diagnostic::Error(
          "regex", {}, "the rule set is too large to compile into one matcher")});
    }
  }
  return Result<std::unique_ptr<Matcher>>(std::make_unique<SetMatcher>(rules, std::move(set)));
}

}  // namespace glean::internal
