#include "engine/match/rule_scan.h"

#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace glean::internal {

// Appends the spans of `pattern`'s groups 0 … n (0 the whole match) to `spans` for its match from
// `position` (anchored there, or searching onwards) in text[0, end); false, with `spans` as it
// was, for no match. With a plan, RE2's DFAs find where the match lies and the plan places the
// groups; RE2's capture engine places them otherwise, or when the plan cannot.
bool MatchGroups(const RE2& pattern, const CapturePlan* plan, std::string_view text,
                 size_t position, size_t end, RE2::Anchor anchor,
                 std::vector<re2::StringPiece>* groups, std::vector<Span>* spans) {
  const size_t first = spans->size();
  if (plan != nullptr) {
    re2::StringPiece whole;
    if (!pattern.Match(Piece(text), position, end, anchor, &whole, 1)) return false;
    spans->resize(first + 1 + static_cast<size_t>(plan->group_count()));
    (*spans)[first] = SpanOf(whole, text);
    if (plan->Place(text, (*spans)[first].begin, (*spans)[first].end, spans->data() + first + 1)) {
      return true;
    }
    spans->resize(first);  // a run too long for the plan
  }
  const int group_count = pattern.NumberOfCapturingGroups() + 1;
  groups->assign(group_count, re2::StringPiece());
  if (!pattern.Match(Piece(text), position, end, anchor, groups->data(), group_count)) {
    return false;
  }
  for (const re2::StringPiece& group : *groups) spans->push_back(SpanOf(group, text));
  return true;
}

// Runs `rule` from `position` (anchored there, or searching onwards, within text[0, end)) and
// appends the match, if any; `groups` and `spans` are working memory. Returns the position the
// next search of this rule may start from, or kUnset for no match.
size_t MatchOnce(const CompiledRule& rule, int index, std::string_view text, size_t position,
                 RE2::Anchor anchor, std::vector<re2::StringPiece>* groups,
                 std::vector<Span>* spans, Candidates* out, const CapturePlan* plan, size_t end) {
  const size_t first = spans->size();
  if (!MatchGroups(rule.pattern->regex(), plan, text, position, std::min(end, text.size()), anchor,
                   groups, spans)) {
    return kUnset;
  }
  const Span span = (*spans)[first];
  AddCandidate(rule, index, span, spans->data() + first, out);
  spans->resize(first);
  // Patterns that match the empty string are rejected when rules load; stepping one byte guards
  // the loop regardless.
  return std::max(span.end, span.begin + 1);
}

// Every match of each of `rules` in the text up to `end`, leftmost-first and non-overlapping, as
// RE2 finds them one after another. `plans`, when given, holds each rule's capture plan or null.
// A smaller `end` gives the same matches only when no match reaches past it.
void ScanRules(const CompiledRuleSet& set, const std::vector<int>& rules, std::string_view text,
               Candidates* out, const std::vector<std::unique_ptr<CapturePlan>>* plans,
               size_t end) {
  end = std::min(end, text.size());
  std::vector<re2::StringPiece> groups;
  std::vector<Span> spans;
  for (int index : rules) {
    const CapturePlan* plan = plans != nullptr ? (*plans)[index].get() : nullptr;
    size_t position = 0;
    while (position <= end) {
      position = MatchOnce(set.rules[index], index, text, position, RE2::UNANCHORED, &groups,
                           &spans, out, plan, end);
      if (position == kUnset) break;
    }
  }
}

namespace {

// What the pieces from `first` on need, when they say of some characters: at most a few dozen
// (the figures and words a value starts with), which keeps the test short. Asked `reach_before`
// bytes before the pieces.
CharacterWindow WindowFrom(const PatternPieces& pieces, size_t first, std::string_view pattern,
                           size_t reach_before) {
  constexpr size_t kMostCharacters = 64;
  PatternPieces rest;
  rest.pieces.assign(pieces.pieces.begin() + static_cast<std::ptrdiff_t>(first),
                     pieces.pieces.end());
  std::optional<RequiredCharacters> required = RequiredCharactersOf(rest, pattern, kMostCharacters);
  return required ? CharacterWindow(std::move(*required), reach_before) : CharacterWindow();
}

}  // namespace

CharacterWindow WindowOf(const PatternPieces& pieces, size_t first, std::string_view pattern) {
  return WindowFrom(pieces, first, pattern, 0);
}

CharacterWindow WindowAfterFirst(const PatternPieces& pieces, std::string_view pattern) {
  if (pieces.pieces.size() < 2) return CharacterWindow();
  const size_t first = pieces.pieces.front().MaxBytes();
  if (first == std::string_view::npos) return CharacterWindow();
  return WindowFrom(pieces, 1, pattern, first);
}

void SortCandidates(Candidates* candidates) {
  // The order facts go out in, so the engine seldom has to sort them again.
  const auto before = [](const Candidate& a, const Candidate& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  };
  // Candidates found at literal occurrences come in order already, most of the time.
  if (std::is_sorted(candidates->list.begin(), candidates->list.end(), before)) return;
  std::stable_sort(candidates->list.begin(), candidates->list.end(), before);
}

Result<SetPrefilter> SetPrefilter::Create(const CompiledRuleSet& set, std::vector<int> rules) {
  SetPrefilter prefilter;
  prefilter.rules_ = std::move(rules);
  if (prefilter.rules_.empty()) return prefilter;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kSetMaxMem);
  prefilter.set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (int index : prefilter.rules_) {
    const CompiledRule& rule = set.rules[index];
    std::string error;
    if (prefilter.set_->Add(rule.expanded_pattern, &error) < 0) {
      Diagnostic diagnostic = Diagnostic::Error("regex", rule.location,
                                                fmt::format("pattern does not compile: {}", error));
      diagnostic.rule_id = rule.id;
      return Result<SetPrefilter>::Failure({diagnostic});
    }
  }
  if (!prefilter.set_->Compile()) {
    return Result<SetPrefilter>::Failure(
        {Diagnostic::Error("regex", {}, "the rule set is too large to compile into one matcher")});
  }
  return prefilter;
}

std::vector<int> SetPrefilter::Hits(std::string_view text) const {
  if (rules_.empty()) return {};
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{RE2::Set::kNoError};
  if (!set_->Match(Piece(text), &hits, &error)) {
    // No rule occurs, or the set gave up (out of memory): then every rule is run.
    return error.kind == RE2::Set::kNoError ? std::vector<int>() : rules_;
  }
  for (int& hit : hits) hit = rules_[hit];
  std::sort(hits.begin(), hits.end());
  return hits;
}

namespace {

// The reference: a set prefilter, then every hit rule over the whole text.
class SetMatcher final : public Matcher {
 public:
  SetMatcher(const CompiledRuleSet& rules, SetPrefilter prefilter)
      : rules_(rules), prefilter_(std::move(prefilter)) {}

  Candidates Find(std::string_view text) const override {
    Candidates candidates;
    ScanRules(rules_, prefilter_.Hits(text), text, &candidates);
    SortCandidates(&candidates);
    return candidates;
  }

 private:
  const CompiledRuleSet& rules_;
  SetPrefilter prefilter_;
};

}  // namespace

Result<std::unique_ptr<Matcher>> Matcher::CreateReference(const CompiledRuleSet& rules) {
  std::vector<int> all(rules.rules.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  Result<SetPrefilter> prefilter = SetPrefilter::Create(rules, std::move(all));
  if (!prefilter.ok()) return Result<std::unique_ptr<Matcher>>::Failure(prefilter.diagnostics());
  return Result<std::unique_ptr<Matcher>>(
      std::make_unique<SetMatcher>(rules, std::move(prefilter).value()));
}

}  // namespace glean::internal
