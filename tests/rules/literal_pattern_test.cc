// A pattern read as literals must answer as RE2 does, and patterns that are more than a few
// strings must be left to RE2.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/rules/literal_pattern.h"

namespace glean::internal {
namespace {

TEST_CASE("literal patterns: the strings of a pattern answer as RE2 does") {
  const std::vector<std::string> patterns = {
      "地区生产总值|GDP", "粮食(总)?产量", "^低保(对象|户)$", "[一二三]产", "^$|项目$|工程$",
      "(?:户|人)籍", "^实事$", "^全镇|工程量$", "宽带|4g|5g网络",
      "(城镇|农村)(居民)?人均(可支配)?收入", "改厕", "a|", "[(]|x", "规上工业(增加值)?(增速|增长)?",
      // Escaped punctuation is itself (R11: 村\(社区\)).
      "^(?:行政|建制)?村$|村\\(社区\\)$|村\\(居\\)$", "a\\.b|[\\(（]x|a\\$",
      // 34 strings, anchored at both ends.
      "^(?:国办系统|系统内|现有)?(?:建档立卡)?贫困(?:户|人口|"
      "对象|群众)$|^建档立卡(?:贫困)?户$"};
  const std::vector<std::string> texts = {"地区生产总值",
                                          "GDP",
                                          "全省gdp",
                                          "粮食产量",
                                          "粮食总产量",
                                          "低保对象",
                                          "城市低保对象",
                                          "低保户",
                                          "二产",
                                          "第四产业",
                                          "",
                                          "重点项目",
                                          "项目建设",
                                          "户籍人口",
                                          "人籍",
                                          "实事",
                                          "十件实事",
                                          "全镇工程量",
                                          "工程量增长",
                                          "5g网络",
                                          "4G网络",
                                          "城镇居民人均可支配收入",
                                          "农村人均收入",
                                          "城镇人均纯收入",
                                          "改厕户",
                                          "(",
                                          "x",
                                          "规上工业增速",
                                          "规上工业",
                                          "村(社区)",
                                          "行政村",
                                          "建制村委",
                                          "(社区)",
                                          "a.b",
                                          "axb",
                                          "(x",
                                          "（x",
                                          "xa$y",
                                          "建档立卡贫困户",
                                          "现有贫困人口",
                                          "贫困户",
                                          "非贫困户",
                                          "建档立卡户数"};
  RE2::Options options;
  for (const std::string& source : patterns) {
    INFO(source);
    const std::optional<LiteralPattern> literal = LiteralPattern::Read(source, options);
    REQUIRE(literal.has_value());
    const RE2 regex(source, options);
    REQUIRE(regex.ok());
    for (const std::string& text : texts) {
      INFO(text);
      CHECK(literal->MatchesSomewhere(text) == RE2::PartialMatch(text, regex));
    }
  }
}

TEST_CASE("literal patterns: repeats, ranges, escapes, flags and many strings go to RE2") {
  RE2::Options options;
  for (const char* source : {"\\p{Han}+产量", "第.产业", "[0-9]户", "[^的]率", "a{2}", "(?i)gdp",
                             "a*b", "a+", "产量\\d", "a??", "(?P<x>a)", "a(^b)", "a$b",
                             // 2 × 2 × 2 × 2 × 2 × 2 × 2 = 128 strings
                             "(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)", "\\d", "a\\nb",
                             // A lone backslash at the end escapes nothing to read.
                             "a\\", "a|\\"}) {
    INFO(source);
    CHECK_FALSE(LiteralPattern::Read(source, options).has_value());
  }
  options.set_case_sensitive(false);
  CHECK_FALSE(LiteralPattern::Read("gdp", options).has_value());
}

}  // namespace
}  // namespace glean::internal
