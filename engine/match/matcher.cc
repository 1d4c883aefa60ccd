// Matcher::Create: the anchored matcher built from a rule set. Each rule is split into its literal
// prefix and its tail; the literals are found from the figures or by one scan, the rules without
// one are gated by words they need, and the sets, windows and capture plans that let a rule run
// only where it may match are made here, once.
#include "engine/match/matcher.h"

#include <hs/hs.h>

#include <algorithm>
#include <bitset>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/set.h>

#include "engine/match/anchored_matcher.h"
#include "engine/match/capture_plan.h"
#include "engine/match/figure_anchors.h"
#include "engine/match/pattern_pieces.h"
#include "engine/match/prefix_literals.h"
#include "engine/match/rule_scan.h"
#include "engine/match/tail.h"
#include "engine/source/utf8.h"

namespace glean::internal {

namespace {

// Gate words shorter than this would pass nearly every text.
constexpr size_t kMinGateWordBytes = 3;

// A gated rule reads the characters a match may hold before its word only up to this many: a set
// that large is a class no run of the text stops at.
constexpr size_t kMostCharactersBeforeWord = 256;

// A gated rule whose match starts at most this many bytes before its word is tried anchored at
// each character there; one that may start further back is searched for instead (trying a few
// dozen starts at every occurrence of its word costs more than one search).
constexpr size_t kMostBytesTriedBeforeWord = 36;

// Literals that only a figure may follow are found from the figures when there are at least this
// many of them: looking behind every figure of a text costs about what scanning for some dozens of
// literals does (17 such literals of the stock rules cost 1.5 M instructions per MB more found from
// the figures; the 1,000 generated rules of the benchmark are all found so).
constexpr ptrdiff_t kMostLiteralsScannedOverFigures = 64;

// Characters after a literal that a rule run whole from it may need: more say nothing.
constexpr size_t kMostCharactersAfterLiteral = 64;

// Below this many tails after one literal, running each is cheaper than asking the tail set.
constexpr size_t kSetMinTails = 5;

// Below this many rules per literal, trying each rule anchored is cheaper than one set run.
constexpr size_t kSelectorMinRules = 8;

}  // namespace

Result<std::unique_ptr<Matcher>> Matcher::Create(const CompiledRuleSet& rules) {
  std::map<std::string, int> literal_ids;
  std::vector<LiteralRules> literals;
  auto rests = std::make_unique<CapturePlan::RestCache>();  // shared by every capture plan
  std::map<std::string, int, std::less<>> tail_ids;
  std::vector<Tail> tails;
  std::vector<int> unanchored;
  // By rule run whole from its literals: the characters one of which follows the literal in
  // every match, when the pattern says (建成(?:了|起)?\d…: a digit), else empty.
  std::vector<std::vector<uint32_t>> next_characters(rules.rules.size());
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    const CompiledRule& rule = rules.rules[i];
    const LiteralPrefix prefix = SplitLiteralPrefix(rule.expanded_pattern);
    if (prefix.literals.empty()) {
      unanchored.push_back(static_cast<int>(i));
      continue;
    }
    if (prefix.rest == std::string_view::npos && prefix.after_literals != std::string_view::npos &&
        PiecesApply(rule.pattern->options())) {
      if (std::optional<std::vector<uint32_t>> next = FirstCharactersOf(
              std::string_view(rule.expanded_pattern).substr(prefix.after_literals),
              kMostCharactersAfterLiteral)) {
        next_characters[i] = std::move(*next);
      }
    }
    int tail = -1;
    if (prefix.rest != std::string_view::npos) {
      const std::string rest = rule.expanded_pattern.substr(prefix.rest);
      auto found = tail_ids.find(rest);
      if (found != tail_ids.end()) {
        tail = found->second;
      } else if (Tail compiled = CompileTail(rule, rest, rests.get());
                 compiled.pattern != nullptr) {
        tail = static_cast<int>(tails.size());
        tails.push_back(std::move(compiled));
        tail_ids.emplace(rest, tail);
      }
    }
    for (const std::string& text : prefix.literals) {
      auto [it, inserted] = literal_ids.emplace(text, static_cast<int>(literal_ids.size()));
      if (inserted) {
        literals.emplace_back().length = text.size();
        literals.back().text = text;
      }
      LiteralRules& literal = literals[it->second];
      if (tail < 0) {
        literal.whole.push_back(static_cast<int>(i));
        continue;
      }
      auto group = std::find_if(literal.tails.begin(), literal.tails.end(),
                                [&](const TailRules& g) { return g.tail == tail; });
      if (group == literal.tails.end()) group = literal.tails.insert(group, TailRules{tail, {}});
      group->rules.push_back(static_cast<int>(i));
    }
  }
  if (literal_ids.empty() || hs_valid_platform() != HS_SUCCESS) return CreateReference(rules);

  for (LiteralRules& literal : literals) {
    for (int rule : literal.whole) {
      const std::vector<uint32_t>& next = next_characters[static_cast<size_t>(rule)];
      if (next.empty()) {
        literal.may_follow.set();
        literal.may_end_text = true;
        continue;
      }
      std::string bytes;
      for (uint32_t character : next) {
        bytes.clear();
        source::AppendUtf8(character, &bytes);
        literal.may_follow.set(static_cast<unsigned char>(bytes[0]));
      }
    }
    for (const TailRules& group : literal.tails) {
      const Tail& tail = tails[static_cast<size_t>(group.tail)];
      if (tail.min.empty()) {
        literal.may_follow.set();
        literal.may_end_text = true;
        continue;
      }
      for (unsigned byte = static_cast<unsigned char>(tail.min[0]); byte <= tail.max_first;
           ++byte) {
        literal.may_follow.set(byte);
      }
    }
  }
  // Literals that only a figure may follow are found from the figures; each of the others is
  // scanned for, or found through the shortest scanned literal it ends with.
  std::bitset<256> digits;
  for (unsigned char digit = '0'; digit <= '9'; ++digit) digits.set(digit);
  FigureAnchors figures;
  std::vector<bool> by_figure(literals.size(), false);
  for (size_t id = 0; id < literals.size(); ++id) {
    const LiteralRules& literal = literals[id];
    by_figure[id] = !literal.may_end_text && (literal.may_follow & ~digits).none() &&
                    FigureAnchors::Fits(literal.text);
  }
  // Finding the figures reads the whole text; a few literals cost less to scan for with the rest.
  if (std::count(by_figure.begin(), by_figure.end(), true) < kMostLiteralsScannedOverFigures) {
    by_figure.assign(literals.size(), false);
  }
  for (size_t id = 0; id < literals.size(); ++id) {
    if (by_figure[id]) figures.Add(literals[id].text, static_cast<unsigned int>(id));
  }
  std::vector<bool> scanned(literals.size());
  for (size_t id = 0; id < literals.size(); ++id) scanned[id] = !by_figure[id];
  for (size_t id = 0; id < literals.size(); ++id) {
    if (by_figure[id]) continue;
    const std::string& text = literals[id].text;
    for (size_t cut = text.size(); cut-- > 1;) {  // shortest suffix first
      auto suffix = literal_ids.find(text.substr(cut));
      if (suffix == literal_ids.end() || by_figure[static_cast<size_t>(suffix->second)]) continue;
      literals[static_cast<size_t>(suffix->second)].extensions.push_back(
          static_cast<unsigned int>(id));
      scanned[id] = false;
      break;
    }
  }
  for (LiteralRules& literal : literals) {
    literal.any_may_follow = literal.may_follow;
    literal.any_may_end_text = literal.may_end_text;
    for (unsigned int extension : literal.extensions) {
      literal.any_may_follow |= literals[extension].may_follow;
      literal.any_may_end_text = literal.any_may_end_text || literals[extension].may_end_text;
    }
  }

  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned int> ids, flags;
  for (size_t id = 0; id < literals.size(); ++id) {
    if (!scanned[id]) continue;
    expressions.push_back(literals[id].text.data());
    lengths.push_back(literals[id].text.size());
    ids.push_back(static_cast<unsigned int>(id));
    flags.push_back(0);
  }
  // Rules without a literal prefix that need one of some words are gated by the same scan; the
  // others stay with the set prefilter.
  std::vector<GatedRule> gated;
  std::vector<GateWord> gate_words;
  std::vector<std::string> gate_texts;  // kept until the scan is compiled
  std::vector<int> ungated;
  // By rule: the plan that places its groups when it runs whole, made below for the rules run
  // from a literal and here, from the pieces read for the gate, for the others.
  std::vector<std::unique_ptr<CapturePlan>> rule_plans(rules.rules.size());
  for (int index : unanchored) {
    const CompiledRule& rule = rules.rules[static_cast<size_t>(index)];
    const DeferredRegex& pattern = *rule.pattern;
    std::optional<RequiredWords> required;
    CharacterWindow after_word;
    std::optional<CharacterRun> before_word;
    std::optional<PatternPieces> pieces =
        PiecesApply(pattern.options()) ? ReadPatternPieces(pattern.pattern()) : std::nullopt;
    if (pieces) {
      required = RequiredWordsOf(*pieces, kMinGateWordBytes);
      if (required) after_word = WindowOf(*pieces, required->piece + 1, pattern.pattern());
      if (required && required->max_before != kUnset &&
          required->max_before > kMostBytesTriedBeforeWord) {
        required->max_before = kUnset;
      }
      if (required && required->max_before == kUnset) {
        if (std::optional<std::vector<uint32_t>> characters = CharactersBefore(
                *pieces, required->piece, pattern.pattern(), kMostCharactersBeforeWord)) {
          before_word.emplace(std::move(*characters));
        }
      }
    }
    rule_plans[static_cast<size_t>(index)] = CapturePlan::Plan(
        pattern.pattern(), pattern.options(), rule.group_count, std::move(pieces), rests.get());
    if (!required) {
      ungated.push_back(index);
      continue;
    }
    for (std::string& word : required->words) {
      gate_words.push_back({static_cast<unsigned int>(gated.size()), word.size()});
      gate_texts.push_back(std::move(word));
    }
    size_t longest_word = 0;
    for (const GateWord& word : gate_words) {
      if (word.gated == gated.size()) longest_word = std::max(longest_word, word.length);
    }
    gated.push_back({index, required->max_before, required->min_before, std::move(before_word),
                     required->max_after, longest_word, std::move(after_word)});
  }
  for (size_t k = 0; k < gate_texts.size(); ++k) {
    expressions.push_back(gate_texts[k].data());
    lengths.push_back(gate_texts[k].size());
    ids.push_back(static_cast<unsigned int>(literals.size() + k));
    flags.push_back(0);
  }
  std::unique_ptr<hs_database_t, HsDatabaseDeleter> database;
  std::unique_ptr<hs_scratch_t, HsScratchDeleter> scratch;
  if (!expressions.empty()) {
    hs_database_t* raw_database = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned int>(expressions.size()), HS_MODE_BLOCK, nullptr,
                             &raw_database, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      return CreateReference(rules);  // still correct, only slower
    }
    database.reset(raw_database);
    hs_scratch_t* raw_scratch = nullptr;
    if (hs_alloc_scratch(database.get(), &raw_scratch) != HS_SUCCESS) {
      return CreateReference(rules);
    }
    scratch.reset(raw_scratch);
  }

  for (LiteralRules& literal : literals) {
    if (literal.whole.size() < kSelectorMinRules) continue;
    RE2::Options options;
    options.set_log_errors(false);
    literal.selector = std::make_unique<RE2::Set>(options, RE2::ANCHOR_START);
    bool ok = true;
    for (int rule : literal.whole) {
      std::string set_error;
      ok = ok && literal.selector->Add(rules.rules[rule].expanded_pattern, &set_error) >= 0;
    }
    // Without a selector every rule of the literal is simply tried: slower, never wrong.
    if (!ok || !literal.selector->Compile()) literal.selector.reset();
  }

  // With few tails after a literal, running each (one DFA run that also finds the match's end)
  // costs less than asking the set first; the set holds only the tails of literals that ask it.
  std::vector<bool> wanted_in_set(tails.size(), false);
  for (const LiteralRules& literal : literals) {
    const auto answerable =
        std::count_if(literal.tails.begin(), literal.tails.end(), [&](const TailRules& group) {
          return SetMayAnswer(tails[static_cast<size_t>(group.tail)]);
        });
    if (static_cast<size_t>(answerable) < kSetMinTails) continue;
    for (const TailRules& group : literal.tails) {
      wanted_in_set[static_cast<size_t>(group.tail)] = true;
    }
  }
  TailSet tail_set = CompileTailSet(&tails, wanted_in_set);
  for (LiteralRules& literal : literals) {
    const auto in_set = std::count_if(
        literal.tails.begin(), literal.tails.end(),
        [&](const TailRules& group) { return tails[static_cast<size_t>(group.tail)].in_set; });
    const bool ask_set = static_cast<size_t>(in_set) >= kSetMinTails;
    for (TailRules& group : literal.tails) {
      const Tail& tail = tails[static_cast<size_t>(group.tail)];
      (tail.figure              ? literal.figure_tails
       : tail.in_set && ask_set ? literal.set_tails
                                : literal.other_tails)
          .push_back(std::move(group));
    }
    literal.tails.clear();
    for (const TailRules& group : literal.figure_tails) {
      const FigureTail& figure = *tails[static_cast<size_t>(group.tail)].figure;
      literal.figure_keys.push_back({source::CharKeyAt(figure.unit, 0), figure.fraction});
    }
    std::sort(literal.set_tails.begin(), literal.set_tails.end(),
              [](const TailRules& a, const TailRules& b) { return a.tail < b.tail; });
  }
  // A rule that begins with several literals (开展|举办) runs whole at each: planned once.
  std::vector<bool> planned(rules.rules.size(), false);
  std::vector<CharacterWindow> whole_windows(rules.rules.size());
  for (const LiteralRules& literal : literals) {
    for (int index : literal.whole) {
      if (planned[static_cast<size_t>(index)]) continue;
      planned[static_cast<size_t>(index)] = true;
      const CompiledRule& rule = rules.rules[static_cast<size_t>(index)];
      std::optional<PatternPieces> pieces = ReadPatternPieces(rule.pattern->pattern());
      if (pieces && PiecesApply(rule.pattern->options())) {
        whole_windows[static_cast<size_t>(index)] =
            WindowAfterFirst(*pieces, rule.pattern->pattern());
      }
      rule_plans[static_cast<size_t>(index)] =
          CapturePlan::Plan(rule.pattern->pattern(), rule.pattern->options(), rule.group_count,
                            std::move(pieces), rests.get());
    }
  }
  std::vector<CharacterWindow> next_after_literal(rules.rules.size());
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    if (!next_characters[i].empty()) {
      next_after_literal[i] = CharacterWindow(RequiredCharacters{std::move(next_characters[i]), 0});
    }
  }
  Result<SetPrefilter> fallback = SetPrefilter::Create(rules, std::move(ungated));
  if (!fallback.ok()) return Result<std::unique_ptr<Matcher>>::Failure(fallback.diagnostics());
  return Result<std::unique_ptr<Matcher>>(std::make_unique<AnchoredMatcher>(
      rules, std::move(fallback).value(), std::move(figures), std::move(database),
      std::move(scratch), std::move(literals), std::move(tails), std::move(tail_set),
      std::move(rests), std::move(rule_plans), std::move(whole_windows),
      std::move(next_after_literal), std::move(gated), std::move(gate_words)));
}

}  // namespace glean::internal
