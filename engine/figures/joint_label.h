// Joint labels of `分别` lists: one label naming several things, each given a figure in turn.
// Part of the figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_JOINT_LABEL_H_
#define GLEAN_ENGINE_FIGURES_JOINT_LABEL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "glean/figure.h"

namespace glean::figures {

// The names a joint label lists, in order, each whole: `城镇、农村居民人均可支配收入` →
// 城镇居民人均可支配收入, 农村居民人均可支配收入; `国家级、部级创新平台` → 国家级创新平台,
// 部级创新平台; `税收收入占财政总收入比重省口径、市口径` → …省口径, …市口径;
// `生产安全事故起数和死亡人数` → the two as written. Items are joined by `、`, 和 or 及; a part the
// items share is given to each only when the words show where it begins (a character both end with,
// as 级 in 国家级、部级, or parallel words: 城镇/农村, 一/二/三), else each item is named as
// written. `城乡…` gives 城镇… and 农村… when `count` is 2. Returns an empty list when `label`
// names fewer than two things.
std::vector<std::string> JointLabelNames(std::string_view label, size_t count);

// The words every name of a joint label shares (`城镇、农村居民人均可支配收入` →
// 居民人均可支配收入), or empty when none do: what a figure of a list whose count disagrees with
// the names is of.
std::string JointLabelHead(std::string_view label);

// Names the figures of each `分别` list of `figures` (a figure and those after it that took its
// label, `inherited[k]` saying figure k did, with 分别 in their clause; `text` is the normalized
// text their offsets are in): with as many names as figures, the i-th figure takes the i-th name;
// with a pair for each name (`…分别有12户35人、8户20人`) each pair takes its name, and with rounds
// (`分别从645元/月、4318元/年提高到801元/月、7226元/年`) each round gives one to each name;
// otherwise each takes what the names share, so that none claims to be the whole list.
void NameJointLists(std::string_view text, const std::vector<bool>& inherited,
                    std::vector<Figure>* figures);

// The thing an item of works finished names (`益阳电厂三期建成投产` → 益阳电厂三期, `项目开工` →
// 项目, `投产` → nothing): the item's words before its verbs of works finished (开工, 投产, 建成,
// 竣工 …), less time and scope, when they hold no verb or list of their own. nullopt when the item
// ends with no such verb or its words are no thing.
std::optional<std::string_view> FinishedItemSubject(std::string_view item);

// The label of a measure named after an item that ends with works finished, from the figure's
// `clause` and the `label` found so far (`项目开工、总投资达` → 项目总投资; `益阳电厂三期建成投产、
// 总装机达` → 益阳电厂三期总装机, where the label was 投产、总装机): that item is a clause of its
// own with no figure, and the measure is of the thing it names. Empty when `label` does not end
// with the words after such an item.
std::string MeasureAfterFinishedItem(std::string_view clause, std::string_view label);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_JOINT_LABEL_H_
