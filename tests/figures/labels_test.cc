// Labels on sentences of the development corpus (issue 15): the construction a report names a
// figure in, and the label and action each figure gets. The hand-checked lists measure labels as a
// whole (figures_accuracy_test.cc); these rows pin each construction.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "glean/document.h"
#include "glean/figure.h"

namespace glean {
namespace {

// Each figure as "text label/action", one a line.
std::string LabelsIn(const std::string& sentence) {
  Result<Document> document = Document::Load("doc.txt", sentence, NormalizeOptions{});
  REQUIRE(document.ok());
  std::string out;
  for (const Figure& figure : FiguresOf(document.value())) {
    out += fmt::format("{} {}/{}\n", figure.text, figure.label, figure.action);
  }
  return out;
}

struct Row {
  const char* sentence;
  const char* labels;
};

void CheckRows(const Row* begin, const Row* end) {
  for (const Row* row = begin; row != end; ++row) {
    INFO(row->sentence);
    CHECK(LabelsIn(row->sentence) == std::string(row->labels));
  }
}

TEST_CASE("labels: a clause that names nothing counts what the clause or figure before names") {
  static const Row kRows[] = {
      {"开展房屋普查工作，共计4902栋，其中经营性自建房57栋。",
       "4902栋 房屋普查/\n57栋 经营性自建房/\n"},
      {"全年召开屋场恳谈会200场,收集问题413个,当面解决了363个。",
       "200场 屋场恳谈会/召开\n413个 问题/收集\n363个 问题/解决\n"},
      {"缅北滞留人员 4 人,已 劝返 3 人。", "4 人 缅北滞留人员/\n3 人 缅北滞留人员/劝返\n"},
      {"发挥惠农资金强农惠农的作用,全年发放惠农资金90337人次,共计2737.3万元。",
       "90337人次 惠农资金/发放\n2737.3万元 惠农资金/\n"},
      // A verb alone after 、 is its item's own word (065, issue 18): after a bare name, or in
      // place of the verb the item before ends with; after an item's verb it acts on its noun.
      {"果树1265人次、蔬菜1082人次、种植3001人次、养殖351人次。",
       "1265人次 果树/\n1082人次 蔬菜/\n3001人次 种植/种植\n351人次 养殖/养殖\n"},
      {"新能源开工1600万千瓦、投产1000万千瓦以上。",
       "1600万千瓦 新能源开工/\n1000万千瓦 新能源投产/投产\n"},
      {"全年新建村道5公里、硬化2公里。", "5公里 村道/新建\n2公里 村道/硬化\n"},
      // A verb that names its own amount is its own figure's (issue 18).
      {"全年实现工业总产值58亿元,销售56亿元,利税5亿元。",
       "58亿元 工业总产值/实现\n56亿元 销售/销售\n5亿元 利税/\n"},
      // A kind of firm before 实现 or 完成 names the part of the total counted; firms in general
      // or a place do not (issue 18).
      {"规模企业实现工业总产值28.27亿元,同比增长12.4%。", "28.27亿元 规模企业工业总产值/实现\n"},
      {"我镇规模以上企业完成总产值37395万元。", "37395万元 规模以上企业总产值/完成\n"},
      {"省属企业完成产业类投资553.1亿元。", "553.1亿元 省属企业产业类投资/完成\n"},
      {"全镇企业实现总产值20亿元。", "20亿元 总产值/实现\n"},
      // A share that names only the whole takes the thing of the figure before, after a comma;
      // not in a clause of its own nor after a rate (issue 18).
      {"乡镇总面积96.25平方公里,其中耕地面积23.43平方公里,占总面积的24.32%。",
       "96.25平方公里 乡镇总面积/\n23.43平方公里 耕地面积/\n24.32% 耕地面积占总面积/\n"},
      {"森林覆盖率达57%,占全国的2%。", "57% 森林覆盖率/\n2% 占全国/\n"},
      {"新能源装机达4091万千瓦、占比达44.7%。", "4091万千瓦 新能源装机/\n44.7% 新能源装机占比/\n"},
      {"新能源装机快速增长，占比达44.7%。", "44.7% 占比/\n"},
      // A share that names its whole after 、 as after a comma; GDP is a whole (beijing).
      {"数字经济核心产业增加值1200亿元、占地区生产总值比重8.5%。",
       "1200亿元 数字经济核心产业增加值/\n8.5% 数字经济核心产业增加值占地区生产总值比重/\n"},
      {"白名单企业55万户、占全部企业超两成。", "55万户 白名单企业/\n两成 白名单企业占全部企业/\n"},
      {"服务业税收22.64亿元;占全省的5%。", "22.64亿元 服务业税收/\n5% 占全省/\n"},
      // The two terms of a ratio before 的 narrow it, however named (issue 18).
      {"社会物流总费用与地区生产总值的比率下降至13.8%。",
       "13.8% 社会物流总费用与地区生产总值的比率/\n"},
      // A scope before 性 is part of the name; before a noun it is the report's area (issue 18).
      {"全市性督查检查考核事项精简两成。", "两成 全市性督查检查考核事项精简/\n"},
      {"全市督查检查考核事项120项。", "120项 全市督查检查考核事项/\n"},
      // A firm after 、 names its own plant, not the project before; a list of firms stays one
      // (issue 18).
      {"加快金川四矿区贫矿资源综合开发利用、白银集团7万吨锌基合金等项目建设。",
       "7万吨 白银集团/\n"},
      {"推动甲钢铁集团、乙化工集团30万吨技改项目建设。", "30万吨 甲钢铁集团、乙化工集团/推动\n"},
      // A page's title and heading run into the first sentence (issue 18).
      {"宝典:www.xiebitongdao.com2021年xx乡人民政府工作报告(1)一、2020年工作和“十三五”发展回顾"
       "2020年全年生产总值2.97亿元,增长4.3%。",
       "2.97亿元 生产总值/\n"},
      // A span and its note "the same below" name nothing: the figure before does (issue 18).
      {"2015年地区生产总值306.76亿元,五年(下同)年均增长9.3%。",
       "306.76亿元 地区生产总值/\n9.3% 地区生产总值/增长\n"},
      // The 等 of a word is no list's (issue 18).
      {"高等教育新增学位15.4万个，内河高等级航道里程突破1000公里。",
       "15.4万个 高等教育新增学位/\n1000公里 内河高等级航道里程/\n"},
      // Not after the report's own area: 全镇180余户 are some of the town's households.
      {"流转土地 2000 余亩,带动全镇 180 余户种植 1500 余 亩。",
       "2000 余亩 土地/流转\n180 余户 /带动\n1500 余 亩 /种植\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: the noun after the figure names it when the words before do not") {
  static const Row kRows[] = {
      // A classifier's noun after a comma is not the second half of a pair.
      {"其中公务员17人，全额事业编18人，11名党政领导；",
       "17人 公务员/\n18人 全额事业编/\n11名 党政领导/\n"},
      {"全镇现有村医15人，15个村卫生室均完成达标建设。", "15人 村医/\n15个 村卫生室/\n"},
      // A subject taken one by one; an age that qualifies the noun is passed over.
      {"10个村（社区）均配备了1名35岁左右大专以上学历干部。",
       "10个 村(社区)/\n1名 大专以上学历干部/配备\n"},
      // The noun after a pair names both.
      {"全力保障了1436户6785名贫困人口全面脱贫。", "1436户 贫困人口/保障\n6785名 贫困人口/保障\n"},
      // A figure followed by a verb and its object.
      {"流转土地60亩发展15亩种植荸荠。", "60亩 土地/流转\n15亩 荸荠/发展\n"},
      // Whom a figure is for.
      {"“为民办实事暨秋季慈善助学活动”为9名贫困大学生现场发放助学金26000元。",
       "9名 贫困大学生/\n26000元 贫困大学生助学金/发放\n"},
      // 将 and 对 before the report's own area put the object first.
      {"我们通过摸底排查将我镇 129 户畜禽养殖户,制定了问题整改清单。", "129 户 畜禽养殖户/排查\n"},
      // A place name before an area or amount is where; the noun after is what, and the label
      // keeps both (R14 checks).
      {"其中老窑上村150亩黄姜中药材基地初见成效；", "150亩 老窑上村黄姜中药材基地/\n"},
      // An amount that qualifies the noun, and the figure it is, both take the noun.
      {"新建5个百亩以上油茶庄园。", "5个 油茶庄园/新建\n百亩 油茶庄园/新建\n"},
      // A list of nouns to the clause's end is counted together (henan, shanxi; R8 checks);
      // a first item of one character opens a pair as before.
      {"新建200个智能车间、智能工厂，数字经济规模扩大。", "200个 智能车间、智能工厂/新建\n"},
      {"建设10家以上中试平台、概念验证中心，推动转化。", "10家 中试平台、概念验证中心/建设\n"},
      {"建成18个村、居委会，完成改造。", "18个 村、居委会/建成\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: the noun after a figure ends at adverbs and after a head noun") {
  static const Row kRows[] = {
      {"对 59 名社戒社康人员定期尿检和思想汇报。", "59 名 社戒社康人员/\n"},
      // 现场 ends it as an adverb, not as the noun 现场会.
      {"为9名贫困大学生现场发放助学金，召开3次现场会。", "9名 贫困大学生/\n3次 现场会/召开\n"},
      {"历时4个月对700余个农村乱占耕地建房图斑实地摸排核查。", "700余个 农村乱占耕地建房图斑/\n"},
      // A verb that qualifies a head noun belongs to it, which ends it.
      {"对60个重点山塘维修清淤项目予以申报立项。", "60个 重点山塘维修清淤项目/\n"},
      {"推进56个土地综合整治项目扎实实施。", "56个 土地综合整治项目/推进\n"},
      {"培育 300 亩种植大户 2 个。", "300 亩 种植大户/培育\n2 个 种植大户/\n"},
      {"对全镇11340户基本完成结对联户。", "11340户 结对联户/\n"},
      // One character before 、 is the first of a pair, not a noun of its own.
      {"村级财务代管中心组织村监委对全镇 18 个村、居委会的 2020 年村级财务进行了清理。",
       "18 个 村、居委会/组织\n"},
      // A grade (级) qualifies the noun after the next figure: both are named by it.
      {"新建 15 个村组级 27.16 公里公路建设。", "15 个 村组级公路/新建\n27.16 公里 村组级公路/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: doers, data sources, governments and age bounds are trimmed in front") {
  static const Row kRows[] = {
      // A plan word says the status, not what is counted; the verb after it is the action
      // (ningxia, chongqing; issue 18).
      {"力争新增外资外贸企业30家左右。", "30家 外资外贸企业/新增\n"},
      {"力争巴渝和美乡村建成率达到80%。", "80% 巴渝和美乡村建成率/\n"},
      {"预计2011年全镇农业生产总值26328万元。", "26328万元 全镇农业生产总值/\n"},
      {"计划农民人均纯收入达到9170元。", "9170元 农民人均纯收入/\n"},
      // 计划生育 is a field of work; 计划投资 the amount planned.
      {"计划生育率达80%。", "80% 计划生育率/\n"},
      {"2022年镇纪委立案1起。", "1起 立案/\n"},
      {"移交公安立刑事案件 1起,刑拘 1人。", "1起 刑事案件/立\n1人 刑拘/\n"},
      {"现国办系统贫困人口为2191户8242人。", "2191户 贫困人口/\n8242人 贫困人口/\n"},
      {"现有档内未消除风险监测对象38户63人。",
       "38户 未消除风险监测对象/\n63人 未消除风险监测对象/\n"},
      {"*镇政府公职人员现有35人。", "35人 公职人员/\n"},
      // Only a named government: 镇政府驻地 and 省政府规章 keep it.
      {"镇政府驻地海拔1830米。", "1830米 镇政府驻地海拔/\n"},
      {"制定修改废止省政府规章8件。", "8件 省政府规章/制定修改废止\n"},
      {"全面开展60岁以上待遇人员生存认证3542人次。", "3542人次 待遇人员生存认证/开展\n"},
      {"计追加台电提拨九十三年度发电年度协助金一百万元。", "一百万元 发电年度协助金/提拨\n"},
      // Manner adverbs in front: 切实, 扎实, 稳步 …
      {"切实解决群众问题50起。", "50起 群众问题/解决\n"},
      // 有 that makes a kind with the words after it (beside 无劳动能力户) is no verb; 有 before a
      // plain noun is.
      {"无劳动能力户35户54人,有劳动能力户37户117人。",
       "35户 无劳动能力户/\n54人 无劳动能力户/\n37户 有劳动能力户/\n117人 有劳动能力户/\n"},
      {"全镇有贫困户120户。", "120户 贫困户/有\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: sums, town and country, and amounts of investment") {
  static const Row kRows[] = {
      // A small count after a list sums up its items: the kind after it.
      {"对良友采石场、长盛砖厂两个企业环保问题严查严究。", "两个 企业/\n"},
      {"从学史明理、学史增信、学史崇德、学史力行四个阶段推动全体机关干部不断增强。",
       "四个 阶段/\n"},
      // Names closed by 等 are examples of the kind after the count, which names it.
      {"桑龙、城龙、醴娄等7条高速公路建成通车。", "7条 高速公路/\n"},
      {"实施了东方红库、犁头尖、朱冲等五座中小型水库的除险加固。", "五座 中小型水库/实施\n"},
      // Not when the words after are the work done (桥下空间整治) or a word ends in 等 (高等).
      {"完成燕莎桥等251座桥系桥下空间整治。", "251座 燕莎桥/完成\n"},
      // 推动, 布局 and 加快推进 before a count are its action; the noun after names it.
      {"布局39个自治区专科区域医疗中心。", "39个 自治区专科区域医疗中心/布局\n"},
      {"加快推进6个百万羽蛋鸡养殖重点项目建设。", "6个 百万羽蛋鸡养殖重点项目/加快推进\n"},
      // 新入库 (entered into the statistics) is the action of every item of its list.
      {"新入库规模以上工业企业400家以上、规模以上服务业企业300家以上。",
       "400家 规模以上工业企业/新入库\n300家 规模以上服务业企业/新入库\n"},
      // An adverb of manner after the noun ends it (全面, 加快, 相继), as the clause's end does.
      {"不断壮大现代化产业体系，13条重点产业链全面起势。", "13条 重点产业链/\n"},
      {"新昆楚大、临清等40条高速公路相继开通。", "40条 高速公路/\n"},
      // Not the words of how far, whose verb names the count: 住房全部交付.
      {"保交房7.4万套住房全部交付。", "7.4万套 住房全部交付/\n"},
      // Not a size: 两个万亩 is not a kind.
      {"建成中坝、尚书坝两个万亩粮油示范片。", "两个 万亩粮油示范片/建成\n"},
      // A count that sums up the list before it names nothing more.
      {"引进峰岭菁华果业,发展黄桃、金盆柚\"两果\"种植1100亩。", "1100亩 黄桃、金盆柚/种植\n"},
      // As many figures as items, one after another with only 、 between: each item's, 分别 or not.
      {"改造老旧供热、燃气、排水管网800公里、600公里、300公里。",
       "800公里 老旧供热管网/改造\n600公里 燃气管网/改造\n300公里 排水管网/改造\n"},
      {"战略性新兴产业和高技术制造业增加值年均增长8%、7.2%。",
       "8% 战略性新兴产业增加值/增长\n7.2% 高技术制造业增加值/增长\n"},
      {"城乡居民人均可支配收入分别增长4.6%和7.1%。",
       "4.6% 城镇居民人均可支配收入/增长\n7.1% 农村居民人均可支配收入/增长\n"},
      // Kinds written a character each (qinghai); with fewer figures than kinds, the label whole.
      {"牛羊出栏分别增长5.2%、1.9%。", "5.2% 牛出栏/增长\n1.9% 羊出栏/增长\n"},
      {"猪牛羊出栏分别增长2%、3%。", "2% 猪牛羊出栏/增长\n3% 猪牛羊出栏/增长\n"},
      // The investment done of the projects the figure before counts (R11 checks: hunan-2026).
      {"开工项目超1万个、完成投资近1万亿元。", "1万个 项目/开工\n1万亿元 项目/完成投资\n"},
      {"铺排落实省重点项目304个、完成投资4608亿元。",
       "304个 省重点项目/落实\n4608亿元 省重点项目/完成投资\n"},
      // Their total investment takes their name (R12 checks: guangdong-2026).
      {"落地项目2200个、总投资额7200亿元。", "2200个 落地项目/\n7200亿元 落地项目总投资额/\n"},
      {"新招引工业项目7个,总投资6.4亿元。", "7个 工业项目/新招引\n6.4亿元 工业项目总投资/\n"},
      // And so does their investment of the year (R13 checks: jiangxi, henan).
      {"累计实施亿元以上省大中型项目1.3万余个，年度投资保持1万亿元以上。",
       "1.3万余个 亿元以上省大中型项目/实施\n1万亿元 亿元以上省大中型项目年度投资/\n"},
      {"实施1000个以上省重点项目，年度完成投资1万亿元。",
       "1000个 省重点项目/实施\n1万亿元 省重点项目年度投资/完成\n"},
      // A total investment before the projects counted after it is theirs (R13 checks: hunan).
      {"抓好总投资2万亿元的389个省重点项目。",
       "2万亿元 省重点项目总投资/抓好\n389个 省重点项目/\n"},
      {"预计 2022年1月建成投产后可增加就业岗位300个。", "300个 就业岗位/增加\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: an adverb of how often or how many at a time is not part of the label") {
  // Issue 18: 首次, 接连, 连续, 双双 and 均 before the verb were left at the label's end, so no
  // rule of the indicator could name the figure.
  static const Row kRows[] = {
      {"库塘蓄水量首次突破100亿立方米。", "100亿立方米 库塘蓄水量/\n"},
      {"进出口总额接连突破8万亿元、9万亿元。", "8万亿元 进出口总额/\n9万亿元 进出口总额/\n"},
      {"质量工作考核连续10次获评国家A级。", "10次 质量工作考核/\n"},
      // Against the trend (anhui, jiangxi).
      {"出口逆势增长17.8%。", "17.8% 出口/增长\n"},
      {"民间投资逆势增长2.7%，高出全国平均水平。", "2.7% 民间投资/增长\n"},
      // How many years it has held says when, not what (chongqing, henan).
      {"74个国控断面水质优良比例连续3年保持100%。",
       "74个 国控断面水质优良比例/\n100% 国控断面水质优良比例/\n"},
      {"粮食总产量连续九年稳定在1300亿斤以上。", "1300亿斤 粮食总产量/\n"},
      // Items that rank the thing describe it; the name is after the last (qinghai, yunnan); not
      // 第一 alone, a sector's name.
      {"全国电源规模最大、新能源占比最高、总投资近2000亿元的清洁能源基地建成。",
       "2000亿元 清洁能源基地总投资/\n"},
      {"花卉产量全球第一、优质鲜切花占比超60%。", "60% 优质鲜切花占比/\n"},
      {"第一、第三产业增加值分别增长3.1%、5.1%。",
       "3.1% 第一产业增加值/增长\n5.1% 第三产业增加值/增长\n"},
      // The base a change is measured against names nothing counted (jiangxi).
      {"生产安全事故起数、死亡人数较“十三五”同期分别下降62.97%、53.06%。",
       "62.97% 生产安全事故起数/下降\n53.06% 生产安全事故死亡人数/下降\n"},
      // The span a change or a total is over says when (chongqing, shandong).
      {"新能源汽车产量五年增长29倍。", "29倍 新能源汽车产量/增长\n"},
      {"内河港口吞吐量5年增长1.6倍。", "1.6倍 内河港口吞吐量/增长\n"},
      // 成为 is a verb, the action, not a part of the name (qinghai); 全国 is the scope of
      // 唯一省份, not of the rate (R8 checks).
      {"成为全国地表水国考断面水质优良率连续五年保持100%的唯一省份。",
       "100% 地表水国考断面水质优良率/成为\n"},
      {"金融机构本外币存、贷款余额双双突破6万亿元。", "6万亿元 金融机构本外币存、贷款余额/\n"},
      {"接待游客人次、旅游总花费均增长8%以上。", "8% 游客人次、旅游总花费/接待\n"},
      // A subject taken one by one still leaves the naming to the words after the figure.
      {"县本级的英山大桥、白合大桥均已完成80%的工程量。", "80% 工程量/完成\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a short 的 phrase before the label narrows what is counted (issue 18)") {
  static const Row kRows[] = {
      // The words before 的 say which enterprises, which rate (qinghai, jiangxi, yunnan).
      {"有进出口实绩的企业达242家。", "242家 有进出口实绩的企业/\n"},
      {"年销售收入超10亿元的龙头企业达100家以上。",
       "10亿元 年销售收入/\n100家 年销售收入超10亿元的龙头企业/\n"},
      {"社会物流总费用与GDP的比率降至13.6%。", "13.6% 社会物流总费用与GDP的比率/\n"},
      // A lone verb whose doer is the thing counted is the phrase's (guangdong).
      {"全省参加职业伤害保障的新业态劳动者超640万人。",
       "640万人 全省参加职业伤害保障的新业态劳动者/\n"},
      // A list or a long clause before 的, the report's own time and place, a year, and the 有
      // of "there are" after its place leave the head noun alone.
      {"化解涉及土地、婚姻、家庭等领域存在的各类矛盾纠纷66起。", "66起 矛盾纠纷/化解\n"},
      {"今年我镇的改厕任务1350个。", "1350个 改厕任务/\n"},
      {"全镇有以养殖猪、奶牛、羊为主的规模牧业小区21个。", "21个 规模牧业小区/有\n"},
      {"九十一年的总预算比九十年度少了三十萬元。", "三十萬元 总预算比九十年度少/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a verb or adverb alone before a count leaves the naming to the noun after it") {
  // Issue 18: 新, 重点, 加快, 再 and 成功 before a verb are part of it (新培育, 重点建设), and
  // verbs that take what is counted as their object (壮大, 串联, 确定, 巩固, 完善, 办好) are
  // actions, so the noun after the count names it instead of the verb.
  static const Row kRows[] = {
      {"新培育10个概念验证中心、20个中试平台。",
       "10个 概念验证中心/新培育\n20个 中试平台/新培育\n"},
      {"重点建设40个绿美点和6条绿美带。", "40个 绿美点/重点建设\n6条 绿美带/\n"},
      {"壮大13条重点产业链和“5+5”先进制造业集群。", "13条 重点产业链/壮大\n"},
      {"再推出20个“高效办成一件事”重点事项。", "20个 高效办成一件事重点事项/再推出\n"},
      {"新认定省级企业技术中心45家。", "45家 省级企业技术中心/新认定\n"},
      {"巩固提升80万亩蔬菜应急保供基地。", "80万亩 蔬菜应急保供基地/巩固\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: 服务 and a verb before 性 begin nouns, not acts") {
  // Issue 18: 服务业增加值 was cut to 业增加值, 保障性租赁住房 to 性租赁住房, 托育综合服务中心 to
  // 托育综合.
  static const Row kRows[] = {
      {"实现服务业增加值239.93亿元。", "239.93亿元 服务业增加值/实现\n"},
      {"服务贸易增长超过7%。", "7% 服务贸易/增长\n"},
      {"新筹集保障性租赁住房2.5万套。", "2.5万套 保障性租赁住房/新筹集\n"},
      {"新建设5个市级托育综合服务中心、10个县级托育服务机构。",
       "5个 市级托育综合服务中心/新建设\n10个 县级托育服务机构/新建设\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a list item's number in front is no part of the label") {
  // Issue 18: 十五是打造, 5.完善, 5、大数据对比 kept the number that orders the speech's points.
  static const Row kRows[] = {
      {"十五是打造80个新型公共文化空间。", "80个 新型公共文化空间/打造\n"},
      {"5.完善提升20个县乡村三级养老服务网络。", "20个 县乡村三级养老服务网络/完善\n"},
      {"5、大数据对比273人。", "273人 大数据对比/\n"},
      {"十一是大型农贸批发市场完成不少于100万批次农产品快检。",
       "100万批次 大型农贸批发市场/完成\n"},
      // A decimal is no number of an item.
      {"3.5万人次参加培训。", "3.5万人次 培训/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: words are not cut inside") {
  // Issue 18: 有机质 → 机质 (有 read as a verb), 建成区面积 → 区面积, 预计 → 预 (计 read as a
  // filler), 新型公共 → 新型公 and 高频共性 → 高频 (共 read as a filler), 申请式退租 → 式退租,
  // 华为 → 华, 新闻发布会 → 会.
  static const Row kRows[] = {
      {"有机质增长6.1%、达到27克/千克。", "6.1% 有机质/增长\n"},
      {"城市建成区绿地率达到40.4%。", "40.4% 城市建成区绿地率/\n"},
      {"城市、县城建成区面积分别提高8.3%、5%。",
       "8.3% 城市建成区面积/提高\n5% 县城建成区面积/提高\n"},
      {"数字经济核心产业增加值预计增长10%。", "10% 数字经济核心产业增加值/增长\n"},
      {"专项治理农村供水保障等13个高频共性难题。", "13个 高频共性难题/\n"},
      {"核心区平房申请式退租2006户。", "2006户 核心区平房申请式退租/\n"},
      {"累计引进和培育150家以上华为云生态企业。", "150家 华为云生态企业/引进和培育\n"},
      // A measure after an item of works finished is of the thing that item names; a list of
      // verbs before is no such item (R12 checks: hunan).
      {"益阳电厂三期建成投产、总装机达386万千瓦。", "386万千瓦 益阳电厂三期总装机/建成\n"},
      {"项目开工、总投资达3亿元。", "3亿元 项目总投资/\n"},
      {"吉化乙烯项目投产，总产能达190万吨。", "190万吨 吉化乙烯项目总产能/\n"},
      // Examples before 等 and a class as wide as 产业 say which industries; before a narrower
      // kind, or in a 分别 list, the kind alone names it (R11 and R12 checks: shandong).
      {"钢铁、石化等产业先进产能占比超过40%。", "40% 钢铁、石化等产业先进产能占比/\n"},
      {"建成文化广场、农家书屋等设施35个。", "35个 设施/建成\n"},
      // A cut after a budget line's amount is the line's (R11 and R12 checks: 049, a Matsu
      // township's budget review).
      {"环保业务兵工支援事务费12万元,删4万元。",
       "12万元 环保业务兵工支援事务费/\n4万元 环保业务兵工支援事务费删/\n"},
      // A named body before the verb is whose figure it is (R12 checks: chongqing).
      {"重庆大学国家卓越工程师学院累计输送智能产业人才超过1000人。",
       "1000人 重庆大学国家卓越工程师学院输送智能产业人才/累计\n"},
      // So are projects that carry the work out (R13 checks: xizang, a Chongqing town); not
      // a name the label holds already, less its quotation marks (hunan).
      {"确保招商引资项目完成固定资产投资220亿元。", "220亿元 招商引资项目固定资产投资/完成\n"},
      {"全年21个城建项目共完成征地1258户1447亩。",
       "21个 城建项目/\n1258户 城建项目征地/完成\n1447亩 城建项目征地/完成\n"},
      {"“四个十大”项目完成投资超2100亿元。", "2100亿元 四个十大项目/完成投资\n"},
      // A village named alone before the verb, and the items after it (R13 checks: lijiang);
      // not a kind of village (城中村), nor a place with more words before it (jilin).
      {"六合村种植花椒2600余亩、黄桃1200余亩。",
       "2600余亩 六合村花椒/种植\n1200余亩 六合村黄桃/种植\n"},
      {"开工城中村改造安置住房14.1万套。", "14.1万套 安置住房/改造\n"},
      {"优先在边境地区、集体经济薄弱村新建各类棚室5万个。", "5万个 棚室/新建\n"},
      // A + inside quotation marks joins the name (R11 and R12 checks: shaanxi).
      {"组建“科学家+工程师”团队500支。", "500支 科学家+工程师团队/组建\n"},
      // A noun cut at its length inside its head word takes the head whole (R12 checks: xizang).
      {"实施21个薄弱电网县域可靠性提升项目。", "21个 薄弱电网县域可靠性提升项目/实施\n"},
      {"召开省级新闻发布会972场。", "972场 省级新闻发布会/召开\n"},
      {"1-9月,自营出口完成额21917万元。", "21917万元 自营出口完成额/\n"},
      // 共享 after the noun is a verb and ends it.
      {"47家县级医院共享三级医院服务。", "47家 县级医院/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a grade alone before another figure takes the noun after that one") {
  // Issue 18: 国家级, 千亿级 named nothing; the noun after the second figure names both.
  static const Row kRows[] = {
      {"新建6个国家级、20个省级临床重点专科。",
       "6个 国家级临床重点专科/新建\n20个 省级临床重点专科/新建\n"},
      {"新增2家千亿级、24家百亿级工业企业。",
       "2家 千亿级工业企业/新增\n24家 百亿级工业企业/新增\n"},
      // 和美 is a word, not a joint: the noun after the count goes on.
      {"建成300个省级和美乡村。", "300个 省级和美乡村/建成\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a from-to pair is named by its subject, not by its change verb") {
  // Issue 18: 从2006年的19.8亿元增至… gave both figures the label 增, 由…下降到1000元 the label 下.
  static const Row kRows[] = {
      {"财政一般预算收入实现翻倍增长,从2006年的8.8亿元增至2011年的20.2亿元;",
       "8.8亿元 财政一般预算收入/\n20.2亿元 财政一般预算收入/\n"},
      {"农民人均纯收入预计增长12%左右,由2020年的14646元提高到2020年的16403元。",
       "12% 农民人均纯收入/增长\n14646元 农民人均纯收入/\n16403元 农民人均纯收入/\n"},
      {"殡葬基本服务费由平均2900元下降到1000元左右。",
       "2900元 殡葬基本服务费/\n1000元 殡葬基本服务费/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: 上 before a bare thousand is a bound, and the 负 of 减负 no sign") {
  // Issue 18: 上千家配套企业 was labelled 上 with an exact 1000; 减负1000亿元 read as −1000亿元.
  static const Row kRows[] = {
      {"上千家配套企业为支撑。", "千家 配套企业/\n"},
      {"医保集中带量采购为群众减负237亿元。", "237亿元 医保集中带量采购为群众减负/\n"},
      {"利润负1200万元。", "负1200万元 利润/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("figures: 上 before a bare hundred or thousand reads as more than it") {
  for (const char* sentence : {"上千家配套企业为支撑。", "带动上百个村发展产业。"}) {
    INFO(sentence);
    Result<Document> document = Document::Load("doc.txt", sentence, NormalizeOptions{});
    REQUIRE(document.ok());
    const std::vector<Figure>& figures = FiguresOf(document.value());
    REQUIRE(figures.size() == 1);
    CHECK(figures[0].value.approx == Approx::kMore);
  }
  Result<Document> document = Document::Load("doc.txt", "为企业减负1000亿元。", NormalizeOptions{});
  REQUIRE(document.ok());
  const std::vector<Figure>& figures = FiguresOf(document.value());
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].text == "1000亿元");
  CHECK(std::get<Decimal>(figures[0].value.value) == Decimal::FromInt(100000000000));
}

TEST_CASE("labels: an activity verb before a measure of it stays in the measure's name") {
  // Issue 18: 农村产权流转交易额 split 流转 off as the action and was left 交易额.
  static const Row kRows[] = {
      {"农村产权流转交易额达到60亿元。", "60亿元 农村产权流转交易额/\n"},
      // An intensity is of the amount the verb moves, whatever the verb; the year a plan runs to
      // is a time word (hunan, shaanxi, ningxia).
      {"全社会研发投入强度提升至2.62%。", "2.62% 全社会研发投入强度/\n"},
      {"到2030年全社会研发投入强度达到3.2%。", "3.2% 全社会研发投入强度/\n"},
      {"到2030年人均地区生产总值达到10万元以上。", "10万元 人均地区生产总值/\n"},
      {"完成旧厂区改造建筑面积15882平方米。", "15882平方米 旧厂区改造建筑面积/完成\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: the seventh round's joined checks (issue 18)") {
  static const Row kRows[] = {
      // 对 before a trade partner names the trade (hunan, shandong, yunnan); before anything
      // else it is a preposition.
      {"对非贸易额年均增长15%。", "15% 对非贸易额/增长\n"},
      {"对东盟出口增长8.4%。", "8.4% 对东盟出口/增长\n"},
      {"对非法营运车辆查处120辆。", "120辆 非法营运车辆查处/\n"},
      // A bare 同期 says year on year and names nothing (a year-swapped township report); after
      // a time it is the comparison's base.
      {"预计全镇全年实现生产总值同期增长10%左右。", "10% 生产总值/实现\n"},
      {"全年生产总值较上年同期增长10%。", "10% 生产总值/增长\n"},
      // A concentration is a figure: the change after it is its change, and the clause of the
      // next figure no longer runs back over it (tianjin, beijing).
      {"PM2.5年均浓度36.2微克/立方米、同比下降5%，优良天数比例达到77%。",
       "36.2微克/立方米 PM2.5年均浓度/\n77% 优良天数比例/\n"},
      {"力争PM2.5浓度下降到33微克/立方米左右。", "33微克/立方米 PM2.5浓度/\n"},
      // Visits are one unit (maotian).
      {"检查食品经营商户40余家次。", "40余家次 食品经营商户/检查\n"},
      // An item after 、 that joins two things by 和 or 及 before one amount names both (gansu,
      // qinghai, R8 checks).
      {"争取国家“两重”建设任务162项、中央预算内投资和超长期特别国债资金465.8亿元。",
       "162项 国家两重建设任务/争取\n465.8亿元 中央预算内投资和超长期特别国债资金/争取\n"},
      // The places before 增补 are where the figure is, not what it counts (gansu, R8 checks).
      {"在14个市州城区和兰州新区增补义务教育学位2万个。",
       "14个 市州城区/\n2万个 义务教育学位/增补\n"},
      {"“增学位”工程增补市州城区义务教育学位13.1万个。", "13.1万个 市州城区义务教育学位/增补\n"},
      {"新增科技型和科技小巨人企业195家、创新型和专精特新中小企业102家。",
       "195家 科技型和科技小巨人企业/新增\n102家 创新型和专精特新中小企业/新增\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: no label left where the sentence names one") {
  // Issue 18: a list of items with one figure too many after a comma, an amount its verb names
  // that grew, a count before a rating (500千伏) had no label. The rating names the kind and
  // stays in it (R10 checks, neimenggu-2026).
  static const Row kRows[] = {
      {"科技成果转化企业新增1013家，概念验证中心、中试基地分别达到69家、107家，1324人凭转化贡献晋升"
       "职称。",
       "1013家 科技成果转化企业新增/\n69家 概念验证中心/\n107家 中试基地/\n1324人 /\n"},
      {"全年投资增长5%左右。", "5% 投资/增长\n"},
      {"建成20个500千伏输变电工程。", "20个 500千伏输变电工程/建成\n"},
      {"新建22个750千伏和330千伏电网工程。", "22个 750千伏和330千伏电网工程/新建\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: the noun after a count runs on over what joins a second noun to it") {
  // R10 checks: 或 before a number that names a kind (3人制) joins the second noun to the first
  // (guizhou-2026); a second noun after 、 with no count of its own is counted with the first
  // (065 xinjiang), not one that has its own (3个村、5个社区) or a figure after it.
  static const Row kRows[] = {
      {"建成250个社区健身路径或3人制篮球场。", "250个 社区健身路径或3人制篮球场/建成\n"},
      {"建成250个社区健身路径或3个篮球场。", "250个 社区健身路径/建成\n3个 篮球场/\n"},
      {"派出60余名村(场)书记、主任到县党校进行了为期7天的政治理论培训。",
       "60余名 村(场)书记、主任/派出\n"},
      {"共有3个村、5个社区参加。", "3个 村/\n5个 社区/\n"},
      {"培训60名干部、党员群众3000人次。", "60名 干部/培训\n3000人次 党员群众/\n"},
      {"推进14个电网工程、青疆联网通道建设，优先。", "14个 电网工程/推进\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: the eighth round's checks") {
  static const Row kRows[] = {
      // A list of places before a pair says where; the noun after the pair says what.
      {"加快格尔木、德令哈3座35万千瓦光热电站和光热产业科技创新中心建设。",
       "3座 光热电站/\n35万千瓦 光热电站/\n"},
      // A bare 率 after a verb that only carries out is that verb's rate.
      {"高校毕业生就业去向落实率92.5%。", "92.5% 高校毕业生就业去向落实率/\n"},
      // A contribution opened by 对 keeps the subject of the figure before.
      {"非烟非能工业增加值增长8.1%、对规模以上工业增长贡献率达72.9%。",
       "8.1% 非烟非能工业增加值/增长\n72.9% 非烟非能工业增加值对规模以上工业增长贡献率/增长\n"},
      {"省属规上工业企业对全省规上工业增长的贡献率达到39.7%。",
       "39.7% 省属规上工业企业对全省规上工业增长的贡献率/\n"},
      // A count given for each unit says so in its label; how often (每年) and a rate's
      // denominator (每千人) are no units of it.
      {"每个脱贫县发展起1个以上特色主导产业。", "1个 每个脱贫县特色主导产业/\n"},
      {"支持各县集中资源发展1-2个主导产业。", "1-2个 各县主导产业/支持\n"},
      {"每千人口拥有3岁以下婴幼儿托位数4.5个。", "4.5个 每千人口拥有3岁以下婴幼儿托位数/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a measure that names nothing of its own keeps the words before it") {
  // R8 checks: 占比, 就业, 开行 alone were cut from what they measure (beijing, shandong,
  // guangdong); the verb inside stays the action.
  static const Row kRows[] = {
      {"全社会研发投入占比6%以上。", "6% 全社会研发投入占比/投入\n"},
      {"以工代赈带动就业16.4万人。", "16.4万人 以工代赈带动就业/带动\n"},
      {"中欧班列累计开行超1.4万列。", "1.4万列 中欧班列累计开行/累计\n"},
      // With nothing before the verb the measure is named by the verb's action alone.
      {"带动就业超48万人次。", "48万人次 就业/带动\n"},
      // A share's two terms before its 的 narrow it, though longer than a qualifier's twelve
      // characters.
      {"农村低保标准占城镇低保标准的最低比例达到77%。",
       "77% 农村低保标准占城镇低保标准的最低比例/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a bare output or use after a figure of its thing is that thing's") {
  // R8 checks: 产量 and 产值 alone named no product (a Chongqing town, a Sichuan town).
  static const Row kRows[] = {
      {"种植辣椒3万亩、产量2.7万吨。", "3万亩 辣椒/种植\n2.7万吨 辣椒产量/种植\n"},
      {"种植柠檬4000余亩,产量4820吨,产值达77.12万元。",
       "4000余亩 柠檬/种植\n4820吨 柠檬产量/\n77.12万元 柠檬产值/\n"},
      {"生猪出栏5.9万头,产值达9585万元。", "5.9万头 生猪出栏/\n9585万元 生猪产值/\n"},
      // So is how much of it is processed (yunnan).
      {"咖啡产值增长3倍、精深加工率85%。", "3倍 咖啡产值/增长\n85% 咖啡精深加工率/增长\n"},
      // Of power: the new energy's capacity and use, each (ningxia).
      {"新能源投资增长70%、装机规模增长38%，利用率达94.5%。",
       "70% 新能源投资/增长\n38% 新能源装机规模/增长\n94.5% 新能源利用率/\n"},
      // A figure before that is another measure names no product.
      {"总面积达到76万亩,产值14.7亿元。", "76万亩 总面积/\n14.7亿元 产值/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a bare measure after a figure of its owner, or under a topic, is the owner's") {
  // R9 checks: 装机占比, 并网 and 总市值 alone named no capacity or firms (qinghai, shanxi,
  // beijing); 产量 under a topic naming coal or gas named no product (shanxi).
  static const Row kRows[] = {
      {"清洁能源发电装机规模超7900万千瓦、装机占比超93%。",
       "7900万千瓦 清洁能源发电装机规模/\n93% 清洁能源发电装机占比/\n"},
      {"安排风电光伏装机规模3000万千瓦、并网2000万千瓦。",
       "3000万千瓦 安排风电光伏装机规模/\n2000万千瓦 风电光伏装机并网/\n"},
      {"北京证券交易所上市公司达288家、总市值超8600亿元。",
       "288家 北京证券交易所上市公司/\n8600亿元 北京证券交易所上市公司总市值/\n"},
      {"粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨。",
       "6200万亩 粮食播种面积/\n2000万吨 粮食产量/\n"},
      {"国有企业改革深化提升行动平稳收官，国有经济布局持续优化，运行质量效益不断提升，上缴税费增长7"
       ".4%。",
       "7.4% 国有企业上缴税费/增长\n"},
      {"自治区国资委监管企业营收增长5.9%、利润增长5.5%。",
       "5.9% 自治区国资委监管企业营收/增长\n5.5% 自治区国资委监管企业利润/增长\n"},
      {"猕猴桃综合产值增长8.5％、出口增长53.6％。",
       "8.5％ 猕猴桃综合产值/增长\n53.6％ 猕猴桃出口/增长\n"},
      {"新年伊始。煤炭智能绿色安全开采方面，抓好产能接续，产量稳定在13亿吨左右。",
       "13亿吨 煤炭产量/\n"},
      {"新年伊始。非常规天然气发展方面，加快增储上产，力争产量突破200亿立方米。",
       "200亿立方米 非常规天然气产量/\n"},
      // 并网 after a figure that is no capacity, a total value after no firms, a topic naming
      // no product: the label stays bare.
      {"新能源开工1600万千瓦、并网1000万千瓦。", "1600万千瓦 新能源开工/\n1000万千瓦 并网/\n"},
      {"成交项目达288个、总市值超8600亿元。", "288个 成交项目/\n8600亿元 总市值/\n"},
      // A yearly output after a figure that is no crop's measure stays bare.
      {"耕地保有量稳定在1.2亿亩、年度产量突破2000万吨。",
       "1.2亿亩 耕地保有量/\n2000万吨 年度产量/\n"},
      // A zone that does not open its clause is one of the places, not the subject.
      {"在14个市州城区和兰州新区增补义务教育学位2万个。",
       "14个 市州城区/\n2万个 义务教育学位/增补\n"},
      // A sentence that opens with no state firms leaves the taxes bare.
      {"国有经济布局持续优化，运行质量效益不断提升，上缴税费增长7.4%。", "7.4% 上缴税费/增长\n"},
      // Profits after a figure that is no money measure of an owner: no owner to take.
      {"规上工业增加值增长6.7%、利润增长5.5%。", "6.7% 规上工业增加值/增长\n5.5% 利润/增长\n"},
      {"新年伊始。项目建设方面，抓好产能接续，产量稳定在13亿吨左右。", "13亿吨 产量/\n"},
      // A span between the subject and the verb says when; the output is still the subject's.
      {"非常规天然气五年累计产量达750亿立方米。", "750亿立方米 非常规天然气产量/累计\n"},
      {"全省五年累计产量达750亿立方米。", "750亿立方米 全省五年累计产量/累计\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a container count in 标箱 is a figure, so the change after it is its") {
  // R9 checks: 8097万标箱 was no figure and the growth after it took 达8097万标箱、 as its label
  // (guangdong).
  static const Row kRows[] = {
      {"港口集装箱吞吐量达8097万标箱、增长4.5%。", "8097万标箱 港口集装箱吞吐量/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a distance with 内 after it is part of the next figure's name") {
  // R9 checks: 50米 cut 公交与轨道50米内换乘比例 to the fragment 内换乘比例 (beijing).
  static const Row kRows[] = {
      {"公交与轨道50米内换乘比例提升至93%。", "50米 公交与轨道/\n93% 公交与轨道50米内换乘比例/\n"},
      // A distance the clause ends with names nothing of the next.
      {"修建道路50米，内部绿化率达到93%。", "50米 道路/修建\n93% 内部绿化率/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: 有 of 有效 and 有线 begins a word, not a verb") {
  // R9 checks: 有效期内高新技术企业 lost its first character (jiangxi), 有效灌溉面积 too (yunnan).
  static const Row kRows[] = {
      {"有效期内高新技术企业达8200家。", "8200家 有效期内高新技术企业/\n"},
      {"全省新增有效灌溉面积超240万亩。", "240万亩 有效灌溉面积/新增\n"},
      {"全市有企业8200家。", "8200家 企业/有\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: 新建 or 新增 before a rate says which things the rate is of") {
  // R9 checks: 新建居住区养老设施配建率 lost 新建 to the action (ningxia).
  static const Row kRows[] = {
      {"新建居住区养老设施配建率达100%。", "100% 新建居住区养老设施配建率/\n"},
      {"有意愿特困人员集中供养率、新建居住区养老设施配建率均达100%。",
       "100% 有意愿特困人员集中供养率、新建居住区养老设施配建率/\n"},
      // A count of the things built keeps the verb as its action.
      {"新建居住区养老设施20个。", "20个 居住区养老设施/新建\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a passive's 被 ends the noun after a figure") {
  // R9 checks: 16条经验被国家发展改革委集中推广 gave the fragment 经验被国家 (ningxia).
  static const Row kRows[] = {
      {"先行区建设6个方面16条经验被国家发展改革委集中推广。", "6个 方面/\n16条 经验/\n"},
      // The 被 of a noun, or of an honour the rules of honoured places read, stays.
      {"安置16名被征地农民。", "16名 被征地农民/安置\n"},
      {"13个县被命名为国家生态文明建设示范区。", "13个 县被命名/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a verb that states a target or a proposal opens no label") {
  // R8 checks: 提出地区生产总值 kept the plan's verb and was no GDP growth (hunan).
  static const Row kRows[] = {
      {"提出地区生产总值年均增长5%—5.5%。", "5%—5.5% 地区生产总值/提出\n"},
      {"累计提出意见建议2979件。", "2979件 意见建议/提出\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a verb joined to the front's by 和 or 及 is no start of the label") {
  // R8 checks: 和改善提升绿水长廊 dropped 新建 and opened at the conjunction (jilin); so did
  // 和落地科技成果 (ningxia), 及优化调整公交线路 (chongqing), 和废止省政府规章 (gansu).
  static const Row kRows[] = {
      {"新建和改善提升绿水长廊1000公里。", "1000公里 新建和改善提升绿水长廊/\n"},
      {"引进和落地科技成果600余项。", "600余项 引进和落地科技成果/\n"},
      {"新增及优化调整公交线路328条。", "328条 新增及优化调整公交线路/\n"},
      // Both verbs words of the run: the run is the action, the thing the label.
      {"新建和维修水闸15座。", "15座 水闸/新建和维修\n"},
      {"制定、修改和废止省政府规章60件。", "60件 省政府规章/制定、修改和废止\n"},
      // The 和 of a name stays in it.
      {"建设和美乡村120个。", "120个 和美乡村/建设\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: the work a project does names its kind") {
  // R8 checks: 实施片区综合更新改造重点项目100个 was labelled 重点项目 (shandong), 实施“三化”改造
  // 项目304个 only 项目 (gansu).
  static const Row kRows[] = {
      {"实施片区综合更新改造重点项目100个。", "100个 片区综合更新改造重点项目/实施\n"},
      {"实施“三化”改造项目304个。", "304个 三化改造项目/实施\n"},
      {"累计实施城市更新项目223个。", "223个 城市更新项目/实施\n"},
      // A verb that only carries the projects out leaves them to the words after it; the park
      // that opens the clause says whose they are.
      {"枢纽港产业园新签约产业项目139个。", "139个 枢纽港产业园产业项目/签约\n"},
      {"黄磏港投入运营。枢纽港产业园新签约产业项目139个。", "139个 枢纽港产业园产业项目/签约\n"},
      {"累计实施技改项目43个。", "43个 技改项目/实施\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a work named by its examples before 等 runs on to its count and noun") {
  // R8 checks: 投资154万元改建太平桥等4座桥梁 was labelled 改建太平桥, one of four bridges (a
  // Zhejiang town).
  static const Row kRows[] = {
      {"投资154万元改建太平桥等4座桥梁。", "154万元 改建太平桥等4座桥梁/投资\n4座 桥梁/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a share that names only its whole is the sentence's subject's") {
  // R12 and R13 checks: 占全国比重 and 在北方地区占比 said no whose share (shandong); a sentence
  // that opens with no verb after its first words gives none.
  static const Row kRows[] = {
      {"经济总量连续跨过3个万亿元大关，占全国比重由2020年的7.2%提升至7.4%，在北方地区占比由20.5%"
       "提升至21.1%。",
       "3个 经济总量万亿元大关/\n7.2% 经济总量占全国比重/\n7.4% 经济总量占全国比重/\n"
       "20.5% 经济总量在北方地区占比/\n21.1% 经济总量在北方地区占比/\n"},
      {"这五年，占全国比重提升至7.4%。", "7.4% 占全国比重/\n"},
      // A firm or a fair the sentence opens with (R12 and R13 checks: gansu, guangdong).
      {"酒钢集团“三化”改造实现产业重塑，高端产品占比从30%提高到70%。",
       "30% 酒钢集团高端产品占比/\n70% 酒钢集团高端产品占比/\n"},
      {"高交会促成1023项供需对接和投融资项目签约，成交额超1700亿元。",
       "1023项 高交会促成/\n1700亿元 高交会成交额/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a yearly capacity is of the works named after it") {
  // R12 and R13 checks: a bare 年产 (an Anhui town, qinghai); the threshold's qualifier of the
  // firms counted after it keeps its words.
  static const Row kRows[] = {
      {"我镇引进年产3.6万吨的精制大米加工龙头企业1家。",
       "3.6万吨 精制大米加工龙头企业年产/引进\n1家 年产3.6万吨的精制大米加工龙头企业/\n"},
      {"一年内就实现年产4万吨基础锂盐一体化项目顺利投产。", "4万吨 基础锂盐一体化项目年产/实现\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: 基本 before a verb and a milestone's 连跨 are no part of the name") {
  // R13 checks: 国家区域医疗中心基本 (jiangxi), 人民币存款、贷款余额连跨 (anhui); 基本 of a noun
  // stays.
  static const Row kRows[] = {
      {"7家国家区域医疗中心基本建成。", "7家 国家区域医疗中心/\n"},
      {"新增5家基本医疗保险定点医院。", "5家 基本医疗保险定点医院/新增\n"},
      // Nor is a figure's approximation after the noun (guangdong, neimenggu).
      {"累计为29个省份保供煤炭超35亿吨。", "29个 省份保供煤炭/\n35亿吨 省份保供煤炭/\n"},
      {"人民币存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元。",
       "4个 人民币存款、贷款余额/\n9万亿元 人民币存款、贷款余额/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a masked year and a trailing 再 are no part of the name") {
  // R13 checks: a Sichuan township's blanked years, xizang's 边民补助标准再.
  static const Row kRows[] = {
      {"____年农民人均纯收入达到11000余元。", "11000余元 农民人均纯收入/\n"},
      {"边民补助标准再提高1200元。", "1200元 边民补助标准/提高\n"},
      // Nor is a change before a level's 、 (R13 checks: hunan).
      {"水利建设投资翻番、达2734.3亿元。", "2734.3亿元 水利建设投资/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a clause of one verb goes on with the subject the figure before named") {
  // R13 checks: 退出 alone (a Hubei city's civil affairs); the pair's second figure too.
  static const Row kRows[] = {
      {"城市低保新增276户462人,退出374户714人。",
       "276户 城市低保新增/\n462人 城市低保新增/\n374户 城市低保退出/\n714人 城市低保退出/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a work the last item of a 分别 list ends with is every item's") {
  // R13 checks (guizhou): the systems and networks were integrated, not built; a measure that
  // reads as a verb (工业投资) is no work (shanxi).
  static const Row kRows[] = {
      {"省级政务信息系统、自建非涉密业务专网、政务移动应用整合分别完成25%、50%、20%。",
       "25% 省级政务信息系统整合/完成\n50% 省级自建非涉密业务专网整合/完成\n20% "
       "省级政务移动应用整合/完成\n"},
      {"开发区规上工业增加值、工业投资年均分别增长5.9%、6.7%。",
       "5.9% 开发区规上工业增加值/增长\n6.7% 工业投资/增长\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: 多了 before a figure is no part of the name; the noun after is") {
  // R13 checks: 育儿家庭每月多 (gansu, chongqing).
  static const Row kRows[] = {
      {"育儿家庭每月多了300元补贴。", "300元 育儿家庭每月补贴/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: money put in is named by the work the words after it do") {
  // R13 checks: the money of a town's and a county's works had no label (a Zhejiang town, a
  // county's urban works, an Anhui town's reservoirs); not a place cut from a name by a figure
  // (a Sichuan township), nor the next work of a list of targets (shanxi).
  static const Row kRows[] = {
      {"投资37万元建成了镇汽车站;投资25万元,完成了镇文化中心的改建;投资2万元,新增了公共厕所1座。",
       "37万元 镇汽车站/投资\n25万元 镇文化中心/投资\n2万元 公共厕所/投资\n1座 公共厕所/新增\n"},
      {"先后投资1282.5亿元,实施了道路交通、综合市场等504项城乡建设重点工程。",
       "1282.5亿元 城乡建设重点工程/投资\n504项 城乡建设重点工程/实施\n"},
      {"投资1千余万元实施了东方红库、犁头尖等五座中小型水库的除险加固。",
       "1千余万元 中小型水库/投资\n五座 中小型水库/\n"},
      // After a comma a figure inside the work's name cuts it: the place before, the work after.
      {"投资107万元,完成中华9.3公里弹石公路。", "107万元 中华弹石公路/投资\n9.3公里 中华/完成\n"},
      {"力争产量突破200亿立方米、投资超120亿元，推动瓦斯全浓度综合利用。",
       "200亿立方米 产量/\n120亿元 投资/投资\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a clause that takes part again is the same people's") {
  // R8 checks: 参加养老、失业、工伤保险35.4万人次 read as the province's whole enrolment; it is
  // of the Hong Kong and Macao residents named before (guangdong).
  static const Row kRows[] = {
      {"港澳居民在粤参加医保43万人次，参加养老、失业、工伤保险35.4万人次。",
       "43万人次 港澳居民在粤参加医保/\n35.4万人次 港澳居民在粤参加养老、失业、工伤保险/参加\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a quoted item with its own count is no part of the next item's label") {
  // R8 checks: 城市道路突破7000公里 was labelled 40桥24隧、城市道路, the bridges and tunnels
  // joined to the roads (chongqing).
  static const Row kRows[] = {
      {"中心城区累计建成“40桥24隧”、城市道路突破7000公里。", "7000公里 城市道路/建成\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: an area as a share's part is the land of the figure before") {
  // R8 checks: 建成面积占永久基本农田比例 dropped what area is counted (jilin).
  static const Row kRows[] = {
      {"建设高标准农田910万亩，补齐历史欠账，建成面积占永久基本农田比例达到66.25%。",
       "910万亩 高标准农田/建设\n66.25% 高标准农田面积占永久基本农田比例/建成\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: what a clause of its own verb did against a task is not the task's count") {
  // maotian-2021: 已处理40人次 were people handled under the first form, not tasks; 已完成210% is
  // the share of the task met, as is the next item after a clause that took the task. A clause
  // with no verb still counts what the figure before names.
  static const Row kRows[] = {
      {"“第一种形态”任务数共19个,已处理40人次,已完成210%。",
       "19个 第一种形态任务数/\n40人次 第一种形态/处理\n210% 第一种形态任务/完成\n"},
      {"全年立案任务数共7件,完成7件,完成率100%;",
       "7件 立案任务数/\n7件 立案任务/完成\n100% 立案完成率/\n"},
      {"缅北滞留人员 4 人,已 劝返 3 人。", "4 人 缅北滞留人员/\n3 人 缅北滞留人员/劝返\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a change after a level no figure was read for is the level's thing's") {
  // R10 checks: hunan-2026 named 20倍 by the level before it and its 、 (1.3万PF: a unit the
  // reader does not know). A list of things each counted after its number is no level.
  static const Row kRows[] = {
      {"总算力突破1.3万PF、增长20倍，智能算力达4800PF。", "20倍 总算力/增长\n"},
      {"3大系统、12大总成、56个部件全覆盖的完整产业集群，新能源汽车产量五年增长29倍。",
       "56个 3大系统、12大总成、/\n29倍 新能源汽车产量/增长\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a level with no unit before a 、 is another thing's") {
  // R10 checks: 038 named 95% 大畜3.3万、大畜改良率, hunan-2026 2000万人次 with the users before.
  // A level closing the label, or levels listed one after another, are left as they were.
  static const Row kRows[] = {
      {"2022年牧业年度牲畜头数达到3.66万头只,其中大畜3.3万、大畜改良率达到95%。",
       "3.66万头 牧业年度牲畜头数/\n95% 大畜改良率/\n"},
      {"“湘易办”用户突破3500万、月访问量稳定在2000万人次。", "2000万人次 月访问量/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: both verbs of a pair are the action; the label opens at the thing") {
  // R10 checks: jiangxi-2026, shandong-2026, guangdong-2026, chongqing-2026 began the label with
  // the second verb of the pair (改建农村公路, 提升省级片区); 新改建 is one verb as 新改扩建 is.
  static const Row kRows[] = {
      {"新建改建农村公路1500公里。", "1500公里 农村公路/新建改建\n"},
      {"编制全省乡村振兴片区总体规划，新建提升省级片区100个左右。", "100个 省级片区/新建提升\n"},
      {"新建和改造提升农村公路2500公里。", "2500公里 农村公路/新建和改造提升\n"},
      {"新建扩建城市生活污水处理厂5座。", "5座 城市生活污水处理厂/新建扩建\n"},
      {"新改建农村公路10988公里。", "10988公里 农村公路/新改建\n"},
      {"提升改造210公里农村公路和120万平方米村内道路。",
       "210公里 农村公路/提升改造\n120万平方米 村内道路/\n"},
      // Alone, 提升 is no verb of the run: the aim it opens is named whole.
      {"提升村卫生室2.1万个。", "2.1万个 提升村卫生室/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: 销售 before an amount is part of its name") {
  // R10 checks: hunan-2026 named 905亿元 金额, with 销售 taken as a second verb after 带动.
  static const Row kRows[] = {
      {"发放以旧换新补贴121.9亿元、带动销售金额905亿元。",
       "121.9亿元 以旧换新补贴/发放\n905亿元 销售金额/带动\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a contribution opened by 贡献 is of the figure before it") {
  // R10 checks: guangdong-2026 named 24.1% 贡献了全国, not what contributed. Not after a share.
  static const Row kRows[] = {
      {"货物进出口总额9.5万亿元、增长4.4%，贡献了全国24.1%的增量。",
       "9.5万亿元 货物进出口总额/\n24.1% 货物进出口总额贡献了全国/\n"},
      {"高技术产业占比达35%，贡献了全国24.1%的增量。", "35% 高技术产业占比/\n24.1% 贡献了全国/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a plan releases a named plant's capacity; applications accepted are counted") {
  // R10 checks: jilin-2026 kept 释放 in the firm's name; 029 dropped 申请 from what was accepted.
  static const Row kRows[] = {
      {"石化产业持续“减油增化提质”，释放吉化120万吨乙烯转型升级项目新装置产能。",
       "120万吨 吉化/释放\n"},
      {"推进住房保障工作,受理第六批经适房申请393户,受理公租房申请194户,廉租房享受租金配租252户。",
       "393户 第六批经适房申请/受理\n194户 公租房申请/受理\n252户 廉租房享受租金配租/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a list of an owner's measures names the owner in each") {
  // R11 checks: jilin-2026 named 60.7% 利润 and gansu-2026 -50.7% 受伤人数, of no owner.
  static const Row kRows[] = {
      {"省属企业营业收入、利润分别增长6%、60.7%。",
       "6% 省属企业营业收入/增长\n60.7% 省属企业利润/增长\n"},
      {"生产安全事故起数、死亡人数、受伤人数分别下降10.5%、20.1%、50.7%。",
       "10.5% 生产安全事故起数/下降\n20.1% 生产安全事故死亡人数/下降\n"
       "50.7% 生产安全事故受伤人数/下降\n"},
      {"生产安全事故起数、死亡人数、直接经济损失分别下降36.7%、38.8%、39.1%。",
       "36.7% 生产安全事故起数/下降\n38.8% 生产安全事故死亡人数/下降\n"
       "39.1% 生产安全事故直接经济损失/下降\n"},
      {"国内游客人次、总花费分别增长8.5%、7.5%。",
       "8.5% 国内游客人次/增长\n7.5% 国内游客总花费/增长\n"},
      // Not when a later item is a name of its own, or the first is a measure alone.
      {"税收收入、非税收入分别增长3%、5%。", "3% 税收收入/增长\n5% 非税收入/增长\n"},
      {"营业收入、利润分别增长6%、8%。", "6% 营业收入/增长\n8% 利润/增长\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: 安置 before housing or a site names the place people are moved to") {
  // R11 checks: shandong-2026 named 14.1万套 住房, with 安置 taken as a verb.
  static const Row kRows[] = {
      {"开工城中村改造安置住房14.1万套。", "14.1万套 安置住房/改造\n"},
      {"建设安置小区3个。", "3个 安置小区/建设\n"},
      {"安置退役军人30人。", "30人 退役军人/安置\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a gap whose clause opens with its comparison is of the figure before") {
  // R11 checks: shanxi-2026 named 1.8个百分点 快于, of no indicator.
  static const Row kRows[] = {
      {"全年GDP增长4%，快于2024年1.8个百分点。", "4% GDP/增长\n1.8个百分点 GDP快于/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: what a policy's measures are for is part of their name") {
  // R11 checks: anhui-2026 named 30项 举措 and shandong-2026 20条 措施, of no aim.
  static const Row kRows[] = {
      {"实施稳经济30项举措。", "30项 稳经济举措/实施\n"},
      // An aim of up to sixteen characters (R12 checks: xizang).
      {"落实财政支持文化旅游产业高质量发展十二条措施。",
       "十二条 财政支持文化旅游产业高质量发展措施/落实\n"},
      {"出台支持乡村富民产业发展20条措施。", "20条 乡村富民产业发展措施/出台支持\n"},
      {"今年出台20条措施。", "20条 措施/出台\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a drug's registration class is part of the noun after a count") {
  // R11 checks: chongqing-2026 named 2个 创新药 and read 1类 as a figure.
  static const Row kRows[] = {
      {"2个1类创新药获批上市。", "2个 1类创新药/\n"},
      {"涵盖5类产品。", "5类 产品/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: verbs of a plan or a count, 进行 and 各 name nothing counted") {
  // R14 checks: guizhou-2026 named 40个 谋划落地旅居地产项目, a Sichuan town 涉及财政奖补项目,
  // shanxi-2026 省工程研究中心各, a subdistrict 北陈社区进行上下水改造工程.
  static const Row kRows[] = {
      {"谋划落地旅居地产项目40个左右。", "40个 旅居地产项目/谋划落地\n"},
      {"共筹资33.5万元,涉及财政奖补项目5个。", "33.5万元 筹资/\n5个 财政奖补项目/\n"},
      {"新建省重点实验室、省技术创新中心、省工程研究中心各20家。",
       "20家 省重点实验室、省技术创新中心、省工程研究中心/新建\n"},
      {"对出租房屋进行排摸梳理1200户。", "1200户 出租房屋排摸梳理/\n"},
      // 县级组织: fairs a level of government held, not the verb 组织.
      {"参加县级组织招聘会3次。", "3次 县级组织招聘会/参加\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a bare size or a works' money is of the things counted or named before") {
  // R14 checks: a Jilin town named 1.7万平方米 总面积, hunan-2026 5785.5亿元 总投资, a Guangxi
  // county 490万元 投资 and a subdistrict 130万元 of no work.
  static const Row kRows[] = {
      {"修建农村文化广场9个,总面积达1.7万平方米。",
       "9个 农村文化广场/修建\n1.7万平方米 农村文化广场总面积/\n"},
      {"“湘商回归”新注册企业1990家、总投资5785.5亿元。",
       "1990家 湘商回归新注册企业/\n5785.5亿元 湘商回归新注册企业总投资/\n"},
      // What became of the things is no part of their name.
      {"压缩空气储能等20个央陕合作项目落地、总投资1370多亿元。",
       "20个 央陕合作项目落地/\n1370多亿元 央陕合作项目总投资/\n"},
      // How many of the things there are (R14 checks: jiangxi-2026), not how they were added.
      {"累计净增各类经营主体155万户、总量达474万户，新增上市公司48家、总量达122家。",
       "155万户 净增各类经营主体/\n474万户 各类经营主体总量/\n48家 上市公司/新增\n"
       "122家 上市公司总量/新增\n"},
      {"推动黄蒿界等6处煤矿、产能1400万吨/年建成投产。", "6处 煤矿/推动\n1400万吨/年 煤矿产能/\n"},
      // A masked year names a time (R14 checks: a Zhejiang town's 20xx年).
      {"据统计,20xx年维护建设总投资约4100万元。", "4100万元 维护建设总投资/\n"},
      // A size alone stays bare.
      {"新植果树经济林44万亩,总面积达到76万亩。", "44万亩 果树经济林/新植\n76万亩 总面积/\n"},
      {"拉沟至木龙公路已完成工程量60.5%,完成投资490万元。",
       "60.5% 拉沟至木龙公路工程量/完成\n490万元 拉沟至木龙公路/完成投资\n"},
      {"推进2000个省级重点项目、完成投资9800亿元以上。",
       "2000个 省级重点项目/推进\n9800亿元 省级重点项目/完成投资\n"},
      {"投资130万元铺设了从一分场养殖场到大丰路长4.8公里的水泥路。",
       "130万元 水泥路/投资\n4.8公里 从一分场养殖场到大丰路长/铺设\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a count of milestones with no subject of its own is the level's before") {
  // R14 checks: xizang-2026 named 两个 千亿元台阶, of no indicator.
  static const Row kRows[] = {
      {"地区生产总值年均增长6.3%，五年跨越两个千亿元台阶。",
       "6.3% 地区生产总值/增长\n两个 地区生产总值千亿元台阶/\n"
       "千亿元 地区生产总值千亿元台阶/\n"},
      // A subject of its own keeps its clause's name.
      {"地区生产总值年均增长6.3%，财政收入跨越两个百亿元台阶。",
       "6.3% 地区生产总值/增长\n两个 财政收入百亿元台阶/\n百亿元 财政收入百亿元台阶/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: the level of government a list's first item opens with is every item's") {
  // R14 checks: jilin-2026 named 19% 一般性支出, of no level.
  static const Row kRows[] = {
      {"省级公用经费和一般性支出分别压减11%、19%。",
       "11% 省级公用经费/压减\n19% 省级一般性支出/压减\n"},
      // The retail scope of the first trade is every trade's (R14 checks: shaanxi-2026).
      {"限额以上通讯器材、家用电器、新能源汽车零售额分别增长11.4%、15.6%、27.1%。",
       "11.4% 限额以上通讯器材零售额/增长\n15.6% 限额以上家用电器零售额/增长\n"
       "27.1% 限额以上新能源汽车零售额/增长\n"},
      // Not when another item names its own level.
      {"省级和市级财政支出分别增长3%、5%。", "3% 省级财政支出/增长\n5% 市级财政支出/增长\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: what measures or policies of a kind are for is part of their name") {
  // R14 checks: tianjin-2026 named 21条 升级举措, anhui-2026 100项 提升举措 and guizhou-2026 十条
  // 政策, of no aim.
  static const Row kRows[] = {
      {"实施优化营商环境21条升级举措。", "21条 优化营商环境升级举措/实施\n"},
      {"落实鼓励数据产业发展十条政策。", "十条 鼓励数据产业发展政策/落实\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: money paid to people names them; a village keeps the base it holds") {
  // R14 checks: lijiang named two 助学金 alike, a Hubei city 一次性生活补贴 of no one, maotian
  // 300亩 a base of no village.
  static const Row kRows[] = {
      {"开展“迎新春送温暖活动”为贫困中小学生发放了助学金13500元。",
       "13500元 贫困中小学生助学金/发放\n"},
      {"为9名贫困大学生现场发放助学金26000元。",
       "9名 贫困大学生/\n26000元 贫困大学生助学金/发放\n"},
      {"春节期间为1690名农村五保对象发放一次性生活补贴33.8万元。",
       "1690名 农村五保对象/\n33.8万元 农村五保对象一次性生活补贴/发放\n"},
      // No people before the verb: the fund alone.
      {"全年发放低保资金550万元。", "550万元 低保资金/发放\n"},
      {"规划明年伊始以鸣山村300亩高品质种植产学研基地为点。",
       "300亩 鸣山村高品质种植产学研基地/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a success rate after work counted is that work's; who decided names nothing") {
  // R14 checks: anon-town named 96.00% 成功率, a Guizhou town 党委、政府研究决定减少贫困人口,
  // jilin-2026 黑土地耕层厚度止跌.
  static const Row kRows[] = {
      {"排查调解各类矛盾纠纷、信访积案40起，成功率达96.00%。",
       "40起 矛盾纠纷、信访积案/排查调解\n96.00% 调解成功率/\n"},
      {"经党委、政府研究决定减少贫困人口930户。", "930户 减少贫困人口/研究决定\n"},
      {"黑土地耕层厚度止跌提升3.5%。", "3.5% 黑土地耕层厚度/提升\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a list's side of town or country, a doubling, a policy reaching people") {
  // R14 checks: chongqing-2026 named 生活污水治理率 of no side, neimenggu-2026 进出口总值翻番,
  // guangdong-2026 168万名 儿童 of no policy, a Gansu county 14.7亿元 产值 of nothing.
  static const Row kRows[] = {
      {"农村卫生厕所普及率、生活污水治理率分别达到87%、87.5%。",
       "87% 农村卫生厕所普及率/\n87.5% 农村生活污水治理率/\n"},
      // An item that names a place of its own keeps it.
      {"城市、县城建成区面积分别提高8.3%、5%。",
       "8.3% 城市建成区面积/提高\n5% 县城建成区面积/提高\n"},
      {"进出口总值翻番达到2206亿元。", "2206亿元 进出口总值/\n"},
      // 全域 before a programme is part of its name (R14 checks: shanxi-2026).
      {"56个全域土地综合整治项目扎实推进。", "56个 全域土地综合整治项目/\n"},
      // A share reached of a named whole (R15 checks: ningxia-2026).
      {"高标准农田达到耕地总面积的64%。", "64% 高标准农田占耕地总面积/\n"},
      // R15 checks: anhui-2026 and chongqing-2026.
      {"9个国家区域医疗中心开诊运营。", "9个 国家区域医疗中心/\n"},
      {"23项经验做法获全国推广。", "23项 经验做法/\n"},
      {"实施学前一年免费教育政策、惠及168万名儿童。", "168万名 学前一年免费教育政策儿童/惠及\n"},
      {"育儿补贴政策惠及80余万名婴幼儿。", "80余万名 育儿补贴政策婴幼儿/惠及\n"},
      // What the visitors counted before spent (R14 checks: neimenggu-2026).
      {"全年接待游客3亿人次、总花费超过4500亿元。",
       "3亿人次 游客/接待\n4500亿元 游客总花费/接待\n"},
      // A programme covers the people after the figure (R14 checks: guangdong-2026); a clause
      // of its own before 、 is no name.
      {"职业伤害保障试点覆盖696万名新业态劳动者。", "696万名 职业伤害保障试点新业态劳动者/\n"},
      {"分级组建扁平化的政企联络微信群、覆盖21万家“四上”企业。", "21万家 四上企业/\n"},
      // Projects that money supports are that money's (R14 checks: shandong-2026, hunan-2026).
      {"新争取国家政策性资金4700多亿元，支持项目4200余个。",
       "4700多亿元 国家政策性资金/新争取\n4200余个 国家政策性资金支持项目/支持\n"},
      {"新植果树经济林44万亩,总面积达到76万亩,产值14.7亿元。",
       "44万亩 果树经济林/新植\n76万亩 总面积/\n14.7亿元 果树经济林产值/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: things chosen for a list are named with it") {
  // R14 checks: anhui-2026 named 7所 高职学校 and ningxia-2026 3个 平台, of no list.
  static const Row kRows[] = {
      {"7所高职学校入选国家“双高计划”。", "7所 国家双高计划高职学校/\n"},
      {"3个平台入选国家重点培育名单。", "3个 国家重点培育名单平台/\n"},
      // A list named by the things' own kind adds nothing.
      {"全省8个品种入选国家农作物优良品种。", "8个 全省品种/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a service, campaign or zone that does the work names its figure") {
  // R14 checks: shandong-2026 named 4000多万件 诉求, anhui-2026 259项 制度创新成果, gansu-2026
  // 2413.62万亩 综合治理 and ningxia-2026 85% 规划任务, of no owner.
  static const Row kRows[] = {
      {"“12345”热线受理诉求4000多万件。", "4000多万件 12345热线诉求/受理\n"},
      {"中国（安徽）自贸试验区累计推出259项制度创新成果。",
       "259项 中国(安徽)自贸试验区制度创新成果/推出\n"},
      // Firms registered in the park a sentence opens with (R15 checks: tianjin-2026).
      {"天开高教科创园蓬勃发展，布局深化拓展，累计注册科技型企业超4500家。",
       "4500家 天开高教科创园科技型企业/注册\n"},
      {"全市累计注册科技型企业超4500家。", "4500家 科技型企业/注册\n"},
      {"河西走廊沙漠边缘阻击战完成综合治理2413.62万亩。",
       "2413.62万亩 河西走廊沙漠边缘阻击战综合治理/完成\n"},
      {"黄河“几字弯”攻坚战完成规划任务85%以上。", "85% 黄河几字弯攻坚战规划任务/完成\n"},
      // A zone named by its word alone, or after a verb, is no owner.
      {"积极建设示范区，推出259项制度创新成果。", "259项 制度创新成果/推出\n"},
      {"热线受理诉求4000多万件。", "4000多万件 诉求/受理\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a sector's topic names its projects and a place's tally loses its verb") {
  // R14 checks: shandong-2026 named 2个 and 5个 项目 of no sector; 021_x_town gave 镇共有 to
  // its returnees.
  static const Row kRows[] = {
      {"公路方面，新开工晏城至表白寺等2个项目，提速庆云至章丘等23个续建项目。",
       "2个 公路项目/新开工\n23个 公路续建项目/\n"},
      {"目前镇共有湖北返乡人员26人。", "26人 湖北返乡人员/\n"},
      // A topic that is a list, or projects with a name of their own, stay as they are.
      {"交通、水利等方面，新开工2个项目。", "2个 项目/新开工\n"},
      {"公路方面，新开工2个高速公路项目。", "2个 高速公路项目/新开工\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: how the work went ends the noun after a count") {
  // R14 checks: jilin-2026 named 10万套 保交楼保交房任务如期, chongqing-2026 355项 …落地见效 and
  // neimenggu-2026 4个 …冷链物流基地提质.
  static const Row kRows[] = {
      {"10万套“保交楼”“保交房”任务如期完成。", "10万套 保交楼保交房任务/\n"},
      {"355项“川渝通办”事项落地见效。", "355项 川渝通办事项/\n"},
      {"推动4个国家骨干冷链物流基地提质升级。", "4个 国家骨干冷链物流基地/推动\n"},
      {"56个全域土地综合整治项目扎实推进。", "56个 全域土地综合整治项目/\n"},
      // A share reached of a named whole (R15 checks: ningxia-2026).
      {"高标准农田达到耕地总面积的64%。", "64% 高标准农田占耕地总面积/\n"},
      // R15 checks: anhui-2026 and chongqing-2026.
      {"9个国家区域医疗中心开诊运营。", "9个 国家区域医疗中心/\n"},
      {"23项经验做法获全国推广。", "23项 经验做法/\n"},
      // Words that begin nouns as well stay (有序用电, 稳步增长 is no noun after a count).
      {"建成3个有机农业基地。", "3个 有机农业基地/建成\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: what a review found is counted, and a currency the unit names leaves") {
  // R14 checks: 066_shisidaogou named 7条 梳理出意见、建议; 050_lieyu kept 合计新台币.
  static const Row kRows[] = {
      {"梳理出意见、建议7条。", "7条 意见、建议/梳理出\n"},
      {"对辖区4026间出租房屋进行排摸梳理。", "4026间 出租房屋/\n"},
      // How well a work is meant to be done (R15 checks: qinghai-2026); 高标准农田 is a noun.
      {"高标准打造幸福河湖100条。", "100条 幸福河湖/高标准打造\n"},
      {"新建高标准农田50万亩。", "50万亩 高标准农田/新建\n"},
      {"乡公所岁出预算经常门更正减列合计新台币284万元整。",
       "284万元 乡公所岁出预算经常门更正减列/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: the report's own area right before the name stays in it") {
  // R15 checks: anhui-2026 全省地区生产总值, guangdong-2026 全省研发人员, 041_x_town 全镇完成生产
  // 总值, 025_x_town 全年我镇国民生产总值 were named without the scope the sentence gives.
  static const Row kRows[] = {
      {"全省地区生产总值5.3万亿元。", "5.3万亿元 全省地区生产总值/\n"},
      {"全省研发人员达159万人。", "159万人 全省研发人员/\n"},
      {"全镇完成生产总值3428万元。", "3428万元 全镇生产总值/完成\n"},
      {"全年我镇国民生产总值41045.58万元。", "41045.58万元 我镇国民生产总值/\n"},
      // The pair's second figure and the same name again in the sentence take it too.
      {"全县生产总值由12.8亿元增加到19.2亿元。",
       "12.8亿元 全县生产总值/\n19.2亿元 全县生产总值/\n"},
      {"全镇建档立卡贫困户72户171人。", "72户 全镇建档立卡贫困户/\n171人 全镇建档立卡贫困户/\n"},
      // Before a count the noun after it names (R15 checks: 020_goushi named 24个 行政村).
      {"全镇24个行政村。", "24个 全镇行政村/\n"},
      {"全镇11个村实现集体经济收入。", "11个 村/\n"},
      // Each item of a list it opens (R15 checks: ningxia-2026).
      {"全区游客人次、旅游花费分别增长14%、10%。",
       "14% 全区游客人次/增长\n10% 全区旅游花费/增长\n"},
      // Other words between the area and the name, or a verb that is no light one: trimmed.
      {"全县新增就业5000人。", "5000人 就业/新增\n"},
      {"全镇上下共种植花椒2600亩。", "2600亩 花椒/种植\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a list's verb, national level and chosen list are each item's") {
  // R15 checks: hunan-2026 counted 24家百亿级工业企业 (新增2家千亿级、24家…, the grades' test
  // above) as all such firms, shaanxi-2026 named 35家 单项冠军企业 without 国家, chongqing-2026
  // 10所 学校 without the list that chose them.
  static const Row kRows[] = {
      {"国家专精特新“小巨人”、单项冠军企业分别达到247家、35家。",
       "247家 国家专精特新小巨人/\n35家 国家单项冠军企业/\n"},
      {"10所学校、12个专业群入选国家第二期“双高建设计划”。",
       "10所 国家第二期双高建设计划学校/\n12个 国家第二期双高建设计划专业群/\n"},
      // An item with a level of its own keeps it alone; items after a comma share no verb.
      {"国家级、部级创新平台分别达到22家、182家。", "22家 国家级创新平台/\n182家 部级创新平台/\n"},
      {"新增2家千亿级企业，24家百亿级工业企业。", "2家 千亿级企业/新增\n24家 百亿级工业企业/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE("labels: a campaign or policy named in quotation marks names its actions and measures") {
  // R15 checks: ningxia-2026 named 九项 行动 without the campaign year before it.
  static const Row kRows[] = {
      {"启动开展“生态环境保护治理攻坚年”九项行动。", "九项 生态环境保护治理攻坚年行动/启动开展\n"},
      {"推进“放管服”改革20项举措。", "20项 放管服改革举措/推进\n"},
      // Actions after words with no quotation marks keep their bare name.
      {"组织开展65个专项行动。", "65个 专项行动/组织开展\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

TEST_CASE(
    "labels: a register's outflow after a comma is of the register the figure before added to") {
  // R14 and R15 checks: 060_yidu named 135人 自然减员 without the 农村五保 it left.
  static const Row kRows[] = {
      {"全年新增农村五保142人,自然减员135人。", "142人 农村五保/新增\n135人 农村五保自然减员/\n"},
      // 核减, the word local_tallies.wubao_attrition also reads.
      {"全年新增农村五保142人,核减20人。", "142人 农村五保/新增\n20人 农村五保核减/\n"},
      // A clause that names a register of its own keeps it.
      {"全年新增农村五保142人,低保减员35人。", "142人 农村五保/新增\n35人 低保减员/\n"},
  };
  CheckRows(std::begin(kRows), std::end(kRows));
}

}  // namespace
}  // namespace glean
