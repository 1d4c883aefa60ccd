#include "engine/match/matcher.h"

#include <hs/hs.h>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include <fmt/format.h>
#include <re2/set.h>

#include "engine/match/prefix_literals.h"

namespace glean::internal {

namespace {

constexpr size_t kUnset = std::string_view::npos;

// RE2::Set silently falls back to a crawl when its DFA runs out of memory; a budget sized for
// thousands of rules keeps it on the fast path, and Find falls back to running every rule if the
// budget is still exceeded.
constexpr int64_t kSetMaxMem = int64_t{1} << 30;

// Below this many rules per literal, trying each rule anchored is cheaper than one set run.
constexpr size_t kSelectorMinRules = 8;

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

// Runs `rule` from `position` (anchored there, or searching onwards) and appends the match, if
// any. Returns the position the next search of this rule may start from, or kUnset for no match.
size_t MatchOnce(const CompiledRule& rule, int index, std::string_view text, size_t position,
                 RE2::Anchor anchor, std::vector<re2::StringPiece>* groups,
                 std::vector<Candidate>* out) {
  const int group_count = rule.pattern->NumberOfCapturingGroups() + 1;
  groups->assign(group_count, re2::StringPiece());
  if (!rule.pattern->Match(Piece(text), position, text.size(), anchor, groups->data(),
                           group_count)) {
    return kUnset;
  }
  Candidate candidate;
  candidate.rule = index;
  candidate.span.begin = static_cast<size_t>((*groups)[0].data() - text.data());
  candidate.span.end = candidate.span.begin + (*groups)[0].size();
  for (const FieldSpec& field : rule.fields) {
    const re2::StringPiece& group = (*groups)[field.group];
    if (group.data() == nullptr) {
      candidate.captures.push_back({kUnset, kUnset});
    } else {
      const size_t begin = static_cast<size_t>(group.data() - text.data());
      candidate.captures.push_back({begin, begin + group.size()});
    }
  }
  out->push_back(std::move(candidate));
  // Patterns that match the empty string are rejected when rules load; stepping one byte guards
  // the loop regardless.
  return std::max(out->back().span.end, out->back().span.begin + 1);
}

// Every match of each of `rules` over the whole text, leftmost-first and non-overlapping, as
// RE2 finds them one after another.
void ScanRules(const CompiledRuleSet& set, const std::vector<int>& rules, std::string_view text,
               std::vector<Candidate>* out) {
  std::vector<re2::StringPiece> groups;
  for (int index : rules) {
    size_t position = 0;
    while (position <= text.size()) {
      position = MatchOnce(set.rules[index], index, text, position, RE2::UNANCHORED, &groups, out);
      if (position == kUnset) break;
    }
  }
}

void SortCandidates(std::vector<Candidate>* candidates) {
  std::stable_sort(candidates->begin(), candidates->end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
                     return a.rule < b.rule;
                   });
}

// One RE2::Set over `rules` says which of them occur in a text; only those are run.
class SetPrefilter {
 public:
  static Result<SetPrefilter> Create(const CompiledRuleSet& set, std::vector<int> rules) {
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
        Diagnostic diagnostic = Diagnostic::Error(
            "regex", rule.location, fmt::format("pattern does not compile: {}", error));
        diagnostic.rule_id = rule.id;
        return Result<SetPrefilter>::Failure({diagnostic});
      }
    }
    if (!prefilter.set_->Compile()) {
      return Result<SetPrefilter>::Failure({Diagnostic::Error(
          "regex", {}, "the rule set is too large to compile into one matcher")});
    }
    return prefilter;
  }

  // The rules to run on `text`, in rule order.
  std::vector<int> Hits(std::string_view text) const {
    if (rules_.empty()) return {};
    std::vector<int> hits;
    if (!set_->Match(Piece(text), &hits)) return rules_;  // the set gave up: run them all
    for (int& hit : hits) hit = rules_[hit];
    std::sort(hits.begin(), hits.end());
    return hits;
  }

 private:
  std::vector<int> rules_;  // set index → rule index
  std::unique_ptr<RE2::Set> set_;
};

// The reference: a set prefilter, then every hit rule over the whole text.
class SetMatcher final : public Matcher {
 public:
  SetMatcher(const CompiledRuleSet& rules, SetPrefilter prefilter)
      : rules_(rules), prefilter_(std::move(prefilter)) {}

  std::vector<Candidate> Find(std::string_view text) const override {
    std::vector<Candidate> candidates;
    ScanRules(rules_, prefilter_.Hits(text), text, &candidates);
    SortCandidates(&candidates);
    return candidates;
  }

 private:
  const CompiledRuleSet& rules_;
  SetPrefilter prefilter_;
};

struct HsDatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct HsScratchDeleter {
  void operator()(hs_scratch_t* scratch) const { hs_free_scratch(scratch); }
};

// The rules that begin with one literal, and for several of them an anchored set that says which
// of them match where the literal occurs, so a shared literal (全镇, 完成) costs one set run
// instead of one run per rule.
struct LiteralRules {
  size_t length = 0;
  std::vector<int> rules;
  std::unique_ptr<RE2::Set> selector;  // null for a single rule
};

// Most rules begin with literal context (完成改厕…, (?:新建|完成)改厕…). Their literals are found
// all at once by a multi-literal scan, and each rule runs anchored only where one of its literals
// occurs, so the text is read once for all of them and the rule count barely matters. Rules
// without a literal prefix go through the set prefilter.
class AnchoredMatcher final : public Matcher {
 public:
  AnchoredMatcher(const CompiledRuleSet& rules, SetPrefilter fallback,
                  std::unique_ptr<hs_database_t, HsDatabaseDeleter> database,
                  std::unique_ptr<hs_scratch_t, HsScratchDeleter> scratch,
                  std::vector<LiteralRules> literals)
      : rules_(rules),
        fallback_(std::move(fallback)),
        database_(std::move(database)),
        scratch_(std::move(scratch)),
        literals_(std::move(literals)) {}

  std::vector<Candidate> Find(std::string_view text) const override {
    std::vector<Candidate> candidates;
    ScanRules(rules_, fallback_.Hits(text), text, &candidates);

    hs_scratch_t* raw_scratch = nullptr;
    // Scratch space is per call: Find runs on several threads at once.
    if (hs_clone_scratch(scratch_.get(), &raw_scratch) != HS_SUCCESS) {
      std::vector<int> all(rules_.rules.size());
      for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
      candidates.clear();
      ScanRules(rules_, all, text, &candidates);
      SortCandidates(&candidates);
      return candidates;
    }
    std::unique_ptr<hs_scratch_t, HsScratchDeleter> scratch(raw_scratch);
    struct Hit {
      size_t start;
      unsigned int literal;
    };
    struct Context {
      const std::vector<LiteralRules>* literals;
      std::vector<Hit> hits;
    } context{&literals_, {}};
    const auto on_literal = [](unsigned int id, unsigned long long, unsigned long long to,
                               unsigned int, void* data) -> int {
      auto* context = static_cast<Context*>(data);
      context->hits.push_back({static_cast<size_t>(to) - (*context->literals)[id].length, id});
      return 0;
    };
    hs_scan(database_.get(), text.data(), static_cast<unsigned int>(text.size()), 0, scratch.get(),
            on_literal, &context);
    // Literals are reported by their end; rules must see their starts in order.
    std::stable_sort(context.hits.begin(), context.hits.end(),
                     [](const Hit& a, const Hit& b) { return a.start < b.start; });

    std::vector<re2::StringPiece> groups;
    std::vector<int> selected;
    std::unordered_map<int, size_t> next_allowed;  // rule → where its next match may start
    for (const Hit& hit : context.hits) {
      const LiteralRules& literal = literals_[hit.literal];
      const std::vector<int>* which = &literal.rules;
      if (literal.selector != nullptr) {
        selected.clear();
        if (!literal.selector->Match(Piece(text.substr(hit.start)), &selected)) continue;
        for (int& index : selected) index = literal.rules[index];
        std::sort(selected.begin(), selected.end());
        which = &selected;
      }
      for (int rule : *which) {
        auto allowed = next_allowed.find(rule);
        if (allowed != next_allowed.end() && hit.start < allowed->second) continue;
        const size_t next = MatchOnce(rules_.rules[rule], rule, text, hit.start, RE2::ANCHOR_START,
                                      &groups, &candidates);
        if (next != kUnset) next_allowed[rule] = next;
      }
    }
    SortCandidates(&candidates);
    return candidates;
  }

 private:
  const CompiledRuleSet& rules_;
  SetPrefilter fallback_;
  std::unique_ptr<hs_database_t, HsDatabaseDeleter> database_;
  std::unique_ptr<hs_scratch_t, HsScratchDeleter> scratch_;
  std::vector<LiteralRules> literals_;  // by Hyperscan literal id
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

Result<std::unique_ptr<Matcher>> Matcher::Create(const CompiledRuleSet& rules) {
  std::map<std::string, int> literal_ids;
  std::vector<std::vector<int>> rules_by_literal;
  std::vector<int> unanchored;
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    const std::vector<std::string> literals = PrefixLiterals(rules.rules[i].expanded_pattern);
    if (literals.empty()) {
      unanchored.push_back(static_cast<int>(i));
      continue;
    }
    for (const std::string& literal : literals) {
      auto [it, inserted] = literal_ids.emplace(literal, static_cast<int>(literal_ids.size()));
      if (inserted) rules_by_literal.emplace_back();
      rules_by_literal[it->second].push_back(static_cast<int>(i));
    }
  }
  if (literal_ids.empty() || hs_valid_platform() != HS_SUCCESS) return CreateReference(rules);

  std::vector<const char*> expressions(literal_ids.size());
  std::vector<size_t> lengths(literal_ids.size());
  std::vector<unsigned int> ids(literal_ids.size()), flags(literal_ids.size(), 0);
  for (const auto& [literal, id] : literal_ids) {
    expressions[id] = literal.data();
    lengths[id] = literal.size();
    ids[id] = static_cast<unsigned int>(id);
  }
  hs_database_t* raw_database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned int>(expressions.size()), HS_MODE_BLOCK, nullptr,
                           &raw_database, &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return CreateReference(rules);  // still correct, only slower
  }
  std::unique_ptr<hs_database_t, HsDatabaseDeleter> database(raw_database);
  hs_scratch_t* raw_scratch = nullptr;
  if (hs_alloc_scratch(database.get(), &raw_scratch) != HS_SUCCESS) return CreateReference(rules);
  std::unique_ptr<hs_scratch_t, HsScratchDeleter> scratch(raw_scratch);

  std::vector<LiteralRules> literals(rules_by_literal.size());
  for (size_t id = 0; id < literals.size(); ++id) {
    LiteralRules& literal = literals[id];
    literal.length = lengths[id];
    literal.rules = std::move(rules_by_literal[id]);
    if (literal.rules.size() < kSelectorMinRules) continue;
    RE2::Options options;
    options.set_log_errors(false);
    literal.selector = std::make_unique<RE2::Set>(options, RE2::ANCHOR_START);
    bool ok = true;
    for (int rule : literal.rules) {
      std::string set_error;
      ok = ok && literal.selector->Add(rules.rules[rule].expanded_pattern, &set_error) >= 0;
    }
    // Without a selector every rule of the literal is simply tried: slower, never wrong.
    if (!ok || !literal.selector->Compile()) literal.selector.reset();
  }

  Result<SetPrefilter> fallback = SetPrefilter::Create(rules, std::move(unanchored));
  if (!fallback.ok()) return Result<std::unique_ptr<Matcher>>::Failure(fallback.diagnostics());
  return Result<std::unique_ptr<Matcher>>(
      std::make_unique<AnchoredMatcher>(rules, std::move(fallback).value(), std::move(database),
                                        std::move(scratch), std::move(literals)));
}

}  // namespace glean::internal
