// Status of a place in a report (issue 15, "Figures"): whether a figure is a result, a plan, a
// preliminary result or a quota, on sentences of the development corpus; and a figure's period
// and status as a reader that goes on from earlier figures, or one asked on demand, gives them.
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
#include "engine/figures/status.h"
#include "figures/context_cases.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {
namespace {

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
      // 要 of 纲要, a document's name (R12 checks: yunnan).
      {"全面落实“一规划两纲要”，群众安全感综合满意率均超97%", "97%", false, FigureStatus::kResult},
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
      // A 预计 of the sentence's verb foresees its figures, whatever year their pair names
      // (051: 提高到2020年的16403元 in the summary of 2020).
      {"农民人均纯收入预计增长12%左右,由2022年的14646元提高到2022年的16403元", "16403元", false,
       FigureStatus::kExpected},
      // A 预计 after its item's subject forecasts that item and the clauses that go on without a
      // subject; an item with a subject of its own is not forecast (R12 checks: 036, a township
      // report of 2011).
      {"农村经济总收入预计达12387万元,农民人均纯收入预计达3325元,分别比上年增长15%和35.49%,"
       "部门预算支出542万元,同比增长10%,固定资产投资达3523万元,同比增长38%",
       "3523万元", false, FigureStatus::kResult},
      {"农村经济总收入预计达12387万元,农民人均纯收入预计达3325元,分别比上年增长15%和35.49%",
       "3325元", false, FigureStatus::kExpected},
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

TEST_CASE("status: work not done yet, said after its size, is a plan (issue 18)") {
  const Document document = Load(
      "润雅乡2016年上半年工作总结\n"
      "组路面硬化1.5公里村道建设已全部完工;润雅乡凤沟至政府路面硬化4.5公里已完成设计,"
      "路基正在整理之中;开展房屋普查工作，共计4902栋，已鉴定7栋，50栋正在推进中。\n");
  const std::string got = StatusLines(FiguresOf(document), false);
  CHECK(got == "1.5公里 result\n4.5公里 plan\n4902栋 result\n7栋 result\n50栋 result\n");
}

TEST_CASE("status: things being built, to be done by a time foreseen, are planned") {
  const Document document = Load(
      "镇2013年上半年工作总结\n"
      "1所义务教育合格学校、1所公办幼儿园、1所敬老院目前正在紧锣密鼓地施工,预计年底完工投入使用。"
      "2座桥梁正在施工。3座水厂已建成,预计年底全面供水。\n");
  const std::string got = StatusLines(FiguresOf(document), false);
  // With no end foreseen, or built already, a count is of what there is now.
  CHECK(got == "1所 plan\n1所 plan\n1所 plan\n2座 result\n3座 result\n");
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
