// Period and status of a place in a report: how the words around a figure scope the time a
// mention names (what it modifies, the span a yearly average runs over, the halves of a pair) and
// how far a forecast head reaches, on sentences of the corpus.
#include <doctest/doctest.h>

#include <iterator>
#include <string>
#include <string_view>

#include "engine/figures/figure_context.h"
#include "engine/figures/period.h"
#include "glean/figure.h"

namespace glean::figures {
namespace {

constexpr ReportYears kProvince2026{2025, 2026};  // a 2026 work report reviewing 2025
constexpr ReportYears kTown2024{2024, 2024};      // a township summary of 2024

// The context of the first occurrence of `figure` in `text`, under a heading that names `named`.
FigureContext At(std::string_view text, std::string_view figure, ReportYears years, bool plans,
                 Period named = {}) {
  const size_t at = text.find(figure);
  REQUIRE(at != std::string_view::npos);
  SectionContext section;
  section.years = years;
  section.plans = plans;
  section.period = named;
  section.period_plans = named.known() && named.first > years.reviewed;
  return ContextOf(text, section, at, at + figure.size());
}

struct Row {
  const char* text;
  const char* figure;
  bool plans;
  Period named;
  const char* period;  // Period::ToString()
  FigureStatus status;
};

void Check(const Row* rows, size_t count, ReportYears years) {
  for (size_t i = 0; i < count; ++i) {
    const Row& row = rows[i];
    INFO(std::string(row.text), " / ", std::string(row.figure));
    const FigureContext context = At(row.text, row.figure, years, row.plans, row.named);
    CHECK(context.period.ToString() == row.period);
    CHECK(context.status == row.status);
  }
}

constexpr Period kPlan15{2026, 2030};  // “十五五”

TEST_CASE("period: a mention that names a goal or a decision dates no figure (R8H#89, R8I#61)") {
  static const Row kRows[] = {
      // hunan-2026, under 二、“十五五”时期主要目标任务.
      {"综合考虑实现2035年远景目标、扛牢经济大省责任担当以及我省现实支撑条件，提出地区生产总值"
       "年均增长5%—5.5%。",
       "5%—5.5%", true, kPlan15, "2026-2030", FigureStatus::kPlan},
      // neimenggu-2026, in the work of 2026: the bases were approved in the plan before.
      {"加快建设“十四五”批复的6个沙戈荒大基地及外送通道，争取再纳规3个沙戈荒大基地，确保新增"
       "新能源装机3000万千瓦。",
       "3000万千瓦",
       true,
       {},
       "2026",
       FigureStatus::kPlan},
      {"加快建设“十四五”批复的6个沙戈荒大基地及外送通道。",
       "6个",
       true,
       {},
       "2026",
       FigureStatus::kPlan},
      {"全面完成“十四五”规划确定的12项重大工程。", "12项", true, {}, "2026", FigureStatus::kPlan},
      // A plan period that is the time of the doing still dates it.
      {"“十四五”期间建成沙戈荒大基地6个。", "6个", false, {}, "2021-2025", FigureStatus::kResult},
      {"到2035年，人均地区生产总值达到中等发达国家水平，城镇化率达到75%。", "75%", true, kPlan15,
       "2035", FigureStatus::kPlan},
  };
  Check(kRows, std::size(kRows), kProvince2026);
}

TEST_CASE("period: a plan's yearly average runs over the years up to its target year (R8I#47)") {
  static const Row kRows[] = {
      // jilin-2026: the paragraph opens with 到2030年, the heading names “十五五”.
      {"到2030年，高质量发展明显进位。主要目标包括：地区生产总值年均增长5%以上，常住人口城镇化率"
       "达到70%，全社会研发经费投入年均增长9%以上。",
       "9%", true, kPlan15, "2026-2030", FigureStatus::kPlan},
      // Without a heading that names the plan: from the year after the reviewed one.
      {"到2030年，全市地区生产总值年均增长6%。", "6%", true, {}, "2026-2030", FigureStatus::kPlan},
      // A level to reach is of the target year.
      {"到2030年，高质量发展明显进位。主要目标包括：地区生产总值年均增长5%以上，常住人口城镇化率"
       "达到69%。",
       "69%", true, kPlan15, "2030", FigureStatus::kPlan},
      // The average of the next year alone stays that year's.
      {"2026年，全市固定资产投资年均增长6%。", "6%", true, {}, "2026", FigureStatus::kPlan},
  };
  Check(kRows, std::size(kRows), kProvince2026);
}

TEST_CASE("period: the average a change starts from is the level before it (R8I#92)") {
  static const Row kRows[] = {
      // ningxia-2026, in the review of 2025.
      {"殡葬基本服务费由平均2900元下降到1000元左右。",
       "2900元",
       false,
       {},
       "2024",
       FigureStatus::kResult},
      {"殡葬基本服务费由平均2900元下降到1000元左右。",
       "1000元",
       false,
       {},
       "2025",
       FigureStatus::kResult},
      // 平均 with no pair word before it names no pair.
      {"殡葬基本服务费平均2900元。", "2900元", false, {}, "2025", FigureStatus::kResult},
  };
  Check(kRows, std::size(kRows), kProvince2026);
}

TEST_CASE("status: a year marked (预测) heads its paragraph's tally as a forecast (R8H#53)") {
  static const Row kRows[] = {
      // 040, a town summary of 2024.
      {"XX年(预测),全镇国内生产总值(gdp)为10.74亿元,乡镇企业总产值实现12.66亿元。镇本级财政收入"
       "500万元。人均gdp为5066元,农民人均纯收入3320元。",
       "3320元",
       false,
       {},
       "2024",
       FigureStatus::kExpected},
      {"2024年（预计）,全镇国内生产总值为10.74亿元。镇本级财政收入500万元。",
       "500万元",
       false,
       {},
       "2024",
       FigureStatus::kExpected},
      // Other words in the brackets are no forecast.
      {"XX年(调整后),全镇国内生产总值为10.74亿元。镇本级财政收入500万元。",
       "500万元",
       false,
       {},
       "2024",
       FigureStatus::kResult},
      // The tally ends with its paragraph.
      {"XX年(预测),全镇国内生产总值为10.74亿元。\n镇本级财政收入500万元。",
       "500万元",
       false,
       {},
       "2024",
       FigureStatus::kResult},
  };
  Check(kRows, std::size(kRows), kTown2024);
}

}  // namespace
}  // namespace glean::figures
