// Document structure: outlines of the sample reports (checked in, read against the text), report
// metadata, sections, sentences, and documents that push the heading rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "engine/source/utf8.h"
#include "engine/structure/structure.h"
#include "glean/document.h"
#include "glean/output.h"
#include "support/run_command.h"

namespace glean {
namespace {

// The document's headings, one a line, as `extract outline` lists them without levels.
std::string HeadingLines(const Document& document) {
  std::string lines;
  for (const Heading& heading : document.headings()) lines += heading.text + "\n";
  return lines;
}

const char* const kReports[] = {"anon-town-2022", "junping-2021", "junping-2023",
                                "lijiang-2021-traditional", "maotian-2021-pdf"};

Document Load(const std::string& text) {
  Result<Document> document = Document::Load("doc.txt", text, NormalizeOptions{});
  REQUIRE(document.ok());
  return std::move(document).value();
}

Document LoadReport(const std::string& name) {
  return Load(testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/" + name + ".txt"));
}

// Outlines checked line by line against the text: web pages with furniture on top, unnumbered
// part titles (gansu, neimenggu), hard-wrapped and PDF-broken excerpts.
const char* const kCorpusFiles[] = {
    "provincial/beijing-2026",
    "provincial/gansu-2026",
    "provincial/guangdong-2026",
    "provincial/neimenggu-2026",
    "provincial/yunnan-2026",
    "dev/014_taijiang_district_fuzhou_2015_spam",
    "dev/025_x_town_sichuan_2013_wan_no_yuan",
    "dev/048_beigan_dongyin_townships_matsu_2001_trad_linewrap",
    "dev/049_dongyin_township_matsu_2012_trad",
    "dev/053_x_town_2021_pdf_linebreaks",
    "dev/067_x_town_hebei_c2015_land_transfer",
    "dev/070_liaoyang_county_liaoning_2019",
};

TEST_CASE("structure: the outline of each provincial and excerpt file matches its outline") {
  for (const char* name : kCorpusFiles) {
    INFO(std::string(name));
    const std::string expected =
        testing::ReadFile(testing::SourceDir() + "/tests/data/outlines/" + name + ".outline");
    const std::string text =
        testing::ReadFile(testing::SourceDir() + "/tests/data/" + name + ".txt");
    REQUIRE_FALSE(text.empty());
    CHECK(FormatOutline(Load(text)) == expected);
  }
}

TEST_CASE("structure: the outline of each sample report matches its checked-in outline") {
  for (const char* name : kReports) {
    INFO(std::string(name));
    const std::string expected =
        testing::ReadFile(testing::SourceDir() + "/tests/data/outlines/" + name + ".outline");
    REQUIRE_FALSE(expected.empty());
    CHECK(FormatOutline(LoadReport(name)) == expected);
  }
}

TEST_CASE("structure: report metadata of the sample reports") {
  struct Row {
    const char* report;
    const char* title;
    const char* issuer;
    const char* date;
    int year;
    int report_year;
  };
  const Row rows[] = {
      {"anon-town-2022", "2022年镇工作总结", "", "", 2022, 2022},
      {"junping-2021", "2021年年度工作总结", "中共溆浦县均坪镇委员会", "2022-02", 2021, 2022},
      {"junping-2023", "", "均坪镇人民政府", "2023-12-10", 2023, 2023},
      {"lijiang-2021-traditional", "栗江镇2021年工作总结暨2022年工作规划", "栗江镇人民政府",
       "2022-12-31", 2021, 2022},
      {"maotian-2021-pdf", "毛田镇2021年度工作总结报告", "岳阳县毛田镇人民政府", "", 2021, 2021},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.report));
    const Document document = LoadReport(row.report);
    const DocumentInfo& info = document.info();
    CHECK(info.title.value_or("") == row.title);
    CHECK(info.issuer.value_or("") == row.issuer);
    CHECK(info.date.value_or("") == row.date);
    CHECK(info.year.value_or(0) == row.year);
    CHECK(info.report_year.value_or(0) == row.report_year);
  }
}

TEST_CASE("structure: a fact's section is the path of enclosing headings") {
  const Document document = Load(
      "一、工作开展情况\n"
      "（一）强基固本，奋力书写答卷。强化政治，完成改厕60户。\n"
      "1、具体做法\n"
      "新建道路10公里。\n"
      "二、明年打算\n"
      "计划完成改厕100户。\n");
  const std::string_view text = document.normalized();
  const auto path = [&](std::string_view needle) {
    std::string out;
    for (const Heading* heading : document.SectionAt(text.find(needle))) {
      out += (out.empty() ? "" : " > ") + heading->text;
    }
    return out;
  };
  CHECK(path("改厕60户") == "一、工作开展情况 > (一)强基固本,奋力书写答卷");
  CHECK(path("道路10公里") == "一、工作开展情况 > (一)强基固本,奋力书写答卷 > 1、具体做法");
  CHECK(path("改厕100户") == "二、明年打算");
  CHECK(path("一、工作") == "一、工作开展情况");
}

TEST_CASE("structure: sentences split on 。！？； and line ends, keeping closing quotes") {
  const Document document = Load("今年完成改厕60户；新建道路10公里。他说：“好！”下一句。\n另一行");
  const std::string_view text = document.normalized();
  const auto sentence = [&](std::string_view needle) {
    const size_t at = text.find(needle);
    auto [begin, end] = document.SentenceAt(at, at + needle.size());
    return std::string(text.substr(begin, end - begin));
  };
  CHECK(sentence("改厕") == "今年完成改厕60户;");
  CHECK(sentence("道路") == "新建道路10公里。");
  CHECK(sentence("他说") == "他说:“好!”");
  CHECK(sentence("下一句") == "下一句。");
  CHECK(sentence("另一行") == "另一行");
}

TEST_CASE("structure: end marks inside quotes and brackets do not end a sentence") {
  const Document document = Load(
      "会议强调:“要抓落实。要见成效。”全年完成改厕60户(其中新建40户。改建20户)。下一句;\n"
      "“未闭合的引号。\n新的一行。");
  const std::string_view text = document.normalized();
  struct Row {
    const char* needle;
    const char* sentence;
  } rows[] = {
      {"抓落实", "会议强调:“要抓落实。要见成效。”"},
      {"改厕", "全年完成改厕60户(其中新建40户。改建20户)。"},
      {"改建", "全年完成改厕60户(其中新建40户。改建20户)。"},
      {"下一句", "下一句;"},
      {"未闭合", "“未闭合的引号。"},
      {"新的一行", "新的一行。"},
      // A match crossing a boundary gets both sentences.
      {"20户)。下一", "全年完成改厕60户(其中新建40户。改建20户)。下一句;"},
  };
  for (const Row& row : rows) {
    INFO(row.needle);
    const size_t at = text.find(row.needle);
    REQUIRE(at != std::string_view::npos);
    auto [begin, end] = document.SentenceAt(at, at + std::string_view(row.needle).size());
    CHECK(text.substr(begin, end - begin) == row.sentence);
  }
}

// A line is split on its own when a match in it asks: its sentences, placed in the whole text,
// must be those of the line split alone (the split starts afresh on every line), for every span
// inside a line of the sample reports and of lines with quotes, brackets and blank lines.
TEST_CASE("structure: a sentence looked up within a line is the line's own") {
  std::vector<std::string> texts;
  for (const char* name : kReports) texts.emplace_back(LoadReport(name).normalized());
  texts.push_back("“引号跨行。\n下一行”结束。他说:“好!”\n\n(括号。\n)后。\n最后一行没有句号");
  texts.push_back("\n\n开头是空行。\n");
  size_t spans = 0;
  for (const std::string& text : texts) {
    const structure::DocumentStructure whole = structure::DocumentStructure::Build(text, nullptr);
    for (size_t line_begin = 0; line_begin <= text.size();) {
      const size_t line_end = std::min(text.find('\n', line_begin), text.size());
      const std::string line = text.substr(line_begin, line_end - line_begin);
      const structure::DocumentStructure alone = structure::DocumentStructure::Build(line, nullptr);
      for (size_t at = line_begin; at < line_end; ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
        for (size_t end : {at + 1, std::min(at + 9, line_end), line_end}) {
          const auto [begin, finish] = alone.SentenceAt(line, at - line_begin, end - line_begin);
          INFO(text.substr(at, end - at));
          CHECK(whole.SentenceAt(text, at, end) ==
                std::pair<size_t, size_t>(begin + line_begin, finish + line_begin));
          ++spans;
        }
      }
      line_begin = line_end + 1;
    }
  }
  CHECK(spans > 30000);
}

// A match across lines gets the whole text's sentences: from the one its first character is in
// to the one its last character is in, as each alone says.
TEST_CASE("structure: a sentence looked up across lines runs from its first to its last line") {
  std::vector<std::string> texts;
  for (const char* name : kReports) texts.emplace_back(LoadReport(name).normalized());
  texts.push_back("“引号跨行。\n下一行”结束。他说:“好!”\n\n(括号。\n)后。\n最后一行没有句号");
  size_t spans = 0;
  for (const std::string& text : texts) {
    const structure::DocumentStructure whole = structure::DocumentStructure::Build(text, nullptr);
    const auto starts_character = [&](size_t at) {
      return text[at] != '\n' && (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    };
    for (size_t newline = text.find('\n'); newline != std::string::npos;
         newline = text.find('\n', newline + 1)) {
      // From a few characters before the line end to a few after it.
      for (size_t begin = newline >= 12 ? newline - 12 : 0; begin < newline; ++begin) {
        for (size_t last = newline + 1; last < std::min(text.size(), newline + 13); ++last) {
          if (!starts_character(begin) || !starts_character(last)) continue;
          const size_t end =
              last + source::Utf8LengthOfLead(static_cast<unsigned char>(text[last]));
          INFO(text.substr(begin, end - begin));
          CHECK(whole.SentenceAt(text, begin, end) ==
                std::pair<size_t, size_t>(whole.SentenceAt(text, begin, begin + 1).first,
                                          whole.SentenceAt(text, last, end).second));
          ++spans;
        }
      }
    }
  }
  CHECK(spans > 1000);
}

TEST_CASE("structure: sentence lookups on one long unpunctuated line stay fast") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "没有标点的长行";
  const Document document = Load(text);
  const std::string_view normalized = document.normalized();
  const auto start = std::chrono::steady_clock::now();
  for (size_t offset = 0; offset + 3 < normalized.size(); offset += 3) {
    auto [begin, end] = document.SentenceAt(offset, offset + 3);
    REQUIRE(begin == 0);
    REQUIRE(end == normalized.size());
  }
  // Tens of thousands of lookups; a scan per lookup would take seconds.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("structure: a report with no headings has an empty outline and empty sections") {
  const Document document = Load("今年完成改厕60户。新建道路10公里。\n发放资金20万元。\n");
  CHECK(document.headings().empty());
  CHECK(document.SectionAt(10).empty());
}

TEST_CASE("structure: 10,000 headings, one per line, are found and looked up quickly") {
  std::string text;
  for (int i = 1; i <= 10000; ++i) {
    text += "(" + std::to_string(i) + ")第" + std::to_string(i) + "项工作\n";
  }
  const Document document = Load(text);
  REQUIRE(document.headings().size() == 10000);
  for (const Heading& heading : document.headings()) CHECK(heading.level == 1);
  CHECK(document.headings().back().line == 10000);
  // Every offset's section, which a linear scan per lookup would make quadratic.
  size_t total = 0;
  for (size_t offset = 0; offset < document.normalized().size(); offset += 7) {
    total += document.SectionAt(offset).size();
  }
  CHECK(total > 0);
}

TEST_CASE("structure: deep and odd numbering nests sensibly") {
  const Document document = Load(
      "一、总体\n（一）分项\n1、细项\n（1）小项\n①要点\n不是标题的一句话。\n"
      "二、第二部分\n3、跳号的细项\n（一）重新开始\n四、跳过三\n");
  std::string outline;
  for (const Heading& heading : document.headings()) {
    outline += std::to_string(heading.level) + " " + heading.text + "\n";
  }
  CHECK(outline ==
        "1 一、总体\n2 (一)分项\n3 1、细项\n4 (1)小项\n5 ①要点\n"
        "1 二、第二部分\n2 3、跳号的细项\n3 (一)重新开始\n1 四、跳过三\n");
}

TEST_CASE("structure: parts hold numbered sections, and a new part closes them") {
  const Document document =
      Load("第一部分 工作总结\n一、成效\n（一）产业\n第二部分 工作计划\n一、目标\n");
  std::string outline;
  for (const Heading& heading : document.headings()) {
    outline += std::to_string(heading.level) + " " + heading.text + "\n";
  }
  CHECK(outline == "1 第一部分工作总结\n2 一、成效\n3 (一)产业\n1 第二部分工作计划\n2 一、目标\n");
}

TEST_CASE("structure: figures and dates at a line start are not headings") {
  const Document document = Load("2021年完成改厕60户。\n1.5万亩土地流转。\n3.2%的增长。\n");
  CHECK(document.headings().empty());
}

// Real lines of the corpus: a title-like line is a heading only where it stands alone. Each row
// is a small document; `heading` is the line asked about, `is_heading` whether it is one.
TEST_CASE("structure: a title-like line is a heading only when it stands alone (issue 16)") {
  struct Row {
    const char* text;
    const char* line;
    bool is_heading;
  };
  const Row rows[] = {
      // After a paragraph, over a paragraph: an unnumbered part title (gansu-2026).
      {"我代表省人民政府，向大会报告工作，请予审议。\n“十四五”时期工作回顾\n“十四五”时期是甘肃"
       "发展极不寻常、极不平凡的五年。在迈上现代化建设新征程的重要时点。\n",
       "“十四五”时期工作回顾", true},
      // Over a numbered list, after an appendix label (neimenggu-2026).
      {"一、总体要求\n各位代表！让我们更加紧密地团结在一起。\n附件\n2026年自治区民生实事\n1.实现"
       "城镇新增就业18万人以上\n",
       "2026年自治区民生实事", true},
      // A line holding a figure is never a heading (067, a PDF-broken line).
      {"一、龙头带动,全面促进农业发展\n今年以来,以重点扶持邢各庄崔德文的40亩大棚和宋位村\n的"
       "蔬菜种植为重点,带动全镇发展设施农业。\n",
       "今年以来,以重点扶持邢各庄崔德文的40亩大棚和宋位村", false},
      // A fragment: the line before it does not end a sentence (002).
      {"一、回顾\n(二)持续发展壮大富民产业\n脱贫攻坚全面胜利,投入脱贫攻坚主战场资金\n面对疫情防控"
       "\n全镇上下同心协力,全力保障了人民群众的生命安全和身体健康。\n",
       "面对疫情防控", false},
      // Nothing after it: the last line of a truncated page is no title.
      {"一、回顾\n全镇上下同心协力,保障了人民群众的生命安全。\n面对疫情防控\n", "面对疫情防控",
       false},
      // A line after a list item's ; goes on the list (maotian cut at a line end).
      {"一、回顾\n移交公安立刑事案件1起,刑拘1人;\n移交县自然资源局监察大队立行政案\n件2起,行政处罚"
       "2人。坚持零增量、减存量,扎实推进禽畜粪污治理。\n",
       "移交县自然资源局监察大队立行政案", false},
      // The report's own name above the speech is no heading, before any numbering (036).
      {"内容发布更新时间:2024/11/17 5:48:13星期一 下面是文章的全部内容请认真阅读。\n政府工作报告\n"
       "2012年1月4日在ooo乡第八届人民代表大会第五次会议上各位代表:现在,我代表乡人民政府向大会作"
       "工作报告,请予审查。\n",
       "政府工作报告", false},
      // Before any paragraph, a short line is part of the header, not a heading.
      {"2026年甘肃省政府工作报告\n甘肃省省长 任振鹤\n我代表省人民政府,向大会报告工作,请予审议,"
       "并请省政协委员和其他列席人员提出意见。\n",
       "甘肃省省长 任振鹤", false},
      // A lead-in whose colon was left out introduces, it does not title.
      {"一、回顾\n全镇上下同心协力,保障了人民群众的生命安全。\n现将全年工作情况总结如下\n今年以来,"
       "我们坚持以人民为中心的发展思想,各项工作稳步推进。\n",
       "现将全年工作情况总结如下", false},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.text));
    const Document document = Load(row.text);
    bool found = false;
    for (const Heading& heading : document.headings()) {
      // The heading's text is normalized: compare with the line normalized the same way.
      const std::string_view text = document.normalized();
      const std::string line(Load(row.line).normalized());
      if (text.substr(heading.begin, heading.end - heading.begin) == line) found = true;
    }
    CHECK(found == row.is_heading);
  }
}

TEST_CASE("structure: a numbered line that goes on a line cut at the wrap width is no heading") {
  // Hard-wrapped at 24 columns: "一、二审" is the sentence's next words, not a heading.
  std::string text = "一、工作回顾\n";
  for (int i = 0; i < 6; ++i)
    text += "代表们基于地方鄉政工作推\n展順利的立場嚴審但不刪除\n預算全數獲得通過。\n";
  text += "鄉代會經過一連兩天的審查\n一、二審後順利三讀通過了\n預算全數獲得通過。\n";
  const Document document = Load(text);
  REQUIRE(structure::JudgeWrap(text).wrapped);
  REQUIRE(document.headings().size() == 1);
  CHECK(document.headings()[0].text == "一、工作回顾");
}

// Display columns of `text`: a Han character (three or four UTF-8 bytes) is two.
int Columns(std::string_view text) {
  int columns = 0;
  for (size_t at = 0; at < text.size();) {
    const size_t length = source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
    columns += length >= 3 ? 2 : 1;
    at += length;
  }
  return columns;
}

// `text` re-wrapped as a PDF extractor breaks it: every line cut at `width` columns (a Han
// character two), with a blank line between lines when `blank`.
std::string Rewrap(std::string_view text, int width, bool blank) {
  std::string out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    int columns = 0;
    for (size_t at = 0; at < line.size();) {
      const size_t length = source::Utf8LengthOfLead(static_cast<unsigned char>(line[at]));
      const int wide = length >= 3 ? 2 : 1;
      if (columns + wide > width) {
        out += blank ? "\n\n" : "\n";
        columns = 0;
      }
      out.append(line.substr(at, length));
      columns += wide;
      at += length;
    }
    out += blank ? "\n\n" : "\n";
  }
  return out;
}

// Every heading of a re-wrapped report is one of the clean report's, or the first line of one
// (a long heading wrapped over two lines): no piece of a wrapped line becomes a heading. Whether
// each heading of the clean text is found again depends on line joining, not tested here.
TEST_CASE("structure: no piece of a re-wrapped report is a heading (issue 16)") {
  for (const char* name : {"corpus/lijiang-2021-traditional", "provincial/gansu-2026"}) {
    const std::string clean =
        testing::ReadFile(testing::SourceDir() + "/tests/data/" + name + ".txt");
    std::vector<std::string> headings;
    const Document whole = Load(clean);
    for (const Heading& heading : whole.headings()) headings.push_back(heading.text);
    for (int width = 32; width <= 120; width += 8) {
      for (bool blank : {false, true}) {
        const Document document = Load(Rewrap(clean, width, blank));
        for (const Heading& heading : document.headings()) {
          INFO(name << " at " << width << (blank ? " with blank lines: " : ": ") << heading.text);
          // A heading that runs to the width itself cannot be told from a wrapped line: it is
          // joined with the line after it (its normalized text is up to three columns narrower
          // than the line was, full-width brackets having become ASCII).
          CHECK(std::any_of(headings.begin(), headings.end(), [&](const std::string& whole) {
            return whole.starts_with(heading.text) ||
                   (Columns(whole) >= width - 3 && heading.text.starts_with(whole));
          }));
        }
      }
    }
  }
}

TEST_CASE("structure: a title left on its own line by line joining is a heading at any width") {
  // Issue 16: the PDF sample re-wrapped at 38 columns. Its titles of 40 columns (一年来，…) are
  // one character too long for a line, and come within a few columns of the width once joined,
  // as a line cut there would; but normalization joins every line that fills the width to the
  // next unless that one starts like a heading, so a line it leaves standing before a paragraph
  // ended on a short line (远) and is a title. A cut line before a numbered one is still none
  // (above).
  const std::string text =
      "一、2021年全年工作情况\n"
      "\n"
      "毛田党委政府发扬\"为民服务孺子牛、创新\n"
      "发展拓荒牛、 艰苦奋斗老黄牛\"精神,干群齐\n"
      "心投入富饶美丽幸福毛田建 设。\n"
      "\n"
      "一年来, 我们实干向前, 推动经济实体行稳致\n"
      "远\n"
      "\n"
      "全力推进税收征缴任务。截止 11 月,完成税\n"
      "收入库 289 万元,目前正在统筹协调,可以完\n"
      "成全年税收任务。进一步树牢过紧日子思想\n"
      ",强化镇村财务管理,严控村级新增负债。落\n"
      "实\"村账镇管\"各项制度,规范财务管理手续\n"
      "。今年初,村级财务代管中心组织村监委对\n"
      "全镇 18 个村、居委会的 2020 年村级财务进行\n"
      "了全面的清理和自查,做到财务公开透明,对\n"
      "财务清查中发现的问题,及时纠正、逐个整\n"
      "改到位。规范村集体三资管理。2021 年初,\n"
      "我们在全镇选调了 6 名能力强、\n"
      "\n"
      "业务水平高的同志成立了三资管理办公室。\n"
      "对村级小型工程项目建设的工作流程、经费\n"
      "预算、工作要求、工作纪律、责任追究做了\n"
      "具体安排。确保村集体的资金、资产、资源\n"
      ",申报规范,预算准确,程序合法,资料整洁,\n"
      "手续齐全,有效强化了村级廉政和避免了债\n"
      "务风险。\n"
      "\n"
      "一年来,我们久久为功,衔接乡村振兴走深走\n"
      "实\n"
      "\n"
      "健全防止返贫动态监测和帮扶机制,落实\"四\n"
      "个不摘\", 突出抓好稳政策、稳帮扶、稳就业\n";
  REQUIRE(structure::JudgeWrap(text).wrapped);
  const Document document = Load(text);
  const std::string outline = HeadingLines(document);
  CHECK(outline ==
        "一、2021年全年工作情况\n"
        "一年来,我们实干向前,推动经济实体行稳致远\n"
        "一年来,我们久久为功,衔接乡村振兴走深走实\n");
}

TEST_CASE("structure: a title short of the width the wrapped lines fill is a heading over a list") {
  // Issue 16: 051 re-wrapped at 34 columns, its lines filling 32 to 34. The title of 30 columns
  // comes within a few columns of the width and stands over a numbered line, where line joining
  // never joins; but its line does not fill the width as the text's wrapped lines do, and
  // normalization, which measured the physical lines, left no line cut there.
  const std::string text =
      "2020年是改革开放41周年,是决胜全面\n"
      "小康社会、实施“十三五”规划承上启\n"
      "下的关键一年。镇政府在县委、县政府\n"
      "和镇党委的正确领导下,在镇人大的监\n"
      "督支持下,始终坚持以党的十九大精神\n"
      "和习近平新时代中国特色社会主义思想\n"
      "为指导,深入贯彻落实县委十三届历次\n"
      "全会精神,深入实施乡村振兴战略“三\n"
      "个全域两大攻坚”系列行动,认真履行\n"
      "职能,全力创建广东省森林小镇,全镇干\n"
      "群齐心协力,突出基础设施建设和民生\n"
      "建设,使人民生活水平进一步提高,全镇\n"
      "经济实现平稳较快增长,社会保持和谐\n"
      "稳定,各项事业全面进步。2020年,预计\n"
      "全镇全年实现生产总值同期增长10%左\n"
      "右,预计达11922.35万元;农民人均纯收\n"
      "入预计增长12%左右,由2020年的14646\n"
      "元提高到2020年的16403元。现将2020\n"
      "年各项工作情况总结如下:\n"
      "\n"
      "2020年主要工作措施、亮点及成效\n"
      "\n"
      "一、认真做好绿色产业开发工作\n"
      "\n"
      "一是加快推进三峡桔子塘风力发电项目\n"
      "建设,6月份已启动升压站场内施工便道\n"
      "拓宽建设,配合做好省道S260线道路改\n"
      "造的征地、协调民事等相关工作,确保\n";
  REQUIRE(structure::JudgeWrap(text).wrapped);
  const Document document = Load(text);
  const std::string outline = HeadingLines(document);
  CHECK(outline == "2020年主要工作措施、亮点及成效\n一、认真做好绿色产业开发工作\n");
}

TEST_CASE("structure: a heading wrapped at the wrap width is one heading, its rest no other") {
  // junping-2021 wrapped at 40 columns: (三)'s title runs over two lines.
  std::string text = "一、工作开展情况\n";
  for (int i = 0; i < 4; ++i) {
    text +=
        "动员党员干部及时下载并积极参加学习,认真\n开展各类主题活动,"
        "不断提升党员干部的理\n论水平。\n";
  }
  text +=
      "(三)多策并用巩固拓展脱贫攻坚成果与乡村\n振兴有效衔接\n"
      "全面落实各项帮扶政策,不断巩固拓展脱贫攻\n坚成果,确保不发生规模性返贫。\n";
  const Document document = Load(text);
  REQUIRE(structure::JudgeWrap(text).wrapped);
  const std::string outline = HeadingLines(document);
  // Normalization joins the heading's two lines: it runs to the width.
  CHECK(outline == "一、工作开展情况\n(三)多策并用巩固拓展脱贫攻坚成果与乡村振兴有效衔接\n");
}

TEST_CASE("structure: hard wrapping is judged from the widths of the lines") {
  struct Row {
    const char* file;
    bool wrapped;
    int width;
  };
  const Row rows[] = {
      {"dev/048_beigan_dongyin_townships_matsu_2001_trad_linewrap", true, 47},
      {"corpus/maotian-2021-pdf", false, 0},
      {"provincial/gansu-2026", false, 0},
      {"dev/053_x_town_2021_pdf_linebreaks", false, 0},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.file));
    // The text as read: normalization may join some of the wrapped lines already.
    const structure::WrapJudgement judgement = structure::JudgeWrap(
        testing::ReadFile(testing::SourceDir() + "/tests/data/" + row.file + ".txt"));
    CHECK(judgement.wrapped == row.wrapped);
    CHECK(judgement.width == row.width);
  }
}

TEST_CASE("structure: a figure is a number with a unit, not a date, ordinal or code") {
  struct Row {
    const char* line;
    bool figure;
  } rows[] = {
      {"完成投资3167万元", true},
      {"以重点扶持邢各庄崔德文的40亩大棚和宋位村", true},
      {"覆盖率达到77.8%", true},
      {"覆盖率达到77.8 %", true},
      {"全年完成改厕650余户", true},
      {"投入资金三千万元", true},
      {"百分之九十的农户", true},
      {"2026年重点工作", false},
      {"2021年12月镇党委组织机关干部", false},
      {"第3次全体会议", false},
      {"推进5G基站建设", false},
      {"落实四个不摘要求", false},
      {"“十四五”时期工作回顾", false},
      {"一年来,我们实干向前,推动经济实体行稳致远", false},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.line));
    CHECK((structure::FindFigure(row.line) != std::string_view::npos) == row.figure);
  }
}

}  // namespace
}  // namespace glean
