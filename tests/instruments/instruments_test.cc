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

// Figure rules: copies of stock figure rules as they were when these expectations were written,
// beside a pattern rule one of them loses an overlap to, and figure rules wrong on purpose in one
// way each (a status, a `where`, a `within`, a `not_within`).
constexpr char kFigureRules[] = "tests/data/instruments/figure_rules.yaml";

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

TEST_CASE("explain: a value condition the fields fail is its own reason, and says which failed") {
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
        "  → dropped: `where`: area >= 1000 亩 failed: 60 亩\n");
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
  CHECK(result.err == "extract: error: no rule has the id 'agriculture.crop_aera'\n");
  result = Explain(kRules, "anon-town-2022.txt", "agriculture.crop_area", {"--near", "火星"});
  CHECK(result.exit_code == 1);
  CHECK(result.err ==
        "extract: error: '火星' does not occur in tests/data/corpus/anon-town-2022.txt (as "
        "normalized)\n");
}

TEST_CASE("explain: a figure rule's label that does not match shows the closest part of it") {
  const CommandResult result =
      Explain(kFigureRules, "anon-town-2022.txt", "party.cadres", {"--near", "一肩挑"});
  CHECK(result.exit_code == 0);
  CHECK(
      result.out ==
      "tests/data/corpus/anon-town-2022.txt:5:238: party.cadres: dropped (label)\n"
      "  original:   全镇11个\n"
      "  normalized: 全镇11个\n"
      "  figure:     '11个' → 11 个; status result; period 2022\n"
      "  label:      '全镇村(社区)支书' ✗ against "
      "`干部$|后备力量|两委(?:成员|班子)?$|选调生|大学生村官…`\n"
      "  closest:    `村官$` gets as far as `村` over '村', and stops at `官` before '(社区)支书'\n"
      "  clause:     '全镇'\n"
      "  → dropped: the figure's label '全镇村(社区)支书' does not match `label`\n"
      "tests/data/corpus/anon-town-2022.txt:5:259: party.cadres: dropped (label)\n"
      "  original:   主任“一肩挑”比例达100%\n"
      "  normalized: 主任“一肩挑”比例达100%\n"
      "  figure:     '100%' → 100 %; status result; period 2022\n"
      "  label:      '主任一肩挑比例' ✗ against "
      "`干部$|后备力量|两委(?:成员|班子)?$|选调生|大学生村官…`\n"
      "  closest:    `主任$` gets as far as `主任` over '主任', and stops at `$` before "
      "'一肩挑比例'\n"
      "  clause:     '主任“一肩挑”比例达'\n"
      "  → dropped: the figure's label '主任一肩挑比例' does not match `label`\n"
      "tests/data/corpus/anon-town-2022.txt:5:272: party.cadres: dropped (label)\n"
      "  original:   新一届村（社区）56名\n"
      "  normalized: 新一届村(社区)56名\n"
      "  figure:     '56名' → 56 名; status result; period 2022\n"
      "  label:      '两委班子成员' ✗ against "
      "`干部$|后备力量|两委(?:成员|班子)?$|选调生|大学生村官…`\n"
      "  closest:    `两委(?:成员|班子)?$` gets as far as `两委(?:成员|班子)?` over '两委班子', "
      "and stops at `$` before '成员'\n"
      "  clause:     '新一届村(社区)'\n"
      "  → dropped: the figure's label '两委班子成员' does not match `label`\n"
      "tests/data/corpus/anon-town-2022.txt:5:299: party.cadres: dropped (label)\n"
      "  original:   大专及以上学历19名\n"
      "  normalized: 大专及以上学历19名\n"
      "  figure:     '19名' → 19 名; status result; period 2022\n"
      "  label:      '大专及以上学历' ✗ against "
      "`干部$|后备力量|两委(?:成员|班子)?$|选调生|大学生村官…`\n"
      "  closest:    `大学生村官` gets as far as `大` over '大', and stops at `学` before "
      "'专及以上学历'\n"
      "  clause:     '大专及以上学历'\n"
      "  → dropped: the figure's label '大专及以上学历' does not match `label`\n"
      "tests/data/corpus/anon-town-2022.txt:5:311: party.cadres: dropped (label)\n"
      "  original:   10个\n"
      "  normalized: 10个\n"
      "  figure:     '10个' → 10 个; status result; period 2022\n"
      "  label:      '村(社区)' ✗ against `干部$|后备力量|两委(?:成员|班子)?$|选调生|大学生村官…`\n"
      "  closest:    `村官$` gets as far as `村` over '村', and stops at `官` before '(社区)'\n"
      "  clause:     ''\n"
      "  → dropped: the figure's label '村(社区)' does not match `label`\n"
      "tests/data/corpus/anon-town-2022.txt:5:323: party.cadres: kept\n"
      "  original:   村（社区）均配备了1名\n"
      "  normalized: 村(社区)均配备了1名\n"
      "  figure:     '1名' → 1 名; status result; period 2022\n"
      "  label:      '大专以上学历干部' ✓ against "
      "`干部$|后备力量|两委(?:成员|班子)?$|选调生|大学生村官…`\n"
      "  unit:       '名' ✓ against 人, 名, 位\n"
      "  clause:     '村(社区)均配备了' ✓ against `干部|后备|选|配|两委|书记|带头人|村官|选调`\n"
      "  → kept: a fact\n"
      "1 other figure, whose label and clause hold nothing of the rule's `label` (dropped: label): "
      "'35岁以下' 5:308\n");
}

TEST_CASE("explain: a figure whose unit the figure rule does not take, beside one it keeps") {
  const CommandResult result = Explain(kFigureRules, "anon-town-2022.txt",
                                       "poverty.monitored_persons", {"--near", "精准识别监测户"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:8:40: poverty.monitored_persons: dropped (unit)\n"
        "  original:   精准识别监测户25户\n"
        "  normalized: 精准识别监测户25户\n"
        "  figure:     '25户' → 25 户; status result; period 2022\n"
        "  label:      '监测户' ✓ against `监测户$|监测对象$|防返贫监测|返贫致贫风险|风险监测…`\n"
        "  unit:       '户' ✗ against 人, 名, 位\n"
        "  → dropped: the figure's unit is '户', and the rule's `unit` takes 人, 名, 位\n"
        "tests/data/corpus/anon-town-2022.txt:8:43: poverty.monitored_persons: kept\n"
        "  original:   精准识别监测户25户54人\n"
        "  normalized: 精准识别监测户25户54人\n"
        "  figure:     '54人' → 54 人; status result; period 2022\n"
        "  label:      '监测户' ✓ against `监测户$|监测对象$|防返贫监测|返贫致贫风险|风险监测…`\n"
        "  unit:       '人' ✓ against 人, 名, 位\n"
        "  → kept: a fact\n");
}

TEST_CASE("explain: a figure whose status the figure rule does not take") {
  const CommandResult result =
      Explain(kFigureRules, "anon-town-2022.txt", "instruments.monitored_planned",
              {"--near", "精准识别监测户"});
  CHECK(result.exit_code == 0);
  CHECK(
      result.out ==
      "tests/data/corpus/anon-town-2022.txt:8:40: instruments.monitored_planned: dropped (unit)\n"
      "  original:   精准识别监测户25户\n"
      "  normalized: 精准识别监测户25户\n"
      "  figure:     '25户' → 25 户; status result; period 2022\n"
      "  label:      '监测户' ✓ against `监测户$`\n"
      "  unit:       '户' ✗ against 人\n"
      "  → dropped: the figure's unit is '户', and the rule's `unit` takes 人\n"
      "tests/data/corpus/anon-town-2022.txt:8:43: instruments.monitored_planned: dropped (status)\n"
      "  original:   精准识别监测户25户54人\n"
      "  normalized: 精准识别监测户25户54人\n"
      "  figure:     '54人' → 54 人; status result; period 2022\n"
      "  label:      '监测户' ✓ against `监测户$`\n"
      "  unit:       '人' ✓ against 人\n"
      "  status:     result ✗ against plan\n"
      "  → dropped: the figure's status is result, and the rule's `status` takes plan\n");
}

TEST_CASE("explain: a figure whose clause the figure rule's clause does not match") {
  const CommandResult result = Explain(kFigureRules, "anon-town-2022.txt",
                                       "safety.inspections_figures", {"--near", "矿山企业巡查"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:9:166: safety.inspections_figures: dropped (clause)\n"
        "  original:   矿山企业巡查5次\n"
        "  normalized: 矿山企业巡查5次\n"
        "  figure:     '5次' → 5 次; status result; period 2022\n"
        "  label:      '矿山企业巡查' ✓ against `检查|督查|巡查|排查|执法|暗访|检查组`\n"
        "  unit:       '次' ✓ against 次, 家次, 家, 人次, 场次, 个, 处, 轮, 车次\n"
        "  clause:     '矿山企业巡查' ✗ against "
        "`安全|消防|隐患|燃气|危化|危险化学品|执法|道路交通|…`\n"
        "  → dropped: the figure's clause '矿山企业巡查' does not match `clause`\n"
        "tests/data/corpus/anon-town-2022.txt:9:180: safety.inspections_figures: kept\n"
        "  original:   开展辖区内非法捕捞巡查10余次\n"
        "  normalized: 开展辖区内非法捕捞巡查10余次\n"
        "  figure:     '10余次' → 10 次 (more); status result; period 2022\n"
        "  label:      '非法捕捞巡查' ✓ against `检查|督查|巡查|排查|执法|暗访|检查组`\n"
        "  unit:       '次' ✓ against 次, 家次, 家, 人次, 场次, 个, 处, 轮, 车次\n"
        "  clause:     '开展辖区内非法捕捞巡查' ✓ against "
        "`安全|消防|隐患|燃气|危化|危险化学品|执法|道路交通|…`\n"
        "  → kept: a fact\n"
        "1 other figure, whose label and clause hold nothing of the rule's `label` (dropped: "
        "label): '道路交通整治' 9:155\n");
}

TEST_CASE("explain: a figure whose action the figure rule's action does not match") {
  const CommandResult result = Explain(kFigureRules, "anon-town-2022.txt",
                                       "governance.petitions_resolved", {"--near", "信访积案"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:9:271: governance.petitions_resolved: dropped "
        "(action)\n"
        "  original:   排查调解各类矛盾纠纷、信访积案40起\n"
        "  normalized: 排查调解各类矛盾纠纷、信访积案40起\n"
        "  figure:     '40起' → 40 起; status result; period 2022\n"
        "  label:      '矛盾纠纷、信访积案' ✓ against "
        "`信访(?:件|案件|事项|问题|批次|人次|积案|案)?$|来信来…`\n"
        "  unit:       '起' ✓ against 件, 批, 人次, 起, 个\n"
        "  action:     '排查调解' ✗ against `化解|办结|办理|处理|调处|息访|解决|答复|结案|清零|…`\n"
        "  → dropped: the figure's action '排查调解' does not match `action`\n"
        "1 other figure, whose label and clause hold nothing of the rule's `label` (dropped: "
        "label): '调解成功率' 9:279\n");
}

TEST_CASE("explain: a figure rule's where names the condition that failed and the value") {
  const CommandResult result = Explain(kFigureRules, "anon-town-2022.txt",
                                       "instruments.monitored_large", {"--near", "精准识别监测户"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:8:40: instruments.monitored_large: dropped (where)\n"
        "  original:   精准识别监测户25户\n"
        "  normalized: 精准识别监测户25户\n"
        "  figure:     '25户' → 25 户; status result; period 2022\n"
        "  label:      '监测户' ✓ against `监测户$`\n"
        "  unit:       '户' ✓ against 户\n"
        "  → dropped: `where`: value >= 100 failed: 25 户\n"
        "tests/data/corpus/anon-town-2022.txt:8:43: instruments.monitored_large: dropped (unit)\n"
        "  original:   精准识别监测户25户54人\n"
        "  normalized: 精准识别监测户25户54人\n"
        "  figure:     '54人' → 54 人; status result; period 2022\n"
        "  label:      '监测户' ✓ against `监测户$`\n"
        "  unit:       '人' ✗ against 户\n"
        "  → dropped: the figure's unit is '人', and the rule's `unit` takes 户\n");
}

TEST_CASE("explain: a figure rule's unless shows the sentence") {
  const CommandResult result =
      Explain(kFigureRules, "junping-2021.txt", "party.members", {"--near", "发展党员"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/junping-2021.txt:8:156: party.members: dropped (unless)\n"
        "  original:   我镇今年共发展党员15名\n"
        "  normalized: 我镇今年共发展党员15名\n"
        "  figure:     '15名' → 15 名; status result; period 2021\n"
        "  label:      '党员' ✓ against `^(?:农村|女|流动|离退休|在册|正式|无职|老|在职|机关)?…`\n"
        "  unit:       '名' ✓ against 人, 名, 位\n"
        "  sentence:   突出人才引领、凝聚发展力量，我镇今年共发展党员15名，壮大了党员干部队伍。\n"
        "  → dropped: its sentence matches `unless`\n");
}

TEST_CASE("explain: a figure rule's within shows the headings") {
  const CommandResult result =
      Explain(kFigureRules, "anon-town-2022.txt", "instruments.monitored_in_safety",
              {"--near", "精准识别监测户"});
  CHECK(result.exit_code == 0);
  CHECK(
      result.out ==
      "tests/data/corpus/anon-town-2022.txt:8:40: instruments.monitored_in_safety: dropped "
      "(within)\n"
      "  original:   精准识别监测户25户\n"
      "  normalized: 精准识别监测户25户\n"
      "  figure:     '25户' → 25 户; status result; period 2022\n"
      "  label:      '监测户' ✓ against `监测户$`\n"
      "  unit:       '户' ✓ against 户\n"
      "  headings:   一、工作开展情况 › 4、夯实基础,激发活力,全面推进乡村振兴\n"
      "  → dropped: no enclosing heading matches `within`\n"
      "tests/data/corpus/anon-town-2022.txt:8:43: instruments.monitored_in_safety: dropped (unit)\n"
      "  original:   精准识别监测户25户54人\n"
      "  normalized: 精准识别监测户25户54人\n"
      "  figure:     '54人' → 54 人; status result; period 2022\n"
      "  label:      '监测户' ✓ against `监测户$`\n"
      "  unit:       '人' ✗ against 户\n"
      "  → dropped: the figure's unit is '人', and the rule's `unit` takes 户\n");
}

TEST_CASE("explain: a figure rule's not_within names the heading") {
  const CommandResult result =
      Explain(kFigureRules, "anon-town-2022.txt", "instruments.land_transferred", {"--line", "15"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:15:106: instruments.land_transferred: dropped "
        "(not_within)\n"
        "  original:   实施土地流转2000多亩\n"
        "  normalized: 实施土地流转2000多亩\n"
        "  figure:     '2000多亩' → 2000 亩 (more); status result; period 2022\n"
        "  label:      '土地流转' ✓ against `土地流转|流转`\n"
        "  unit:       '亩' ✓ against 亩\n"
        "  headings:   二、下一步工作计划 › 4、壮大集体经济\n"
        "  → dropped: the heading '二、下一步工作计划' matches `not_within`\n");
}

TEST_CASE("explain: a figure fact that loses the overlap to a pattern rule's names the winner") {
  const CommandResult result = Explain(kFigureRules, "anon-town-2022.txt",
                                       "population.area_figures", {"--near", "镇域总面积"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "tests/data/corpus/anon-town-2022.txt:3:43: population.area_figures: dropped (overlap)\n"
        "  original:   镇域总面积196.5平方公里\n"
        "  normalized: 镇域总面积196.5平方公里\n"
        "  figure:     '196.5平方公里' → 196.5 平方公里; status result; period 2022\n"
        "  label:      '镇域总面积' ✓ against "
        "`(?:国土|辖区|总|版图|行政区域|区域|幅员|镇域|乡域|县…`\n"
        "  unit:       '平方公里' ✓ against 平方公里, 平方千米, km2\n"
        "  winner:     population.area_total over '镇域总面积196.5平方公里'\n"
        "  → dropped: lost the overlap to population.area_total\n"
        "tests/data/corpus/anon-town-2022.txt:3:111: population.area_figures: dropped (label)\n"
        "  original:   总人口2.4万余人\n"
        "  normalized: 总人口2.4万余人\n"
        "  figure:     '2.4万余人' → 24000 人 (more); status result; period 2022\n"
        "  label:      '总人口' ✗ against `(?:国土|辖区|总|版图|行政区域|区域|幅员|镇域|乡域|县…`\n"
        "  closest:    `(?:国土|辖区|总|版图|行政区域|区域|幅员|镇域|乡域|县…` gets as far as "
        "`(?:国土|辖区|总|版图|行政区域|区域|幅员|镇域|乡域|县…` over '总', and stops at `面` "
        "before '人口'\n"
        "  clause:     '总人口'\n"
        "  → dropped: the figure's label '总人口' does not match `label`\n"
        "6 other figures, whose label and clause hold nothing of the rule's `label` (dropped: "
        "label): '耕田' 3:56, '林地' 3:64, '森林蓄积' 3:75, '村' 3:85, '居委会' 3:90, "
        "'村(居)民小组' 3:96\n");
}

TEST_CASE(
    "explain --json: a figure rule's place has the figure, what the rule asks, the closest part") {
  const CommandResult result =
      Explain(kFigureRules, "anon-town-2022.txt", "party.cadres", {"--near", "一肩挑", "--json"});
  CHECK(result.exit_code == 0);
  const std::vector<nlohmann::json> lines = JsonLines(result.out);
  // Every figure of the sentence, also those a terminal lists on one line.
  REQUIRE(lines.size() == 7);
  const nlohmann::json& place = lines[1];
  CHECK(place["form"] == "figure");
  CHECK(place["outcome"] == "label");
  CHECK(place["line"] == 5);
  CHECK(place["column"] == 259);
  CHECK(place["text"] == "100%");
  CHECK(place["figure"]["label"] == "主任一肩挑比例");
  CHECK(place["figure"]["clause"] == "主任“一肩挑”比例达");
  CHECK(place["figure"]["unit"] == "%");
  CHECK(place["figure"]["status"] == "result");
  CHECK(place["rule_asks"]["unit"] == nlohmann::json::array({"人", "名", "位"}));
  CHECK(place["closest"]["alternative"] == "主任$");
  CHECK(place["closest"]["in_clause"] == false);
  CHECK(place["closest"]["matched_pattern"] == "主任");
  CHECK(place["closest"]["stopped_at"] == "$");
  CHECK(place["closest"]["matched_text"] == "主任");
  CHECK(place["why"] == "the figure's label '主任一肩挑比例' does not match `label`");
}

TEST_CASE("explain --json: a figure rule's drop by where, status and overlap say why") {
  CommandResult result = Explain(kFigureRules, "anon-town-2022.txt", "instruments.monitored_large",
                                 {"--near", "精准识别监测户", "--json"});
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["outcome"] == "where");
  CHECK(lines[0]["why"] == "`where`: value >= 100 failed: 25 户");
  CHECK(lines[1]["outcome"] == "unit");
  result = Explain(kFigureRules, "anon-town-2022.txt", "instruments.monitored_planned",
                   {"--near", "精准识别监测户", "--json"});
  lines = JsonLines(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1]["outcome"] == "status");
  CHECK(lines[1]["rule_asks"]["status"] == nlohmann::json::array({"plan"}));
  result = Explain(kFigureRules, "anon-town-2022.txt", "population.area_figures",
                   {"--near", "镇域总面积", "--json"});
  lines = JsonLines(result.out);
  REQUIRE(!lines.empty());
  CHECK(lines[0]["outcome"] == "overlap");
  CHECK(lines[0]["winner"] == "population.area_total");
  CHECK(lines[0]["winner_text"] == "镇域总面积196.5平方公里");
}

TEST_CASE("explain: a figure rule no figure's clause holds a literal of says so") {
  const CommandResult result = Explain(kFigureRules, "anon-town-2022.txt", "party.members", {});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "no figure that party.members names or nearly names: no figure's clause holds a literal "
        "of its label (--line or --near shows it on the figures there)\n");
}

TEST_CASE("--stats: figure rules' drops by reason, near misses of the label apart") {
  const CommandResult result =
      Extract({"--rules", kFigureRules, "--stats", "tests/data/corpus/anon-town-2022.txt"});
  CHECK(result.exit_code == 0);
  CHECK(result.err ==
        "rule                             matched   kept  field   unit status clause action  where "
        "unless within not_within overlap  label no_match\n"
        "governance.petitions_resolved          1      0      0      0      0      0      1      0 "
        "     0      0          0       0      0        0\n"
        "instruments.land_transferred           1      0      0      0      0      0      0      0 "
        "     0      0          1       0      1        0\n"
        "instruments.monitored_in_safety        2      0      0      1      0      0      0      0 "
        "     0      1          0       0      0        0\n"
        "instruments.monitored_large            2      0      0      1      0      0      0      1 "
        "     0      0          0       0      0        0\n"
        "instruments.monitored_planned          2      0      0      1      1      0      0      0 "
        "     0      0          0       0      0        0\n"
        "party.cadres                           1      1      0      0      0      0      0      0 "
        "     0      0          0       0      1        0\n"
        "party.members                          0      0      0      0      0      0      0      0 "
        "     0      0          0       0      0        0\n"
        "population.area_figures                1      0      0      0      0      0      0      0 "
        "     0      0          0       1      0        0\n"
        "population.area_total                  1      1      0      0      0      0      0      0 "
        "     0      0          0       0      0        0\n"
        "poverty.monitored_persons              2      1      0      1      0      0      0      0 "
        "     0      0          0       0      0        0\n"
        "safety.inspections_figures             6      3      0      2      0      1      0      0 "
        "     0      0          0       0      3        0\n"
        "total                                 19      6      0      6      1      1      1      1 "
        "     0      1          1       1      5        0\n");
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
    size_t unclaimed = 0, excepted = 0;
    std::map<std::string, uint64_t> kept;  // by rule
    for (const nlohmann::json& fact : JsonLines(facts.out)) {
      const std::string rule = fact["rule"];
      if (rule == "builtin.figure") {
        ++(fact.contains("excepted") ? excepted : unclaimed);
      } else if (rule != "builtin.document") {
        ++kept[rule];
      }
    }
    const CommandResult figures = Extract({"figures", "--rules", "rules/", "--json", path});
    REQUIRE(figures.exit_code == 0);
    CHECK(summary["figures"] == JsonLines(figures.out).size());
    CHECK(summary["unclaimed"] == unclaimed);
    CHECK(summary["excepted"] == excepted);
    CHECK(summary["excepted_figures"].size() == excepted);
    CHECK(summary["claimed"] == JsonLines(figures.out).size() - unclaimed - excepted);
    uint64_t listed = 0;
    for (const nlohmann::json& group : summary["unclaimed_by_label"])
      listed += group["count"].get<uint64_t>();
    CHECK(listed == unclaimed);
    // Each rule's facts, of either form, are its kept matches: a pattern match that loses to a
    // figure fact is not counted kept.
    // Not a structured binding: clang 14 does not let INFO's lambda capture one.
    for (const auto& item : summary["rules"].items()) {
      const std::string& rule = item.key();
      INFO(rule);
      CHECK(item.value()["kept"] == kept[rule]);
    }
  }
}

TEST_CASE("coverage: excepted figures are counted apart and listed with their reason and place") {
  // Issue 18: 主要是做好四篇文章 counts the tasks of the speech, not data.
  const std::string path = "tests/data/corpus/lijiang-2021-traditional.txt";
  const CommandResult plain = Extract({"coverage", "--rules", "rules/", path});
  REQUIRE(plain.exit_code == 0);
  CHECK(plain.out.find("excepted by reason: outline 1 (listed with --excepted)\n") !=
        std::string::npos);
  CHECK(plain.out.find("四篇") == std::string::npos);
  const CommandResult listed = Extract({"coverage", "--rules", "rules/", "--excepted", path});
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out.find("  outline     " + path + ":13:74  四篇  文章\n") != std::string::npos);
  CHECK(listed.out.find("excepted by reason: outline 1\n") != std::string::npos);
  const CommandResult json = Extract({"coverage", "--rules", "rules/", "--json", path});
  const nlohmann::json summary = nlohmann::json::parse(json.out);
  CHECK(summary["excepted_by_reason"] == nlohmann::json{{"outline", 1}});
  CHECK(summary["excepted_figures"][0] ==
        nlohmann::json{
            {"reason", "outline"}, {"at", path + ":13:74"}, {"text", "四篇"}, {"label", "文章"}});
  // Nothing is lost: the main command still gives the figure, marked.
  const CommandResult facts = Extract({"--rules", "rules/", "--figures", path});
  CHECK(facts.out.find("\"text\":\"四篇\"") != std::string::npos);
  CHECK(facts.out.find("\"excepted\":\"outline\"") != std::string::npos);
}

TEST_CASE("--stats: facts unchanged on stdout, and by rule matched = kept + every drop") {
  // The stock rules: figure rules with the pattern rules, each form's drops in their columns.
  const CommandResult plain = Extract({"--rules", "rules/", "tests/data/corpus"});
  const CommandResult stats = Extract({"--rules", "rules/", "--stats", "tests/data/corpus"});
  REQUIRE(stats.exit_code == 0);
  CHECK(stats.out == plain.out);
  std::map<std::string, uint64_t> facts;  // by rule
  for (const nlohmann::json& fact : JsonLines(plain.out)) ++facts[fact["rule"].get<std::string>()];
  std::istringstream table(stats.err);
  std::string line;
  std::getline(table, line);
  std::istringstream header(line);
  std::vector<std::string> columns;
  for (std::string column; header >> column;) columns.push_back(column);
  REQUIRE(columns == std::vector<std::string>{"rule", "matched", "kept", "field", "unit", "status",
                                              "clause", "action", "where", "unless", "within",
                                              "not_within", "overlap", "label", "no_match"});
  const size_t numbers_count = columns.size() - 1;
  std::vector<uint64_t> sums(numbers_count, 0);
  size_t rows = 0, figure_rows_kept = 0, label_drops = 0;
  while (std::getline(table, line)) {
    std::istringstream row(line);
    std::string rule;
    std::vector<uint64_t> numbers(numbers_count);
    row >> rule;
    for (uint64_t& number : numbers) row >> number;
    INFO(line);
    // matched: kept and every drop but the near misses (label, no_match), the last two.
    uint64_t candidates = 0;
    for (size_t i = 1; i + 2 < numbers_count; ++i) candidates += numbers[i];
    CHECK(numbers[0] == candidates);
    if (rule == "total") {
      CHECK(numbers == sums);
      label_drops = numbers[numbers_count - 2];
      continue;
    }
    ++rows;
    CHECK(numbers[1] == facts[rule]);
    if (rule.ends_with("_figures") && numbers[1] > 0) ++figure_rows_kept;
    for (size_t i = 0; i < numbers.size(); ++i) sums[i] += numbers[i];
  }
  CHECK(rows > 500);
  CHECK(figure_rows_kept > 0);
  CHECK(label_drops > 0);
}

}  // namespace
}  // namespace glean::testing
