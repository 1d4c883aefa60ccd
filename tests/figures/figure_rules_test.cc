// Figure rules (`figure:`): rules that name figures of the figures stage instead of spelling out
// the words before each (issue 15).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "glean/engine.h"
#include "glean/output.h"
#include "glean/rule_set.h"

namespace glean {
namespace {

// Each fact of the rules as "rule text value[ change] period status", one a line.
std::string Facts(const std::string& yaml, const std::string& text, bool figures = false) {
  Result<RuleSet> rules = RuleSet::LoadFromString(yaml, "rules.yaml");
  REQUIRE(rules.ok());
  ExtractOptions options;
  options.document_fact = false;
  options.figures = figures;
  Result<Engine> engine = Engine::Create(rules.value(), options);
  REQUIRE(engine.ok());
  Result<std::vector<Fact>> facts = engine.value().Extract("in.txt", text);
  REQUIRE(facts.ok());
  std::string out;
  for (const Fact& fact : facts.value()) {
    out += fact.rule + " " + fact.text;
    for (const Field& field : fact.fields) {
      if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
        out += " " + field.name + "=" + number->ToString() + field.unit;
      } else if (const std::string* word = std::get_if<std::string>(&field.value)) {
        out += " " + field.name + "=" + *word;
      }
    }
    out += " " + fact.period.ToString() + " " + FigureStatusName(fact.status) + "\n";
  }
  return out;
}

constexpr char kGdp[] = R"(rules:
  - id: gdp
    fact: gdp
    figure: {label: '地区生产总值|GDP', unit: [亿元, 万亿元]}
)";

TEST_CASE("figure rules: a label and a unit with its magnitude name the figure, its change kept") {
  CHECK(Facts(kGdp, "2025年，全省实现地区生产总值5.3万亿元、增长5.5%。") ==
        "gdp 5.3万亿元 label=全省地区生产总值 value=5300000000000元 change=5.5% 2025 result\n");
  // Another unit, or another label: nothing.
  CHECK(Facts(kGdp, "2025年，地区生产总值增长5.5%，完成投资300万元。").empty());
}

TEST_CASE("figure rules: label lists, action, status and within filter the figures") {
  constexpr char kRules[] = R"(rules:
  - id: toilets
    fact: toilets
    figure: {label: [改厕, 户厕改造], action: 完成, unit: 户, status: result}
  - id: planned
    fact: toilets_planned
    figure: {label: 改厕, status: [plan]}
)";
  CHECK(Facts(kRules, "2021年全年完成改厕650余户，计划2022年完成改厕800户。") ==
        "toilets 650余户 label=改厕 value=650户 2021 result\n"
        "planned 800户 label=改厕 value=800户 2022 plan\n");
}

TEST_CASE("figure rules: --figures leaves out what a figure rule named") {
  CHECK(Facts(kGdp, "2025年，地区生产总值5.3万亿元，新增就业70万人。", true) ==
        "gdp 5.3万亿元 label=地区生产总值 value=5300000000000元 2025 result\n"
        "builtin.figure 70万人 label=就业 value=700000人 2025 result\n");
}

// Issue 15: facts of figure rules took no part in overlap resolution, so a pattern rule and a
// figure rule of one fact type gave two facts of one figure.
TEST_CASE("figure rules: overlapping facts of either form resolve by priority, then length") {
  constexpr char kBoth[] = R"(rules:
  - id: toilets_pattern
    fact: toilets
    pattern: '完成改厕{count:quantity}'
  - id: toilets_figure
    fact: toilets
    figure: {label: 改厕}
)";
  const std::string text = "2021年全年完成改厕650余户。";
  // Same priority: the pattern's match is the longer.
  CHECK(Facts(kBoth, text) == "toilets_pattern 完成改厕650余户 count=650户 2021 result\n");
  // A higher priority wins over the longer match.
  std::string figure_first = kBoth;
  figure_first += "    priority: 5\n";
  CHECK(Facts(figure_first, text) == "toilets_figure 650余户 label=改厕 value=650户 2021 result\n");
  // Another fact type: both stand.
  std::string other_type = kBoth;
  other_type.replace(other_type.rfind("fact: toilets"), 13, "fact: sanitation");
  CHECK(Facts(other_type, text) ==
        "toilets_pattern 完成改厕650余户 count=650户 2021 result\n"
        "toilets_figure 650余户 label=改厕 value=650户 2021 result\n");
}

TEST_CASE("figure rules: two figure rules naming one figure as one fact type give one fact") {
  constexpr char kRules[] = R"(rules:
  - id: gdp_broad
    fact: gdp
    figure: {label: 生产总值}
  - id: gdp_exact
    fact: gdp
    figure: {label: '地区生产总值', unit: [亿元, 万亿元]}
    priority: 1
)";
  const std::string text = "2025年，全省实现地区生产总值5.3万亿元。";
  CHECK(Facts(kRules, text) ==
        "gdp_exact 5.3万亿元 label=全省地区生产总值 value=5300000000000元 2025 result\n");
  // Equal priorities: the rule loaded first.
  std::string equal = kRules;
  equal.replace(equal.find("    priority: 1\n"), 16, "");
  CHECK(Facts(equal, text) ==
        "gdp_broad 5.3万亿元 label=全省地区生产总值 value=5300000000000元 2025 result\n");
}

TEST_CASE("figure rules: a fallback rule names only the figures no other rule's fact covers") {
  constexpr char kRules[] = R"(rules:
  - id: enterprises
    fact: enterprises
    figure: {label: '企业$', unit: 家}
    fallback: true
  - id: high_tech
    fact: high_tech_enterprises
    figure: {label: 高新技术企业, unit: 家}
  - id: listed
    fact: listed_companies
    pattern: '上市企业{n:int}家'
)";
  // The specific rule of another fact type, and a pattern fact, take their figures from it.
  CHECK(Facts(kRules, "2025年新增高新技术企业120家，外贸企业30家，上市企业5家。") ==
        "high_tech 120家 label=高新技术企业 value=120家 2025 result\n"
        "enterprises 30家 label=外贸企业 value=30家 2025 result\n"
        "listed 上市企业5家 n=5 2025 result\n");
}

TEST_CASE("figure rules: of two fallback rules naming one figure, the higher priority stands") {
  constexpr char kRules[] = R"(rules:
  - id: growth
    fact: growth
    figure: {action: 提升, unit: '%'}
    fallback: true
    priority: -1
  - id: share
    fact: share
    figure: {label: '占比$', unit: '%'}
    fallback: true
)";
  CHECK(Facts(kRules, "2025年非现场检查量占比提升至70.6%，出口提升12%。") ==
        "share 70.6% label=非现场检查量占比 value=70.6% 2025 result\n"
        "growth 12% label=出口 value=12% 2025 result\n");
}

TEST_CASE("figure rules: fallback is for figure rules and is true or false") {
  Result<RuleSet> rules = RuleSet::LoadFromString(R"(rules:
  - id: a
    fact: a
    pattern: '企业{n:int}家'
    fallback: true
  - id: b
    fact: b
    figure: {label: 企业}
    fallback: often
)",
                                                  "rules.yaml");
  REQUIRE_FALSE(rules.ok());
  std::vector<std::string> errors;
  for (const Diagnostic& diagnostic : rules.diagnostics()) {
    if (diagnostic.severity == Severity::kError) errors.push_back(diagnostic.ToString());
  }
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] ==
        "rules.yaml:5:15: error[type]: 'fallback' applies to figure rules: a pattern rule's text "
        "is its own (rule a)");
  CHECK(errors[1] == "rules.yaml:9:15: error[type]: 'fallback' must be true or false (rule b)");
}

// Rules without a label are looked up by their clause, and a rule that is not kept leaves its
// label in the index without naming anything.
TEST_CASE("figure rules: a clause alone names figures; a disabled rule's label names none") {
  constexpr char kRules[] = R"(rules:
  - id: relief_disabled
    fact: relief
    enabled: false
    figure: {label: 救助, unit: [人]}
  - id: relief_persons
    fact: relief
    figure: {clause: '临时(?:困难)?救助|急难救助', unit: [人, 人次]}
)";
  CHECK(Facts(kRules, "2021年，全镇临时救助困难群众150人，发放低保金12万元，医疗救助80人。") ==
        "relief_persons 150人 label=困难群众 value=150人 2021 result\n");
}

TEST_CASE("figure rules: a status that does not exist is an error with a suggestion") {
  Result<RuleSet> rules = RuleSet::LoadFromString(R"(rules:
  - id: a
    fact: a
    figure: {label: 改厕, status: plans}
)",
                                                  "rules.yaml");
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.diagnostics()[0].ToString() ==
        "rules.yaml:4:33: error[unknown-status]: unknown status 'plans' (did you mean 'plan'?) "
        "(rule a)");
}

TEST_CASE("pattern rules: a level a match names before its figure is of a review's last year") {
  // yunnan-2026: 基本医保参保率超98% in the 这五年 paragraph is the rate reached in 2025; the
  // words of the match before its figure are the level's name, looked at as a figure's would be.
  constexpr char kRate[] = R"(rules:
  - id: rate
    fact: insurance_coverage_rate
    pattern: '医保参保率{rate:percent}'
  - id: jobs
    fact: jobs
    pattern: '城镇新增就业{count:quantity}'
    fields:
      count: {unit: 人}
)";
  constexpr char kHead[] =
      "政府工作报告\n——2026年1月20日在省第十四届人民代表大会第五次会议上\n"
      "一、“十四五”时期和2025年工作回顾\n这五年，我们着力保障和改善民生。";
  CHECK(Facts(kRate, std::string(kHead) +
                         "基本养老保险参保率超95%，待遇水平提高62%。基本医保参保率超98%。\n") ==
        "rate 医保参保率超98% rate=98% 2025 result\n");
  // Things added over the span stay of it.
  CHECK(Facts(kRate, std::string(kHead) + "城镇新增就业261.6万人。\n") ==
        "jobs 城镇新增就业261.6万人 count=2616000人 2021-2025 result\n");
}

}  // namespace
}  // namespace glean
