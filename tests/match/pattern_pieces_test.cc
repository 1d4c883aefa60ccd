// The characters a pattern's matches start with, read off its text: a table of what it reads and
// refuses, and the value slots against RE2 at every position of the sample reports.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "engine/match/pattern_pieces.h"
#include "engine/source/utf8.h"
#include "glean/document.h"
#include "glean/value.h"
#include "support/run_command.h"

namespace glean::internal {
namespace {

// The characters of UTF-8 `text`, as code points in order.
std::vector<uint32_t> CodePoints(std::string_view text) {
  std::vector<uint32_t> out;
  for (size_t at = 0; at < text.size();) {
    size_t length = 1;
    out.push_back(source::DecodeUtf8At(text, at, &length));
    at += length;
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("pattern pieces: the characters matches start with, as a table") {
  struct Row {
    const char* pattern;
    const char* first;  // the characters, in any order; nullptr: the reading says nothing
  };
  const Row rows[] = {
      {"完成改厕", "完"},
      {"(?:大约|约)?\\d+户", "大约0123456789"},
      {"(?:共计|累计)?(?P<n>[一二三]+)", "共累一二三"},
      {"[a-c]x", "abc"},
      {"[\\d.]", "0123456789."},
      {"[.\\-/]", ".-/"},
      {"\\.5", "."},
      {"(?:a|)b", "ab"},
      {"x{0,2}y", "xy"},
      {"x{0}y", "xy"},
      {"x{2}y", "x"},
      {"(?:x?){2}y", "xy"},
      {"x*?y+", "xy"},
      {"(?:(?:a?)b|c)d", "abc"},
      // Nothing to say: an empty match, or what the reading does not know before the first
      // character every match needs.
      {"a?", nullptr},
      {"(?:a|b?)", nullptr},
      {".x", nullptr},
      {"[^a]", nullptr},
      {"[\\p{Han}]{2,4}?\\d", nullptr},
      {"\\p{Han}", nullptr},
      {"\\sx", nullptr},
      {"(?i)a", nullptr},
      {"^a", nullptr},
      {"\\ba", nullptr},
      {"[[:alpha:]]", nullptr},
      {"[a-z]", nullptr},  // more than the limit below
      // What follows the first character every match needs is never read.
      {"a.\\p{Han}(?i)", "a"},
  };
  for (const Row& row : rows) {
    INFO(row.pattern);
    REQUIRE(RE2(row.pattern, RE2::Quiet).ok());
    const std::optional<std::vector<uint32_t>> first = FirstCharactersOf(row.pattern, 20);
    if (row.first == nullptr) {
      CHECK_FALSE(first.has_value());
    } else {
      REQUIRE(first.has_value());
      CHECK(*first == CodePoints(row.first));
    }
  }
}

TEST_CASE("pattern pieces: characters required a bounded way in") {
  const auto required = [](const std::string& pattern) {
    const std::optional<PatternPieces> pieces = ReadPatternPieces(pattern);
    REQUIRE(pieces.has_value());
    return RequiredCharactersOf(*pieces, pattern, 64);
  };
  // The crop rule's tail: its area comes after two to four Han characters, at most 16 bytes.
  const std::string crop =
      "(?P<crop>[\\p{Han}]{2,4}?)(?P<area>" + SlotPattern(SlotType::kQuantity) + ")";
  const std::optional<RequiredCharacters> area = required(crop);
  REQUIRE(area.has_value());
  CHECK(area->max_before == 16);
  CHECK(area->characters == *FirstCharactersOf(SlotPattern(SlotType::kQuantity), 64));
  // Optional words before the figure count their longest.
  const std::optional<RequiredCharacters> total = required("(?:共计|累计)?(\\d+)户");
  REQUIRE(total.has_value());
  CHECK(total->max_before == 6);
  CHECK(total->characters == CodePoints("0123456789"));
  const std::optional<RequiredCharacters> after = required("[\\p{Han}]{0,3}(\\d+)户");
  REQUIRE(after.has_value());
  CHECK(after->max_before == 12);
  CHECK(after->characters == CodePoints("0123456789"));
  // No bound before the figure, or no piece with few first characters.
  CHECK_FALSE(required("[\\p{Han}]+(\\d+)户").has_value());
  CHECK_FALSE(required("[\\p{Han}]{2,4}").has_value());
}

TEST_CASE("pattern pieces: every character a match may hold before a piece") {
  const auto before = [](const std::string& pattern, size_t piece) {
    const std::optional<PatternPieces> pieces = ReadPatternPieces(pattern);
    REQUIRE(pieces.has_value());
    return CharactersBefore(*pieces, piece, pattern, 64);
  };
  // The figures and units of a pair before 户 (piece 3) and 贫困 (piece 6), whatever their
  // quantifiers.
  const std::string pair = "\\d+(?:\\.\\d+)?万?户(\\d+万?(?:人|名))(?:建档)?贫困";
  CHECK(before(pair, 3) == CodePoints(".0123456789万"));
  CHECK(before(pair, 6) == CodePoints(".0123456789万户人名建档"));
  CHECK(before(pair, 0) == std::vector<uint32_t>{});  // nothing before the first piece
  CHECK(before("[0-9a-c]*完成", 1) == CodePoints("0123456789abc"));
  // A class the reading does not know, or too many characters: no answer.
  CHECK_FALSE(before("[\\p{Han}]+改厕", 1).has_value());
  CHECK_FALSE(before("[^,。]*改厕", 1).has_value());
  CHECK_FALSE(before("[一-龥]*改厕", 1).has_value());
}

// Every match of each value slot in the sample reports starts with one of the characters the
// slot's text says: a wrong set would make the matcher skip places where a rule matches.
TEST_CASE("pattern pieces: value slots start with their first characters, in the sample reports") {
  const char* const reports[] = {"anon-town-2022.txt", "junping-2021.txt", "junping-2023.txt",
                                 "lijiang-2021-traditional.txt", "maotian-2021-pdf.txt"};
  std::vector<std::string> texts;
  for (const char* name : reports) {
    Result<Document> document =
        Document::Load(name, testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/" + name),
                       NormalizeOptions{});
    REQUIRE(document.ok());
    texts.emplace_back(document.value().normalized());
  }
  const SlotType types[] = {SlotType::kInt,   SlotType::kNumber,  SlotType::kQuantity,
                            SlotType::kMoney, SlotType::kPercent, SlotType::kDate,
                            SlotType::kYear};
  for (SlotType type : types) {
    INFO(SlotTypeName(type));
    const std::optional<std::vector<uint32_t>> first = FirstCharactersOf(SlotPattern(type), 64);
    REQUIRE(first.has_value());
    const RE2 slot(SlotPattern(type));
    size_t matches = 0;
    for (const std::string& text : texts) {
      for (size_t at = 0; at < text.size();
           at += source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]))) {
        re2::StringPiece match;
        if (!slot.Match(text, at, text.size(), RE2::ANCHOR_START, &match, 1) || match.empty()) {
          continue;
        }
        ++matches;
        size_t length = 1;
        const uint32_t character = source::DecodeUtf8At(text, at, &length);
        CHECK(std::binary_search(first->begin(), first->end(), character));
      }
    }
    CHECK(matches > 10);
  }
  // The text slot starts with almost anything: nothing to say.
  CHECK_FALSE(FirstCharactersOf(SlotPattern(SlotType::kText), 64).has_value());
}

}  // namespace
}  // namespace glean::internal
