// The run-time instruments of `extract` on real report text: `explain` shows each reason a match
// is dropped, `coverage` agrees with `--figures`, and `--stats` adds up (issue #17).
#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run_command.h"

namespace glean::testing {
namespace {

// The stock rules as they were when these expectations were written (the first 130), kept apart so
// that the instruments are tested against rules that do not change under them.
constexpr char kRules[] = "tests/data/instruments/rules/";

const std::vector<std::string> kCorpus = {"anon-town-2022.txt", "junping-2021.txt",
                                          "junping-2023.txt", "lijiang-2021-traditional.txt",
                                          "maotian-2021-pdf.txt"};

// Rules wrong on purpose in one way each: a group that can never be a number, a `within` that no
// heading of the report satisfies.
constexpr char kWrongRules[] = "tests/data/instruments/scope_and_type.yaml";

CommandResult Extract(std::vector<std::string> args) {
  args.insert(args.begin(), ExtractBinary());
  return RunCommand(args, "", SourceDir());  // paths relative to the source tree, as printed
}

// `extract explain` of one rule over a report, restricted by `where` (--line N or --near TEXT).
CommandResult Explain(const std::string& rules, const std::string& report, const std::string& rule,
                      const std::vector<std::string>& where) {
  std::vector<std::string> args = {"explain", "--rules", rules, "tests/data/corpus/" + report,
                                   "--rule",  rule};
  args.insert(args.end(), where.begin(), where.end());
  return Extract(args);
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST_CASE("explain: a literal without a match shows how far the pattern got and where it stopped") {
  const CommandResult result =
      Explain(kRules, "anon-town-2022.txt", "agriculture.crop_area", {"--near", "通、黎三县"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:3:21: agriculture.crop_area: dropped (no_match)\n"
        "  original:   、黔两省，靖、通、黎三县交\n"
        "  normalized: 、黔两省,靖、通、黎三县交\n"
        "  literal:    found at 3:21\n"
        "  pattern:    matches `(?:、|种植)(?P<crop>[\\p{Han}]{2,4}?)` over '、黔两'\n"
        "              stops at `{area}` before '省,靖、通、黎三县交'\n"
        "  → dropped: the pattern does not match from its literal\n"
        "tests/data/corpus/anon-town-2022.txt:3:27: agriculture.crop_area: dropped (no_match)\n"
        "  original:   、通、黎三县交界之地。\n"
        "  normalized: 、通、黎三县交界之地。\n"
        "  literal:    found at 3:27\n"
        "  pattern:    matches `(?:、|种植)` over '、'\n"
        "              stops at `(?P<crop>[\\p{Han}]{2,4}?)` before '通、黎三县交界之地。'\n"
        "  → dropped: the pattern does not match from its literal\n"
        "tests/data/corpus/anon-town-2022.txt:3:29: agriculture.crop_area: dropped (no_match)\n"
        "  original:   、黎三县交界之地。镇域总面\n"
        "  normalized: 、黎三县交界之地。镇域总面\n"
        "  literal:    found at 3:29\n"
        "  pattern:    matches `(?:、|种植)(?P<crop>[\\p{Han}]{2,4}?)` over '、黎三'\n"
        "              stops at `{area}` before '县交界之地。镇域总面'\n"
        "  → dropped: the pattern does not match from its literal\n");
}

TEST_CASE("explain: a capture that is no value of its type names the field, its text and why") {
  const CommandResult result =
      Explain(kWrongRules, "anon-town-2022.txt", "instruments.land_kind", {"--line", "8"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:8:222: instruments.land_kind: dropped (field)\n"
        "  original:   流转土地60亩\n"
        "  normalized: 流转土地60亩\n"
        "  pattern:    matched '流转土地60亩'\n"
        "  field value: '土地' ✗ no value of its type\n"
        "  → dropped: field 'value': '土地' holds no figure, so it is no number (a group is a "
        "number unless `fields:` gives it another type, such as {type: text})\n");
}

TEST_CASE("explain: a unit the slot does not take names the unit read") {
  const CommandResult result = Explain(kRules, "anon-town-2022.txt", "agriculture.crop_area",
                                       {"--near", "提醒谈话12余人次"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:7:149: agriculture.crop_area: dropped (unit)\n"
        "  original:   、提醒谈话12余人次\n"
        "  normalized: 、提醒谈话12余人次\n"
        "  pattern:    matched '、提醒谈话12余人次'\n"
        "  field crop: '提醒谈话' → 提醒谈话\n"
        "  field area: '12余人次' → 12 人次 (more)\n"
        "  → dropped: field 'area' reads with unit '人次', which the slot's units do not list\n");
}

TEST_CASE("explain: unless shows the sentence, in the original, that turned the match away") {
  const CommandResult result = Explain(kRules, "maotian-2021-pdf.txt", "agriculture.planted_area",
                                       {"--near", "黄茶种植面积"});
  CHECK(result.exit_code == 0);
  const std::string expected =
      "tests/data/corpus/maotian-2021-pdf.txt:21:584: agriculture.planted_area: dropped (unless)\n"
      "  original:   种植面积 约 2000 亩\n"
      "  normalized: 种植面积约2000亩\n"
      "  pattern:    matched '种植面积约2000亩'\n"
      "  field area: '2000亩' → 2000 亩\n"
      "  sentence:   立足 高海拔优势,着力发展高山云雾茶,目前全镇黄茶种植面积 约 2000 亩, "
      "规划明年伊始以鸣山村 300 亩高品质种植产学 研基地为点,逐步辐射推广周边村落发展成片种植,"
      "形成黄⏎⏎茶产业基地。\n"
      "  → dropped: its sentence matches `unless`\n";
  CHECK(result.out.find(expected) != std::string::npos);
  INFO(result.out);
}

TEST_CASE("explain: a value condition the fields fail is its own reason") {
  const CommandResult result =
      Explain(kWrongRules, "anon-town-2022.txt", "instruments.large_transfers", {"--line", "8"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:8:222: instruments.large_transfers: dropped "
        "(where)\n"
        "  original:   流转土地60亩\n"
        "  normalized: 流转土地60亩\n"
        "  pattern:    matched '流转土地60亩'\n"
        "  field area: '60亩' → 60 亩\n"
        "  → dropped: its fields' values fail `where`\n");
}

TEST_CASE("explain: within shows the headings, none of which matched") {
  const CommandResult result =
      Explain(kWrongRules, "anon-town-2022.txt", "instruments.land_in_safety", {"--line", "8"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:8:222: instruments.land_in_safety: dropped "
        "(within)\n"
        "  original:   流转土地60亩\n"
        "  normalized: 流转土地60亩\n"
        "  pattern:    matched '流转土地60亩'\n"
        "  field area: '60亩' → 60 亩\n"
        "  headings:   一、工作开展情况 › 4、夯实基础,激发活力,全面推进乡村振兴\n"
        "  → dropped: no enclosing heading matches `within`\n");
}

TEST_CASE("explain: not_within names the heading that matched") {
  const CommandResult result =
      Explain(kRules, "anon-town-2022.txt", "agriculture.land_transferred", {"--line", "15"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:15:102: agriculture.land_transferred: dropped "
        "(not_within)\n"
        "  original:   土地流转2000多亩\n"
        "  normalized: 土地流转2000多亩\n"
        "  pattern:    matched '土地流转2000多亩'\n"
        "  field area: '2000多亩' → 2000 亩 (more)\n"
        "  headings:   二、下一步工作计划 › 4、壮大集体经济\n"
        "  → dropped: the heading '二、下一步工作计划' matches `not_within`\n");
}

TEST_CASE("explain: a lost overlap names the winning rule, the original beside the normalized") {
  const CommandResult result = Explain(kRules, "lijiang-2021-traditional.txt",
                                       "sanitation.toilets_renovated", {"--line", "7"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/lijiang-2021-traditional.txt:7:335: sanitation.toilets_renovated: "
        "dropped (overlap)\n"
        "  original:   完成改廁650餘戶\n"
        "  normalized: 完成改厕650余户\n"
        "  pattern:    matched '完成改厕650余户'\n"
        "  field count: '650余户' → 650 户 (more)\n"
        "  winner:     sanitation.toilets_renovated_since over '今年來完成改廁650餘戶'\n"
        "  → dropped: lost the overlap to sanitation.toilets_renovated_since\n");
}

TEST_CASE("explain --json: one object a place, with the outcome and why") {
  const CommandResult result = Explain(kRules, "lijiang-2021-traditional.txt",
                                       "sanitation.toilets_renovated", {"--line", "7", "--json"});
  CHECK(result.exit_code == 0);
  const std::vector<nlohmann::json> lines = JsonLines(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["outcome"] == "overlap");
  CHECK(lines[0]["text"] == "完成改廁650餘戶");
  CHECK(lines[0]["normalized"] == "完成改厕650余户");
  CHECK(lines[0]["winner"] == "sanitation.toilets_renovated_since");
  CHECK(lines[0]["fields"][0]["value"] == "650 户 (more)");
}

TEST_CASE("explain: an unknown rule id and text that is not there are errors") {
  CommandResult result = Explain(kRules, "anon-town-2022.txt", "agriculture.crop_aera", {});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "extract: error: no pattern rule has the id 'agriculture.crop_aera'\n");
  result = Explain(kRules, "anon-town-2022.txt", "agriculture.crop_area", {"--near", "火星"});
  CHECK(result.exit_code == 1);
  CHECK(result.err ==
        "extract: error: '火星' does not occur in tests/data/corpus/anon-town-2022.txt (as "
        "normalized)\n");
}

TEST_CASE("coverage: its counts agree with extract --figures and extract figures on each report") {
  for (const std::string& report : kCorpus) {
    INFO(report);
    const std::string path = "tests/data/corpus/" + report;
    const CommandResult coverage = Extract({"coverage", "--rules", "rules/", path, "--json"});
    REQUIRE(coverage.exit_code == 0);
    const nlohmann::json summary = nlohmann::json::parse(coverage.out);
    const CommandResult facts = Extract({"--rules", "rules/", "--figures", path});
    REQUIRE(facts.exit_code == 0);
    size_t unclaimed = 0;
    std::map<std::string, uint64_t> kept;  // by rule
    for (const nlohmann::json& fact : JsonLines(facts.out)) {
      const std::string rule = fact["rule"];
      if (rule == "builtin.figure") {
        ++unclaimed;
      } else if (rule != "builtin.document") {
        ++kept[rule];
      }
    }
    const CommandResult figures = Extract({"figures", "--rules", "rules/", "--json", path});
    REQUIRE(figures.exit_code == 0);
    CHECK(summary["figures"] == JsonLines(figures.out).size());
    CHECK(summary["unclaimed"] == unclaimed);
    CHECK(summary["claimed"] == JsonLines(figures.out).size() - unclaimed);
    uint64_t listed = 0;
    for (const nlohmann::json& group : summary["unclaimed_by_label"])
      listed += group["count"].get<uint64_t>();
    CHECK(listed == unclaimed);
    // Pattern rules' facts are the kept matches (figure rules are not traced).
    // Not a structured binding: clang 14 does not let INFO's lambda capture one.
    for (const auto& item : summary["rules"].items()) {
      const std::string& rule = item.key();
      INFO(rule);
      CHECK(item.value()["kept"] == kept[rule]);
    }
  }
}

TEST_CASE("--stats: facts unchanged on stdout, and by rule matched = kept + every drop") {
  const CommandResult plain = Extract({"--rules", kRules, "tests/data/corpus"});
  const CommandResult stats = Extract({"--rules", kRules, "--stats", "tests/data/corpus"});
  REQUIRE(stats.exit_code == 0);
  CHECK(stats.out == plain.out);
  std::map<std::string, uint64_t> facts;  // by rule
  for (const nlohmann::json& fact : JsonLines(plain.out)) ++facts[fact["rule"].get<std::string>()];
  std::istringstream table(stats.err);
  std::string line;
  std::getline(table, line);
  CHECK(line.rfind("rule ", 0) == 0);
  std::vector<uint64_t> sums(9, 0);
  size_t rows = 0;
  while (std::getline(table, line)) {
    std::istringstream row(line);
    std::string rule;
    std::vector<uint64_t> numbers(9);  // matched kept field unit unless within not_within overlap
                                       // no_match
    row >> rule;
    for (uint64_t& number : numbers) row >> number;
    INFO(line);
    CHECK(numbers[0] ==
          numbers[1] + numbers[2] + numbers[3] + numbers[4] + numbers[5] + numbers[6] + numbers[7]);
    if (rule == "total") {
      CHECK(numbers == sums);
      continue;
    }
    ++rows;
    CHECK(numbers[1] == facts[rule]);
    for (size_t i = 0; i < numbers.size(); ++i) sums[i] += numbers[i];
  }
  CHECK(rows > 50);
}

}  // namespace
}  // namespace glean::testing
