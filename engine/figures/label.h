// Labels: what a figure counts, read from the clause before it. Part of the figures stage
// (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_LABEL_H_
#define GLEAN_ENGINE_FIGURES_LABEL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "glean/figure.h"

namespace glean::figures {

struct Label {
  std::string label;   // the words that name what is counted; empty when none are left
  std::string action;  // the verb trimmed from before them; empty when none
  // The report's own area (全省, 全镇, 我县) trimmed from right before the label's words, or
  // before only 实现 or 完成 and them: empty when none stood there.
  std::string scope;
};

// The label and action of a clause: time words (全年, 2025年), place and scope words (全镇, 我市),
// connectives and fillers (其中, 共计, 了) are trimmed from both ends, a verb (完成, 新增 …) from
// the front or the last one inside; of a list written with 等 (低保、临时救助等各类民政资金), the
// words after it. `全年完成改厕` → 改厕, 完成.
Label LabelOf(std::string_view clause);

// Whether `clause` ends in words that qualify what follows the figure
// (来自各行各业的88名镇人大代表, 历时4个月对700余个…图斑): the noun after the figure names it, not
// the clause.
bool QualifiesNext(std::string_view clause);

// The qualifier a figure's label takes when its clause, from `clause_begin` in `text`, opens with
// the 的 of a threshold figure before it (年销售收入超10亿元的龙头企业达100家以上 →
// 年销售收入超10亿元的, for a label 龙头企业): the words from `before_begin`, where that figure's
// label begins, to the 的. Empty when the clause opens otherwise or the words do not narrow the
// label's thing (a list, a long clause, a time).
std::string_view ThresholdQualifier(std::string_view text, size_t before_begin,
                                    size_t clause_begin);

// The unit a count in `clause` is given for, when the clause names one (每个脱贫县发展起 →
// 每个脱贫县, 支持各县集中资源发展 → 各县): the figure is each unit's, not the report's total.
// Empty when it names none; not a rate's denominator (每10万人, 每千人) nor how often (每年, 每月).
std::string_view PerUnitOf(std::string_view clause);

// Whether the verb `action` names the activity it counts (救助, 走访, 鉴定 …), so that a figure
// with no other words (全年累计救助18万余人次) is labelled with it.
bool NamesActivity(std::string_view action);

// Whether the verb `action` names the amount it moves (投资, 投入, 销售): after another figure of
// its sentence, a figure with no other words is labelled with it, not with the figure before's
// label (`全年实现工业总产值58亿元,销售56亿元` → 销售; 完成投资4608亿元 → 投资).
bool NamesOwnAmount(std::string_view action);

// Whether `label` is only the name of a place (老窑上村, 先锋村): where a figure is, not what it
// counts. Kinds of village (贫困村, 行政村) are not names.
bool IsPlaceName(std::string_view label);

// The village a label opens with, up to its 村, when it is a place's name of up to five Han
// characters (六合村花椒 → 六合村; not 城中村 or 农村, kinds of village); empty otherwise. The
// view is of `label`.
std::string_view VillageNameAtFront(std::string_view label);

// Whether `clause` ends in a preposition of whom a figure is for (为9名贫困大学生发放助学金): the
// noun after a count names it.
bool ForWhom(std::string_view clause);

// Whether `clause` ends in a word that joins another item to the figure's (首个国家区域医疗中心和
// 3所省级区域医疗中心): the words before it name that item, and the noun after a count names the
// figure's own; not the 与 of a verb (参与).
bool EndsWithJoint(std::string_view clause);

// Whether `clause` ends in the report's own area (带动全镇180余户): the figure counts a part of
// the area's own, not the thing named before it.
bool EndsWithScope(std::string_view clause);

// The label of the clause before the one in [clause_begin, clause_end), when that one holds only
// a filler (共计, 合计 …), a comma joins them in one sentence and no figure (none after `floor`)
// stands between: 开展房屋普查工作，共计4902栋 → 房屋普查. Empty otherwise.
std::string LabelOfClauseBefore(std::string_view text, size_t clause_begin, size_t clause_end,
                                size_t floor);

// Gives a figure's label the town or country qualifier of the figure before it in its sentence
// when the label goes on with that figure's words: `农村低保7840户13026人,发放低保金1444万元` →
// 农村低保金 (the rural allowance, not all of it). So it does the people who take part before
// a 参加 that the next clause opens with again (港澳居民在粤参加医保…，参加养老…保险 →
// 港澳居民在粤参加养老…保险). `text` is the normalized text of the figures.
void CarrySubjectQualifiers(std::string_view text, std::vector<Figure>* figures);

// The label of the first figure of a from-to pair whose clause names nothing but the pair's
// start (从2006年的8.8亿元增至…, 由2020年的14646元提高到…): the figure before's label when only a
// comma stands between them (农民人均纯收入预计增长12%左右,由…), else the subject of the clause
// before, up to its first verb (财政一般预算收入实现翻倍增长,从…). Empty when the clause at
// [clause_begin, clause_end) opens no pair or nothing names it; `floor` is the end of the figure
// before.
std::string LabelOfPairStart(std::string_view text, size_t clause_begin, size_t clause_end,
                             size_t floor, std::string_view label_before);

// Puts the label of the figure before in front of a share's label that names only the whole
// (占全国, 占财政总收入) when the share's clause, from `clause_begin`, follows that figure (ending
// at `floor`) after only a comma: `五年生产原煤65亿吨，占全国近三成` → …原煤占全国, as a pair's
// second half takes the first's name. So does a contribution opened by 对 after 、 or a comma
// (`…工业增加值增长8.1%、对规模以上工业增长贡献率达72.9%` → …工业增加值对…贡献率). Leaves `label`
// as it is otherwise: another clause, or a figure before that is itself a rate or share.
void NameShareByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                             std::string_view label_before, std::string* label);

// Gives a figure labelled only by a grade (国家级, 千亿级) the noun of the next figure when that
// one follows it after 、, 和 or 及 and is labelled by a grade and a noun:
// `新建6个国家级、20个省级临床重点专科` → 国家级临床重点专科, 省级临床重点专科.
void CompleteGrades(std::string_view text, std::vector<Figure>* figures);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_LABEL_H_
