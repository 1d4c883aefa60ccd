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
        "gdp 5.3万亿元 label=地区生产总值 value=5300000000000元 change=5.5% 2025 result\n");
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

}  // namespace
}  // namespace glean
