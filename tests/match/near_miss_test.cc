// How far a pattern gets where it does not match: the longest prefix, cut between top-level pieces,
// that matches anchored at a place, on sentences of the sample reports.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include <re2/re2.h>

#include "engine/match/near_miss.h"
#include "glean/value.h"

namespace glean::internal {
namespace {

struct PrefixRow {
  std::string pattern;
  std::string text;
  std::string matched_text;  // what the longest matching prefix covers
  std::string matched_pattern;
};

TEST_CASE("near miss: the longest matching prefix stops before the piece that fails") {
  const std::string quantity = "(?P<area>" + SlotPattern(SlotType::kQuantity) + ")";
  const PrefixRow rows[] = {
      // The figure is missing after the crop: the prefix through the crop matches.
      {"(?:、|种植)(?P<crop>[\\p{Han}]{2,4}?)" + quantity, "、黔两省,靖、通、黎三县交", "、黔两",
       "(?:、|种植)(?P<crop>[\\p{Han}]{2,4}?)"},
      // A quantifier is never cut from its atom, nor a class or a count from inside.
      {"完成改厕\\d+户", "完成改厕工作", "完成改厕", "完成改厕"},
      {"完成改厕[0-9]{2,3}户", "完成改厕5户", "完成改厕", "完成改厕"},
      // Not even the first piece: nothing matched.
      {"新建(?:道路|桥梁)\\d+条", "完成改厕650余户", "", ""},
  };
  for (const PrefixRow& row : rows) {
    INFO(row.pattern << " over " << row.text);
    const RE2 pattern(row.pattern);
    REQUIRE(pattern.ok());
    const PatternProgress progress = LongestPrefixMatch(pattern, row.text, 0);
    CHECK(std::string_view(row.text).substr(0, progress.end) == row.matched_text);
    CHECK(row.pattern.substr(0, progress.cut) == row.matched_pattern);
    CHECK(progress.next_cut > progress.cut);
  }
}

}  // namespace
}  // namespace glean::internal
