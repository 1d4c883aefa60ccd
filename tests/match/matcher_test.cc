// The fast matcher finds exactly what the reference matcher finds, on the sample reports with the
// stock rules and with generated rule sets; and the prefix literals it relies on are right.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "engine/match/figure_anchors.h"
#include "engine/match/matcher.h"
#include "engine/match/pattern_pieces.h"
#include "engine/match/prefix_literals.h"
#include "glean/document.h"
#include "glean/rule_set.h"
#include "support/run_command.h"

namespace glean::internal {
namespace {

const char* const kReports[] = {"anon-town-2022.txt", "junping-2021.txt", "junping-2023.txt",
                                "lijiang-2021-traditional.txt", "maotian-2021-pdf.txt"};

std::string Describe(const Candidates& candidates, const RuleSet& rules) {
  std::string out;
  for (const Candidate& c : candidates.list) {
    out += std::to_string(c.rule) + "@" + std::to_string(c.span.begin) + "-" +
           std::to_string(c.span.end);
    const size_t count = rules.compiled().rules[c.rule].fields.size();
    for (const Span& capture : std::span(candidates.CapturesOf(c), count)) {
      out += " " + std::to_string(capture.begin) + ":" + std::to_string(capture.end);
    }
    out += "\n";
  }
  return out;
}

// The fast matcher's candidates on each of `texts` equal the reference matcher's; returns the
// reference's, for checks of their own.
std::vector<Candidates> CheckSameOnTexts(const RuleSet& rules,
                                         const std::vector<std::string>& texts) {
  Result<std::unique_ptr<Matcher>> fast = Matcher::Create(rules.compiled());
  Result<std::unique_ptr<Matcher>> reference = Matcher::CreateReference(rules.compiled());
  REQUIRE(fast.ok());
  REQUIRE(reference.ok());
  std::vector<Candidates> found;
  for (const std::string& text : texts) {
    INFO(text.substr(0, 200));
    found.push_back(reference.value()->Find(text));
    CHECK(Describe(fast.value()->Find(text), rules) == Describe(found.back(), rules));
  }
  return found;
}

// How many candidates each text has.
std::vector<size_t> Counts(const std::vector<Candidates>& found) {
  std::vector<size_t> counts;
  for (const Candidates& candidates : found) counts.push_back(candidates.list.size());
  return counts;
}

// Rules from YAML text, for the tests that write their own; the test stops unless they load.
RuleSet RulesFrom(const std::string& yaml) {
  Result<RuleSet> rules = RuleSet::LoadFromString(yaml, "test.yaml");
  for (const Diagnostic& d : rules.diagnostics()) {
    if (d.severity == Severity::kError) MESSAGE(d.ToString());
  }
  REQUIRE(rules.ok());
  return std::move(rules).value();
}

void CheckSameAsReference(const RuleSet& rules) {
  std::vector<std::string> texts;
  for (const char* name : kReports) {
    Result<Document> document =
        Document::Load(name, testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/" + name),
                       rules.normalize_options());
    REQUIRE(document.ok());
    texts.emplace_back(document.value().normalized());
  }
  size_t total = 0;
  for (const Candidates& expected : CheckSameOnTexts(rules, texts)) total += expected.list.size();
  CHECK(total > 0);
}

TEST_CASE("match: the fast matcher agrees with the reference on the stock rules") {
  Result<RuleSet> rules = RuleSet::Load({testing::SourceDir() + "/rules"});
  REQUIRE(rules.ok());
  CheckSameAsReference(rules.value());
}

TEST_CASE("match: the fast matcher agrees with the reference on generated rule sets") {
  const char* const contexts[] = {"完成",
                                  "新建",
                                  "改厕",
                                  "发放",
                                  "资金",
                                  "种植",
                                  "流转土地",
                                  "排查",
                                  "开展",
                                  "全镇",
                                  "(?:完成|新建)改厕",
                                  "累计",
                                  "共",
                                  "改厕+",
                                  "(?P<what>改厕|户厕)",
                                  "(?:完成|完成了)",
                                  "(?:改|改厕)?厕",
                                  "2022年",  // digits inside a literal found from its figure
                                  "第3",     // a literal that ends in a digit: scanned for
                                  "共计",
                                  "计"};
  const char* const tails[] = {"(\\d+)户",      "{n:quantity}",         "(\\d+(?:\\.\\d+)?)万元",
                               "{n:int}个",     "[^,。]{0,6}?(\\d+)人", "{n:money}",
                               "(?:(\\d+)户)?", "\\b(\\d+)\\b个",       "([1-9]\\d*)个",
                               "\\d+名",        "(?P<n>\\d+)人次",      "(\\d+(?:\\.\\d+)?)",
                               "(\\d+)\\.5亩",  "(\\d{1,2})户"};
  std::mt19937 random(11);
  for (int round = 0; round < 4; ++round) {
    std::string yaml = "rules:\n";
    for (int i = 0; i < 300; ++i) {
      std::string pattern = contexts[random() % std::size(contexts)];
      if (random() % 4 == 0) pattern = "[^,。]{0,3}" + pattern;  // no literal prefix: gated
      if (random() % 8 == 0) pattern = "\\d*" + pattern;  // gated, but no bound before the word
      if (random() % 4 == 0) pattern = "(?:全镇|我镇)?" + pattern;  // an optional group
      const std::string tail = tails[random() % std::size(tails)];
      // An optional last character, unless the tail may be empty too and the rule with it.
      if (random() % 5 == 0 && tail.back() != '?') pattern += "?";
      pattern += tail;
      if (random() % 9 == 0) pattern += "|道路\\d+公里";  // a top-level alternative
      yaml += "  - id: r" + std::to_string(i) + "\n    fact: f" + std::to_string(i % 7) +
              "\n    pattern: '" + pattern + "'\n";
    }
    CheckSameAsReference(RulesFrom(yaml));
  }
}

TEST_CASE("match: many literals only a figure follows are found from the figures") {
  // Past some dozens of such literals (kMostLiteralsScannedOverFigures) they are found by looking
  // behind each figure rather than scanned for: the answers must be the same.
  const std::string characters[] = {"完", "成", "新", "建", "改", "全", "镇", "累",
                                    "计", "共", "村", "户", "资", "金", "人"};
  std::string yaml = "rules:\n";
  std::string text;  // each rule's context before a figure of its unit, and once before none
  int count = 0;
  for (const std::string& first : characters) {
    for (const std::string& second : characters) {
      if (first == second || count == 120) continue;
      const bool households = count % 2 == 0;
      yaml += "  - {id: r" + std::to_string(count) + ", fact: f, pattern: '" + first + second +
              (households ? "(\\d+)户'}\n" : "(\\d+(?:\\.\\d+)?)万元'}\n");
      text += first + second + std::to_string(count) + (households ? "户，" : ".5万元，");
      text += first + second + "x" + std::to_string(count) + "，";
      ++count;
    }
  }
  const RuleSet rules = RulesFrom(yaml);
  CHECK(Counts(CheckSameOnTexts(rules, {text})) == std::vector<size_t>{120});
}

TEST_CASE("match: rules gated by words they need find what a search over the text finds") {
  // Before the word: bounded (the starts within reach are tried) or not (the text is searched up
  // to the reach of the last word); after it: bounded or not.
  const RuleSet rules = RulesFrom(
      "rules:\n"
      "  - {id: before, fact: a, pattern: '[^,。]{0,3}改厕(\\d{1,2})户'}\n"
      "  - {id: unbounded, fact: b, pattern: '\\d*改厕(\\d{1,2})户'}\n"
      "  - {id: open_end, fact: c, pattern: '\\d*巡查(\\d+)次'}\n"
      // No bound before the word, but only figures and units may come before it.
      "  - {id: pair, fact: e, pattern: '\\d+万?户(\\d+(?:人|名))(?:建档立卡)?贫困人口'}\n"
      // A rule with a literal, or the rule set would be matched by the reference alone.
      "  - {id: anchored, fact: d, pattern: '完成(\\d+)户'}\n");
  CHECK(Counts(CheckSameOnTexts(rules, {"完成改厕12户，3改厕7户", "改厕12户改厕",
                                        "巡查3次，12巡查45次。巡查", "新建改厕99户和改厕1户", "无",
                                        "改厕123户", "共12户34人贫困人口，5万户6名建档立卡贫困人口",
                                        "户12户3人贫困人口12户3人户贫困人口"})) ==
        std::vector<size_t>{4, 2, 2, 4, 0, 0, 2, 1});
}

TEST_CASE("match: an occurrence of a gate word without what must follow it is passed over") {
  // After 巡查 or 检查 a match needs a figure, at most 行动 (6 bytes) later. The occurrences
  // without one are not reported by the scan; a match that starts before such an occurrence but
  // holds a later one (安全检查检查3次: the kind is 安全检查) is found from the later one.
  const RuleSet rules = RulesFrom(
      "rules:\n"
      "  - {id: patrols, fact: a, pattern: "
      "'(?P<kind>[\\p{Han}]{2,8}?)(?:巡查|检查)(?:行动)?(?P<n>\\d+)次'}\n"
      "  - {id: anchored, fact: b, pattern: '完成(\\d+)户'}\n");
  CHECK(Counts(CheckSameOnTexts(
            rules, {"道路巡查行动5次,道路巡查5次", "道路巡查行动没有5次", "安全检查检查3次",
                    "巡查巡查巡查1次", "检查", "矿山企业检查行动12次完成3户"})) ==
        std::vector<size_t>{2, 0, 1, 1, 0, 2});
}

TEST_CASE("match: a rule with a lookbehind before its word finds what a search finds") {
  // (?:^|[^散中]) takes one character before the word, or none at the text's start; the rule is
  // tried at the few starts within that reach of each occurrence of its word.
  const RuleSet rules = RulesFrom(
      "rules:\n"
      "  - {id: five, fact: a, pattern: '(?:^|[^散中])供养五保户(?P<n>\\d+)户'}\n");
  CHECK(Counts(CheckSameOnTexts(
            rules, {"供养五保户12户", "全镇供养五保户241户", "分散供养五保户241户",
                    "集中供养五保户1户供养五保户2户", "𠀀供养五保户3户", "中供养五保户"})) ==
        std::vector<size_t>{1, 1, 0, 1, 1, 0});
}

TEST_CASE("match: tails that need a character within reach find what RE2 finds") {
  // The crop's figure starts at most three characters of up to four bytes in (12 bytes): 𠀀 is
  // a four-byte Han character, so the figure of the first text starts exactly at the reach.
  const RuleSet rules = RulesFrom(
      "rules:\n"
      "  - {id: crop, fact: a, pattern: '、(?P<crop>[\\p{Han}]{1,3}?)(?P<n>\\d+)亩'}\n"
      "  - {id: words, fact: b, pattern: '完成(?:共计|累计)?(?P<n>[一二三]+)户'}\n");
  CHECK(Counts(CheckSameOnTexts(
            rules, {"、𠀀𠀀𠀀5亩", "、花椒26亩、黄桃1亩", "、很多花椒、𠀀𠀀𠀀𠀀5亩、12亩",
                    "完成累计三户完成共计二十户完成共户", "、"})) ==
        std::vector<size_t>{1, 2, 0, 1, 0});
}

TEST_CASE("match: a rule run whole from a common word is not run where no figure is in reach") {
  // 组织 and 组织开展 both open the pattern, so it runs whole from each; its count starts at most
  // 组织开展 (12 bytes), four characters of up to four bytes (16) and 检查 (6) from the match's
  // start. 𠀀 is a four-byte Han character: the figure of the fourth text is exactly at the reach.
  const RuleSet rules = RulesFrom(
      "rules:\n"
      "  - {id: inspections, fact: a, pattern: "
      "'(?:开展|组织开展|组织)(?P<kind>[\\p{Han}、]{0,4}?)(?:检查|巡查)(?P<n>\\d+)次'}\n");
  CHECK(Counts(CheckSameOnTexts(
            rules, {"开展安全检查5次", "组织开展安全生产检查12次", "开展安全检查工作,共5次",
                    "组织开展𠀀𠀀𠀀𠀀检查5次", "开展很多很多工作检查5次", "开展",
                    "组织开展检查3次组织检查2次", "组织各方面开展、检查7次"})) ==
        std::vector<size_t>{1, 1, 0, 1, 0, 0, 2, 1});
}

TEST_CASE("match: a rule run whole runs only where what follows its literal may go on") {
  // 建成 is a prefix of 建成了, so the rule runs whole from its literals; in every match a digit,
  // 了 or 起 follows the literal, so the occurrences followed by anything else are passed over.
  const RuleSet rules = RulesFrom(
      "rules:\n"
      "  - {id: area, fact: a, pattern: "
      "'(?:建成|建设|打造)(?:了|起)?(?P<count>\\d+个)?(?P<n>\\d+)亩'}\n"
      "  - {id: other, fact: b, pattern: '建设(?P<n>[一二三])座'}\n");
  CHECK(Counts(CheckSameOnTexts(
            rules, {"建成1200亩", "建成了1200亩", "建设起3亩", "建设美丽乡村", "建成了", "建成x5亩",
                    "打造2个300亩", "建设二座建设4亩", "建成"})) ==
        std::vector<size_t>{1, 1, 1, 0, 0, 0, 1, 2, 0});
}

TEST_CASE("match: a match longer than its capture plan follows gets its groups from RE2") {
  // `(\d*)(\d)` is planned, but a run of more digits than the plan follows is given back to
  // RE2's capture engine; the groups must be RE2's either way.
  const RuleSet rules = RulesFrom(
      "rules:\n"
      "  - {id: tail, fact: a, pattern: '完成(?P<most>\\d*)(?P<last>\\d)户'}\n"
      "  - {id: whole, fact: b, pattern: '[^,。]{0,2}新建(?P<most>\\d*)(?P<last>\\d)座'}\n");
  const std::string digits(100, '7');
  CHECK(Counts(CheckSameOnTexts(rules, {"完成" + digits + "户", "新建" + digits + "座",
                                        "完成12户，新建3座"})) == std::vector<size_t>{1, 1, 2});
}

TEST_CASE("match: literals found from the figures that follow them") {
  CHECK(FigureAnchors::Fits("改厕"));
  CHECK(FigureAnchors::Fits("2022年"));
  CHECK_FALSE(FigureAnchors::Fits("第3"));       // would end inside a run of digits
  CHECK_FALSE(FigureAnchors::Fits("\xE6\x94"));  // not whole characters
  CHECK_FALSE(FigureAnchors::Fits(""));

  FigureAnchors figures;
  CHECK(figures.empty());
  const std::vector<std::string> literals = {"改厕", "完成改厕", "厕", "2022年", "a", "道路"};
  for (size_t i = 0; i < literals.size(); ++i) figures.Add(literals[i], static_cast<unsigned>(i));
  CHECK_FALSE(figures.empty());
  const std::string text = "完成改厕650户，2022年3月改厕x12，a7道路 9厕";
  std::vector<std::string> found;
  figures.Find(text, [&](unsigned id, size_t start, size_t end) {
    CHECK(text.substr(start, end - start) == literals[id]);
    found.push_back(literals[id] + "@" + std::to_string(start));
  });
  // Only where a run of digits starts (not before 50 of 650, nor before 改厕x12), shorter
  // literals first for each figure.
  CHECK(found == std::vector<std::string>{"厕@9", "改厕@6", "完成改厕@0", "2022年@21", "a@44"});
}

TEST_CASE("match: figure-and-unit tails matched by hand, as the regex would") {
  CHECK(FigureTail::Read("(\\d+)户").value().unit == "户");
  CHECK_FALSE(FigureTail::Read("(\\d+)户").value().fraction);
  CHECK(FigureTail::Read("(?P<count>\\d+(?:\\.\\d+)?)万元").value().fraction);
  CHECK(FigureTail::Read("(\\d+(?:\\.\\d+)?)").value().unit.empty());
  for (const char* other : {"(\\d+)\\.5亩", "(\\d+)户?", "(\\d+)5户", "(\\d+)", "\\d+户",
                            "(\\d*)户", "(?P<>\\d+)户", "(\\d+)(户)", "(\\d+)[户人]"}) {
    INFO(other);
    if (std::string_view(other) == "(\\d+)") {
      CHECK(FigureTail::Read(other).has_value());  // a figure alone is a figure tail too
    } else {
      CHECK_FALSE(FigureTail::Read(other).has_value());
    }
  }
  // Against RE2 on texts that try the greedy figure, the point and the unit.
  for (const char* pattern : {"(\\d+)户", "(\\d+(?:\\.\\d+)?)户", "(\\d+(?:\\.\\d+)?)"}) {
    const FigureTail tail = FigureTail::Read(pattern).value();
    const RE2 regex(pattern);
    for (const char* text : {"12户", "12.5户", "12.户", "12.5.3户", "1x户", "户", "007户x", "3.",
                             "3.14", "12人", "9"}) {
      INFO(pattern << " " << text);
      re2::StringPiece groups[2];
      const bool expected =
          regex.Match(text, 0, std::string_view(text).size(), RE2::ANCHOR_START, groups, 2);
      // As the matcher does: the figure read once, then the tail's unit after it.
      const FigureTail::Figure figure = FigureTail::FigureAt(text, 0);
      size_t figure_end = 0, end = 0;
      REQUIRE((!figure.empty() && tail.UnitAfter(text, figure, &figure_end, &end)) == expected);
      if (expected) {
        CHECK(end == groups[0].size());
        CHECK(figure_end == groups[1].size());
      }
    }
  }
}

TEST_CASE("match: prefix literals of patterns, as a table") {
  struct Row {
    const char* pattern;
    std::vector<std::string> expected;
  };
  const Row rows[] = {
      {"完成改厕(\\d+)户", {"完成改厕"}},
      {"(?:完成|新建)改厕(\\d+)", {"完成改厕", "新建改厕"}},
      {"(?:完成|新建)(?:改厕|厕所)", {"完成厕所", "完成改厕", "新建厕所", "新建改厕"}},
      {"完成改厕?(\\d+)", {"完成改"}},
      {"完成改厕*", {"完成改"}},
      {"完成改厕{2}", {"完成改"}},
      {"完成改厕+", {"完成改厕"}},
      {"(?:完成|)改厕", {"完成改厕", "改厕"}},
      {"(?:完成|新建)?改厕", {"完成改厕", "改厕", "新建改厕"}},
      {"(?:镇|乡)?财政", {"乡财政", "财政", "镇财政"}},
      {"(?:完成|新建)??改厕", {}},
      {"(?:完成|新建)*改厕", {}},
      {"(?:完成|新建)?(?:改|修)?厕所",
       {"完成修厕所", "完成厕所", "完成改厕所", "修厕所", "厕所", "改厕所", "新建修厕所",
        "新建厕所", "新建改厕所"}},
      {"(?:完成)?改", {"完成改", "改"}},
      {"(?:完成)?(?:a)?b", {}},
      {"[完新]成", {}},
      {"\\d+户", {}},
      {"\\(一\\)工作", {"(一)工作"}},
      {"ab", {}},  // too short to anchor on
      {"(?i)完成", {}},
      {"(?P<n>\\d+)户", {}},
      {"(?P<measure>刑拘|行政拘留)(?P<n>\\d+)人", {"刑拘", "行政拘留"}},
      {"完成|新建", {}},
      {"(?:完成|新建)改厕|道路", {}},
      {"完成(?:改厕|户厕)|x", {}},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.pattern));
    std::vector<std::string> expected = row.expected;
    std::sort(expected.begin(), expected.end());
    CHECK(PrefixLiterals(row.pattern) == expected);
  }
}

TEST_CASE("match: where a pattern splits into its literals and the rest") {
  struct Row {
    const char* pattern;
    size_t rest;            // npos: does not split
    size_t after_literals;  // where the rest starts all the same; npos: nowhere
  };
  constexpr size_t kNo = std::string_view::npos;
  const Row rows[] = {
      {"完成改厕(\\d+)户", 12, 12},
      {"(?:完成|新建)改厕(\\d+)", 23, 23},
      {"完成改厕?(\\d+)", 9, 9},         // the optional character stays in the rest
      {"完成改厕+", kNo, kNo},           // the literal keeps one 厕 the rest would repeat
      {"(?:镇|乡)?财政(\\d+)", 18, 18},  // 镇财政, 乡财政, 财政: none a prefix of another
      {"(?:完成|完成了)改厕", 26, 26},   // 完成改厕, 完成了改厕
      {"(?:改|改厕)?厕", kNo, 18},       // 改厕 is a prefix of 改厕厕
      {"(?P<measure>刑拘|行政拘留)(?P<n>\\d+)人", kNo, 32},  // the prefix captures
      {"完成改厕", 12, 12},
      {"\\d+户", kNo, kNo},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.pattern));
    const LiteralPrefix prefix = SplitLiteralPrefix(row.pattern);
    CHECK(prefix.rest == row.rest);
    CHECK(prefix.after_literals == row.after_literals);
  }
}

}  // namespace
}  // namespace glean::internal

namespace glean::internal {
namespace {

TEST_CASE("match: words every match of a pattern holds, and how far from its ends") {
  struct Row {
    const char* pattern;
    std::vector<std::string> words;  // empty: none
    size_t max_before;
    size_t max_after;
    size_t piece;  // which piece holds them
  };
  constexpr size_t kNone = std::string_view::npos;
  const Row rows[] = {
      {"(?P<kind>[\\p{Han}]{2,8}?)(?:巡查|整治|检查)(?:行动)?(\\d+)次",
       {"巡查", "整治", "检查"},
       32,
       kNone,
       1},
      {"(\\d+)个村民小组", {"个村民小组"}, kNone, 0, 1},  // a figure has no bound
      {"[^,。]{0,3}完成(\\d{1,3})户", {"完成"}, 12, 12 + 3, 1},
      {"(?:全镇|我镇)?[^,。]{0,3}改厕", {"改厕"}, 6 + 12, 0, 2},
      {"(?:、|种植)(\\d+)亩", {"、", "种植"}, 0, kNone, 0},  // the first such piece
      {"(\\d+)(?:户|人)?", {}, 0, 0, 0},                     // only an optional word
      {"a(\\d+)", {}, 0, 0, 0},                              // shorter than a Chinese character
      {"(?:x|y)+完成", {"完成"}, kNone, 0, 1},               // a repeated group: no bound
      // A lookbehind written before the word: at most one character, or the text's start.
      {"(?:^|[^散中])供养五保户(\\d+)户", {"供养五保户"}, 4, kNone, 1},
      // The longer alternative: a class (a character of up to 4 bytes) and 个, or 第 and a digit.
      {"(?:[一二]个|第\\d)?(?:整治|检查)(\\d+)次", {"整治", "检查"}, 4 + 3, kNone, 1},
      {"(?:^|[^散中]|\\d+)供养五保户", {"供养五保户"}, kNone, 0, 1},  // \d+ has no bound
  };
  for (const Row& row : rows) {
    INFO(std::string(row.pattern));
    const std::optional<PatternPieces> pieces = ReadPatternPieces(row.pattern);
    REQUIRE(pieces.has_value());
    const std::optional<RequiredWords> required = RequiredWordsOf(*pieces, 3);
    if (row.words.empty()) {
      CHECK_FALSE(required.has_value());
      continue;
    }
    REQUIRE(required.has_value());
    CHECK(required->words == row.words);
    CHECK(required->max_before == row.max_before);
    CHECK(required->max_after == row.max_after);
    CHECK(required->piece == row.piece);
  }
  // The fewest bytes before the word: the digit before 人 (optional pieces add none, nor does a
  // group the reader names no kind of, the first).
  const std::optional<PatternPieces> pair =
      ReadPatternPieces("(\\d+(?:\\.\\d+)?万?户)\\d+(?:\\.\\d+)?万?(?:人|名)(?:建档立卡)?贫困");
  REQUIRE(pair.has_value());
  const std::optional<RequiredWords> poor = RequiredWordsOf(*pair, 3);
  REQUIRE(poor.has_value());
  CHECK(poor->words == std::vector<std::string>{"人", "名"});
  CHECK(poor->min_before == 1);
  CHECK_FALSE(ReadPatternPieces("完成|新建").has_value());  // a top-level alternative
  CHECK_FALSE(ReadPatternPieces("^完成").has_value());      // an anchor
}

}  // namespace
}  // namespace glean::internal
