// Owners of bare measures: the thing a label such as 产量, 总市值 or 并网 measures, when the
// label names only the measure and the sentence named the thing before it. Part of the figures
// stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_MEASURE_OWNER_H_
#define GLEAN_ENGINE_FIGURES_MEASURE_OWNER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "glean/figure.h"

namespace glean::figures {

// Puts the thing of a clause of works finished right before (`吉化乙烯项目投产，总产能达190万吨` →
// 吉化乙烯项目总产能) in front of a bare measure of works (总产能, 总装机, 总投资 …) that opens the
// figure's clause, from `clause_begin`, after a comma, with no figure since `floor`. Leaves `label`
// as it is otherwise.
void NameMeasureOfWorksFinished(std::string_view text, size_t clause_begin, size_t floor,
                                std::string* label);

// Puts the thing of the figure before in front of a label that names no thing (产量, 产值; of
// power 装机规模, 利用率, 装机占比, 并网; of listed firms 总市值) when its clause, from
// `clause_begin`, follows that figure (ending at `floor`) after only 、 or a comma:
// `种植辣椒3万亩、产量2.7万吨` → 辣椒产量, as a list item names the crop of the item before;
// `新能源投资增长70%、装机规模增长38%` → 新能源装机规模; `上市公司达288家、总市值超8600亿元` →
// 上市公司总市值; `安排风电光伏装机规模3000万千瓦、并网2000万千瓦` → 风电光伏装机并网; of money
// measures (营收, 利润, 税费, 出口 …), `监管企业营收增长5.9%、利润增长5.5%` → 监管企业利润. The
// thing is `label_before` less a measure of it (播种面积, 出栏, 产量, 投资, 规模 …) and less a verb
// it opens with; leaves `label` as it is when nothing else is left or the figure before is another
// measure. A bare size before names no thing, and `label_two_before`, the label of the figure
// before it, does (`新植果树经济林44万亩,总面积达到76万亩,产值14.7亿元` → 果树经济林产值).
void NameOutputByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                              std::string_view label_before, std::string_view label_two_before,
                              std::string* label);

// Puts the product a sentence's topic names in front of a bare output (产量, 产值) that opens
// its clause, from `clause_begin`, when the sentence opens with a topic `…方面，` naming a product
// of the genre (煤炭, 天然气, 粮食 …): `煤炭智能绿色安全开采方面，抓好产能接续，产量稳定在13亿吨`
// → 煤炭产量. The product runs from the topic's start to the end of the product word
// (非常规天然气发展方面 → 非常规天然气). Leaves `label` as it is otherwise.
void NameOutputByTopic(std::string_view text, size_t clause_begin, std::string* label);

// Puts the sector a sentence's topic names (`公路方面，`) in front of projects named by their
// stage or weight alone (项目, 续建项目, 重点项目), from `clause_begin`:
// `公路方面，新开工晏城至表白寺等2个项目` → 公路项目. Leaves `label` as it is otherwise.
void NameProjectsByTopic(std::string_view text, size_t clause_begin, std::string* label);

// Puts the state firms a sentence opens with (国有企业, 省属企业, 央企 …) in front of a bare money
// measure (上缴税费, 利润, 营收 …) that opens a later clause, from `clause_begin`:
// `国有企业改革深化提升行动平稳收官，…，运行质量效益不断提升，上缴税费增长7.4%` → 国有企业上缴税费.
// Leaves `label` as it is otherwise.
void NameMoneyByEnterpriseTopic(std::string_view text, size_t clause_begin, std::string* label);

// Puts the subject a sentence opens with in front of a share that names only its whole
// (占全国比重, 在北方地区占比) in a later clause, from `clause_begin`:
// `经济总量连续跨过3个万亿元大关，占全国比重由2020年的7.2%提升至7.4%` → 经济总量占全国比重. The
// subject is the two to eight Han characters before the first clause's verb or its adverb. A
// firm, a fair or a park the sentence opens with (…集团, …公司, …交会, …博会, …科创园, …开发区)
// names a share or a deal's sum the same way, and the firms registered or settled in it:
// `酒钢集团“三化”改造实现产业重塑，高端产品占比从30%提高到70%` → 酒钢集团高端产品占比,
// `高交会促成…项目签约，成交额超1700亿元` → 高交会成交额,
// `天开高教科创园蓬勃发展，…，累计注册科技型企业超4500家` → 天开高教科创园科技型企业. Leaves
// `label` as it is otherwise.
void NameBySentenceOpening(std::string_view text, size_t clause_begin, std::string* label);

// Names the people a policy reached (惠及) or a programme covers (覆盖) by it: the words before
// 、惠及 in the figure's own clause (`实施学前一年免费教育政策、惠及168万名儿童` →
// 学前一年免费教育政策儿童), or the words right before 覆盖 when the people follow the figure
// (`职业伤害保障试点覆盖696万名新业态劳动者` → 职业伤害保障试点新业态劳动者); a name of up to
// twelve characters, followed by the noun after the figure, which ends at `at`, when the label is
// that noun (儿童). Leaves `label` as it is otherwise.
void NameReachByWorkBefore(std::string_view text, size_t at, const Figure& figure,
                           std::string* label);

// Puts the works named right after a yearly capacity (`end` is the figure's end) in front of
// its bare label 年产: `引进年产3.6万吨的精制大米加工龙头企业` → 精制大米加工龙头企业年产. Leaves
// `label` as it is otherwise.
void NameYearlyCapacityByWorksAfter(std::string_view text, size_t end, std::string* label);

// Puts the figure before, a distance, and its label in front of a label that opens with 内 right
// after it (`text` from `floor`): `公交与轨道50米内换乘比例提升至93%` gives the 93% the label
// 公交与轨道50米内换乘比例, not the fragment 内换乘比例. `before_begin` and `before_end` are the
// figure's normalized range, `before_label` its label. Leaves `label` as it is otherwise.
void NameWithinReachBefore(std::string_view text, size_t before_begin, size_t before_end,
                           size_t floor, std::string_view before_label, std::string* label);

// Puts a named zone that opens the clause in front of a label that follows the clause's verb:
// `枢纽港产业园新签约产业项目139个` → 枢纽港产业园产业项目, the park's projects, not all of them.
// `clause` is the figure's clause up to the figure, starting at `clause_begin` in `text`, and
// `action` its verb; the zone (产业园, 开发区, 高新区, 园区, 新区) opens the sentence or comma
// clause, is all that comes before the verb and the adverb joined to it (新, 累计), and names a
// place of its own (no verb, list or 的 in it). Leaves `label` as it is otherwise.
void NameZoneSubject(std::string_view text, size_t clause_begin, std::string_view clause,
                     std::string_view action, std::string* label);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_MEASURE_OWNER_H_
