// Which figure rules take a figure's unit and status: the index must answer exactly as asking
// each rule would.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/rules/compiled_rule_set.h"
#include "engine/rules/unit_status_index.h"
#include "glean/document.h"
#include "glean/figure.h"
#include "glean/rule_set.h"
#include "support/run_command.h"

namespace glean::internal {
namespace {

// Rule by rule: its unit list is empty or holds the unit, or a longer unit the text ends with;
// its status list is empty or holds the status.
bool Takes(const FigureRule& rule, std::string_view unit, std::string_view text,
           FigureStatus status) {
  const bool unit_fits =
      rule.units.empty() || std::any_of(rule.units.begin(), rule.units.end(), [&](const auto& u) {
        return u == unit || (u.size() > unit.size() && text.ends_with(u));
      });
  const bool status_fits =
      rule.statuses.empty() ||
      std::find(rule.statuses.begin(), rule.statuses.end(), status) != rule.statuses.end();
  return unit_fits && status_fits;
}

void CheckAgainstRules(const std::vector<FigureRule>& rules, const UnitStatusIndex& index,
                       std::string_view unit, std::string_view text, FigureStatus status) {
  INFO(std::string(text), " ", std::string(unit), " ", FigureStatusName(status));
  UnitStatusIndex::Rules taking;
  index.RulesTaking(unit, text, status, &taking);
  for (size_t r = 0; r < rules.size(); ++r) {
    INFO(rules[r].id);
    CHECK(taking.Has(r) == Takes(rules[r], unit, text, status));
  }
}

TEST_CASE("unit and status index: the rules that take a unit, written or with its magnitude") {
  std::vector<FigureRule> rules(5);
  rules[0].units = {"元"};
  rules[1].units = {"亿元", "万元"};
  rules[2].units = {"户", "人"};
  rules[2].statuses = {FigureStatus::kPlan};
  rules[3].statuses = {FigureStatus::kResult, FigureStatus::kExpected};
  rules[4].units = {"元/斤"};
  const UnitStatusIndex index(rules);
  const struct {
    std::string_view unit, text;
  } figures[] = {{"元", "3.2亿元"}, {"元", "500万元"}, {"元", "12元"}, {"户", "650余户"},
                 {"人", "95人"},    {"元", "3元/斤"},  {"%", "5.5%"},  {"元", "亿元"}};
  for (const auto& figure : figures) {
    for (FigureStatus status : {FigureStatus::kResult, FigureStatus::kPlan, FigureStatus::kExpected,
                                FigureStatus::kTarget}) {
      CheckAgainstRules(rules, index, figure.unit, figure.text, status);
    }
  }
  UnitStatusIndex::Rules taking;
  index.RulesTaking("元", "3.2亿元", FigureStatus::kPlan, &taking);
  CHECK(taking.Has(0));
  CHECK(taking.Has(1));
  CHECK_FALSE(taking.Has(2));
  CHECK_FALSE(taking.Has(3));
  CHECK(taking.Meets(index.SetOf({1, -1})));
  CHECK_FALSE(taking.Meets(index.SetOf({2, 3})));
}

TEST_CASE("unit and status index: the stock rules on every figure of the sample reports") {
  Result<RuleSet> rules = RuleSet::Load({testing::SourceDir() + "/rules"});
  REQUIRE(rules.ok());
  const CompiledRuleSet& compiled = rules.value().compiled();
  const UnitStatusIndex& index = compiled.figure_units;
  size_t figures = 0;
  for (const char* name : {"anon-town-2022.txt", "junping-2021.txt", "junping-2023.txt",
                           "lijiang-2021-traditional.txt", "maotian-2021-pdf.txt"}) {
    Result<Document> document =
        Document::Load(name, testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/" + name),
                       rules.value().normalize_options());
    REQUIRE(document.ok());
    for (const Figure& figure : FiguresOf(document.value())) {
      const std::string_view text =
          document.value().normalized().substr(figure.begin, figure.end - figure.begin);
      CheckAgainstRules(compiled.figure_rules, index, figure.value.unit, text, figure.status);
      ++figures;
    }
  }
  CHECK(figures > 300);
}

}  // namespace
}  // namespace glean::internal
