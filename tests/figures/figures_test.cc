// The figures stage on sentences of the development corpus (issue 15): each construction a report
// writes a figure in, with the figures it gives, written out whole.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "glean/document.h"
#include "glean/figure.h"

namespace glean {
namespace {

// Each figure as "text value unit approx | label | action | changes".
std::string Describe(const std::string& sentence) {
  Result<Document> document = Document::Load("doc.txt", sentence, NormalizeOptions{});
  REQUIRE(document.ok());
  std::string out;
  for (const Figure& figure : FiguresOf(document.value())) {
    std::string changes;
    for (const FigureChange& change : figure.changes) changes += " " + change.ToString();
    out += fmt::format(
        "{} {}{} {}{} | {} | {} |{}\n", figure.text,
        std::get<Decimal>(figure.value.value).ToString(),
        figure.value.max ? "-" + figure.value.max->ToString() : "", figure.value.unit,
        figure.value.approx == Approx::kExact ? ""
                                              : std::string(" ") + ApproxName(figure.value.approx),
        figure.label, figure.action, changes);
  }
  return out;
}

struct Case {
  const char* sentence;
  const char* figures;
};

const Case kCases[] = {
    // A figure with a counting word, its approximation, verb and time word trimmed.
    {"全年完成改厕650余户。", "650余户 650 户 more | 改厕 | 完成 |\n"},
    {"实现地区生产总值67665亿元，增长5.5%。",
     "67665亿元 6766500000000 元 | 地区生产总值 | 实现 | +5.5%\n"},
    // Pairs: one label for both.
    {"低保对象45户95人。", "45户 45 户 | 低保对象 |  |\n95人 95 人 | 低保对象 |  |\n"},
    // A list: each item its own label, the verb for both.
    {"种植花椒2600余亩、黄桃1200余亩。",
     "2600余亩 2600 亩 more | 花椒 | 种植 |\n1200余亩 1200 亩 more | 黄桃 | 种植 |\n"},
    // Changes with no figure before them are figures of their own, signed.
    {"规上工业增加值增长9.4%，生产安全事故起数下降10.8%。",
     "9.4% 9.4 % | 规上工业增加值 | 增长 |\n10.8% -10.8 % | 生产安全事故起数 | 下降 |\n"},
    // A 分别 list (issue 18): each figure takes its own name of the joint label, the part the
    // names share given to each where the words show it.
    {"城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%。",
     "4.4% 4.4 % | 城镇常住居民人均可支配收入 | 增长 |\n"
     "5.9% 5.9 % | 农村常住居民人均可支配收入 | 增长 |\n"},
    {"出口、进口分别下降4.6%和7.1%。",
     "4.6% -4.6 % | 出口 | 下降 |\n7.1% -7.1 % | 进口 | 下降 |\n"},
    {"税收收入占财政总收入比重省口径、市口径分别为93%、93.6%,在全省、全市均列第二位。",
     "93% 93 % | 税收收入占财政总收入比重省口径 |  |\n"
     "93.6% 93.6 % | 税收收入占财政总收入比重市口径 |  |\n"},
    {"完成新建、重组11家全国重点实验室，国家级、部级创新平台分别达到22家、182家。",
     "11家 11 家 | 全国重点实验室 | 完成新建 |\n22家 22 家 | 国家级创新平台 |  |\n"
     "182家 182 家 | 部级创新平台 |  |\n"},
    {"其中一、二、三产业增加值分别为2.52亿元、10.13亿元、8.26亿元。",
     "2.52亿元 252000000 元 | 第一产业增加值 |  |\n10.13亿元 1013000000 元 | 第二产业增加值 |  |\n"
     "8.26亿元 826000000 元 | 第三产业增加值 |  |\n"},
    {"规模以上高技术制造业和装备制造业增加值分别增长13.8%、18.1%。",
     "13.8% 13.8 % | 规模以上高技术制造业增加值 | 增长 |\n18.1% 18.1 % | 装备制造业增加值 | 增长 "
     "|\n"},
    {"制造业、普惠小微贷款余额分别增长10.7%、13.3%。",
     "10.7% 10.7 % | 制造业贷款余额 | 增长 |\n13.3% 13.3 % | 普惠小微贷款余额 | 增长 |\n"},
    // The whole chain's output is each item's, not the crop's alone (jilin, R8 checks).
    {"人参、食用菌全产业链产值分别达到1230亿元、120亿元。",
     "1230亿元 123000000000 元 | 人参全产业链产值 |  |\n"
     "120亿元 12000000000 元 | 食用菌全产业链产值 |  |\n"},
    // More figures than names: a round of one for each name, twice.
    {"城乡低保平均标准分别从2020年的645元/月、4318元/年提高到2025年的801元/月、7226元/年。",
     "645元/月 645 元/月 | 城镇低保平均标准 |  |\n4318元/年 4318 元/年 | 农村低保平均标准 |  |\n"
     "801元/月 801 元/月 | 城镇低保平均标准 |  |\n7226元/年 7226 元/年 | 农村低保平均标准 |  |\n"},
    // An amount a month said before the figure (每人每月) is a standard in 元/月, as 801元/月 is;
    // so is the level a pair moves it to, and a figure joined to either (guangdong).
    {"散居孤儿从每人每月1536元提高到1567元。",
     "1536元 1536 元/月 | 散居孤儿 |  |\n1567元 1567 元/月 | 散居孤儿 |  |\n"},
    {"城乡低保标准提高到每月815元和615元，发放资金12亿元。",
     "815元 815 元/月 | 城镇低保标准 |  |\n615元 615 元/月 | 农村低保标准 |  |\n"
     "12亿元 1200000000 元 | 资金 | 发放 |\n"},
    {"生产安全事故起数和死亡人数分别下降15.1%、17%。",
     "15.1% -15.1 % | 生产安全事故起数 | 下降 |\n17% -17 % | 生产安全事故死亡人数 | 下降 |\n"},
    // Two things named in one word (药品耗材, 存贷款) are each one figure's (chongqing,
    // guangdong, R8 checks).
    {"集采药品耗材品种分别增至945个、47种。",
     "945个 945 个 | 集采药品品种 |  |\n47种 47 种 | 集采耗材品种 |  |\n"},
    {"银行机构本外币存贷款余额分别达38.7万亿元、29.9万亿元。",
     "38.7万亿元 38700000000000 元 | 银行机构本外币存款余额 |  |\n"
     "29.9万亿元 29900000000000 元 | 银行机构本外币贷款余额 |  |\n"},
    // A completion rate whose own words name no task takes the task of the figure before it in
    // its sentence, and reads <task>完成率 (issue 18).
    {"完成招商引资23179万元,总完成率115%,其中省外回归到位资金4064万元,完成率40.6%。",
     "23179万元 231790000 元 | 招商引资 | 完成 |\n115% 115 % | 招商引资总完成率 | 完成 |\n"
     "4064万元 40640000 元 | 省外回归到位资金 |  |\n40.6% 40.6 % | 省外回归到位资金完成率 |  |\n"},
    // The rates of a 分别 list of tasks are each its task's (jiangxi).
    {"城镇新增就业、新增发放创业担保贷款分别完成年计划的118.2%、248.57%。",
     "118.2% 118.2 % | 城镇新增就业完成率 | 完成 |\n248.57% 248.57 % | 新增发放创业担保贷款完成率 "
     "| "
     "完成 |\n"},
    {"财政预算收入任务1383万元,1-8月累计完成929万元,占全年目标的67.2%。",
     "1383万元 13830000 元 | 财政预算收入任务 |  |\n929万元 9290000 元 | 财政预算收入任务 | 完成 "
     "|\n"
     "67.2% 67.2 % | 财政预算收入完成率 |  |\n"},
    {"全镇财税总收入累计完成419万元,为全年任务740万元的56.6%。",
     // The task's amount is the same indicator's target (R13 checks: a Hunan town).
     "419万元 4190000 元 | 全镇财税总收入 | 完成 |\n740万元 7400000 元 | 财税总收入任务 |  |\n"
     "56.6% 56.6 % | 财税总收入完成率 |  |\n"},
    // With no figure before it the rate keeps its own words.
    {"完成全年目标任务的76%。", "76% 76 % | 目标任务 | 完成 |\n"},
    // Bounds stated before the figure (issue 18): 突破 and 不低于 say more than, 不超过 less.
    {"全省地区生产总值突破2万亿元。", "2万亿元 2000000000000 元 more | 全省地区生产总值 |  |\n"},
    {"确保耕地保有量不少于5028.04万亩。", "5028.04万亩 50280400 亩 more | 耕地保有量 | 确保 |\n"},
    {"单位地区生产总值能耗不超过5%。", "5% 5 % less | 单位地区生产总值能耗 |  |\n"},
    // 以内 after the figure is an upper bound as 以下 is (issue 18, xizang-2026); a figure
    // written in Chinese numerals too, and a bound before the noun after a count.
    {"城镇调查失业率控制在5%以内。", "5% 5 % less | 城镇调查失业率 |  |\n"},
    {"森林火灾受害率控制在百分之一以内。", "百分之一 1 % less | 森林火灾受害率 |  |\n"},
    {"城镇调查失业率5%。", "5% 5 % | 城镇调查失业率 |  |\n"},
    // A change in percentage points, compared with last year.
    {"城镇化率达到60%，比上年提高1.2个百分点。", "60% 60 % | 城镇化率 |  | +1.2个百分点\n"},
    {"全省经营主体超850万户，翻一番。", "850万户 8500000 户 more | 全省经营主体 |  | ×2\n"},
    // Chinese numerals, full-width digits, ranges, percent in words.
    {"新建村级活动场所二十三个。", "二十三个 23 个 | 村级活动场所 | 新建 |\n"},
    {"完成改厕６５０户。", "６５０户 650 户 | 改厕 | 完成 |\n"},
    {"建成3-5个示范点。", "3-5个 3-5 个 | 示范点 | 建成 |\n"},
    {"八成以上财政资金用于民生。", "八成 80 % more | 财政资金 |  |\n"},
    // Labels (issue 15). A chain of figures counted by classifiers, each named by the noun after
    // it.
    {"全镇辖8个村民委员会149个村民小组。",
     "8个 8 个 | 村民委员会 | 辖 |\n149个 149 个 | 村民小组 |  |\n"},
    // A 分别 list whose items each have their own verb names each figure by its own item
    // (issue 18, yunnan-2026); the shares of a plan after 分别 (完成年计划的) are each item's
    // completion rate (completion.h; jiangxi).
    {"接待游客、实现旅游总花费分别增长11.8%、11.5%。",
     "11.8% 11.8 % | 游客 | 接待 |\n11.5% 11.5 % | 旅游总花费 | 实现 |\n"},
    // A qualifier after the item a list's last item opens like the first is shared (先进), and
    // the noun after a count joined to another item by 和 names it (qinghai-2026).
    {"炼铁、炼钢先进产能占比分别达到64.3%、62.3%。",
     "64.3% 64.3 % | 炼铁先进产能占比 |  |\n62.3% 62.3 % | 炼钢先进产能占比 |  |\n"},
    {"首个国家区域医疗中心和3所省级区域医疗中心投入运行。", "3所 3 所 | 省级区域医疗中心 |  |\n"},
    {"积极参与3个国家级项目。", "3个 3 个 | 国家级项目 | 参与 |\n"},
    // A count of each year in a span keeps 每年 in its label: the period, the span, cannot say it
    // (issue 18, chongqing-2026); a total of the span has none.
    {"2021—2025年，每年开展流动文化进基层活动超过3万场次。",
     "3万场次 30000 场次 more | 每年流动文化进基层活动 | 开展 |\n"},
    {"2021—2025年，开展流动文化进基层活动超过15万场次。",
     "15万场次 150000 场次 more | 流动文化进基层活动 | 开展 |\n"},
    // A verb that names its own amount after the label is what grew (研发投入, hunan-2026); with
    // words after it, it stays the action.
    {"全社会研发投入年均增长11.6%。", "11.6% 11.6 % | 全社会研发投入 | 增长 |\n"},
    {"完成投资1万亿元。", "1万亿元 1000000000000 元 | 投资 | 完成 |\n"},
    // 城乡… with two figures, the last after 和, gives the town's and the country's; the period a
    // level is counted per right after its verb names nothing (neimenggu-2026); after 每人 it
    // stays.
    {"城乡低保标准提高到每月815元和615元。",
     "815元 815 元/月 | 城镇低保标准 |  |\n615元 615 元/月 | 农村低保标准 |  |\n"},
    {"补助标准提高到每人每月500元。", "500元 500 元/月 | 补助标准提高到每人每月 |  |\n"},
    // A + between numbers is a name's (“4+4科创工程”, hunan-2026), not a breakdown's.
    {"“4+4科创工程”取得创新成果130余项。", "130余项 130 项 more | 4+4科创工程取得创新成果 |  |\n"},
    // A duration between a count and its noun is part of the noun, not a stop (issue 18,
    // 020_goushi): 43 counts checkpoints, not villages; a word of how often ends the noun.
    {"全镇24个行政村43个24小时执勤卡点、69个普通卡点每天出动480余人进行执勤。",
     "24个 24 个 | 全镇行政村 |  |\n43个 43 个 | 24小时执勤卡点 |  |\n69个 69 个 | 普通卡点 |  |\n"
     "480余人 480 人 more | 普通卡点每天出动 |  |\n"},
    {"新建100个“15分钟高品质生活服务圈”。", "100个 100 个 | 15分钟高品质生活服务圈 | 新建 |\n"},
    {"建成3个7×24小时自助终端。", "3个 3 个 | 7×24小时自助终端 | 建成 |\n"},
    // A duration after the noun's first word is not the noun's: it ends it.
    {"设立3个卡点24小时值守。", "3个 3 个 | 卡点 | 设立 |\n"},
    // A general noun takes the verb before it into the name; an activity verb its subject.
    {"成功办理养老资格认证3542人次(认证率97.5％)。",
     "3542人次 3542 人次 | 养老资格认证 | 成功办理 |\n97.5％ 97.5 % | 认证率 |  |\n"},
    {"发放慰问救助金19万元。", "19万元 190000 元 | 慰问救助金 | 发放 |\n"},
    {"完成中药材种植面积350亩。", "350亩 350 亩 | 中药材种植面积 | 完成 |\n"},
    {"临时救助2042人次。", "2042人次 2042 人次 | 临时救助 |  |\n"},
    {"争取资金共计132万元。", "132万元 1320000 元 | 资金 | 争取 |\n"},
    {"城市低保累计保障11402人次。", "11402人次 11402 人次 | 城市低保 | 累计保障 |\n"},
    // Trimming: 行为 keeps its 为, a list closed by 等 loses it, ASCII quotes are dropped.
    {"发现非法违法行为12起。", "12起 12 起 | 非法违法行为 | 发现 |\n"},
    {"积极发动乡村干部、党员、志愿者等50余人。",
     "50余人 50 人 more | 乡村干部、党员、志愿者 | 发动 |\n"},
    {"查验\"三码\"2万余人次。", "2万余人次 20000 人次 more | 三码 | 查验 |\n"},
    // The words after the figure: a bracketed part and quotes belong to them, an activity closing
    // the clause too, a verb with an object after it does not.
    {"下辖174个村(居)民小组。", "174个 174 个 | 村(居)民小组 | 下辖 |\n"},
    {"打造10个“数字领航”企业。", "10个 10 个 | 数字领航企业 | 打造 |\n"},
    {"抓好1万名乡村医生线下培训。", "1万名 10000 名 | 乡村医生线下培训 | 抓好 |\n"},
    {"13个大模型通过国家备案。", "13个 13 个 | 大模型 |  |\n"},
    // An activity left after the verbs, a verb joined by 及, a list of years, a bracket after the
    // unit, an activity verb with nothing else to name the figure.
    {"立案审查3件。", "3件 3 件 | 立案审查 |  |\n"},
    {"全镇低保纳入及调档861户。", "861户 861 户 | 全镇低保纳入及调档 |  |\n"},
    {"完成2019、2020年问题厕所整改200余个。", "200余个 200 个 more | 问题厕所整改 | 完成 |\n"},
    {"全镇44条(座)河流库坝均配有河长。", "44条 44 条 | 河流库坝 |  |\n"},
    {"全年累计救助18万余人次。", "18万余人次 180000 人次 more | 救助 | 救助 |\n"},
    // Words ending in 的 qualify the noun after the figure, which names it; a time's 的 does not.
    {"选举产生来自各行各业的88名镇人大代表。", "88名 88 名 | 镇人大代表 | 选举产生 |\n"},
    {"全县生产总值由“十五”末的12.8亿元增加到19.2亿元。",
     "12.8亿元 1280000000 元 | 全县生产总值 |  |\n19.2亿元 1920000000 元 | 全县生产总值 |  |\n"},
    // A classifier's noun after it, to the clause end, names it; the words before qualify it.
    {"新一届村(社区)56名“两委”班子成员，平均年龄44岁。", "56名 56 名 | 两委班子成员 |  |\n"},
    {"打通53条断头路，优化242条公交线路。",
     "53条 53 条 | 断头路 |  |\n242条 242 条 | 公交线路 |  |\n"},
    {"每年高质量办成10件民生实事。", "10件 10 件 | 民生实事 |  |\n"},
    // 台次 counts trips, not vehicles: a unit of its own.
    {"清运车辆1500台次。", "1500台次 1500 台次 | 清运车辆 |  |\n"},
    // A bare measure is the measure of the thing after its 的 (shanxi, R8 checks).
    {"投资近千亿元、全长1.3万公里的三个一号旅游公路全线贯通。",
     "千亿元 100000000000 元 less |  | 投资 |\n1.3万公里 13000 公里 | 三个一号旅游公路全长 | 投资 "
     "|\n三个 3 个 | 一号旅游公路全线贯通 |  |\n"},
    {"总投资20亿元的华能光伏项目,已完成5.44亿元。",
     "20亿元 2000000000 元 | 华能光伏项目总投资 |  |\n5.44亿元 544000000 元 | 华能光伏项目总投资 "
     "| 完成 |\n"},
    // 亩次 counts operations over the land, not an area (guizhou, R8 checks).
    {"农机作业服务面积60万亩次以上。", "60万亩次 600000 亩次 more | 农机作业服务面积 |  |\n"},
    // A noun that begins with a verb: 有色.
    {"有色冶金产业增加值增长17.8%。", "17.8% 17.8 % | 有色冶金产业增加值 | 增长 |\n"},
    // Parts of a breakdown joined by +.
    {"构建林长+护林员54人+监管员18人。", "54人 54 人 | 护林员 |  |\n18人 18 人 | 监管员 |  |\n"},
    // Not figures: years, dates, durations, ordinals, numbering, sessions, names in quotes.
    {"2021年10月28日，用两年时间，第一批，（三）一是，十一届十次全会，“五个到户”。", ""},
    {"居全国第4位，连续24个月保持两位数增长，5G信号，PM2.5浓度。", ""},
    // Set phrases and references (issue 15): a law's article, a project's phase, N位一体, two
    // counts in a row, a slogan in ASCII quotes far into a line. A speech's outline (十个方面) is
    // a figure, excepted (exceptions_test.cc).
    {"将刑法十一条纳入学习，纳入杨白线二期，运用“宣、观、诵、讲、听”五位一体新模式。", ""},
    {"重点做好十个方面工作，用好两个市场两种资源，增速连续8个季度居全国前10位。",
     "十个 10 个 | 方面工作 | 重点做好 |\n"},
    {"把增强\"四个意识\"、坚定\"四个自信\"、做到\"两个维护\"\"两个确立\"落实到行动上。", ""},
    // Arabic counts of phases are figures: 举办培训班3期.
    {"举办培训班3期。", "3期 3 期 | 培训班 | 举办 |\n"},
    // Labels as wrapping leaves them (wrap invariance): a web address ends the clause, whether a
    // line was broken inside it or not; blanks at a line's end end its clause; a line broken
    // after a comma adds no blank to the label.
    {"范文宝典:www.example.com2020年全年生产总值2.97亿元。",
     "2.97亿元 297000000 元 | 生产总值 |  |\n"},
    {"范文宝典:www.exam ple.com2020年全年生产总值2.97亿元。",
     "2.97亿元 297000000 元 | 生产总值 |  |\n"},
    {"2026年省十件民生实事 \n坚持民生为大。", "十件 10 件 | 民生实事 |  |\n"},
    {"引绰济辽工程实现全线通水，\n5G基站达到9.5万座。", "9.5万座 95000 座 | 5G基站 |  |\n"},
    // A range with the percent sign on both ends is one figure, whatever the dash (not 4.5 % and
    // a negative 5 %).
    {"地区生产总值增长4.5%—5%。", "4.5%—5% 4.5-5 % | 地区生产总值 | 增长 |\n"},
    {"地区生产总值年均增速4.5%-5%。", "4.5%-5% 4.5-5 % | 地区生产总值年均增速 |  |\n"},
    // A list of values, then as many changes: each value its own change, in order.
    {"城镇、农村居民人均可支配收入分别达到19824元、6700元,增长6%、11.1%。",
     "19824元 19824 元 | 城镇居民人均可支配收入 |  | +6%\n"
     "6700元 6700 元 | 农村居民人均可支配收入 |  | +11.1%\n"},
    {"城镇和农村居民人均可支配收入分别为42000元和21000元，分别增长5.2%和6.8%。",
     "42000元 42000 元 | 城镇居民人均可支配收入 |  | +5.2%\n"
     "21000元 21000 元 | 农村居民人均可支配收入 |  | +6.8%\n"},
    // After 分别, a list of values with labels of their own gets its changes in order too.
    {"累计接待游客17.52亿人次、旅游花费1.27万亿元，分别增长32.9%、41.6%。",
     "17.52亿人次 1752000000 人次 | 游客 | 接待 | +32.9%\n"
     "1.27万亿元 1270000000000 元 | 旅游花费 | 接待 | +41.6%\n"},
    // issue 18: so does a comma list after 分别; the last item keeps its own label.
    {"全年实现工业总产值58亿元,销售56亿元,利税5亿元,分别比上年增长11.2%、10.7%和11.5%。",
     "58亿元 5800000000 元 | 工业总产值 | 实现 | +11.2%\n"
     "56亿元 5600000000 元 | 销售 | 销售 | +10.7%\n"
     "5亿元 500000000 元 | 利税 |  | +11.5%\n"},
    {"农村经济总收入预计达12387万元,农民人均纯收入预计达3325元,分别比上年同比增长15%和35.49%。",
     "12387万元 123870000 元 | 农村经济总收入 |  | +15%\n"
     "3325元 3325 元 | 农民人均纯收入 |  | +35.49%\n"},
    // issue 18: 预计 before 达 leaves the label whole (not 生产总值预).
    {"数字经济核心产业增加值预计增长10%。", "10% 10 % | 数字经济核心产业增加值 | 增长 |\n"},
    // issue 18: a list closed by 等 before the kind: each item with the kind.
    {"以丰补歉，食品、石化、医药、信息等产业增加值分别增长7.5%、11.5%、17.4%、7.3%。",
     "7.5% 7.5 % | 食品产业增加值 | 增长 |\n11.5% 11.5 % | 石化产业增加值 | 增长 |\n"
     "17.4% 17.4 % | 医药产业增加值 | 增长 |\n7.3% 7.3 % | 信息产业增加值 | 增长 |\n"},
    // With fewer figures than items, each takes only the kind.
    {"食品、石化、医药、信息等产业增加值分别增长7.5%、11.5%。",
     "7.5% 7.5 % | 产业增加值 | 增长 |\n11.5% 11.5 % | 产业增加值 | 增长 |\n"},
    // issue 18: a verb before 业 names a trade, not the action (not 业增加值).
    {"实现服务业增加值239.93亿元，增长9.1%。",
     "239.93亿元 23993000000 元 | 服务业增加值 | 实现 | +9.1%\n"},
    // issue 18: the 从 of 从业人员 begins no comparison.
    {"新增软信从业人员10万人。", "10万人 100000 人 | 软信从业人员 | 新增 |\n"},
    // issue 18: the 共 of 医共体 and 共同体 is no joining word ending the noun.
    {"建成125个县域医共体，实现五大急危重症救治中心县级全覆盖。",
     "125个 125 个 | 县域医共体 | 建成 |\n"},
    // issue 18: 可达 before the figure is trimmed whole (not 收入可).
    {"城乡居民人均可支配收入可达30758元。", "30758元 30758 元 | 城乡居民人均可支配收入 |  |\n"},
    // issue 18: 组织 after 党 is a noun, not a verb inside the label.
    {"现有基层党组织8个、党员159名。", "8个 8 个 | 基层党组织 |  |\n159名 159 名 | 党员 |  |\n"},
    // One name too many for the figures: a 和 inside an item.
    {"信息传输、租赁和商务服务业增加值分别增长18.6%、13.4%。",
     "18.6% 18.6 % | 信息传输增加值 | 增长 |\n13.4% 13.4 % | 租赁和商务服务业增加值 | 增长 |\n"},
    // The town's or the country's part of a total keeps its qualifier in the label that goes on
    // with its words.
    {"其中城市低保6195户12533人,发放低保金3277万元,农村低保7840户13026人,发放低保金1444万元。",
     "6195户 6195 户 | 城市低保 |  |\n12533人 12533 人 | 城市低保 |  |\n"
     "3277万元 32770000 元 | 城市低保金 | 发放 |\n7840户 7840 户 | 农村低保 |  |\n"
     "13026人 13026 人 | 农村低保 |  |\n1444万元 14440000 元 | 农村低保金 | 发放 |\n"},
    // 每千人口, 每百户: the denominator of a rate, not a figure; it stays in the rate's label.
    {"每千人口拥有3岁以下婴幼儿托位数达4.59个。",
     "4.59个 4.59 个 | 每千人口拥有3岁以下婴幼儿托位数 |  |\n"},
    // issue 18: so is 千人口 without 每, and a denominator in digits (每10万人).
    {"建成全国唯一医养结合示范省，千人口床位数由6.4张增至7.6张。",
     "6.4张 6.4 张 | 千人口床位数 |  |\n7.6张 7.6 张 | 千人口床位数 |  |\n"},
    {"每10万人刑事案件数下降36.9％。", "36.9％ -36.9 % | 每10万人刑事案件数 | 下降 |\n"},
    // A population of a hundred thousand is a figure: only 每 or a bare 千 before 人口 is a rate's.
    {"全县总人口10万人。", "10万人 100000 人 | 全县总人口 |  |\n"},
    // issue 18: 改善 of a concentration is a fall and no part of the label; of a share it says no
    // direction and stays in it.
    {"国考10市PM2.5浓度改善10.8％。", "10.8％ -10.8 % | 国考10市PM2.5浓度 | 改善 |\n"},
    {"优良天数比例改善3个百分点。", "3个百分点 3 个百分点 | 优良天数比例改善 |  |\n"},
    // issue 18: a threshold passed, then the level reached: the level alone is a figure.
    // After 分别 a comma lists the changes as 、 does (a Traditional-script township report).
    {"全鎮國內生產總值為10.74億元,鄉鎮企業總產值實現12.66億元,分別較上年增長12%,13%。",
     "10.74億元 1074000000 元 | 全镇国内生产总值 |  | +12%\n"
     "12.66億元 1266000000 元 | 乡镇企业总产值 | 实现 | +13%\n"},
    // Without 分别 a comma after a change starts a figure of its own.
    {"全镇生产总值为10.74亿元,乡镇企业总产值实现12.66亿元,较上年增长12%,13%的农户参加。",
     "10.74亿元 1074000000 元 | 全镇生产总值 |  |\n"
     "12.66亿元 1266000000 元 | 乡镇企业总产值 | 实现 | +12%\n"
     "13% 13 % | 乡镇企业总产值 | 实现 |\n"},
    {"人均地区生产总值突破1万美元、达1.12万美元。",
     "1.12万美元 11200 美元 | 人均地区生产总值 |  |\n"},
    {"地区生产总值突破2万亿元，达到23562亿元。",
     "23562亿元 2356200000000 元 | 地区生产总值 |  |\n"},
    // 到达 as well (a county report of 2005).
    {"人均生产总值首次突破2万元,到达20230元。", "20230元 20230 元 | 人均生产总值 |  |\n"},
    // A rate per unit keeps its suffix's approximation (R14 checks: beijing-2026).
    {"全员劳动生产率达58万元/人左右。", "58万元/人 580000 元/人 about | 全员劳动生产率 |  |\n"},
    {"地区生产总值突破2万亿元，增长5.5%。",
     "2万亿元 2000000000000 元 more | 地区生产总值 |  | +5.5%\n"},
    // A milestone passed or stepped onto is a level of more than it, its verb no part of the
    // label (R11 and R12 checks: ningxia, shaanxi, qinghai); a count of milestones is exact.
    {"地区生产总值跨过3万亿元、年均增长5.2％。",
     "3万亿元 3000000000000 元 more | 地区生产总值 |  | +5.2%\n"},
    {"全省地区生产总值历史性迈上4000亿元台阶。",
     "4000亿元 400000000000 元 more | 全省地区生产总值 |  |\n"},
    {"地区生产总值跨越3个千亿元台阶。",
     "3个 3 个 | 地区生产总值千亿元台阶 |  |\n千亿元 100000000000 元 | 地区生产总值千亿元台阶 |  "
     "|\n"},
    // A rate of change named by its noun after the figure's comma is its change (issue 18:
    // a township report of 2012, a county's of 2022); 增速 before a figure stays a label.
    {"人民人均纯收入达6786元,增幅14%。", "6786元 6786 元 | 人民人均纯收入 |  | +14%\n"},
    {"地方一般公共预算收入3.5亿元,自然增幅2%,同口径完成3.67亿元,增幅6.1%;能耗0.5吨,降幅为3%。",
     "3.5亿元 350000000 元 | 地方一般公共预算收入 |  | +2%\n"
     "3.67亿元 367000000 元 | 同口径 | 完成 | +6.1%\n0.5吨 0.5 吨 | 能耗 |  | -3%\n"},
    {"规模以上工业增速11%。", "11% 11 % | 规模以上工业增速 |  |\n"},
    // An approximation word after the last figure of a 分别 list is said of each figure of it.
    {"确保肉、奶产量分别稳定在310万吨和750万吨左右。",
     "310万吨 3100000 吨 about | 肉产量 | 确保 |\n750万吨 7500000 吨 about | 奶产量 | 确保 |\n"},
    {"水果、蔬菜、茶叶产量分别达2050万吨、4200万吨、19万吨以上。",
     "2050万吨 20500000 吨 more | 水果产量 |  |\n4200万吨 42000000 吨 more | 蔬菜产量 |  |\n"
     "19万吨 190000 吨 more | 茶叶产量 |  |\n"},
    // So is one before the first figure, when the last has none after it (beijing).
    {"食品、药品抽检合格率分别超98.5%和99%。",
     "98.5% 98.5 % more | 食品抽检合格率 |  |\n99% 99 % more | 药品抽检合格率 |  |\n"},
    // And a bound verb before the first (R13 checks: xizang); not a first figure's own 余.
    {"全区一般公共预算收入、支出分别突破300亿元和3000亿元。",
     "300亿元 30000000000 元 more | 全区一般公共预算收入 |  |\n"
     "3000亿元 300000000000 元 more | 全区一般公共预算支出 |  |\n"},
    {"城乡居民收入分别约3万元和2万元以上。",
     "3万元 30000 元 about | 城镇居民收入 |  |\n2万元 20000 元 more | 农村居民收入 |  |\n"},
    {"新建平台超5个、园区7个。", "5个 5 个 more | 平台 | 新建 |\n7个 7 个 | 园区 | 新建 |\n"},
    // A figure's own word stays its own; without 分别 the word may bound the last item alone.
    {"城乡居民收入分别提升至95%左右、96%以上。",
     "95% 95 % about | 城镇居民收入 |  |\n96% 96 % more | 农村居民收入 |  |\n"},
    {"新建创新平台5个、产业园区7个以上。",
     "5个 5 个 | 创新平台 | 新建 |\n7个 7 个 more | 产业园区 | 新建 |\n"},
};

TEST_CASE("figures: each construction gives its figures, labels, actions and changes") {
  for (const Case& c : kCases) {
    INFO(c.sentence);
    CHECK(Describe(c.sentence) == std::string(c.figures));
  }
}

TEST_CASE("figures: offsets are exact in the original bytes through normalization") {
  // Traditional script and a PDF space between figure and unit.
  const std::string text = "全鎮完成改廁650 餘戶。";
  Result<Document> document = Document::Load("doc.txt", text, NormalizeOptions{});
  REQUIRE(document.ok());
  const std::vector<Figure>& figures = FiguresOf(document.value());
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].text == "650 餘戶");
  CHECK(text.substr(figures[0].source.start, figures[0].source.end - figures[0].source.start) ==
        "650 餘戶");
  CHECK(figures[0].label == "全镇改厕");
  CHECK(figures[0].own_area_size == std::string_view("全镇").size());
  CHECK(figures[0].value.approx == Approx::kMore);
}

}  // namespace
}  // namespace glean
