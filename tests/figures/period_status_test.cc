// Period and status of a place in a report (issue 15, "Figures"): which years a figure refers to
// and whether it is a result, a plan, a preliminary result or a quota, on sentences of the
// development corpus.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/figures/figure_context.h"
#include "engine/figures/figures.h"
#include "engine/figures/period.h"
#include "engine/figures/status.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {
namespace {

// The context of the first occurrence of `figure` in `sentence`, in a section that says `plans`.
FigureContext At(std::string_view sentence, std::string_view figure, ReportYears years,
                 bool plans = false) {
  const size_t at = sentence.find(figure);
  REQUIRE(at != std::string_view::npos);
  SectionContext section;
  section.years = years;
  section.plans = plans;
  return ContextOf(sentence, section, at, at + figure.size());
}

Document Load(const std::string& text) {
  Result<Document> document = Document::Load("doc.txt", text, NormalizeOptions{});
  REQUIRE(document.ok());
  return std::move(document).value();
}

// The range of the first occurrence of `figure` in the document's normalized text.
std::pair<size_t, size_t> Find(const Document& document, std::string_view figure) {
  const size_t at = document.normalized().find(figure);
  REQUIRE(at != std::string_view::npos);
  return {at, at + figure.size()};
}

constexpr ReportYears kTown2021{2021, 2021};      // a township summary of 2021
constexpr ReportYears kProvince2026{2025, 2026};  // a 2026 work report reviewing 2025
constexpr ReportYears kDistrict2015{2014, 2015};  // a 2015 work report reviewing 2014

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
      // issue 18: things that all reach a state are counted at the span's end; things all done
      // over it are not (shanxi).
      {"“十四五”时期，16条主要支流入黄口全部达到优良水质", "16条", kProvince2026, "2025"},
      {"“十四五”时期，12个盟市空气质量全部达标", "12个", kProvince2026, "2025"},
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
      // 累计达到 after a 新增 of the same thing is the level the additions bring it to; a total of
      // things done stays of the span (gansu).
      {"五年来，新增百亿县区26个，累计达到46个", "46个", kProvince2026, "2025"},
      {"五年来，新增百亿县区26个，累计达到46个", "26个", kProvince2026, "2021-2025"},
      {"五年来，完成投资26亿元，累计达到46亿元", "46亿元", kProvince2026, "2021-2025"},
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
      {"“十四五”时期，由政府统筹的园区总数为50家", "50家", kProvince2026, "2021-2025"},
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
    INFO(figure);
    const auto [begin, end] = Find(document, figure);
    CHECK(ContextOf(document.normalized(), section, begin, end).period.ToString() == "2025");
  }
  // The next paragraph goes on with the year the review of the five years turned to (shanxi).
  const auto [begin, end] = Find(document, "452万人");
  CHECK(
      ContextOf(document.normalized(), SectionContextAt(document, begin, kProvince2026), begin, end)
          .period.ToString() == "2025");
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
      "新增国家现代农业产业园11个、优势特色产业集群9个，国家级农业产业化龙头企业119家。\n"
      "二、“十五五”时期主要目标\n"
      "常住人口城镇化率提高到70%。\n");
  // Levels: a level verb right before the figure or its list, a stock noun, a name that goes on
  // with a list of levels.
  for (const char* figure : {"4771公里", "14条", "580公里", "99.9%", "94.5%", "3.1亿千瓦",
                             "1.7亿千瓦", "1350亿元", "76万亩", "14.7亿元",
                             // 共 of 公共 and 增加 of 增加值 are parts of names; 超 after the name
                             // of a level (shanxi, guizhou, anhui, yunnan).
                             "13万台", "3000亿元", "1.4万亿元", "95%",
                             // A list item with a level verb of its own, or a total named after
                             // a 累计 (jiangxi, issue 18).
                             "122家", "474万户", "7个",
                             // 里程 with no verb is a stock (shanxi).
                             "12.96万公里",
                             // A sentence of holdings (henan, issue 18).
                             "6.66万亿元", "7019亿元", "5万亿元", "16家"}) {
    INFO(figure);
    CHECK(PeriodIn(review, figure) == "2025");
  }
  // Totals, flows and changes over the span stay of it: 累计, things done, a growth, a yearly
  // average, thresholds passed one after another, a share of things done; and a pair keeps its
  // years.
  for (const char* figure : {"7000公里", "8074个", "58.6%", "1.64个百分点", "100%", "8万亿元",
                             "9万亿元", "6.5%", "44万亩",
                             // 超 of things done over the span.
                             "8万场", "1万个",
                             // The item added to a list, and an item a 累计 heads (hunan).
                             "48家", "4397万亩", "600万亩", "155万户",
                             // 里程 added.
                             "2.1万公里",
                             // Not holdings: a noun after the count, an item after 新增.
                             "39个", "119家"}) {
    INFO(figure);
    CHECK(PeriodIn(review, figure) == "2021-2025");
  }
  CHECK(PeriodIn(review, "3826.5亿元") == "2020");
  CHECK(PeriodIn(review, "4398.6亿元") == "2025");
  // A plan of several years keeps its span.
  CHECK(PeriodIn(review, "70%") == "2026-2030");
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

struct StatusRow {
  const char* sentence;
  const char* figure;
  bool plans_section;
  FigureStatus status;
};

void CheckStatuses(const StatusRow* rows, size_t count, ReportYears years) {
  for (size_t i = 0; i < count; ++i) {
    const StatusRow& row = rows[i];
    INFO(row.sentence, " / ", row.figure);
    CHECK(FigureStatusName(At(row.sentence, row.figure, years, row.plans_section).status) ==
          std::string(FigureStatusName(row.status)));
  }
}

TEST_CASE("status: plan words before the figure in its clause or sentence") {
  static const StatusRow kRows[] = {
      {"确保新增新能源装机3000万千瓦、新能源发电量超3000亿度", "3000万千瓦", false,
       FigureStatus::kPlan},
      {"确保新增新能源装机3000万千瓦、新能源发电量超3000亿度", "3000亿度", false,
       FigureStatus::kPlan},
      {"力争全年完成固定资产投资500亿元，带动就业2万人", "2万人", false, FigureStatus::kPlan},
      {"计划投资5000万元，建设标准化厂房2万平方米", "5000万元", false, FigureStatus::kPlan},
      {"拟新建村级文化广场12个", "12个", false, FigureStatus::kPlan},
      {"明年要完成农村改厕800户", "800户", false, FigureStatus::kPlan},
      {"将新增城镇就业6万人", "6万人", false, FigureStatus::kPlan},
      {"经济社会发展的主要预期目标是：全省地区生产总值增长5%—5.5%", "5%", false,
       FigureStatus::kPlan},
      {"全省地区生产总值增长5%左右的预期目标", "5%", false, FigureStatus::kPlan},
  };
  CheckStatuses(kRows, std::size(kRows), kProvince2026);
}

TEST_CASE(
    "status: 确保 before a count of people a measure is to reach each of is a result (issue 18)") {
  static const StatusRow kRows[] = {
      // The 590 students exist; what is ensured is what each gets (maotian-2021-pdf).
      {"全面 实施控辍保学\"三帮一\"\"雨露计划\"、义务教育阶段资助 "
       "等一揽子政策,确保全镇590个脱贫家庭"
       "学生都能够享受优 质的教育资源。",
       "590个", false, FigureStatus::kResult},
      {"确保全县1200户易地搬迁群众均住上安全住房", "1200户", false, FigureStatus::kResult},
      // The figure itself is the aim.
      {"确保粮食产量稳定在1200万吨以上", "1200万吨", false, FigureStatus::kPlan},
      {"确保新增城镇就业3万人,城镇调查失业率控制在5.5%以内", "3万人", false, FigureStatus::kPlan},
      {"确保全镇30个项目全部按期开工", "30个", false, FigureStatus::kPlan},
      {"确保全年脱贫500户,贫困村全部出列", "500户", false, FigureStatus::kPlan},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2021);
}

TEST_CASE("status: where a planned or foreseen change starts from is a result (issue 18)") {
  constexpr ReportYears kTown2019{2019, 2019};
  static const StatusRow kRows[] = {
      // A copy that writes 2020 for the year it reviews (051, a town summary of 2019).
      {"2020年,预计全镇全年实现生产总值同期增长10%左右,预计达11922.35万元;农民人均纯收入预计增长"
       "12%左右,由2020年的14646元提高到2020年的16403元。",
       "14646元", false, FigureStatus::kResult},
      {"计划农民人均纯收入由2019年的14646元提高到2020年的15800元", "14646元", false,
       FigureStatus::kResult},
      {"计划农民人均纯收入由2019年的14646元提高到2020年的15800元", "15800元", false,
       FigureStatus::kPlan},
      {"力争城镇化率从58%提高到60%", "58%", true, FigureStatus::kResult},
      {"力争城镇化率从58%提高到60%", "60%", true, FigureStatus::kPlan},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2019);
}

TEST_CASE("status: words that look like plan words but are not") {
  static const StatusRow kRows[] = {
      // 将 as the object marker, 要 inside 重要 and 主要.
      {"将校园安全保卫工作纳入日常工作，开展安全检查4次", "4次", false, FigureStatus::kResult},
      {"主要农产品产量稳定，粮食产量达到12.5万吨", "12.5万吨", false, FigureStatus::kResult},
      // 争取 before a thing: funds obtained.
      {"争取城乡供水一体化专债项目280万元", "280万元", false, FigureStatus::kResult},
      // A goal after a completion verb is met, not set.
      {"超额完成年度目标任务的112%", "112%", false, FigureStatus::kResult},
      {"完成改厕650户，占年度计划的108%", "108%", false, FigureStatus::kResult},
      // A share of the task is what was done against it (issue 18), not the task itself.
      {"完成造林2020亩,为全年任务的114%。", "114%", false, FigureStatus::kResult},
      {"其中国税收入70万元,为全年任务的51%", "51%", false, FigureStatus::kResult},
      // A goal after a comparison is what was beaten (jilin, R8 checks); still a plan after a
      // plan word.
      {"国考断面好于Ⅲ类水体比例优于国家考核目标14.6个百分点", "14.6个百分点", false,
       FigureStatus::kResult},
      {"力争国考断面水质优良比例高于国家考核目标2个百分点", "2个百分点", false,
       FigureStatus::kPlan},
      // 计划生育 is a field of work.
      {"计划生育服务对象1200人", "1200人", false, FigureStatus::kResult},
      // A programme's name, a noun 预期, 项目前期 and an indicator are no plan, result or quota.
      {"实施高质量就业挖潜扩容计划，落实援企稳岗扩就业政策资金110亿元，城镇新增就业75.7万人",
       "75.7万人", false, FigureStatus::kResult},
      {"7所高职学校入选国家“双高计划”，3所高职高专升格本科", "7所", false, FigureStatus::kResult},
      {"多措并举稳就业、稳企业、稳市场、稳预期，地区生产总值增长5.1％", "5.1％", false,
       FigureStatus::kResult},
      {"人均预期寿命提高到79.72岁", "79.72岁", false, FigureStatus::kResult},
      {"做实重大项目前期工作，全年开工重点项目2000个以上", "2000个", true, FigureStatus::kPlan},
      {"法治化营商环境指标从全国第20位升至第3位，办理建议1401件", "1401件", false,
       FigureStatus::kResult},
      {"空气质量六项指标首次全部达到国家二级标准", "六项", false, FigureStatus::kResult},
      {"连续5年超额完成国家下达目标任务，粮食单产年均增长1.9%", "1.9%", false,
       FigureStatus::kResult},
      {"新退出政府融资平台346家、超计划19家", "19家", false, FigureStatus::kResult},
      {"新退出政府融资平台346家、超计划19家", "346家", false, FigureStatus::kResult},
      // A year's document title holds no plan.
      {"全面落实《五年行动计划》，实施51个农村集体经济项目", "51个", false, FigureStatus::kResult},
      // issue 18: the projects of a programme named by its field are no plan.
      {"创办省级市级工程技术研发中心21家,申报实施省、市科技计划项目99项", "99项", false,
       FigureStatus::kResult},
      {"计划项目投资5000万元", "5000万元", false, FigureStatus::kPlan},
      // issue 18: a planning already done counts what it set; a plan to come does not.
      {"全乡已规划聚居点16个,大梁山村聚居点正在建设之中", "16个", false, FigureStatus::kResult},
      {"全乡规划聚居点16个", "16个", false, FigureStatus::kPlan},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2021);
}

TEST_CASE("status: 预计 is a preliminary result, or a forecast of a year to come") {
  static const StatusRow kRows[] = {
      {"预计全年地区生产总值增长5.5%", "5.5%", false, FigureStatus::kExpected},
      {"全年预计完成固定资产投资120亿元", "120亿元", false, FigureStatus::kExpected},
      {"预计2022年1月建成投产后可增加就业岗位300个", "300个", false, FigureStatus::kPlan},
      // A 预计 nearer the figure than a later year the sentence opens with states the year's
      // preliminary result (issue 18, 051: a copy that swapped its years); the year nearer is
      // a forecast.
      {"2022年,预计全镇全年实现生产总值同期增长10%左右,预计达11922.35万元", "11922.35万元", false,
       FigureStatus::kExpected},
      {"预计到2022年全镇可增加就业岗位300个", "300个", false, FigureStatus::kPlan},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2021);
}

TEST_CASE("status: a list headed by 预计 is preliminary to its full stop") {
  constexpr ReportYears kCounty2022{2022, 2022};
  static const StatusRow kRows[] = {
      // Every item of the list, not only the first (034, a county report of 2022).
      {"全县经济社会发展取得新进展、新成效。预计全年完成地区生产总值164亿元,增长4.5%;"
       "农林牧渔业总产值36亿元,增长5.7%;规模以上工业增加值增长2.2%;第三产业增加值46亿元,"
       "增长3.5%。",
       "46亿元", false, FigureStatus::kExpected},
      {"预计,全年地区生产总值实现127亿元,增长7%;固定资产投资完成34.2亿元,增长50%;"
       "规上工业产值实现230亿元,增长10%。",
       "230亿元", false, FigureStatus::kExpected},
      // The list ends at the full stop.
      {"预计全年完成地区生产总值164亿元,增长4.5%;农林牧渔业总产值36亿元。全年新增市场主体"
       "1200户;新建农村公路30公里。",
       "30公里", false, FigureStatus::kResult},
      // An item that states its own status ends it (053, a town summary of 2021).
      {"预计2021年底,全镇工农业总产值可达23.92亿元;全年一般公共预算收入任务1383万元,"
       "1-8月累计完成929万元;1-9月固定资产投资已完成8.14亿元;总投资5.05亿元的农业科技"
       "有限公司,已完成2.7亿元。",
       "5.05亿元", false, FigureStatus::kResult},
      // A head that does not open with 预计 governs nothing after its item.
      {"全年完成地区生产总值164亿元,预计增长4.5%;农林牧渔业总产值36亿元,增长5.7%。", "36亿元",
       false, FigureStatus::kResult},
      {"經初步预测,1-12月,全镇完成生产总值3428万元,同比增长8%。", "3428万元", false,
       FigureStatus::kExpected},
      // A forecast alone as the head clause frames the tally its paragraph goes on with after
      // the full stop (R8B#85, 041, a town summary), up to a sentence that names a time.
      {"經初步预测,1-12月,全镇完成生产总值3428万元,同比增长8%。金融机构各项存款余额达1900万元,"
       "比年初增长3.2%,各项贷款余额达554万元,比年初增长2%。",
       "554万元", false, FigureStatus::kExpected},
      {"预计,全镇完成生产总值3428万元,同比增长8%。2021年各项贷款余额达554万元。", "554万元", false,
       FigureStatus::kResult},
      {"预计,全镇完成生产总值3428万元。各项贷款余额达554万元;明年力争新增贷款100万元。", "100万元",
       false, FigureStatus::kPlan},
      {"经初步预测,全镇完成生产总值3428万元。\n各项贷款余额达554万元。", "554万元", false,
       FigureStatus::kResult},
  };
  CheckStatuses(kRows, std::size(kRows), kCounty2022);
}

TEST_CASE("status: a goal met in a review is a share of it to be met in plans (R8B#52)") {
  static const StatusRow kRows[] = {
      {"优化基础教育布局。完成基础教育优化布局总任务的70%，新增基础教育学位9000个左右", "70%", true,
       FigureStatus::kPlan},
      {"优化基础教育布局。完成基础教育优化布局总任务的70%，新增基础教育学位9000个左右", "70%",
       false, FigureStatus::kResult},
      {"超额完成年度目标任务的112%", "112%", true, FigureStatus::kPlan},
      // A year already reviewed keeps it a result in a plans section.
      {"2021年完成年度计划的110%", "110%", true, FigureStatus::kResult},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2021);
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

TEST_CASE("status: a quota or task set for someone is a target") {
  static const StatusRow kRows[] = {
      {"上级下达我镇改厕任务1350个", "1350个", false, FigureStatus::kTarget},
      {"今年我镇的改厕任务1350个已全部完成", "1350个", false, FigureStatus::kTarget},
      {"分配我镇公益性岗位指标68个", "68个", false, FigureStatus::kTarget},
      // issue 18: a task handed to the report's own area; money arranged is no task.
      {"2014年县委政府安排我镇减少贫困人口3858人", "3858人", false, FigureStatus::kTarget},
      {"安排资金120万元用于道路维修", "120万元", false, FigureStatus::kResult},
      {"“第一种形态”任务数共19个，已处理40人次，已完成210%", "40人次", false,
       FigureStatus::kResult},
      // The noun of the item before, counted by its figure, sets no quota for the next (jiangxi).
      {"提出了28个主要指标，其中20个预期性指标、8个约束性指标", "8个", false,
       FigureStatus::kResult},
      {"提出了28个主要指标，其中20个预期性指标和8个约束性指标", "8个", false,
       FigureStatus::kResult},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2021);
}

TEST_CASE("status: a plans section makes plans; clause words and past years win over it") {
  static const StatusRow kRows[] = {
      {"新建改厕500户", "500户", true, FigureStatus::kPlan},
      {"目前，已完成土地流转2000多亩", "2000多亩", true, FigureStatus::kResult},
      {"2021年已建成村级活动场所30个", "30个", true, FigureStatus::kResult},
      {"力争全年新增市场主体1000户", "1000户", false, FigureStatus::kPlan},
      // With no word either way, a year after the reviewed one is a plan even in a review.
      {"2022年新建改厕500户", "500户", false, FigureStatus::kPlan},
      {"明年实施高标准农田项目3000亩", "3000亩", false, FigureStatus::kPlan},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2021);
}

TEST_CASE("status: headings say whether a section reviews or plans") {
  struct Row {
    const char* heading;
    SectionKind kind;
  };
  static constexpr Row kRows[] = {
      {"一、2025年工作和“十四五”发展回顾", SectionKind::kReview},
      {"一、2021年度工作开展情况", SectionKind::kReview},
      {"三、2026年重点工作", SectionKind::kPlans},
      {"二、下一步工作计划", SectionKind::kPlans},
      {"三、2022年工作打算", SectionKind::kPlans},
      {"二、“十五五”时期主要目标和重大任务", SectionKind::kPlans},
      {"一、2025年重点工作完成情况", SectionKind::kReview},
      {"(一)加力扩内需稳增长", SectionKind::kNone},
      // 思路, 打算, 谋划, 安排 alone plan only in a future frame (issue 18): new ideas reviewed.
      {"二、创新思路,努力推进“三农”工作", SectionKind::kNone},
      {"一、理清思路,着力培养新型职业农民,打造农业示范区", SectionKind::kNone},
      {"二、2022年工作思路", SectionKind::kPlans},
      {"三、下半年打算", SectionKind::kPlans},
  };
  for (const Row& row : kRows) {
    INFO(row.heading);
    CHECK(KindOfHeading(row.heading) == row.kind);
  }
}

// A figure of a document, and the status and period it should have.
struct DocumentRow {
  const char* figure;
  FigureStatus status;
  const char* period;
};

void CheckDocumentRows(const Document& document, const DocumentRow* rows, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const DocumentRow& row = rows[i];
    INFO(row.figure);
    const auto [begin, end] = Find(document, row.figure);
    CHECK(FigureStatusName(StatusOf(document, begin, end)) ==
          std::string(FigureStatusName(row.status)));
    CHECK(PeriodOf(document, begin, end).ToString() == row.period);
  }
}

TEST_CASE("status: a document's plans section, and a result stated inside it") {
  const Document document = Load(
      "2022年镇工作总结\n"
      "一、工作开展情况\n"
      "1、完成小额信贷93户。\n"
      "二、下一步工作计划\n"
      "1、以金星村为片，实施高标准农田建设3000亩。\n"
      "2、目前，已完成土地流转2000多亩。\n");
  static constexpr DocumentRow kRows[] = {
      {"93户", FigureStatus::kResult, "2022"},
      {"3000亩", FigureStatus::kPlan, "2023"},
      {"2000多亩", FigureStatus::kResult, "2022"},  // a result stated among plans: now
  };
  CheckDocumentRows(document, kRows, std::size(kRows));
}

// Each figure's text and status, and its period when `with_period`, one figure a line.
std::string StatusLines(const std::vector<Figure>& figures, bool with_period) {
  std::string lines;
  for (const Figure& figure : figures) {
    lines += figure.text + " " + (with_period ? figure.period.ToString() + " " : "") +
             FigureStatusName(figure.status) + "\n";
  }
  return lines;
}

// The bytes of a sample report of tests/data/corpus.
std::string SampleReport(const char* name) {
  std::string bytes;
  const std::string path = std::string(GLEAN_SOURCE_DIR) + "/tests/data/corpus/" + name + ".txt";
  FILE* file = std::fopen(path.c_str(), "rb");
  REQUIRE(file != nullptr);
  char buffer[65536];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) bytes.append(buffer, n);
  std::fclose(file);
  return bytes;
}

constexpr const char* kSampleReports[] = {"anon-town-2022", "junping-2021", "junping-2023",
                                          "lijiang-2021-traditional", "maotian-2021-pdf"};

// Every run of digits of `text`, as [begin, end).
std::vector<std::pair<size_t, size_t>> DigitRuns(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t at = 0; at < text.size(); ++at) {
    if (text[at] < '0' || text[at] > '9' ||
        (at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9')) {
      continue;
    }
    size_t end = at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    runs.emplace_back(at, end);
  }
  return runs;
}

// Checks that `reader` reads [begin, end) of `document` as a fresh reader does.
void CheckAsFresh(const Document& document, SectionNotes* notes, ContextReader* reader,
                  size_t begin, size_t end) {
  const SectionContext section = SectionContextAt(document, begin, YearsOf(document.info()), notes);
  const FigureContext read = reader->Read(section, begin, end);
  const FigureContext fresh = ContextOf(document, begin, end);
  INFO(std::string(document.normalized().substr(begin, end - begin)), " at ", begin);
  CHECK(read.period == fresh.period);
  CHECK(read.status == fresh.status);
}

TEST_CASE("figures: one reader over a report's figures in order gives what a fresh read gives") {
  for (const char* name : kSampleReports) {
    INFO(name);
    const Document document = Load(SampleReport(name));
    SectionNotes notes;
    ContextReader reader(document.normalized());
    size_t checked = 0;
    // Every run of digits, as a figure of its own and, every third, with the bytes before it (a
    // rule's match begins before its figure).
    for (const auto& [at, end] : DigitRuns(document.normalized())) {
      const size_t begin = checked % 3 == 0 && at >= 3 ? at - 3 : at;
      CheckAsFresh(document, &notes, &reader, begin, end);
      ++checked;
    }
    CHECK(checked > 20);
  }
}

TEST_CASE("figures: a reader that takes the sentences another read gives what a fresh read gives") {
  // The figures stage keeps the sentences it reads; the rule facts' reader takes them. Its
  // ranges differ from the figures' (a match starts before its figure, or spans a sentence end),
  // so it must take a kept sentence only where reading it would find the same.
  for (const char* name : kSampleReports) {
    INFO(name);
    const Document document = Load(SampleReport(name));
    const std::string_view text = document.normalized();
    const ReportYears years = YearsOf(document.info());
    SectionNotes notes;
    SentenceReadings kept;
    ContextReader figures(text, nullptr, &kept);
    const std::vector<std::pair<size_t, size_t>> runs = DigitRuns(text);
    for (const auto& [begin, end] : runs) {
      figures.Read(SectionContextAt(document, begin, years, &notes), begin, end);
    }
    ContextReader facts(text, &kept);
    size_t checked = 0;
    // Every other figure as a rule's match would be: the figure alone, from a few characters
    // before it, or on to the figure after it (across a sentence end, at times).
    for (size_t i = 0; i < runs.size(); i += 2) {
      auto [begin, end] = runs[i];
      if (i % 3 == 1 && begin >= 6) begin -= 6;
      if (i % 3 == 2 && i + 1 < runs.size()) end = runs[i + 1].second;
      CheckAsFresh(document, &notes, &facts, begin, end);
      ++checked;
    }
    CHECK(checked > 20);
  }
}

TEST_CASE("status: work not done yet, said after its size, is a plan (issue 18)") {
  const Document document = Load(
      "润雅乡2016年上半年工作总结\n"
      "组路面硬化1.5公里村道建设已全部完工;润雅乡凤沟至政府路面硬化4.5公里已完成设计,"
      "路基正在整理之中;开展房屋普查工作，共计4902栋，已鉴定7栋，50栋正在推进中。\n");
  const std::string got = StatusLines(FiguresOf(document), false);
  CHECK(got == "1.5公里 result\n4.5公里 plan\n4902栋 result\n7栋 result\n50栋 result\n");
}

TEST_CASE("status: a heading that says it reviews reviews, whatever year it names (issue 18)") {
  // A report on 2019 whose body writes 2020 for it: its review part is still a review.
  const Document document = Load(
      "镇政府2019年工作总结和2020年工作计划\n\n2020年主要工作措施、亮点及成效\n\n"
      "一、认真做好绿色产业开发工作\n\n"
      "二是加快推进林下经济发展,发展产业带,4月份扩大种植三华李300亩、茶叶270亩。\n");
  const std::string got = StatusLines(FiguresOf(document), false);
  CHECK(got == "300亩 result\n270亩 result\n");
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
    "status: the lines of a budget a council reviews are plans, its cuts results (issue 18)") {
  const Document document = Load(
      "【記者陳其敏/東引報導】東引鄉代表會第九屆第五次定期大會,昨天完成東引鄉102年度總預算審查三讀,"
      "總計刪減184萬元。東引鄉102年度總預算,歲入6千4百54萬元,歲出6千7百48萬元。\n"
      "經過5位代表研議後,一致通過,一般行政一般事務費第三項旅台、旅馬、鄉親、學生聯誼活動費10萬元,"
      "刪減5萬元;社會福利業務101年度預算額是103萬元,102年度刪減為78萬元。\n");
  const std::string got = StatusLines(FiguresOf(document), true);
  CHECK(got ==
        "184萬元 2013 result\n6千4百54萬元 2013 plan\n6千7百48萬元 2013 plan\n5位 2013 result\n"
        "10萬元 2013 plan\n5萬元 2013 result\n103萬元 2013 plan\n78萬元 2013 plan\n");
  // Outside a budget review, budget revenue is money raised.
  CHECK(At("区级一般公共预算收入完成172.2亿元", "172.2亿元", kDistrict2015).status ==
        FigureStatus::kResult);
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

TEST_CASE("status: a body's decision to do sets a goal, a plan (issue 18)") {
  constexpr ReportYears kTown2014{2014, 2014};
  static const StatusRow kRows[] = {
      {"但由于我镇贫困人口基数大,党委、政府研究决定减少贫困人口930户4441人", "930户", false,
       FigureStatus::kPlan},
      {"但由于我镇贫困人口基数大,党委、政府研究决定减少贫困人口930户4441人", "4441人", false,
       FigureStatus::kPlan},
      // A decision taken (经研究决定,) says nothing of the figure after it.
      {"经镇党委研究决定,全镇共评选表彰先进个人36名", "36名", false, FigureStatus::kResult},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2014);
}

TEST_CASE("status: a clause of a level verb alone goes on with the plan before it (issue 18)") {
  constexpr ReportYears kTown2014{2014, 2014};
  static const StatusRow kRows[] = {
      {"2014年全镇计划农民人均纯收入增加18%,达到9170元,贫困农户增收15%", "18%", false,
       FigureStatus::kPlan},
      {"2014年全镇计划农民人均纯收入增加18%,达到9170元,贫困农户增收15%", "9170元", false,
       FigureStatus::kPlan},
      {"2014年全乡已脱贫60户,226人,现有建档立卡贫困户239户,848人。____年计划脱贫56户,220人",
       "220人", false, FigureStatus::kPlan},
      // A level reached after a result stays a result.
      {"全年农民人均纯收入增加800元,达到9170元", "9170元", false, FigureStatus::kResult},
  };
  CheckStatuses(kRows, std::size(kRows), kTown2014);
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

TEST_CASE("status: a list of works said all (均) to be only designed is planned (issue 18)") {
  const Document document = Load(
      "润雅乡2016年上半年工作总结\n"
      "五官村下勺峰至五官道路硬化4公里,凤鸣村爱门口至胡家湾道路硬化2公里,凤鸣村大庄进组公路硬化"
      "均已完成项目设计,预计下半年实施。\n"
      "村道硬化3公里,已完成路基,均正在推进。\n");
  const std::string got = StatusLines(FiguresOf(document), false);
  // The last: a word of its own (已完成路基) between ends the list's say.
  CHECK(got == "4公里 plan\n2公里 plan\n3公里 result\n");
}

TEST_CASE("status: the cost of works still being designed is planned (issue 18)") {
  const Document document = Load(
      "叶集镇“十一五”工作总结\n"
      "目前,投资1500余万元的易地扶贫搬迁工程正在设计中。投资1200万元的敬老院已建成投用。\n");
  const std::string got = StatusLines(FiguresOf(document), false);
  CHECK(got == "1500余万元 plan\n1200万元 result\n");
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

TEST_CASE(
    "status: a list of ; items headed by 目前 states what is now, even among plans (issue 18)") {
  const Document document = Load(
      "2022年镇工作总结\n"
      "一、工作开展情况\n"
      "1、完成小额信贷93户。\n"
      "二、下一步工作计划\n"
      // The head says now for every item after it (anon-town-2022, in its plans).
      "4、壮大集体经济。目前，以覃团村为试点与中农国泰签约，实施农资集采；"
      "金星村利用高农田建设项目，实施土地流转2000多亩；炮团、姚家、和平三村联合体，继续稳步壮大。\n"
      // An item with a word of its own ends the list's say.
      "5、截至目前，建成冷库2座；明年将新建冷库5座；新增烘干房3座。\n"
      // 目前 inside the head's clause, not opening it, heads nothing; nor a list with no head.
      "6、全镇目前有合作社12家；新发展合作社4家。\n"
      "7、以金星村为片，实施高标准农田建设3000亩；新建机耕道8公里。\n");
  static constexpr DocumentRow kRows[] = {
      {"2000多亩", FigureStatus::kResult, "2022"}, {"2座", FigureStatus::kResult, "2022"},
      {"5座", FigureStatus::kPlan, "2023"},        {"3座", FigureStatus::kPlan, "2023"},
      {"12家", FigureStatus::kResult, "2022"},     {"4家", FigureStatus::kPlan, "2023"},
      {"3000亩", FigureStatus::kPlan, "2023"},     {"8公里", FigureStatus::kPlan, "2023"},
  };
  CheckDocumentRows(document, kRows, std::size(kRows));
}

}  // namespace
}  // namespace glean::figures

namespace glean::figures {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_CASE("period and status: worked out on demand, in any order, they are Find's") {
  // Every report of the development corpus: its figures asked for backwards (the farthest from
  // the order a reader walks in) and, in a second run, only every third one, then all.
  int documents = 0;
  for (const char* folder : {"corpus", "dev", "provincial"}) {
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(GLEAN_SOURCE_DIR) / "tests/data" / folder)) {
      if (entry.path().extension() != ".txt") continue;
      Result<Document> document = Document::Load(entry.path().filename().string(),
                                                 ReadFile(entry.path()), NormalizeOptions{});
      REQUIRE(document.ok());
      const std::vector<Figure> eager = figures::Find(document.value());
      for (const bool backwards : {true, false}) {
        SentenceReadings sentences;
        SectionNotes sections;
        DeferredContexts contexts(document.value(), &sentences, &sections);
        std::vector<Figure> deferred = FindDeferred(document.value(), &contexts);
        REQUIRE(deferred.size() == eager.size());
        if (backwards) {
          for (size_t k = deferred.size(); k-- > 0;) contexts.Complete(k, &deferred);
        } else {
          for (size_t k = 0; k < deferred.size(); k += 3) contexts.Complete(k, &deferred);
          contexts.CompleteAll(&deferred);
        }
        for (size_t k = 0; k < eager.size(); ++k) {
          INFO(entry.path().filename().string(), " ", eager[k].text, " ", eager[k].label);
          CHECK(deferred[k].period == eager[k].period);
          CHECK(deferred[k].status == eager[k].status);
          CHECK(deferred[k].label == eager[k].label);
        }
      }
      ++documents;
    }
  }
  CHECK(documents > 90);
}

}  // namespace
}  // namespace glean::figures
