// Normalization step by step, mixed cases, the offset map back to the decoded text, and patterns.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "engine/normalize/normalizer.h"
#include "engine/normalize/page_footers.h"
#include "engine/normalize/page_furniture.h"
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

// The bytes of `input` that the normalized `piece` (its first occurrence) maps back to.
std::string SourceOf(std::string_view input, const NormalizedText& out, std::string_view piece) {
  const size_t at = out.text.find(piece);
  REQUIRE(at != std::string::npos);
  const size_t begin = out.map.MapStart(at);
  const size_t end = out.map.MapEnd(at + piece.size());
  return std::string(input.substr(begin, end - begin));
}

struct JoinRow {
  const char* input;
  const char* expected;
  const char* piece;   // a piece of the output, empty for none
  const char* source;  // the input bytes it maps back to
};

void CheckRows(const Normalizer& normalizer, std::initializer_list<JoinRow> rows) {
  for (const JoinRow& row : rows) {
    INFO(std::string(row.input));
    NormalizedText out = normalizer.Normalize(row.input);
    CHECK(out.text == row.expected);
    CheckMapIsConsistent(row.input, out);
    if (*row.piece != '\0') CHECK(SourceOf(row.input, out, row.piece) == row.source);
  }
}

TEST_CASE("normalize: folds of one shape written over the copied text map back exactly") {
  // 發 → 发 keeps its bytes' length and class: written over the copy, not as a piece of its own.
  // Between such folds come folds of other lengths (， → ,), blanks, strip spans and line ends.
  CheckRows(Make(), {
                        {"累計發放，低保資金５５０ 萬元。", "累计发放,低保资金550万元。",
                         "资金550万元", "資金５５０ 萬元"},
                        {"「廁所革命」**完成**改廁\n４２３座", "“厕所革命”完成改厕\n423座",
                         "“厕所革命”完成改厕", "「廁所革命」**完成**改廁"},
                        {"發展產業，帶動農戶", "发展产业,带动农户", "产业,带动", "產業，帶動"},
                    });
}

TEST_CASE("normalize: a figure broken from its unit by a line end joins, however short the line") {
  // Issue 16: 种植面积2000⏎亩 and 7860⏎亩 gave no fact.
  CheckRows(Make(), {
                        {"种植面积2000\n亩。", "种植面积2000亩。", "2000亩", "2000\n亩"},
                        {"7860\n亩", "7860亩", "7860亩", "7860\n亩"},
                        {"全镇种植\n7860\n亩，", "全镇种植\n7860亩,", "7860亩", "7860\n亩"},
                        {"农村经济总收入4022\n\n万元", "农村经济总收入4022万元", "4022万元",
                         "4022\n\n万元"},
                        {"覆盖率达到９５\n％", "覆盖率达到95%", "95%", "９５\n％"},
                        {"接待游客3\n人次", "接待游客3人次", "3人次", "3\n人次"},
                        // A unit that also starts words joins only as a paragraph line does.
                        {"附件2\n名词解释", "附件2\n名词解释", "", ""},
                        {"PM2.5\n年平均浓度", "PM2.5\n年平均浓度", "", ""},
                        // A page number on its own line is not a figure.
                        {"12\n万元以上项目", "12\n万元以上项目", "", ""},
                        // After a sentence end nothing joins.
                        {"完成2000。\n亩产提高", "完成2000。\n亩产提高", "", ""},
                    });
}

TEST_CASE("normalize: a page footer between a figure and its unit, or inside a sentence, goes") {
  // Issue 16: PDF text puts the page's footer wherever the page ends.
  CheckRows(
      Make(),
      {
          {"种植面积2000\n- 3 -\n亩。", "种植面积2000亩。", "2000亩", "2000\n- 3 -\n亩"},
          {"完成投资3500\n\n— 12 —\n\n万元，新建", "完成投资3500万元,新建", "3500万元",
           "3500\n\n— 12 —\n\n万元"},
          {"全年完成改厕任务，新建户厕\n第 4 页 共 12 页\n650户。",
           "全年完成改厕任务,新建户厕650户。", "650户", "650户"},
          {"完成改厕650户。\n－３－\n二、明年打算", "完成改厕650户。\n二、明年打算", "", ""},
          // Not footers: a dash with no page number, a number with one dash, a list.
          {"完成改厕650户\n—\n二、明年打算", "完成改厕650户\n—\n二、明年打算", "", ""},
          {"完成改厕650户。\n- 3\n二、明年打算", "完成改厕650户。\n- 3\n二、明年打算", "", ""},
      });
}

TEST_CASE("normalize: a footer's span starts where it is, whatever markup spans come later") {
  // Two reports joined, a footer in the first and ** in the second: the footer's span began at
  // the markup's end, after its own end, and normalizing took minutes.
  const std::string text = "完成改厕650户。\n- 3 -\n二、明年打算\n**加粗**\n";
  const size_t bold = text.find("**");
  std::vector<std::pair<size_t, size_t>> spans = {{bold, bold + 2}};
  FindPageFooters(text, &spans);
  REQUIRE(spans.size() == 2);
  CHECK(spans[1].first == text.find("\n- 3 -"));
  CHECK(spans[1].second == text.find("\n二"));
}

TEST_CASE("normalize: what a page footer line is") {
  for (const char* footer :
       {"- 3 -", "  — 12 —  ", "-12-", "－３－", "——3——", "第3页", "第 3 页 共 10 页", "第12頁"}) {
    INFO(footer);
    CHECK(IsPageFooter(footer));
  }
  for (const char* other :
       {"- 1234 -", "-3", "3", "第三页", "第3页内容", "- a -", "— —", "第3页共页", "共10页"}) {
    INFO(other);
    CHECK_FALSE(IsPageFooter(other));
  }
}

TEST_CASE("normalize: a number broken inside joins without a space when the line is wrapped") {
  // Issue 16: 完成投资3⏎167万元 gave no fact.
  CheckRows(Make(), {
                        {"今年以来，全镇完成投资3\n167万元。", "今年以来,全镇完成投资3167万元。",
                         "3167万元", "3\n167万元"},
                        {"全镇完成投资3\n167万元。", "全镇完成投资3\n167万元。", "", ""},
                    });
  // In a hard-wrapped text the line before fills the width: no punctuation needed.
  const std::string wrapped =
      "全镇上下坚持稳中求进工作总基调统筹推进\n"
      "经济社会发展各项工作全年完成固定资产投\n"
      "资总额较上年有较大增长其中完成投资额3\n"
      "167万元新建道路二十余公里改造危房一百\n"
      "多户各项民生事业稳步推进\n";
  const Normalizer normalizer = Make();
  REQUIRE(DetectLayout(wrapped).wrap_columns == 38);
  NormalizedText out = normalizer.Normalize(wrapped);
  CHECK(out.text ==
        "全镇上下坚持稳中求进工作总基调统筹推进经济社会发展各项工作全年完成固定资产投资总额较上年有"
        "较大增长其中完成投资额3167万元新建道路二十余公里改造危房一百多户各项民生事业稳步推进\n");
  CHECK(SourceOf(wrapped, out, "3167万元") == "3\n167万元");
  CheckMapIsConsistent(wrapped, out);
}

TEST_CASE("normalize: a hard-wrapped text joins every line break but those of paragraphs") {
  const Normalizer normalizer = Make();
  // Lines of one width, as a PDF or a newspaper column breaks them. A line that fills the width
  // joins, a heading's included; a short line ends its paragraph; nothing joins before a
  // heading or after a sentence end.
  const std::string wrapped =
      "一、坚持党建引领全面推进乡村振兴各项工\n"
      "作取得新成效\n"
      "全镇上下坚持稳中求进工作总基调统筹推进\n"
      "经济社会发展各项工作全年完成固定资产投\n"
      "资二千余万元\n"
      "（一）产业发展\n"
      "新建高标准农田一千二百亩流转土地三百亩\n"
      "全镇共有合作社十二家\n"
      "二、存在的问题\n";
  REQUIRE(DetectLayout(wrapped).wrapped());
  NormalizedText out = normalizer.Normalize(wrapped);
  CHECK(out.text ==
        "一、坚持党建引领全面推进乡村振兴各项工作取得新成效\n"
        "全镇上下坚持稳中求进工作总基调统筹推进经济社会发展各项工作全年完成固定资产投资二千余万元\n"
        "(一)产业发展\n"
        "新建高标准农田一千二百亩流转土地三百亩全镇共有合作社十二家\n"
        "二、存在的问题\n");
  CheckMapIsConsistent(wrapped, out);
  // Not wrapped, the same lines stay apart (short, unpunctuated).
  CHECK(DetectLayout("全镇上下坚持稳中求进\n工作总基调统筹推进\n").wrap_columns == 0);
  CHECK(normalizer.Normalize("全镇上下坚持稳中求进\n工作总基调统筹推进\n").text ==
        "全镇上下坚持稳中求进\n工作总基调统筹推进\n");
  // Wrapped lines separated by blank lines: a blank line is a line break, two are a paragraph's.
  std::string blank;
  for (size_t at = 0; at < wrapped.size();) {
    const size_t newline = wrapped.find('\n', at);
    blank += wrapped.substr(at, newline - at) + "\n\n";
    at = newline + 1;
  }
  const LineLayout layout = DetectLayout(blank);
  CHECK(layout.wrapped());
  CHECK(layout.blank_between);
  NormalizedText blank_out = normalizer.Normalize(blank);
  CHECK(
      blank_out.text ==
      "一、坚持党建引领全面推进乡村振兴各项工作取得新成效\n\n"
      "全镇上下坚持稳中求进工作总基调统筹推进经济社会发展各项工作全年完成固定资产投资二千余万元\n\n"
      "(一)产业发展\n\n"
      "新建高标准农田一千二百亩流转土地三百亩全镇共有合作社十二家\n\n"
      "二、存在的问题\n\n");
  // join_lines off: no layout is read and nothing joins.
  NormalizeOptions options;
  options.join_lines = false;
  std::string unjoined = wrapped;
  unjoined.replace(unjoined.find("（一）"), std::string("（一）").size(), "(一)");
  CHECK(Make(options).Normalize(wrapped).text == unjoined);
}

TEST_CASE("normalize: a wrapped line left cut at the width is told to structure") {
  // Issue 16: hard-wrapped at 24 columns (Matsu, 2012). The line before 一、二審 is cut at the
  // width but stays, since a line that starts like a heading is never joined; the title-like
  // line of 12 columns ends its paragraph. Structure cannot see which it was from the
  // normalized lines, whose widths joining changed.
  std::string text = "一、工作回顾\n";
  for (int i = 0; i < 6; ++i) {
    text += "代表们基于地方鄉政工作推\n展順利的立場嚴審但不刪除\n預算全數獲得通過。\n";
  }
  text += "鄉代會經過一連兩天的審查\n一、二審後順利三讀通過了\n預算全數獲得通過。\n";
  text += "工作回顧與展望\n1、鄉代會審查\n";
  REQUIRE(DetectLayout(text).wrapped());
  const NormalizedText out = Make().Normalize(text);
  const size_t cut = out.text.find("审查\n一、") + std::string("审查").size();
  CHECK(out.cut_breaks == std::vector<size_t>{cut});
  CHECK(out.layout == DetectLayout(text));
  NormalizeOptions options;
  options.join_lines = false;
  const NormalizedText unjoined = Make(options).Normalize(text);
  CHECK(unjoined.cut_breaks.empty());
  CHECK(!unjoined.layout.wrapped());
}

TEST_CASE("normalize: a wrapped line that ends a sentence at the width joins the next") {
  // Issue 16: a sentence end that wrapping puts at a line's end cannot be told from a
  // paragraph's; kept, it split the paragraph, and the time the paragraph opens with (二〇二五年，)
  // no longer dated its later sentences. A heading after such a line, or a blank line between,
  // still starts a line; so does a short line's sentence end.
  const Normalizer normalizer = Make();
  const std::string wrapped =
      "二〇二五年，全镇上下坚持稳中求进工作总\n"
      "基调，统筹推进全镇经济社会发展各事业。\n"
      "全年新建高标准农田一千二百亩，流转土地\n"
      "三百亩。\n"
      "新建村道二十公里，改造危房一百户，全镇\n"
      "共有合作社十二家，带动农户增收致富了。\n"
      "二、存在的问题\n";
  REQUIRE(DetectLayout(wrapped) == LineLayout{38, false, 2});
  NormalizedText out = normalizer.Normalize(wrapped);
  CHECK(out.text ==
        "二〇二五年,全镇上下坚持稳中求进工作总基调,统筹推进全镇经济社会发展各事业。全年新建高标准"
        "农田一千二百亩,流转土地三百亩。\n"
        "新建村道二十公里,改造危房一百户,全镇共有合作社十二家,带动农户增收致富了。\n"
        "二、存在的问题\n");
  CHECK(SourceOf(wrapped, out, "事业。全年") == "事业。\n全年");
  CheckMapIsConsistent(wrapped, out);
  std::string paragraphs = wrapped;
  paragraphs.insert(paragraphs.find("全年新建"), "\n");
  REQUIRE(DetectLayout(paragraphs) == LineLayout{38, false, 2});
  CHECK(normalizer.Normalize(paragraphs).text ==
        "二〇二五年,全镇上下坚持稳中求进工作总基调,统筹推进全镇经济社会发展各事业。\n\n"
        "全年新建高标准农田一千二百亩,流转土地三百亩。\n"
        "新建村道二十公里,改造危房一百户,全镇共有合作社十二家,带动农户增收致富了。\n"
        "二、存在的问题\n");
  // A text read in parts is cut only after a break that is never joined.
  const LineLayout layout = DetectLayout(wrapped);
  CHECK(!layout.KeepsBreakAfter("基调，统筹推进全镇经济社会发展各事业。"));
  CHECK(layout.KeepsBreakAfter("三百亩。"));
  CHECK(LineLayout{}.KeepsBreakAfter("基调，统筹推进全镇经济社会发展各事业。"));
}

TEST_CASE("normalize: a line's columns, eight bytes at a time as one at a time") {
  struct Row {
    const char* line;
    int columns;
  };
  const Row rows[] = {
      {"", 0},
      {"全镇 18 个村", 10},
      {"完成投资3167万元，新建道路20km。", 32},
      {"\t  abc  ", 3},
      {"２０２１年“厕所革命”①", 24},
      {"Caf\xC3\xA9 au lait, 15 km", 15},
      {"一二三四五六七八九十一二三四五六七八九十x", 41},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.line));
    CHECK(LineColumns(row.line) == row.columns);
    // Every cut of the line adds up, whichever bytes fall in the eight-byte blocks.
    const std::string line = row.line;
    for (size_t cut = 0; cut <= line.size(); ++cut) {
      if (cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) continue;
      CHECK(LineColumns(line.substr(0, cut)) + LineColumns(line.substr(cut)) == row.columns);
    }
  }
}

TEST_CASE("normalize: the development reports' own layouts") {
  // The newspaper column (22 characters) and the PDF text wrapped near 37 are wrapped; the
  // sample reports, web pages and the other excerpts are not.
  for (const char* dir : {"/tests/data/corpus/", "/tests/data/dev/", "/tests/data/provincial/"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(glean::testing::SourceDir() + dir)) {
      if (entry.path().extension() != ".txt") continue;
      const std::string name = entry.path().filename().string();
      INFO(name);
      const LineLayout layout = DetectLayout(glean::testing::ReadFile(entry.path().string()));
      if (name.starts_with("048_")) {
        CHECK(layout == LineLayout{47, false, 2});
      } else if (name.starts_with("080_")) {
        CHECK(layout == LineLayout{75, false, 6});
      } else {
        CHECK(layout == LineLayout{});
      }
    }
  }
}

TEST_CASE("normalize: a web page's breadcrumb or button row is not joined to the title below") {
  // Issue 16: long and unpunctuated, it read as a paragraph's line and took the report's title
  // (2021年年度工作总结) along, and with it the year the report reviews.
  CheckRows(Make(),
            {
                {"当前位置：首页 > 政务公开 > 政府信息公开 > 政府文件 > 政府工作报告\n"
                 "2021年年度工作总结",
                 "当前位置:首页>政务公开>政府信息公开>政府文件>政府工作报告\n"
                 "2021年年度工作总结",
                 "", ""},
                {"【字号：大 中 小】【打印本页】【关闭窗口】【我要纠错】 分享到：微信 微博 "
                 "QQ空间\n2021年年度工作总结",
                 "【字号:大中小】【打印本页】【关闭窗口】【我要纠错】分享到:微信微博 "
                 "QQ空间\n2021年年度工作总结",
                 "", ""},
                // A paragraph's line as long still joins.
                {"全镇上下坚持稳中求进工作总基调统筹推进经济社会发展\n各项工作取得新成效",
                 "全镇上下坚持稳中求进工作总基调统筹推进经济社会发展各项工作取得新成效", "", ""},
            });
}

TEST_CASE("normalize: a row of a page's buttons that fills the wrap width stays above the title") {
  // Issue 16: a copy of a web page, its buttons run together on one row, the report hard-wrapped
  // at 38 columns. The row fills the width as a wrapped line does and took the title along (and
  // with it the year the report reviews); made of buttons only, it is no piece of a sentence.
  const Normalizer normalizer = Make();
  const std::string wrapped =
      "下载 打印 全屏 收藏 【字号：加大 还原 减小】\n"
      "2026年北京市政府工作报告\n"
      "北京市市长 殷勇\n"
      "各位代表：\n"
      "现在，我代表北京市人民政府，向大会报告\n"
      "政府工作，请予审议，并请市政协委员提出\n"
      "意见。\n"
      "2025年是“十四五”规划收官之年。习近平\n"
      "总书记高度重视首都工作，在听取中国人民\n"
      "抗日战争暨世界反法西斯战争胜利80周年纪\n"
      "念活动总结报告时发表重要讲话。\n";
  REQUIRE(DetectLayout(wrapped).wrapped());
  const NormalizedText out = normalizer.Normalize(wrapped);
  CHECK(out.text ==
        "下载打印全屏收藏【字号:加大还原减小】\n"
        "2026年北京市政府工作报告\n"
        "北京市市长殷勇\n"
        "各位代表:\n"
        "现在,我代表北京市人民政府,向大会报告政府工作,请予审议,并请市政协委员提出意见。\n"
        "2025年是“十四五”规划收官之年。习近平总书记高度重视首都工作,在听取中国人民抗日战争暨世界"
        "反法西斯战争胜利80周年纪念活动总结报告时发表重要讲话。\n");
  CheckMapIsConsistent(wrapped, out);
  // Rows of buttons, whatever else a page puts between them; a line with other words is none.
  for (const char* row : {"下载 打印 全屏 收藏", "【字号：加大 还原 减小】", "【字号:大 中 小】",
                          "分享到：微信 微博 QQ空间", "【打印本页】【关闭窗口】"}) {
    INFO(std::string(row));
    CHECK(IsButtonRow(row));
  }
  for (const char* line :
       {"下载政府工作报告全文", "全屏收藏夹", "中小企业", "2026年北京市政府工作报告"}) {
    INFO(std::string(line));
    CHECK_FALSE(IsButtonRow(line));
  }
}

TEST_CASE(
    "normalize: a line that starts with a comma or a closing mark continues the line before") {
  CheckRows(Make(), {
                        {"我们忠实践行扶贫开发重要战略思想\n,以改革创新的精神",
                         "我们忠实践行扶贫开发重要战略思想,以改革创新的精神", "", ""},
                        {"【字号：加大 还原 减小\n】", "【字号:加大还原减小】", "", ""},
                        {"按Enter到主内容区\n:::", "按Enter到主内容区\n:::", "", ""},
                        {"工作总结。\n，", "工作总结。\n,", "", ""},
                    });
}

TEST_CASE("normalize: a blank between a figure and % or a Latin unit is dropped") {
  // Issue 16: 覆盖率达到77.8 % was not read as a percent.
  CheckRows(Make(), {
                        {"覆盖率达到77.8 %", "覆盖率达到77.8%", "77.8%", "77.8 %"},
                        {"增长7 ％；", "增长7%;", "7%", "7 ％"},
                        {"新修道路20 km，", "新修道路20km,", "20km", "20 km"},
                        {"面积300 m2", "面积300m2", "300m2", "300 m2"},
                        {"5 kgs", "5 kgs", "", ""},
                        {"1 000", "1 000", "", ""},
                        {"APP download", "APP download", "", ""},
                    });
  NormalizeOptions options;
  options.drop_spaces = false;
  CHECK(Make(options).Normalize("77.8 %").text == "77.8 %");
}

TEST_CASE("normalize: corner brackets fold to curly quotes and map back to themselves") {
  // Issue 16: 「厕所革命」 did not match a rule written with “厕所革命”.
  CheckRows(Make(),
            {
                {"扎实推进「厕所革命」", "扎实推进“厕所革命”", "“厕所革命”", "「厕所革命」"},
                {"『四好』農村路", "‘四好’农村路", "‘四好’", "『四好』"},
            });
  CHECK(Make().NormalizePattern("「厕所革命」") == "“厕所革命”");
  NormalizeOptions options;
  options.traditional_to_simplified = false;
  CHECK(Make(options).Normalize("「厕所革命」").text == "「厕所革命」");
}

TEST_CASE("normalize: a white circle in a Chinese numeral is a zero, elsewhere it stays") {
  // Issue 16: 六九○○萬元 was not read as 6900万.
  CheckRows(Make(), {
                        {"投入六九○○萬元", "投入六九〇〇万元", "六九〇〇万元", "六九○○萬元"},
                        {"二○二一年", "二〇二一年", "二〇二一年", "二○二一年"},
                        {"一○五户", "一〇五户", "一〇五户", "一○五户"},
                        {"○○镇人民政府", "○○镇人民政府", "", ""},
                        {"○ 项目建设", "○ 项目建设", "", ""},
                    });
  // In a pattern ○ stays as written: ○○ there masks a name too.
  CHECK(Make().NormalizePattern("○○镇") == "○○镇");
  NormalizeOptions options;
  options.nfkc = false;
  CHECK(Make(options).Normalize("六九○○").text == "六九○○");
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
