// Period of a place in a report (issue 15, "Figures"): which years a figure refers to, on
// sentences of the development corpus.
#include <doctest/doctest.h>

#include <iterator>
#include <string>
#include <string_view>
#include <tuple>

#include "engine/figures/figure_context.h"
#include "engine/figures/figures.h"
#include "engine/figures/period.h"
#include "figures/context_cases.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {
namespace {

struct PeriodRow {
  const char* sentence;
  const char* figure;
  ReportYears years;
  const char* period;  // Period::ToString()
};

void CheckPeriods(const PeriodRow* rows, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const PeriodRow& row = rows[i];
    INFO(row.sentence, " / ", row.figure);
    CHECK(At(row.sentence, row.figure, row.years).period.ToString() == row.period);
  }
}

TEST_CASE("period: a year in the figure's clause or in its sentence before it") {
  static const PeriodRow kRows[] = {
      {"2021年全镇水稻种植46800亩。", "46800亩", kTown2021, "2021"},
      {"2022年，厕所革命完成423座，累计拆除垃圾焚烧炉23个", "23个", kTown2021, "2022"},
      {"2021年累计发放低保资金550万元,全镇分散供养五保户241人,2020年累计发放保障资金218万元",
       "218万元", kTown2021, "2020"},
      {"2021年累计发放低保资金550万元,全镇分散供养五保户241人,2020年累计发放保障资金218万元",
       "241人", kTown2021, "2021"},
      {"二〇二五年全省地区生产总值增长5.5%", "5.5%", kProvince2026, "2025"},
      {"截至2021年12月,乡镇政府及部门组织开展联合执法31次", "31次", kTown2021, "2021"},
      {"完成2019、2020年问题厕所整改200余个", "200余个", kTown2021, "2019-2020"},
      // issue 18: 年度 right before a count names the batch, not the time (058 xiaoxian); before
      // a verb it is the time.
      {"完成2023年度6个和美乡村省级中心村建设", "6个", ReportYears{2024, 2024}, "2024"},
      {"2023年度完成改厕60户", "60户", ReportYears{2024, 2024}, "2023"},
      {"实施《*县发展壮大新型农村集体经济五年行动计划（2021—2025年）的通知》，实施51个农村集体经济"
       "项目",
       "51个", kTown2021, "2021"},
      {"全面落实2021—2025年巩固拓展脱贫攻坚成果任务，累计投入资金3.2亿元", "3.2亿元", kTown2021,
       "2021-2025"},
      {"2013年以来累计建成高标准农田1.2万亩", "1.2万亩", kTown2021, "2013-2021"},
      {"力争到2027年全省新能源装机达到1亿千瓦", "1亿千瓦", kProvince2026, "2027"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE("period: each figure of a from-to pair has its own year") {
  constexpr ReportYears kCounty2011{2010, 2011};  // a 2011 work report reviewing 2010
  static const PeriodRow kRows[] = {
      // Its own words name the years.
      {"全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元、实现万亿级跃升", "3.68万亿元",
       kProvince2026, "2020"},
      {"全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元、实现万亿级跃升", "4.93万亿元",
       kProvince2026, "2025"},
      // They date only their own figures: the next clauses are of the five years reviewed.
      {"这五年，全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元，规上工业增加值年均增长"
       "6.5%",
       "6.5%", kProvince2026, "2021-2025"},
      // No years of their own: the year before the period, and its end.
      {"“十四五”时期，一般公共预算收入从3826.5亿元增长到4398.6亿元", "3826.5亿元", kProvince2026,
       "2020"},
      {"“十四五”时期，一般公共预算收入从3826.5亿元增长到4398.6亿元", "4398.6亿元", kProvince2026,
       "2025"},
      {"“十一五”期间，地方财政收入由2600万元增加到5300万元,年均增长15.3%", "2600万元", kCounty2011,
       "2005"},
      {"“十一五”期间，地方财政收入由2600万元增加到5300万元,年均增长15.3%", "5300万元", kCounty2011,
       "2010"},
      // 达到 states a level, and a list item after 、 is no pair's: a level reached, of the span's
      // last year (issue 18).
      {"“十四五”时期，国家级高新技术企业从0.94万家增加到1.55万家、科技型中小企业达到2.8万家",
       "2.8万家", kProvince2026, "2025"},
      // A span counted from its first year starts at that year's level (guizhou).
      {"2020年到2025年，工业投资占固定资产投资比重从17.9%提升到35.5%", "17.9%", kProvince2026,
       "2020"},
      {"2020年到2025年，工业投资占固定资产投资比重从17.9%提升到35.5%", "35.5%", kProvince2026,
       "2025"},
      // A figure joined to a pair's figure by 和 or 、 has its role (xizang, guangdong).
      {"这五年，城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元",
       "16935元", kProvince2026, "2021"},
      {"这五年，城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元",
       "23184元", kProvince2026, "2025"},
      {"“十四五”时期，困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月209元、280元提高到"
       "217元、290元",
       "280元", kProvince2026, "2020"},
      {"“十四五”时期，困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月209元、280元提高到"
       "217元、290元",
       "290元", kProvince2026, "2025"},
      // issue 18: 实有 names a stock, of the span's end; 新增 a flow over the span (yunnan).
      {"“十四五”时期，营商环境向优向好，实有经营主体688.3万户", "688.3万户", kProvince2026, "2025"},
      {"“十四五”时期，营商环境向优向好，新增经营主体370万户", "370万户", kProvince2026,
       "2021-2025"},
      // So does 主体 with no verb, in a list of the stocks at the span's end or alone; 新设
      // (newly set up) is a flow (henan, gansu).
      {"这五年，综合实力稳步提升。生产总值6.66万亿元，进出口总值9356.7亿元。经营主体1160.5万户。"
       "常住人口城镇化率60%。",
       "1160.5万户", kProvince2026, "2025"},
      {"这五年，公共资源交易实现“全省一张网”。新设经营主体62.91万户、增长33.7%。", "62.91万户",
       kProvince2026, "2021-2025"},
      // People who found work over the span are a flow, after 超过 as well; a rate reached is a
      // level (jilin).
      {"这五年，民生福祉持续增进。城镇新增就业124.27万人。高中阶段毛入学率达到96.9%。"
       "高校毕业生留省就业超过66万人。",
       "66万人", kProvince2026, "2021-2025"},
      {"这五年，民生福祉持续增进。城镇新增就业124.27万人。高中阶段毛入学率达到96.9%。"
       "高校毕业生留省就业超过66万人。",
       "96.9%", kProvince2026, "2025"},
      // issue 18: things that all reach a state are counted at the span's end; things all done
      // over it are not (shanxi).
      {"“十四五”时期，16条主要支流入黄口全部达到优良水质", "16条", kProvince2026, "2025"},
      {"“十四五”时期，12个盟市空气质量全部达标", "12个", kProvince2026, "2025"},
      // Rates each reached (均达) are levels, words of work in their names or not (R13 checks:
      // ningxia).
      {"这五年，有意愿特困人员集中供养率、新建居住区养老设施配建率均达100%。", "100%",
       kProvince2026, "2025"},
      // 年均 before the verb is the name's and says a span still.
      {"这五年，规上工业增加值年均达到8%。", "8%", kProvince2026, "2021-2025"},
      // A thing's share of the whole is held at a time, as 占比 is (R14 checks: guangdong); a
      // share that opens its clause is of the flow before it.
      {"“十四五”时期，海上风电装机规模跃居全国第一，核电装机规模占全国25.8%。", "25.8%",
       kProvince2026, "2025"},
      {"这五年，生产原煤65亿吨，占全国近三成。", "三成", kProvince2026, "2021-2025"},
      // A year's amount stated alone is the last year's (R14 checks: a Guangdong district's
      // five-year review); a sum over the span says 累计.
      {"这五年，地方公共财政预算收入7.5亿元,实现小幅增长。", "7.5亿元", kProvince2026, "2025"},
      {"这五年，地方财政收入累计1200亿元。", "1200亿元", kProvince2026, "2021-2025"},
      // A share of investment reached is a level (R13 checks: shaanxi).
      {"五年来，投资质效不断提升，民间投资占比达到42.2％。", "42.2％", kProvince2026, "2025"},
      // Places all covered are counted at the span's end too (R13 checks: guangdong).
      {"五年来，本科高校、高职院校、技师学院均实现21个地级以上市全覆盖。", "21个", kProvince2026,
       "2025"},
      {"“十四五”时期，16条主要支流治理任务全部完成", "16条", kProvince2026, "2021-2025"},
      {"“十四五”时期，新建16条、改造8条农村公路，全部达到三级标准", "16条", kProvince2026,
       "2021-2025"},
      // Things in a ranking's top are counted at the span's end, and so is the top's share; things
      // that enter no ranking are not (chongqing).
      {"五年来，85个学科进入ESI世界学科排名前1％、9个学科进入前1‰", "85个", kProvince2026, "2025"},
      {"五年来，85个学科进入ESI世界学科排名前1％、9个学科进入前1‰", "1‰", kProvince2026, "2025"},
      {"五年来，3万名学生进入高校学习", "3万名", kProvince2026, "2021-2025"},
      // A rate named by work done (治理率) is a share reached, not the work (chongqing).
      {"五年来，农村卫生厕所普及率、生活污水治理率分别提高到88%、87.5%", "87.5%", kProvince2026,
       "2025"},
      {"五年来，治理水土流失面积88万亩", "88万亩", kProvince2026, "2021-2025"},
      // 共 inside a name (教共体, 共享) says no total (R12 checks: chongqing).
      {"五年来，“教共体”覆盖率达到85%", "85%", kProvince2026, "2025"},
      // A level nearly reached (接近) is of the span's last year too (R12 checks: jiangxi).
      {"五年来，规模以上工业企业接近2万家", "2万家", kProvince2026, "2025"},
      {"五年来，共建共享项目120个", "120个", kProvince2026, "2021-2025"},
      {"五年来，城市建成区绿地率达到40.4%", "40.4%", kProvince2026, "2025"},
      // Every milestone verb alike: a level stepped onto is the span's end, a count of them the
      // span's.
      {"五年来，地区生产总值站上3万亿元台阶", "3万亿元", kProvince2026, "2025"},
      {"五年来，地区生产总值站上2个万亿元台阶", "2个", kProvince2026, "2021-2025"},
      // 累计达到 after a 新增 of the same thing is the level the additions bring it to; a total of
      // things done stays of the span (gansu).
      {"五年来，新增百亿县区26个，累计达到46个", "46个", kProvince2026, "2025"},
      {"五年来，新增百亿县区26个，累计达到46个", "26个", kProvince2026, "2021-2025"},
      {"五年来，完成投资26亿元，累计达到46亿元", "46亿元", kProvince2026, "2021-2025"},
      // A milestone reached (迈上…台阶) is the level of the span's end; one kept up over the
      // years (连续) is of the span (qinghai).
      {"这五年，全省地区生产总值历史性迈上4000亿元台阶，盐湖产业集群逐步形成", "4000亿元",
       kProvince2026, "2025"},
      {"五年来，粮食产量连续迈上1000亿斤台阶", "1000亿斤", kProvince2026, "2021-2025"},
      // A level paid per month is a level too, and so is the last of a list joined by 和
      // (neimenggu, xizang).
      {"五年来，城乡低保标准提高到每月815元和615元", "615元", kProvince2026, "2025"},
      {"五年来，地方财政收入、支出分别突破300亿元和3000亿元", "3000亿元", kProvince2026, "2025"},
      // issue 18: so do the nouns naming which standard or average it is (yidu); with no pair
      // word before them they date nothing.
      {"2018年，农村低保标准从年标准1680元提高到2760元", "1680元", kCounty2011, "2017"},
      {"2018年，农村低保标准从年标准1680元提高到2760元", "2760元", kCounty2011, "2018"},
      {"2018年，农村低保年标准1680元，提高到2760元的县有3个", "1680元", kCounty2011, "2018"},
      // 由X整合为Y is a pair as 由X增加到Y is (chongqing).
      {"“十四五”时期，园区开发区由106家整合为50家，政企分离改革和国有资产盘活", "106家",
       kProvince2026, "2020"},
      {"“十四五”时期，园区开发区由106家整合为50家，政企分离改革和国有资产盘活", "50家",
       kProvince2026, "2025"},
      {"“十四五”时期，市属重点国企由51家压减为33家", "33家", kProvince2026, "2025"},
      // 为 after no verb of change ends no pair.
      {"“十四五”时期，由政府统筹的园区为50家", "50家", kProvince2026, "2021-2025"},
      // A stock named with no verb, or after a word of approximation (近), is of the span's end: a
      // capacity, a share, an intensity, a total (ningxia, gansu, shaanxi, anhui); what was added
      // over the span stays of it.
      {"这五年，新型储能超过760万千瓦，绿氢产能近3万吨", "3万吨", kProvince2026, "2025"},
      {"这五年，新增绿氢产能近3万吨", "3万吨", kProvince2026, "2021-2025"},
      {"这五年，城市空气质量优良天数比率93.5%，地表水国控断面水质优良比例97.3%", "97.3%",
       kProvince2026, "2025"},
      {"这五年，研发投入强度2.61％、居中国西部第1", "2.61％", kProvince2026, "2025"},
      {"这五年，全社会研发投入强度突破2%", "2%", kProvince2026, "2025"},
      {"这五年，研发投入年均增长11%", "11%", kProvince2026, "2021-2025"},
      {"这五年，新增境内上市公司62家，总数186家", "186家", kProvince2026, "2025"},
      {"这五年，新增境内上市公司62家，总数186家", "62家", kProvince2026, "2021-2025"},
      // A rate named by the people of a programme (搬迁, 安置) is a rate reached; a yearly average
      // or a change stays of the span (guizhou).
      {"这五年，易地搬迁脱贫劳动力就业率达96.9%", "96.9%", kProvince2026, "2025"},
      {"这五年，退役士兵安置率100%", "100%", kProvince2026, "2025"},
      {"这五年，易地搬迁脱贫劳动力年均增长率达6.9%", "6.9%", kProvince2026, "2021-2025"},
      {"这五年，安置退役士兵3万人", "3万人", kProvince2026, "2021-2025"},
      // A bare name after 、 and a level goes on with it (neimenggu, henan); after a flow it does
      // not. An item after a multiple has its own words (yunnan).
      {"这五年，全区养老机构和设施达到9341个、床位10.5万张", "10.5万张", kProvince2026, "2025"},
      {"这五年，综合实力稳步提升。制造业单项冠军59家，国家高新技术企业1."
       "28万家、科技型中小企业3万家",
       "3万家", kProvince2026, "2025"},
      {"这五年，新建养老机构和设施9341个、床位10.5万张", "10.5万张", kProvince2026, "2021-2025"},
      {"这五年，咖啡产值增长3倍、精深加工率85%", "85%", kProvince2026, "2025"},
      {"这五年，咖啡产值增长3倍、精深加工率85%", "3倍", kProvince2026, "2021-2025"},
      // issue 18: 由上年 is the year before the reviewed one, the pair's end the reviewed year; the
      // clause after is not dated by it (ningxia). 上年 outside a pair is the year before the
      // report's own.
      {"常住人口由上年729万人增加到732万人，城镇化率达69.1%", "729万人", kProvince2026, "2024"},
      {"常住人口由上年729万人增加到732万人，城镇化率达69.1%", "732万人", kProvince2026, "2025"},
      {"常住人口由上年729万人增加到732万人，城镇化率达69.1%", "69.1%", kProvince2026, "2025"},
      {"上年完成固定资产投资100亿元", "100亿元", kProvince2026, "2025"},
      {"从2021年1月起，全镇发放高龄补贴100万元", "100万元", kProvince2026, "2021"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE("period: a paragraph that opens with a time dates its sentences that name none") {
  const std::string text =
      "一、“十四五”时期工作回顾\n"
      "刚刚过去的2025年，我们全面贯彻党中央决策部署。全省生产总值增长5.6%，一般公共预算收入增长"
      "2%。\n"
      "城镇新增就业452万人。\n";
  const Document document = Load(text);
  const SectionContext section = SectionContextAt(document, 0, kProvince2026);
  for (const char* figure : {"5.6%", "2%"}) {
    INFO(std::string(figure));
    const auto [begin, end] = Find(document, figure);
    CHECK(ContextOf(document.normalized(), section, begin, end).period.ToString() == "2025");
  }
  // The next paragraph goes on with the year the review of the five years turned to (shanxi).
  const auto [begin, end] = Find(document, "452万人");
  CHECK(
      ContextOf(document.normalized(), SectionContextAt(document, begin, kProvince2026), begin, end)
          .period.ToString() == "2025");
}

TEST_CASE("period: a numbered part of a text run together opens like a paragraph") {
  // yantian (dev 013): the PDF's lines joined into one, each part opens with (一), (二) … after a
  // sentence's end. 五年来 opening the part dates what the part does not date itself; a part
  // that opens with no time leaves its sentences to the report's year.
  constexpr ReportYears kDistrict2012{2011, 2012};
  const char* const kOpened =
      "各位代表:现在,我代表区人民政府向大会作工作报告。(一)五年来,经济实力实现跨越性提升。"
      "辖区税收收入总额连续跨越三个“十亿元”台阶,从2006年的19.8亿元增至2011年的48.6亿元;";
  CHECK(At(kOpened, "三个", kDistrict2012).period.ToString() == "2007-2011");
  CHECK(At(kOpened, "48.6亿元", kDistrict2012).period.ToString() == "2011");
  const char* const kUntimed =
      "各位代表:现在,我代表区人民政府向大会作工作报告。(一)经济实力实现跨越性提升。"
      "辖区税收收入总额连续跨越三个“十亿元”台阶。";
  CHECK(At(kUntimed, "三个", kDistrict2012).period.ToString() == "2011");
}

// The period of `figure` in `text` (its first occurrence), by its section.
std::string PeriodIn(const Document& document, std::string_view figure) {
  const auto [begin, end] = Find(document, figure);
  return ContextOf(document.normalized(), SectionContextAt(document, begin, kProvince2026), begin,
                   end)
      .period.ToString();
}

TEST_CASE("period: a part titled for the year and the five-year plan follows what its text opens") {
  // The five years first, then 刚刚过去的2025年 opens the year (henan, yunnan).
  const Document five_first = Load(
      "一、“十四五”时期和2025年工作回顾\n"
      "过去的五年极不寻常。战略性新兴产业占规上工业比重提高到28.5%。\n"
      "刚刚过去的2025年，我们迎难而上。\n"
      "（一）千方百计稳就业稳企业稳市场稳预期。城镇新增就业121.7万人。\n");
  // A level reached in the five years is of their last year.
  CHECK(PeriodIn(five_first, "28.5%") == "2025");
  CHECK(PeriodIn(five_first, "121.7万人") == "2025");
  // The year first, then 这是…的五年 paragraphs with no heading of their own (guangdong), and a
  // sentence inside a paragraph on the year that turns to the five years (回望过去五年，, guizhou).
  const Document year_first = Load(
      "一、2025年和“十四五”时期工作回顾\n"
      "地区生产总值增长3.9%。\n"
      "这是产业科技互促双强大力拓展的五年。累计创建6家国家级制造业创新中心。\n");
  CHECK(PeriodIn(year_first, "3.9%") == "2025");
  CHECK(PeriodIn(year_first, "6家") == "2021-2025");
  const Document turned = Load(
      "一、2025年和“十四五”时期工作回顾\n"
      "各位代表！2025年主要目标任务的完成，标志着“十四五”规划顺利收官。回望过去五年，困难挑战超出预"
      "期。\n"
      "（一）全面转向高质量发展新阶段。创建全国文明城市8个。\n");
  CHECK(PeriodIn(turned, "8个") == "2021-2025");
  // 刚刚过去的一年 names the year though “十四五” follows (shaanxi); a yearly average is of the
  // five years whatever the paragraph.
  const Document year_part = Load(
      "一、2025年工作回顾\n"
      "刚刚过去的一年，是“十四五”收官之年。地区生产总值增长5.1%，一般公共预算收入年均增长7.8%。\n");
  CHECK(PeriodIn(year_part, "5.1%") == "2025");
  CHECK(PeriodIn(year_part, "7.8%") == "2021-2025");
  // A plan part named for 2026-2030 and 2026: 今年 opens the year's targets (neimenggu).
  const Document plans = Load(
      "二、“十五五”时期主要目标和2026年重点工作\n"
      "“十五五”时期是高质量发展的关键时期。\n"
      "今年是“十五五”开局之年。城镇新增就业18万人以上。\n");
  CHECK(PeriodIn(plans, "18万人") == "2026");
  // A part that names no time reviews the year, and turns to the five years where a paragraph
  // opens with them (jilin).
  const Document untimed = Load(
      "一、工作回顾\n"
      "过去一年，全省地区生产总值增长5.5%。\n"
      "“十四五”时期是吉林高质量发展攻坚克难的五年。人均地区生产总值增长25%左右。\n"
      "二、2026年工作安排\n");
  CHECK(PeriodIn(untimed, "5.5%") == "2025");
  CHECK(PeriodIn(untimed, "25%") == "2021-2025");
  // A part about two spans: a yearly average of the targets the text turned to is of the plan's
  // years, not of the span reviewed (issue 18, beijing-2026); before the turn, of the review's.
  const Document two_spans = Load(
      "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
      "“十四五”时期是极不平凡的五年。服务业增加值年均增长6.2%。\n"
      "“十五五”时期是全面发力的关键时期。服务贸易年均增速5%左右。\n");
  CHECK(PeriodIn(two_spans, "6.2%") == "2021-2025");
  CHECK(PeriodIn(two_spans, "5%") == "2026-2030");
  // Such a part says plans, yet a level reached in its review is of the span's last year
  // (beijing-2026); things done over the span stay of it, and a level planned of the plan's span.
  const Document two_spans_levels = Load(
      "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
      "这五年，我们系统治理、持续攻坚。超额完成新一轮百万亩造林绿化工程，成功创建全域国家森林城市，"
      "公园总数达1136个。\n"
      "“十五五”时期是全面发力的关键时期。城镇化率提高到70%。\n");
  CHECK(PeriodIn(two_spans_levels, "1136个") == "2025");
  CHECK(PeriodIn(two_spans_levels, "百万亩") == "2021-2025");
  CHECK(PeriodIn(two_spans_levels, "70%") == "2026-2030");
}

TEST_CASE("period: a level reached in a review of several years is of the last year") {
  // Sentences of the five-year reviews of chongqing, hunan, neimenggu, jilin, guangdong and
  // jingning (a 十一五 review), under a part about the five years.
  const Document review = Load(
      "一、“十四五”时期工作回顾\n"
      "五年来，我们坚持以城带乡、协同共进。高速公路通车里程达到4771公里、“县县通高速”全面实现，"
      "城市轨道交通运营线路增至14条、运营里程超过580公里，中心城区累计建成“40桥24隧”、"
      "城市道路突破7000公里。五年改造城镇老旧小区8074个。"
      "农村供电可靠率、自来水普及率分别达99.9%、94.5%。"
      // A list of levels whose first is in 张, which joins them as 个 does (shaanxi).
      "每千人床位数、执业(助理)医师数增至7.83张、3.57个。"
      // What one year holds, in 人次 (hunan, yunnan, shaanxi); not a count over several years.
      "长沙机场旅客年吞吐量突破3000万人次。昆明长水国际机场年度旅客吞吐量近5000万人次、创历史新高。"
      "年接待游客超过8亿人次。五年接待游客30亿人次。"
      "电力总装机规模3.1亿千瓦，新能源装机1.7亿千瓦，电力外送量连续21年居全国首位。"
      "财政收入达到1350亿元，3年增长58.6%。森林覆盖率提高1.64个百分点。"
      "办理人大代表建议4249件、政协提案3542件，办结率100%。"
      "进出口总额接连突破8万亿元、9万亿元。规上工业增加值年均增长6.5%。"
      "一般公共预算收入从3826.5亿元增长到4398.6亿元。"
      "特色产业发展取得重大突破,新植果树经济林44万亩,总面积达到76万亩,产值14.7亿元。"
      "公共充电桩达到13万台。一产增加值突破3000亿元。规上数字经济核心产业企业营收超1.4万亿元。"
      "基本养老保险参保率超95%。免费送戏下乡超8万场。开工项目超1万个。"
      "跨境电商综试区扩容至7个。新增上市公司48家、总量达122家。累计建成高标准农田4397万亩、推广水稻"
      "种植面积超600万亩。"
      "累计净增各类经营主体155万户、总量达474万户。"
      "农村公路总里程12.96万公里。新增农村公路里程2.1万公里。"
      // A sentence that lists what is held, name and count with no verb (henan); not a list of
      // clauses whose verbs the label words do not know, nor items after one of things added.
      "综合实力稳步提升。生产总值6.66万亿元，财政总收入7019亿元，规上工业企业营收5万亿元。"
      "全球“灯塔工厂”3家，国家卓越级智能工厂16家。"
      "落户4个国家区域医疗中心，布局39个自治区专科区域医疗中心。"
      "新增国家现代农业产业园11个、优势特色产业集群9个，国家级农业产业化龙头企业119家。"
      // A level with its growth over the span, as a year's level with the year's growth (anhui).
      "全省经营主体超850万户、增长45%。"
      // A milestone passed, and a count of those passed (ningxia, shaanxi, jilin).
      "地区生产总值跨越5000亿元大关，年均增长5.7%。工业总产值跨越3个千亿元台阶。"
      // A density per head, and its change (gansu, anhui).
      "每千人拥有3岁以下婴幼儿托位数4.59个。每万人高价值发明专利拥有量年均增长27.5%。\n"
      "二、“十五五”时期主要目标\n"
      "常住人口城镇化率提高到70%。\n");
  // Levels: a level verb right before the figure or its list, a stock noun, a name that goes on
  // with a list of levels.
  for (const char* figure :
       {"4771公里", "14条", "580公里", "99.9%", "94.5%", "7.83张", "3.57个", "3000万人次",
        "5000万人次", "8亿人次", "3.1亿千瓦", "1.7亿千瓦", "1350亿元", "76万亩", "14.7亿元",
        // 共 of 公共 and 增加 of 增加值 are parts of names; 超 after the name
        // of a level (shanxi, guizhou, anhui, yunnan).
        "13万台", "3000亿元", "1.4万亿元", "95%",
        // A list item with a level verb of its own, or a total named after
        // a 累计 (jiangxi, issue 18).
        "122家", "474万户", "7个",
        // 里程 with no verb is a stock (shanxi).
        "12.96万公里",
        // A sentence of holdings (henan, issue 18).
        "6.66万亿元", "7019亿元", "5万亿元", "16家",
        // A milestone passed, a density per head (R11 checks).
        "5000亿元", "4.59个"}) {
    INFO(std::string(figure));
    CHECK(PeriodIn(review, figure) == "2025");
  }
  // Totals, flows and changes over the span stay of it: 累计, things done, a growth, a yearly
  // average, thresholds passed one after another, a share of things done; and a pair keeps its
  // years.
  for (const char* figure :
       {"7000公里", "8074个", "1.64个百分点", "100%", "8万亿元", "9万亿元", "6.5%", "44万亩",
        // 超 of things done over the span; visitors of five years.
        "8万场", "1万个", "30亿人次",
        // The item added to a list, and an item a 累计 heads (hunan).
        "48家", "4397万亩", "600万亩", "155万户",
        // 里程 added.
        "2.1万公里",
        // Not holdings: a noun after the count, an item after 新增.
        "39个", "119家",
        // A level and its growth over the span, a count of milestones passed (R11 checks).
        "850万户", "3个", "27.5%"}) {
    INFO(std::string(figure));
    CHECK(PeriodIn(review, figure) == "2021-2025");
  }
  // A change over the last three years is of those (R11 checks: jilin-2026).
  CHECK(PeriodIn(review, "58.6%") == "2023-2025");
  CHECK(PeriodIn(review, "3826.5亿元") == "2020");
  CHECK(PeriodIn(review, "4398.6亿元") == "2025");
  // A plan of several years keeps its span.
  CHECK(PeriodIn(review, "70%") == "2026-2030");
  // A title's 建设 is no verb of a list of holdings (R13 checks: henan).
  const Document holdings = Load(
      "一、“十四五”时期工作回顾\n"
      "五年来，生态环境持续改善。国家生态文明建设示范区23个，省级以上绿色工厂1210家、"
      "绿色工业园区74个。\n");
  for (const char* figure : {"23个", "1210家", "74个"}) {
    INFO(std::string(figure));
    CHECK(PeriodIn(holdings, figure) == "2025");
  }
}

TEST_CASE("period: 连续N年 in a review of several years dates the last N years (issue 18)") {
  const Document review = Load(
      "一、“十四五”时期工作回顾\n"
      "五年来，长江干流重庆段水质实现“9连优”，74个国控断面水质优良比例连续3年保持100%，"
      "群众安全感连续八年保持在98%以上。森林覆盖率达到55%。\n"
      "二、“十五五”时期主要目标\n"
      "粮食产量连续5年稳定在1300亿斤以上。\n");
  CHECK(PeriodIn(review, "100%") == "2023-2025");
  CHECK(PeriodIn(review, "98%") == "2018-2025");
  CHECK(PeriodIn(review, "55%") == "2025");            // no run of years: a level reached
  CHECK(PeriodIn(review, "1300亿斤") == "2026-2030");  // a plan's span stays whole
  // A review of one year says the figure of that year.
  CHECK(At("粮食总产量连续9年稳定在1300亿斤以上", "1300亿斤", kProvince2026).period.ToString() ==
        "2025");
}

TEST_CASE("period: a year that dates a noun after the figure does not date the figure (issue 18)") {
  static const PeriodRow kRows[] = {
      // The accounts are of 2020, the villages of the report's year (maotian-2021-pdf).
      {"今年初,村级财务代管中心组织村监委对全镇 18 个村、居委会的 2020 年村级财务进行了全面的清理和"
       "自查",
       "18 个", kTown2021, "2021"},
      {"清理了18个村2020年的村级账目", "18个", kTown2021, "2021"},
      // A year that dates the figure's own doing still does.
      {"新建公路12公里于2020年底完工", "12公里", kTown2021, "2020"},
      {"全镇18个村的2020年底前全部完成", "18个", kTown2021, "2020"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE("period: an appendix titled for a year to come lists that year's plans") {
  // guangdong: 附件1, its title, then items headed 一、… that name no year.
  const Document document = Load(
      "三、2026年工作安排\n"
      "各位代表！让我们团结奋斗。\n"
      "附件1\n"
      "2026年省十件民生实事\n"
      "一、提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平。\n"
      "农村低保标准占城镇低保标准的最低比例从77%提高到80%以上。\n"
      "集中供养孤儿基本生活保障省定最低标准从每人每月2375元提高到2423元。\n"
      "五、为劳动者提供普惠就业公共服务。\n"
      "开展补贴性职业技能培训超30万人次。\n");
  const auto context_of = [&](std::string_view figure) {
    const auto [begin, end] = Find(document, figure);
    return ContextOf(document.normalized(), SectionContextAt(document, begin, kProvince2026), begin,
                     end);
  };
  CHECK(context_of("30万人次").period.ToString() == "2026");
  CHECK(context_of("30万人次").status == FigureStatus::kPlan);
  CHECK(context_of("80%").period.ToString() == "2026");
  CHECK(context_of("80%").status == FigureStatus::kPlan);
  // Where the plan starts from is a level of the reviewed year, reached already.
  CHECK(context_of("77%").period.ToString() == "2025");
  CHECK(context_of("77%").status == FigureStatus::kResult);
  // So is a standard's, a rate's "per" words between the pair word and the figure.
  CHECK(context_of("2375元").period.ToString() == "2025");
  CHECK(context_of("2375元").status == FigureStatus::kResult);
  CHECK(context_of("2423元").period.ToString() == "2026");
  CHECK(context_of("2423元").status == FigureStatus::kPlan);
}

TEST_CASE("period: a comparison base or a year in a title is not the figure's period") {
  static const PeriodRow kRows[] = {
      {"全镇财政收入比2020年增长12%", "12%", kTown2021, "2021"},
      {"社会消费品零售总额较上年增长4.1%", "4.1%", kProvince2026, "2025"},
      {"与去年同期相比下降3.2个百分点", "3.2个百分点", kProvince2026, "2025"},
      // The year a growth outpaces is its base (shanxi, R8 checks).
      {"全年GDP增长4%，快于2024年1.8个百分点", "1.8个百分点", kProvince2026, "2025"},
      {"省国资委监管企业“十四五”时期利润总额为“十三五”时期的2.2倍", "2.2倍", kProvince2026,
       "2021-2025"},
      {"“十四五”时期全省生产安全事故起数和死亡人数分别较“十三五”时期下降67.5%", "67.5%",
       kProvince2026, "2021-2025"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE("period: relative years count from the year the report was written in") {
  static const PeriodRow kRows[] = {
      // A township summary is written in the year it reviews: its 今年 is that year.
      {"我镇今年共发展党员15名", "15名", kTown2021, "2021"},
      {"目前，忆红园正在规划设计中，明年实施，投资300万元", "300万元", kTown2021, "2022"},
      // A government work report is delivered early in the year after the one it reviews.
      {"今年全省地区生产总值增长5%左右", "5%", kProvince2026, "2026"},
      {"去年全省粮食产量达到1250亿斤", "1250亿斤", kProvince2026, "2025"},
      {"前年新建改厕300户", "300户", kProvince2026, "2024"},
      {"上年度结转资金200万元", "200万元", kDistrict2015, "2014"},
      // 目前 holds 前 but not 前年.
      {"目前年度任务完成80%", "80%", kTown2021, "2021"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE("period: named five-year periods and spans of years") {
  static const PeriodRow kRows[] = {
      {"“十四五”时期累计完成固定资产投资2.1万亿元", "2.1万亿元", kProvince2026, "2021-2025"},
      {"十四五期间新增城镇就业300万人", "300万人", kProvince2026, "2021-2025"},
      {"“十五五”时期地区生产总值年均增长5%左右", "5%", kProvince2026, "2026-2030"},
      {"“十一五”期间完成造林20万亩", "20万亩", kDistrict2015, "2006-2010"},
      {"“十二五”末全区常住人口达到80万人", "80万人", kDistrict2015, "2015"},
      {"“十五”时期全县财政收入年均增长12%", "12%", ReportYears{2005, 2006}, "2001-2005"},
      {"过去五年，全省地区生产总值年均增长5.5%", "5.5%", kProvince2026, "2021-2025"},
      {"五年来，累计建成高标准农田2000万亩", "2000万亩", kProvince2026, "2021-2025"},
      {"今后五年，城镇新增就业300万人以上", "300万人", kProvince2026, "2026-2030"},
      // 十五个 is a count, not the tenth plan.
      {"全县十五个乡镇完成改厕1200户", "1200户", kTown2021, "2021"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE("period: the enclosing heading, else the reviewed year, or the year after in plans") {
  const Document document = Load(
      "2021年年度工作总结\n"
      "（2022年2月）\n"
      "一、2021年度工作开展情况\n"
      "全年发放各类民政资金400余万元。\n"
      "二、“十四五”以来主要成效\n"
      "累计建成村级活动场所30个。\n"
      "三、2022年工作打算\n"
      "新建改厕500户。\n"
      "四、下一步工作计划\n"
      "力争新增就业岗位300个。\n");
  struct Row {
    const char* figure;
    const char* period;
  };
  static constexpr Row kRows[] = {
      {"400余万元", "2021"},
      {"30个", "2021-2025"},  // the heading names the period
      {"500户", "2022"},
      {"300个", "2022"},  // a plans section of a 2021 summary plans 2022
  };
  for (const Row& row : kRows) {
    INFO(row.figure);
    const auto [begin, end] = Find(document, row.figure);
    CHECK(PeriodOf(document, begin, end).ToString() == row.period);
  }
}

TEST_CASE("period: a clause's year wins over its heading's") {
  const Document document = Load(
      "2021年年度工作总结\n"
      "一、2021年度工作开展情况\n"
      "完成2019、2020年问题厕所整改200余个，今年我镇改厕1350个已全部完成。\n");
  auto [begin, end] = Find(document, "200余个");
  CHECK(PeriodOf(document, begin, end).ToString() == "2019-2020");
  std::tie(begin, end) = Find(document, "1350个");
  CHECK(PeriodOf(document, begin, end).ToString() == "2021");
}

TEST_CASE("period: unknown when neither the text nor the report states a year") {
  const Document document = Load("完成改厕650余户。\n");
  const auto [begin, end] = Find(document, "650余户");
  CHECK_FALSE(PeriodOf(document, begin, end).known());
}

TEST_CASE("period: a summary's present year is the one it reviews, a work report's its own") {
  DocumentInfo summary;
  summary.title = "2021年年度工作总结";
  summary.year = 2021;
  summary.report_year = 2022;
  CHECK(YearsOf(summary).present == 2021);
  CHECK(YearsOf(summary).reviewed == 2021);
  DocumentInfo report;
  report.title = "2026年安徽省政府工作报告";
  report.year = 2025;
  report.report_year = 2026;
  CHECK(YearsOf(report).present == 2026);
  CHECK(YearsOf(report).reviewed == 2025);
  DocumentInfo bare;
  bare.year = 2023;
  CHECK(YearsOf(bare).present == 2023);
}

TEST_CASE("period: an item of a list headed by 预计2021年 is of 2021, a bracketed base not") {
  const char* sentence =
      "预计2021年底,全镇工农业总产值可达23.92亿元(2020年22.15亿元),比上年增长8%;"
      "城乡居民人均可支配收入可达30758元(2020年29293元),比上年增长5%。";
  const FigureContext item = At(sentence, "30758元", kTown2021);
  CHECK(item.period.ToString() == "2021");
  CHECK(item.status == FigureStatus::kExpected);
  const FigureContext base = At(sentence, "29293元", kTown2021);
  CHECK(base.period.ToString() == "2020");
  CHECK(base.status == FigureStatus::kResult);
  CHECK(At(sentence, "23.92亿元", kTown2021).period.ToString() == "2021");
  // issue 18: the base in the first item's brackets is known too, and its year dates neither the
  // change after the brackets nor anything else.
  const FigureContext first_base = At(sentence, "22.15亿元", kTown2021);
  CHECK(first_base.period.ToString() == "2020");
  CHECK(first_base.status == FigureStatus::kResult);
  const FigureContext change = At(sentence, "8%", kTown2021);
  CHECK(change.period.ToString() == "2021");
  CHECK(change.status == FigureStatus::kExpected);
  CHECK(At(sentence, "5%", ReportYears{}).period.ToString() == "2021");
}

TEST_CASE("period: a plan sentence with no year takes the year of the plan before it (issue 18)") {
  const Document document = Load(
      "乡镇2017年脱贫攻坚工作整改情况报告\n"
      "乡镇辖6个行政村2个社区,总人口2.58万人,贫困发生率38.48%"
      "。2018年全镇计划减少贫困人口任务1400人,"
      "年末贫困发生率1.54%。全镇计划出列贫困村3个,即:中山村、六路村、力木村。\n");
  const std::string got = StatusLines(FiguresOf(document), true);
  CHECK(got ==
        "6个 2017 result\n2个 2017 result\n2.58万人 2017 result\n38.48% 2017 result\n"
        "1400人 2018 target\n1.54% 2018 plan\n3个 2018 plan\n");
}

TEST_CASE(
    "period: a level now is of a span's end; an event's own frame ends an earlier span (issue "
    "18)") {
  static const PeriodRow kRows[] = {
      {"“十二五”期间,先后投资1282.5亿元,实施了504项城乡建设重点工程,截止目前,全县城镇化率达到52.5%,"
       "比“十一五”末提高了10个百分点左右",
       "52.5%", ReportYears{2015, 2015}, "2015"},
      {"“十二五”期间,先后投资1282.5亿元,实施了504项城乡建设重点工程", "1282.5亿元",
       ReportYears{2015, 2015}, "2011-2015"},
      {"五年来,目前全市共有养老机构120家", "120家", kProvince2026, "2025"},
      {"我镇2017年至2023年共实施改厕3790户,摸排期间已完成小问题整改83户,不能立即整改问题厕所841户",
       "3790户", ReportYears{2024, 2024}, "2017-2023"},
      {"我镇2017年至2023年共实施改厕3790户,摸排期间已完成小问题整改83户,不能立即整改问题厕所841户",
       "83户", ReportYears{2024, 2024}, "2024"},
      {"我镇2017年至2023年共实施改厕3790户,摸排期间已完成小问题整改83户,不能立即整改问题厕所841户",
       "841户", ReportYears{2024, 2024}, "2024"},
      // 下同 ("the same below") sets the span of the yearly averages after it in its paragraph.
      {"2015年地区生产总值306.76亿元,五年(下同)年均增长9.3%。规模以上工业增加值年均增长16.8%",
       "16.8%", ReportYears{2016, 2016}, "2011-2015"},
      {"2015年地区生产总值306.76亿元,五年(下同)年均增长9.3%", "9.3%", ReportYears{2016, 2016},
       "2011-2015"},
      // It sets the span of the whole review, not only of its averages (issue 18, 012): a total
      // of 过去五年 is of the five years to 2015, not to the reviewed 2016. Without the note, or
      // for the years to come, the span is as the words say.
      {"2015年地区生产总值306.76亿元,五年(下同)年均增长9.3%。\n过去五年,累计完成技改投资12.1亿元",
       "12.1亿元", ReportYears{2016, 2016}, "2011-2015"},
      {"过去五年,累计完成技改投资12.1亿元", "12.1亿元", ReportYears{2016, 2016}, "2012-2016"},
      {"2015年地区生产总值306.76亿元,五年(下同)年均增长9.3%。\n今后五年,累计完成投资100亿元",
       "100亿元", ReportYears{2016, 2016}, "2017-2021"},
      // A named period's 期间 is a time of its own, not an event's frame.
      {"2021年至2025年,“十四五”期间累计新增就业60万人", "60万人", kProvince2026, "2021-2025"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE(
    "period: what a register holds now (现有) is not of an earlier clause's year (issue 18)") {
  static const PeriodRow kRows[] = {
      // A report with no year of its own: nothing dates the register.
      {"2014年全乡已脱贫60户,226人,现有建档立卡贫困户239户,848人", "60户", ReportYears{}, "2014"},
      {"2014年全乡已脱贫60户,226人,现有建档立卡贫困户239户,848人", "239户", ReportYears{}, ""},
      {"2014年全乡已脱贫60户,226人,现有建档立卡贫困户239户,848人", "848人", ReportYears{}, ""},
      // In a report on 2015, now is 2015.
      {"2014年全乡已脱贫60户,226人,现有建档立卡贫困户239户,848人", "239户", ReportYears{2015, 2015},
       "2015"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE("period: a record over N years (7年来最高) names no span (issue 18)") {
  static const PeriodRow kRows[] = {
      {"房地产开发投资、商品房销售面积增速均居全国第4位，省外群体购商品住房比例32.1%、为7年来最高",
       "32.1%", kProvince2026, "2025"},
      {"粮食产量达到620亿斤，创近10年最高", "620亿斤", kProvince2026, "2025"},
      // A span it opens still dates.
      {"5年来,累计新增城镇就业60万人", "60万人", kProvince2026, "2021-2025"},
      // So does a total over N years (013, issue 18); not a run of N years whose end is not said.
      {"2011年社会消费品零售总额达41.6亿元,全社会固定资产投资五年累计完成406.5亿元", "406.5亿元",
       kProvince2026, "2021-2025"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

TEST_CASE(
    "period: a span counted back dates the change right after it, not the gap after (issue 18)") {
  const char* sentence =
      "建设高标准农田910万亩，建成面积占永久基本农田比例达到66.25%，近3年提升21个百分点，"
      "超过全国平均水平0.28个百分点";
  CHECK(At(sentence, "21个百分点", kProvince2026).period.ToString() == "2023-2025");
  CHECK(At(sentence, "0.28个百分点", kProvince2026).period.ToString() == "2025");
  // A span that opens the sentence still dates what follows.
  CHECK(At("近3年,累计新增城镇就业60万人", "60万人", kProvince2026).period.ToString() ==
        "2023-2025");
}

TEST_CASE("period: a gap to a benchmark is of the time of the level it sets against it") {
  // R14 and R15 checks: jilin-2026 dated 4.9个百分点 after a rate reached 2021-2025.
  static const PeriodRow kRows[] = {
      {"这五年，高中阶段毛入学率达到96.9%，高于全国平均水平4.9个百分点", "4.9个百分点",
       kProvince2026, "2025"},
      {"这五年，农作物耕种收综合机械化率达到95%、高于全国平均水平18.3个百分点", "18.3个百分点",
       kProvince2026, "2025"},
      // A contribution to growth is a rate held at a time, not a growth (R15 checks:
      // shandong-2026).
      {"这五年，服务业对经济增长贡献率提升至59.1%", "59.1%", kProvince2026, "2025"},
      // A gap to a growth over the span is the span's.
      {"这五年，地区生产总值年均增长6%，快于全国0.5个百分点", "0.5个百分点", kProvince2026,
       "2021-2025"},
  };
  CheckPeriods(kRows, std::size(kRows));
}

}  // namespace
}  // namespace glean::figures
