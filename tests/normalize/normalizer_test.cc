// Normalization step by step, mixed cases, the offset map back to the decoded text, and patterns.
#include <doctest/doctest.h>

#include <string>

#include "engine/normalize/normalizer.h"
#include "glean/document.h"
#include "support/run_command.h"

namespace glean::normalize {
namespace {

Normalizer Make(NormalizeOptions options = {}) {
  Result<Normalizer> normalizer = Normalizer::Create(options);
  REQUIRE(normalizer.ok());
  return std::move(normalizer).value();
}

// Every byte range of the output maps back to input that normalizes to it.
void CheckMapIsConsistent(std::string_view input, const NormalizedText& out) {
  CHECK(out.map.to_size() == out.text.size());
  CHECK(out.map.from_size() == input.size());
  size_t previous = 0;
  for (size_t i = 0; i <= out.text.size(); ++i) {
    const size_t start = out.map.MapStart(i);
    CHECK(start >= previous);  // monotonic
    CHECK(start <= input.size());
    previous = start;
  }
}

TEST_CASE("normalize: each step on its own, as a table") {
  struct Row {
    const char* input;
    const char* expected;
  };
  const Row rows[] = {
      // NFKC: full-width digits, letters, punctuation; compatibility characters.
      {"２０２１年", "2021年"},
      {"９７.５％", "97.5%"},
      {"ＡＰＰ下载", "APP下载"},
      {"（一）工作", "(一)工作"},
      {"面积３０㎡", "面积30m2"},
      {"问：好？", "问:好?"},
      {"甲，乙；丙", "甲,乙;丙"},
      {"①项目", "①项目"},  // list markers survive
      // Traditional → Simplified.
      {"完成改廁６５０餘戶", "完成改厕650余户"},
      {"栗江鎮人民政府", "栗江镇人民政府"},
      {"發放低保資金550萬元", "发放低保资金550万元"},
      // Spaces between CJK characters, or CJK and digits, go; others stay.
      {"完成税收入库 289 万元", "完成税收入库289万元"},
      {"全镇 18 个村", "全镇18个村"},
      {"不留空 档", "不留空档"},
      {"一年来, 我们", "一年来,我们"},
      {"APP download", "APP download"},
      {"1 000", "1 000"},
      {"中\t\t文", "中文"},
      {"中　文", "中文"},  // full-width space
      {"改厕任务 1350 个", "改厕任务1350个"},
      // Markup.
      {"扎实推进厕 **所革命。**完成", "扎实推进厕所革命。完成"},
      {"[bookmark: _GoBack]一是落实", "一是落实"},
      // Line breaks inside a sentence join; others stay.
      {"全年完成改厕任务，新建户厕\n650户。", "全年完成改厕任务,新建户厕650户。"},
      {"一、工作开展情况\n今年完成改厕", "一、工作开展情况\n今年完成改厕"},
      {"完成改厕650户。\n二、明年打算", "完成改厕650户。\n二、明年打算"},
      {"2021年年度工作总结\n中共溆浦县均坪镇委员会", "2021年年度工作总结\n中共溆浦县均坪镇委员会"},
      {"全年完成改厕任务，新建户厕\n(一)下一步", "全年完成改厕任务,新建户厕\n(一)下一步"},
      {"第一段结束。\n\n第二段", "第一段结束。\n\n第二段"},
      {"", ""},
  };
  const Normalizer normalizer = Make();
  for (const Row& row : rows) {
    INFO(std::string(row.input));
    NormalizedText out = normalizer.Normalize(row.input);
    CHECK(out.text == row.expected);
    CheckMapIsConsistent(row.input, out);
  }
}

TEST_CASE(
    "normalize: a blank line inside a long PDF paragraph is joined, after a heading it is not") {
  const Normalizer normalizer = Make();
  const std::string paragraph =
      "今年初，村级财务代管中心组织村监委对全镇18个村进行了全面的清理和自查。2021年初，我们选调了6"
      "名能力强、";
  CHECK(normalizer.Normalize(paragraph + "\n\n业务水平高的同志成立了办公室。").text ==
        normalizer.Normalize(paragraph).text + "业务水平高的同志成立了办公室。");
  CHECK(normalizer.Normalize("一年来, 我们实干向前, 推动经济实体行稳致远\n\n全力推进税收征缴任务。")
            .text == "一年来,我们实干向前,推动经济实体行稳致远\n\n全力推进税收征缴任务。");
}

TEST_CASE("normalize: each step can be switched off") {
  NormalizeOptions options;
  options.nfkc = false;
  CHECK(Make(options).Normalize("２０２１").text == "２０２１");
  options = {};
  options.traditional_to_simplified = false;
  CHECK(Make(options).Normalize("改廁").text == "改廁");
  options = {};
  options.drop_spaces = false;
  CHECK(Make(options).Normalize("289 万元").text == "289 万元");
  options = {};
  options.join_lines = false;
  CHECK(Make(options).Normalize("新建户厕，共\n650户。").text == "新建户厕,共\n650户。");
  options = {};
  options.strip_defaults = false;
  CHECK(Make(options).Normalize("**粗体**").text == "**粗体**");
  options = {};
  options.strip = {"〔[^〕]*〕"};
  CHECK(Make(options).Normalize("文件〔2021〕3号").text == "文件3号");
}

TEST_CASE("normalize: a strip pattern that does not compile is an error") {
  NormalizeOptions options;
  options.strip = {"(unclosed"};
  Result<Normalizer> normalizer = Normalizer::Create(options);
  REQUIRE_FALSE(normalizer.ok());
  CHECK(normalizer.diagnostics()[0].ToString() ==
        "error[regex]: strip pattern '(unclosed' does not compile: missing ): (unclosed");
}

TEST_CASE(
    "normalize: a Traditional, full-width, space-broken figure across a line break maps back") {
  const Normalizer normalizer = Make();
  const std::string input = "全年累計發放低保資金，共計\n５５０ 萬元。";
  NormalizedText out = normalizer.Normalize(input);
  CHECK(out.text == "全年累计发放低保资金,共计550万元。");
  const size_t at = out.text.find("550万元");
  REQUIRE(at != std::string::npos);
  const size_t begin = out.map.MapStart(at);
  const size_t end = out.map.MapEnd(at + std::string("550万元").size());
  CHECK(input.substr(begin, end - begin) == "５５０ 萬元");
  CheckMapIsConsistent(input, out);
}

TEST_CASE("normalize: a match start inside a changed span snaps to the span's start") {
  const Normalizer normalizer = Make();
  const std::string input = "面积３０㎡";  // ㎡ (3 bytes) becomes "m2" (2 bytes)
  NormalizedText out = normalizer.Normalize(input);
  REQUIRE(out.text == "面积30m2");
  const size_t m = out.text.find('m');
  CHECK(out.map.MapStart(m + 1) == input.find("㎡"));  // "2" → start of ㎡
  CHECK(out.map.MapEnd(m + 1) == input.find("㎡") + std::string("㎡").size());  // end of ㎡
}

TEST_CASE("normalize: patterns fold like text but stay regular expressions") {
  const Normalizer normalizer = Make();
  struct Row {
    const char* pattern;
    const char* expected;
  };
  const Row rows[] = {
      {"完成改廁", "完成改厕"},
      {"（一）", "\\(一\\)"},
      {"１＋１", "1\\+1"},
      {"甲．乙？", "甲\\.乙\\?"},
      {"\\d{2,4}户", "\\d{2,4}户"},
      {"{count:quantity}戶", "{count:quantity}户"},
      {"[０-９]+", "[0-9]+"},
      {"\\p{Han}", "\\p{Han}"},
      {"\\（", "\\（"},
      {"萬元|億元", "万元|亿元"},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.pattern));
    CHECK(normalizer.NormalizePattern(row.pattern) == row.expected);
  }
}

TEST_CASE("normalize: a 100 MB document normalizes with a consistent map") {
  std::string corpus;
  for (const char* name : {"anon-town-2022.txt", "junping-2021.txt", "junping-2023.txt",
                           "lijiang-2021-traditional.txt", "maotian-2021-pdf.txt"}) {
    corpus += glean::testing::ReadFile(glean::testing::SourceDir() + "/tests/data/corpus/" + name);
  }
  std::string big;
  big.reserve(100u << 20);
  while (big.size() < (100u << 20)) big += corpus;
  const Normalizer normalizer = Make();
  NormalizedText out = normalizer.Normalize(big);
  CHECK(out.map.to_size() == out.text.size());
  CHECK(out.map.from_size() == big.size());
  CHECK(out.text.size() < big.size());
  // The last copy of the corpus normalizes exactly like the corpus alone.
  const std::string alone = normalizer.Normalize(corpus).text;
  CHECK(out.text.find("完成税收入库289万元") != std::string::npos);
  CHECK(out.text.substr(out.text.size() - 200) == alone.substr(alone.size() - 200));
}

}  // namespace
}  // namespace glean::normalize
