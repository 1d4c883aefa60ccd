// Capture groups placed from the pieces of a tail equal RE2's own, on tails shaped like the stock
// rules' and on texts made to try every way each piece can end.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "engine/match/capture_plan.h"
#include "engine/match/pattern_pieces.h"
#include "engine/source/utf8.h"
#include "glean/value.h"

namespace glean::internal {
namespace {

std::string Slot(SlotType type) { return SlotPattern(type); }

// The plan places every group of the match [start, end) where RE2 did (`expected`, group 0 the
// whole match).
void CheckPlacedAsRE2(const CapturePlan& plan, std::string_view text, size_t start, size_t end,
                      const std::vector<re2::StringPiece>& expected) {
  std::vector<Span> placed(expected.size() - 1);
  REQUIRE(plan.Place(text, start, end, placed.data()));
  for (size_t group = 1; group < expected.size(); ++group) {
    INFO("group " << group);
    REQUIRE(expected[group].data() != nullptr);
    const auto begin = static_cast<size_t>(expected[group].data() - text.data());
    CHECK(placed[group - 1].begin == begin);
    CHECK(placed[group - 1].end == begin + expected[group].size());
  }
}

TEST_CASE("capture plan: which tails are planned") {
  const RE2::Options options;
  const std::string quantity = Slot(SlotType::kQuantity);
  for (const std::string& planned :
       {"(?P<count>" + quantity + ")", "(?:(?:共计|累计|共)?)(?P<count>" + quantity + ")",
        "(?P<crop>[\\p{Han}]{2,4}?)(?P<area>" + quantity + ")", std::string("性?岗位(\\d+)"),
        std::string("(\\d+)人,共计(\\d+)"), std::string("(?:投入|资金)(\\d+)"),
        std::string("(\\d{1,3})(\\d*)"), std::string("(.{0,3}?)x")}) {
    INFO(planned);
    CHECK(CapturePlan::Plan(RE2(planned, options)) != nullptr);
  }
  for (const char* refused : {
           "\\d+户",              // no group: RE2's DFA alone answers
           "(\\d+)|(x)",          // a top-level alternative
           "\\b(\\d+)",           // an assertion
           "(?i:共)(\\d+)",       // a flag
           "(\\d)+",              // a repeated group
           "(?:(\\d+)户)?(x)",    // a group inside a piece that is not last
           "(\\d+)(?:户|人)+个",  // a repeated alternative before the last piece
           "(\\d+)(?:\\d+人,)?x",
           "(\\d+){x",  // a quantifier RE2 reads as a literal brace
       }) {
    INFO(refused);
    CHECK(CapturePlan::Plan(RE2(refused, options)) == nullptr);
  }
  // A slot before another piece: its ends are not read off.
  const RE2 slot_first("(?P<n>" + Slot(SlotType::kInt) + ")个(?P<m>" + quantity + ")", options);
  CHECK(CapturePlan::Plan(slot_first) == nullptr);
  RE2::Options folding;
  folding.set_case_sensitive(false);
  CHECK(CapturePlan::Plan(RE2("(?:ab)(\\d+)", folding)) ==
        nullptr);  // words compared byte for byte
}

TEST_CASE("capture plan: groups equal RE2's at every position of generated texts") {
  const std::string quantity = Slot(SlotType::kQuantity);
  const std::string money = Slot(SlotType::kMoney);
  // Each tail with the words its texts are made of: its own pieces, so that every way each piece
  // can end is tried, and a few that break them.
  const std::vector<std::string> figures = {"1",  "2",  "0",  ".",  ",", "5",  "十",   "三",  "百",
                                            "万", "余", "多", "约", "-", "至", "左右", "以上"};
  const std::vector<std::pair<std::string, std::vector<std::string>>> tails = {
      {"(?P<count>" + quantity + ")", {"户", "人", "亩", "公里", "万元", "x"}},
      {"(?:(?:共计|累计|合计|总计|共|达到|达|约)?)(?P<count>" + quantity + ")",
       {"共计", "共", "累计", "达", "达到", "约", "大约", "户", "个"}},
      {"(?P<crop>[\\p{Han}]{2,4}?)(?P<area>" + quantity + ")",
       {"玉米", "种", "水稻", "亩", "a", "、", "共"}},
      {"[\\p{Han}]{0,10}?(?P<count>" + quantity + ")", {"车辆", "检查", "次", "a", "。"}},
      {"”?(?:投入|资金)(?:(?:共计|累计|共)?)(?P<amount>" + money + ")",
       {"”", "投入", "资金", "共计", "共", "元", "万元", "资金2元"}},
      {"性?岗位(?P<n>\\d+)", {"性", "岗位", "x", "性岗位1", "岗位2"}},
      {"(\\d+)人,共计(?P<amount>" + money + ")",
       {"人", ",", "共计", "元", "万元", "5人,共计", "1元"}},
      {"(?:共计|共)?"
       "?(\\d+)",
       {"共计", "共", "计"}},  // lazy: none first (?? split: a trigraph)
      {"([^,。]{0,6}?)(\\d+)个", {"个", "。", "a", "共"}},
      {"([^,。]{0,6})(\\d+)个", {"个", "。", "a", "共"}},
      {"(\\d{1,3})(\\d*)", {"x"}},
      {"(\\d{1,3}?)(\\d+)", {"x"}},
      {"(\\d+)(\\d)", {"x"}},
      {"(.{0,3})(?P<x>约)(\\d+)", {"约", "a", "\n"}},
      {"(?:a|ab)(b?)c", {"a", "b", "c", "ab", "abc", "ac", "abbc"}},
      {"(b?"
       "?)(b*)c",
       {"b", "c"}},
      {"(?P<a>[一二三]+)(?P<b>[一二三万]+)", {"一", "二", "三", "万"}},
      {"(?P<a>[一二三]*?)(?P<b>[一二三万]+)", {"一", "二", "三", "万"}},
      {"(?:共计|共)(计?)(\\d)", {"共计", "共", "计", "共计计1", "共计1"}},
      {"x{0}(\\d+)", {"x"}},
  };
  std::mt19937 random(5);
  for (const auto& row : tails) {
    const auto& [tail, words] = row;
    INFO(row.first);
    const RE2 regex(tail);
    REQUIRE(regex.ok());
    const std::unique_ptr<CapturePlan> plan = CapturePlan::Plan(regex);
    REQUIRE(plan != nullptr);
    REQUIRE(plan->group_count() == regex.NumberOfCapturingGroups());
    std::vector<std::string> alphabet = figures;
    alphabet.insert(alphabet.end(), words.begin(), words.end());
    const int count = regex.NumberOfCapturingGroups() + 1;
    size_t compared = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const int length = 1 + static_cast<int>(random() % 12);
      for (int k = 0; k < length; ++k) text += alphabet[random() % alphabet.size()];
      for (size_t at = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
        std::vector<re2::StringPiece> expected(static_cast<size_t>(count));
        if (!regex.Match(text, at, text.size(), RE2::ANCHOR_START, expected.data(), count)) {
          continue;
        }
        const size_t end =
            static_cast<size_t>(expected[0].data() - text.data()) + expected[0].size();
        INFO(text << " @" << at);
        CheckPlacedAsRE2(*plan, text, at, end, expected);
        ++compared;
      }
    }
    CHECK(compared >= 50);  // the texts do reach the tail
  }
}

TEST_CASE("capture plan: a run longer than the plan follows is left to RE2") {
  const RE2 regex("(\\d*)(\\d)x");
  const std::unique_ptr<CapturePlan> plan = CapturePlan::Plan(regex);
  REQUIRE(plan != nullptr);
  const std::string text = std::string(100, '7') + "x";
  Span groups[2];
  CHECK_FALSE(plan->Place(text, 0, text.size(), groups));
  const std::string short_text = "123x";
  REQUIRE(plan->Place(short_text, 0, short_text.size(), groups));
  CHECK(groups[0].begin == 0);
  CHECK(groups[0].end == 2);
  CHECK(groups[1].begin == 2);
  CHECK(groups[1].end == 3);
}

// Random patterns from the constructs the pieces know and some they do not: whenever a plan is
// made, its groups equal RE2's at every position of random texts; whenever words are said to be
// required, every match holds one within reach of its start and of its end; whenever characters
// are, one of them starts within reach of its start.
TEST_CASE("capture plan: generated patterns, against RE2") {
  std::mt19937 random(17);
  const auto pick = [&](const std::vector<std::string>& from) {
    return from[random() % from.size()];
  };
  const std::vector<std::string> atoms = {"a",  "b",          "共",          "计",    "1",
                                          "、", "[ab]",       "[^a]",        "\\d",   "[\\p{Han}]",
                                          ".",  "(?:a|ab|b)", "(?:共计|共)", "[0-9]", "x"};
  const std::vector<std::string> quantifiers = {"", "", "", "?", "*", "+", "{0,2}", "{1,3}", "{2}"};
  std::function<std::string(int)> piece = [&](int depth) -> std::string {
    std::string atom = pick(atoms);
    if (depth > 0 && random() % 4 == 0) {
      atom = "(?:" + piece(depth - 1) + piece(depth - 1) +
             (random() % 2 == 0 ? "|" + piece(depth - 1) : std::string()) + ")";
    }
    std::string quantifier = pick(quantifiers);
    if (!quantifier.empty() && random() % 3 == 0) quantifier += "?";  // lazy
    return atom + quantifier;
  };
  const std::vector<std::string> alphabet = {"a", "b",  "共", "计", "1",
                                             "2", "、", "x",  "ab", "共计"};
  size_t planned = 0, compared = 0, gated = 0, filtered = 0, filtered_matches = 0;
  for (int round = 0; round < 600; ++round) {
    std::string pattern;
    int groups = 0;
    const int length = 1 + static_cast<int>(random() % 4);
    for (int k = 0; k < length; ++k) {
      std::string next = piece(1);
      if (random() % 2 == 0) {
        next = (random() % 2 == 0 ? "(" : "(?P<g" + std::to_string(groups) + ">") + next + ")";
        ++groups;
        if (random() % 8 == 0) next += "?";  // a repeated group: never planned
      }
      pattern += next;
    }
    if (random() % 10 == 0) pattern += "|" + piece(0);  // a top-level alternative
    INFO(pattern);
    const RE2 regex(pattern, RE2::Quiet);
    if (!regex.ok()) continue;
    const int count = regex.NumberOfCapturingGroups() + 1;
    const std::unique_ptr<CapturePlan> plan = CapturePlan::Plan(regex);
    const std::optional<PatternPieces> pieces = ReadPatternPieces(pattern);
    const std::optional<RequiredWords> required =
        pieces ? RequiredWordsOf(*pieces, 1) : std::nullopt;
    const std::optional<RequiredCharacters> characters =
        pieces ? RequiredCharactersOf(*pieces, pattern, 8) : std::nullopt;
    planned += plan != nullptr;
    gated += required.has_value();
    filtered += characters.has_value();
    for (int sample = 0; sample < 60; ++sample) {
      std::string text;
      const int size = static_cast<int>(random() % 10);
      for (int k = 0; k < size; ++k) text += pick(alphabet);
      INFO(text);
      for (size_t at = 0; at <= text.size(); ++at) {
        if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
        std::vector<re2::StringPiece> expected(static_cast<size_t>(count));
        if (!regex.Match(text, at, text.size(), RE2::ANCHOR_START, expected.data(), count)) {
          continue;
        }
        const auto start = static_cast<size_t>(expected[0].data() - text.data());
        const size_t end = start + expected[0].size();
        if (required) {
          bool holds = false;
          for (const std::string& word : required->words) {
            for (size_t w = start; w + word.size() <= end && !holds; ++w) {
              holds = text.compare(w, word.size(), word) == 0 &&
                      (required->max_before == std::string_view::npos ||
                       w - start <= required->max_before) &&
                      (required->max_after == std::string_view::npos ||
                       end - (w + word.size()) <= required->max_after);
            }
          }
          CHECK(holds);
        }
        if (characters) {
          // One of the characters starts within reach of the match's start.
          bool holds = false;
          for (size_t c = start; c < std::min(end, start + characters->max_before + 1) && !holds;
               c += source::Utf8LengthOfLead(static_cast<unsigned char>(text[c]))) {
            size_t length = 1;
            holds = std::binary_search(characters->characters.begin(), characters->characters.end(),
                                       source::DecodeUtf8At(text, c, &length));
          }
          CHECK(holds);
          ++filtered_matches;
        }
        if (plan == nullptr) continue;
        CheckPlacedAsRE2(*plan, text, start, end, expected);
        ++compared;
      }
    }
  }
  MESSAGE("planned " << planned << ", gated " << gated << ", filtered " << filtered << " ("
                     << filtered_matches << " matches), compared " << compared);
  CHECK(planned >= 100);
  CHECK(gated >= 100);
  CHECK(filtered >= 100);
  CHECK(filtered_matches >= 2000);
  CHECK(compared >= 5000);
}

}  // namespace
}  // namespace glean::internal
