// The report header: title, issuer and date past web-page furniture, the year a report was issued
// and the period it reviews, 民国 years and placeholders (issue 16).
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "engine/structure/report_header.h"
#include "glean/document.h"
#include "support/run_command.h"

namespace glean {
namespace {

Document Load(const std::string& text) {
  Result<Document> document = Document::Load("doc.txt", text, NormalizeOptions{});
  REQUIRE(document.ok());
  return std::move(document).value();
}

struct Expected {
  const char* title;
  const char* issuer;
  const char* date;
  int year;
  int report_year;
};

void CheckInfo(const DocumentInfo& info, const Expected& expected) {
  CHECK(info.title.value_or("") == expected.title);
  CHECK(info.issuer.value_or("") == expected.issuer);
  CHECK(info.date.value_or("") == expected.date);
  CHECK(info.year.value_or(0) == expected.year);
  CHECK(info.report_year.value_or(0) == expected.report_year);
}

TEST_CASE("report header: web pages give title, issuer and delivery date past the furniture") {
  struct Row {
    const char* file;
    Expected expected;
  };
  const Row rows[] = {
      // 下载 打印 …, 【字号…】, 来源, 时间 and a photo caption; the delivery date in numerals.
      {"provincial/beijing-2026",
       {"2026年北京市政府工作报告", "北京市市长殷勇", "2026-01-25", 2025, 2026}},
      // The delivery date in Chinese numerals (——二〇二六年一月二十七日在…).
      {"provincial/gansu-2026",
       {"2026年甘肃省政府工作报告", "甘肃省省长任振鹤", "2026-01-27", 2025, 2026}},
      // A title with no year; the delivery line wrapped over two lines.
      {"provincial/guangdong-2026", {"政府工作报告", "广东省省长孟凡利", "2026-01-26", 2025, 2026}},
      // Breadcrumbs, a publication time, 【字体:大 中 小】, a speaker set off by U+3000.
      {"provincial/yunnan-2026", {"2026年政府工作报告", "省长王予波", "2026-01-28", 2025, 2026}},
      // A bracketed delivery date split over two lines, an acting head (代区长) as issuer.
      {"dev/014_taijiang_district_fuzhou_2015_spam",
       {"", "福州市台江区人民政府代区长李凡", "2016-01-06", 2015, 2016}},
      // A 2020 report delivered in December 2019 reviews 2019.
      {"dev/070_liaoyang_county_liaoning_2019",
       {"(辽宁省)2020年辽阳县人民政府工作报告(全文)", "县长罗奎亮", "2019-12-26", 2019, 2019}},
      // Taiwan: 102年度 in a text naming a 代表会 is 2013.
      {"dev/049_dongyin_township_matsu_2012_trad", {"", "", "", 2013, 0}},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.file));
    const Document document =
        Load(testing::ReadFile(testing::SourceDir() + "/tests/data/" + row.file + ".txt"));
    CheckInfo(document.info(), row.expected);
  }
}

TEST_CASE("report header: year is the period reviewed, report_year the year of issue") {
  struct Row {
    const char* header;
    Expected expected;
  };
  const Row rows[] = {
      // A government work report delivered early in the year reviews the year before.
      {"2026年政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n",
       {"2026年政府工作报告", "", "2026-01-25", 2025, 2026}},
      // The delivery line's dash set as horizontal bars (――), as some provincial sites do.
      {"政府工作报告\n――2026年1月27日在青海省第十四届人民代表大会第四次会议上\n省长 罗东川\n",
       {"政府工作报告", "省长罗东川", "2026-01-27", 2025, 2026}},
      // Delivered in December, it reviews its own year.
      {"2025年政府工作报告\n——2024年12月20日在县第十八届人民代表大会第五次会议上\n",
       {"2025年政府工作报告", "", "2024-12-20", 2024, 2024}},
      // No date: the year before its title's.
      {"2026年政府工作报告\n各位代表:\n", {"2026年政府工作报告", "", "", 2025, 2026}},
      // Delivered to a people's congress, whatever the title says.
      {"政府工作报告\n——2016年1月12日在濟南市市中區第十七屆人民代表大會第五次會議上\n",
       {"政府工作报告", "", "2016-01-12", 2015, 2016}},
      // A work summary reviews the year of its title, even dated the next year.
      {"2021年年度工作总结\n中共溆浦县均坪镇委员会\n（2022年2月）\n",
       {"2021年年度工作总结", "中共溆浦县均坪镇委员会", "2022-02", 2021, 2022}},
      {"2021年工作总结\n某某镇人民政府\n（2021年12月10日）\n",
       {"2021年工作总结", "某某镇人民政府", "2021-12-10", 2021, 2021}},
      // A half-year summary, its own year.
      {"2024年上半年工作总结\n一、工作开展情况\n", {"2024年上半年工作总结", "", "", 2024, 2024}},
      // No title: a disclosure page's form rows, then an opening that starts with the year.
      {"| 文件名称: | |||\n| 索引号: | 发文编号: | ||\n"
       "2013年,我镇以“三敢三创”活动为载体,紧扣中心,服务大局,扎实推进各项工作有序开展。\n"
       "一、经济发展形势较好。截至6月底,全镇财税总收入累计完成419万元。\n",
       {"", "", "", 2013, 0}},
      // Placeholders give no year.
      {"20XX年政府工作报告\n各位代表:\n", {"20XX年政府工作报告", "", "", 0, 0}},
      {"20××年乡镇工作总结\n一、工作开展情况\n", {"20××年乡镇工作总结", "", "", 0, 0}},
      // Issue 15: a document-sharing site's notice and the file name are no header lines; dated
      // in January with no year of its own, a report covers the year before.
      {"XX镇整镇脱贫退出汇报材料.docx\n《XX镇整镇脱贫退出汇报材料.docx》由会员分享,可在线阅读,"
       "更多相关《XX镇整镇脱贫退出汇报材料.docx(15页珍藏版)》请在冰豆网上搜索。\n"
       "XX镇整镇脱贫退出汇报材料\n中共XXX党委员会XXX人民政府\n(2018年1月27日)\n",
       {"XX镇整镇脱贫退出汇报材料", "中共XXX党委员会XXX人民政府", "2018-01-27", 2017, 2018}},
      // Issue 18: a copy that runs the header into the text keeps no date line; the review
      // heading names the year reviewed, its zero written as an ASCII 0.
      {"1、人民代表大会乡长政府工作报告 xx乡第十届人民代表大会第二次会议政府工作报告 "
       "(2023年2月22日) "
       "乡人民政府乡长xx 各位代表、 同志们: 现在,我代表乡人民政府向大会作政府工作报告,请予审议。"
       "二0一二年工作回忆 2023年,在县委、县政府和乡党委的正确领导下,乡政府团结带着全乡干部群众。\n"
       "一、经济指标\n全乡生产总值完成48193万元。\n",
       {"", "", "", 2012, 0}},
      // A copy without line breaks runs the title and the delivery line into the speech: the
      // date is still read, and the report, delivered in January, reviews the year before (its
      // first paragraph names the later year first).
      {"1政府工作报告——2012年1月3日在盐田区第四届人民代表大会第一次会议上盐田区人民政府区长"
       "各位代表:现在,我代表区人民政府向大会作工作报告,请予审议。一、过去五年工作回顾 "
       "本区生产总值预计2012年达到316亿元。\n",
       {"", "", "2012-01-03", 2011, 2012}},
      // A hyphen among the first characters is no delivery line's dash: no date (the year is the
      // first the opening names).
      {"1-2月,全镇完成固定资产投资3200万元,同比增长12%,2023年在全县排名第二,各项工作稳步推进,"
       "全镇上下同心协力,保障了人民群众的生命安全。\n",
       {"", "", "", 2023, 0}},
      // A news report of a township council's meeting: the budget year it debates (民国 93).
      {"金城、金湖、金沙镇代表考察建设审议案\n金湖镇民代表会第八届第四次定期大会,昨天议程续进行审议"
       "提案。\n追加减预算,"
       "计追加姊妹市互访经费四十万元、台电提拨九十三年度发电年度协助金一百万元。\n",
       {"", "", "", 2004, 0}},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.header));
    CheckInfo(Load(row.header).info(), row.expected);
  }
}

TEST_CASE("report header: 民国 years are converted, bare ones only in a Taiwanese text") {
  struct Row {
    const char* text;
    bool roc;
    int year;  // 0: none
  } rows[] = {
      {"中华民国106年度施政报告", false, 2017},
      {"民国106年", false, 2017},
      {"106年度总预算", true, 2017},
      {"106年度总预算", false, 0},
      {"烈屿乡代会通过110年总预算案", true, 2021},
      {"2021年工作总结", true, 2021},
      {"二〇二六年一月", false, 2026},
      {"20XX年工作总结", false, 0},
      {"201X年工作总结", true, 0},
      // 民国 years in Chinese numerals: a budget year, or one 民国 names; 三年 is a duration.
      {"台电提拨九十三年度发电年度协助金", true, 2004},
      {"民国九十三年", false, 2004},
      {"九十三年度", false, 0},
      {"用三年时间", true, 0},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.text));
    CHECK(structure::FirstYear(row.text, row.roc).value_or(0) == row.year);
  }
  CHECK(structure::UsesRocYears("東引鄉公所九十一年度總預算"));
  CHECK(structure::UsesRocYears("东引乡代表会第九届第五次定期大会"));
  CHECK_FALSE(structure::UsesRocYears("县人民代表大会第四次会议"));
  // 民国 before a year only: 全民国防教育 is a mainland report's (R11 checks: henan-2026).
  CHECK(structure::UsesRocYears("民国106年度总预算"));
  CHECK(structure::UsesRocYears("中华民国九十三年"));
  CHECK_FALSE(structure::UsesRocYears("国防动员、全民国防教育、双拥共建"));
}

// Normalized text, as structure reads it: 新臺幣 is 新台币 by then.
TEST_CASE("report header: a text names New Taiwan dollars, and renminbi beside them") {
  struct Row {
    std::string_view text;
    bool new_taiwan_dollar;
    bool renminbi;
  };
  const Row rows[] = {
      {"总计减列新台币408万5,000元", true, false},
      {"台币50万元", true, false},
      // 人民币 matters only beside 台币 (whether 元 is a Taiwan dollar), so it is not looked for
      // in a text that names none.
      {"折合人民币300万元", false, false},
      {"新台币100万元,约合人民币23万元", true, true},
      {"投入资金300万元,货币政策", false, false},
      // A township office's budget dated by the years of the Republic: its 元 are Taiwan's,
      // though it never says so (R11 checks: 049_dongyin).
      {"东引乡代表会完成东引乡102年度总预算审查,总计删减184万元", true, false},
      {"全民国防教育经费300万元", false, false},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.text));
    const structure::NamedCurrencies named = structure::CurrenciesNamed(row.text);
    CHECK(named.new_taiwan_dollar == row.new_taiwan_dollar);
    CHECK(named.renminbi == row.renminbi);
  }
}

}  // namespace
}  // namespace glean

namespace glean {
namespace {

// Found by the stream fuzz target: a run of eleven digits before 年 overflowed the year reader
// (std::out_of_range), and a bracketed date without a year was read as one.
TEST_CASE("report header: a long digit run before 年 and a date without a year give no year") {
  CHECK_FALSE(Load("\x14\xe6(M20666666622\xe5\xb9\xb4"
                   "2\n")
                  .info()
                  .year.has_value());
  const Document dated = Load("某镇工作总结\n(12月10日)\n一、工作回顾\n");
  CHECK_FALSE(dated.info().date.has_value());
  CHECK(dated.info().title == "某镇工作总结");
}

}  // namespace
}  // namespace glean
