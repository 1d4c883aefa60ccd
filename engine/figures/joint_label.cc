#include "engine/figures/joint_label.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/figures/label.h"
#include "engine/figures/label_words.h"
#include "engine/figures/text_at.h"
#include "engine/source/utf8.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

using Chars = std::vector<std::string_view>;

Chars CharsOf(std::string_view text) {
  Chars chars;
  for (size_t p = 0; p < text.size();) {
    const size_t length =
        std::min(text.size() - p, source::Utf8LengthOfLead(static_cast<unsigned char>(text[p])));
    chars.push_back(text.substr(p, length));
    p += length;
  }
  return chars;
}

std::string Join(const Chars& chars, size_t from, size_t to) {
  std::string joined;
  for (size_t i = from; i < to && i < chars.size(); ++i) joined += chars[i];
  return joined;
}

// Words that stand for each other in a list of qualifiers (城镇、农村居民…, 一、二、三产业…): where
// one ends in the last item, the shared part begins.
bool IsParallelWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "城镇", "农村", "城市", "乡村", "城区", "国有", "民营", "中央", "地方", "男性", "女性",
      "进口", "出口", "公办", "民办", "省级", "市级", "县级", "乡级", "村级", "收入", "支出"};
  if (std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) return true;
  Chars chars = CharsOf(word);
  if (!chars.empty() && chars.front() == "第") chars.erase(chars.begin());
  if (!chars.empty() && chars.back() == "产") chars.pop_back();
  if (chars.size() != 1) return false;
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十"};
  return std::find(std::begin(kNumerals), std::end(kNumerals), chars[0]) != std::end(kNumerals);
}

// The items of a joint label: split at 、, and at a 和 after the last 、 (in a label with no 、,
// at its one 和 or 及: 生产安全事故起数和死亡人数; after a 、, 及 is mostly "related":
// 文化及相关产业、 旅游及相关产业增加值); a run of numerals before 产 is one item each
// (一二三产增加值).
// `split_joint` false keeps a 和 after a 、 inside its item (信息传输、租赁和商务服务业: two
// trades).
std::vector<std::string_view> ItemsOf(std::string_view label, bool split_joint) {
  std::vector<std::string_view> items;
  constexpr size_t kCharBytes = 3;
  size_t numerals = 0;
  while (label.size() > (numerals + 1) * kCharBytes &&
         IsParallelWord(label.substr(numerals * kCharBytes, kCharBytes))) {
    ++numerals;
  }
  if (numerals >= 2 && label.substr(numerals * kCharBytes).starts_with("产")) {
    for (size_t i = 0; i + 1 < numerals; ++i)
      items.push_back(label.substr(i * kCharBytes, kCharBytes));
    items.push_back(label.substr((numerals - 1) * kCharBytes));
    return items;
  }
  size_t begin = 0;
  for (size_t comma; (comma = label.find("、", begin)) != std::string_view::npos;) {
    items.push_back(label.substr(begin, comma - begin));
    begin = comma + std::string_view("、").size();
  }
  std::string_view rest = label.substr(begin);
  for (std::string_view joint : {"和"sv, "及"sv}) {
    if (!items.empty() && (joint == "及" || !split_joint)) break;
    const size_t at = rest.find(joint);
    if (at == std::string_view::npos ||
        rest.find(joint, at + joint.size()) != std::string_view::npos)
      continue;
    items.push_back(rest.substr(0, at));
    rest.remove_prefix(at + joint.size());
    break;
  }
  items.push_back(rest);
  for (std::string_view item : items) {
    if (item.empty()) return {};
  }
  return items;
}

// Words that name what is measured of a thing, longest first: 制造业、普惠小微贷款余额 is of the
// loans to both, 原煤、原油、天然气产量 of the output of each; and the kinds of line a list of
// utilities shares (老旧供热、燃气、排水管网: the pipes of each).
// 人参、食用菌全产业链产值: the whole chain's output of each, not the crop's alone.
constexpr std::string_view kMeasures[] = {
    "全产业链产值", "建成区面积", "产业增加值", "产业产值", "贷款余额", "营业收入", "津贴标准",
    "补贴标准",     "产量占比",   "产能占比",   "零售额",   "增加值",   "产值",     "产量",
    "投资",         "余额",       "收入",       "利润",     "警情",     "数量",     "规模",
    "出栏量",       "存栏量",     "总额",       "标准",     "案件",     "进出口",   "出口",
    "进口",         "占比",       "比重",       "管网",     "管道",     "管线"};

// Whether an item names a measure of its own (生产安全事故起数, 游客人次, 一般公共预算收入): then
// the items are whole as written.
bool EndsWithMeasure(std::string_view item) {
  for (std::string_view measure : kMeasures) {
    if (item.ends_with(measure)) return true;
  }
  for (std::string_view end :
       {"数"sv, "率"sv, "额"sv, "量"sv, "值"sv, "费"sv, "出"sv, "入"sv, "次"sv, "比"sv, "重"sv,
        "价"sv, "积"sv, "长"sv, "度"sv, "案"sv, "件"sv}) {
    if (item.ends_with(end)) return true;
  }
  return false;
}

// Measures an owner's list names one after another (省属企业营业收入、利润; 生产安全事故起数、
// 死亡人数、受伤人数), longest first: the owner is written once, before the first.
constexpr std::string_view kOwnedMeasures[] = {
    "直接经济损失", "营业收入", "利润总额", "死亡人数", "受伤人数", "经济损失", "总花费",
    "利润",         "利税",     "起数",     "人数",     "人次",     "件数",     "户数",
    "产值",         "产量",     "增加值",   "收入",     "支出",     "投资",     "花费"};

// The owner of a list whose later items are measures alone and whose first is the owner's
// measure; empty when the list is not such (税收收入、非税收入: the later item is a name).
std::string OwnerOfMeasures(const std::vector<std::string_view>& items) {
  const auto is_measure = [](std::string_view item) {
    return std::find(std::begin(kOwnedMeasures), std::end(kOwnedMeasures), item) !=
           std::end(kOwnedMeasures);
  };
  if (!std::all_of(items.begin() + 1, items.end(), is_measure)) return {};
  constexpr size_t kShortestOwner = 6;  // two characters
  // The longest measure the first item ends with is its measure (营业收入, not 收入 of 营业).
  for (std::string_view measure : kOwnedMeasures) {
    if (!items.front().ends_with(measure)) continue;
    if (items.front().size() < measure.size() + kShortestOwner) return {};
    return std::string(items.front().substr(0, items.front().size() - measure.size()));
  }
  return {};
}

struct Shared {
  std::string words;
  bool after = true;  // the items come before the shared words (城镇、农村|居民…), or after them
};

// What the items of a joint label share, when their words show it.
Shared SharedPart(const std::vector<std::string_view>& items) {
  const Chars first = CharsOf(items.front());
  const Chars last = CharsOf(items.back());
  // 国家级、部级创新平台, 装备制造业、高技术制造业增加值: the first item's last character, early in
  // the last item, ends the qualifier there.
  constexpr size_t kQualifierReach = 6;
  // Not when the first item would then name what the last does (工业、制造业、工业技改投资).
  for (size_t p = 0; p + 2 < last.size() && p <= kQualifierReach; ++p) {
    if (last[p] != first.back()) continue;
    std::string shared = Join(last, p + 1, last.size());
    if (std::string(items.front()) + shared != items.back()) return {std::move(shared), true};
    break;
  }
  // 城镇、农村居民人均可支配收入; 第一、第三产业增加值.
  for (size_t length = 1; length <= 3 && length + 2 <= last.size(); ++length) {
    if (IsParallelWord(items.front()) && IsParallelWord(Join(last, 0, length))) {
      return {Join(last, length, last.size()), true};
    }
  }
  // 税收收入占财政总收入比重省口径、市口径: the qualifiers after the shared words.
  // 地方财政收入、支出: parallel words end both.
  if (last.size() <= 3 && first.size() > last.size() + 1 &&
      ((last.size() >= 2 && first.back() == last.back() &&
        first[first.size() - 2] == last[last.size() - 2]) ||
       (IsParallelWord(items.back()) &&
        IsParallelWord(Join(first, first.size() - last.size(), first.size()))))) {
    return {Join(first, 0, first.size() - last.size()), false};
  }
  // 炼铁、炼钢先进产能占比: a last item that opens like the first, with a word of its length and
  // first character, shares all that follows that word, qualifiers (先进) with the measure.
  if (!EndsWithMeasure(items.front()) && first.size() >= 2 && last.size() > first.size() + 1 &&
      last.front() == first.front() && Join(last, 0, first.size()) != items.front()) {
    return {Join(last, first.size(), last.size()), true};
  }
  // 制造业、普惠小微贷款余额: a first item that names no measure shares the last one's.
  if (!EndsWithMeasure(items.front())) {
    for (std::string_view measure : kMeasures) {
      if (items.back().ends_with(measure) && items.back().size() > measure.size()) {
        return {std::string(measure), true};
      }
    }
  }
  return {OwnerOfMeasures(items), false};
}

std::string_view BeforeRespectively(std::string_view label) {
  const size_t at = label.find("分别");
  return at == std::string_view::npos ? label : label.substr(0, at);
}

// Two things a report names in one word, each whole (集采药品耗材品种: the drugs' kinds and the
// supplies'; 存贷款余额: the deposits' and the loans'): a 分别 list over it gives one figure to
// each. Only pairs written so in the genre, where the split is sure.
struct Contraction {
  std::string_view joined, first, second;
};
constexpr Contraction kContractions[] = {{"药品耗材"sv, "药品"sv, "耗材"sv},
                                         {"存贷款"sv, "存款"sv, "贷款"sv},
                                         {"存款贷款"sv, "存款"sv, "贷款"sv}};

std::vector<std::string> NamesOfContraction(std::string_view label) {
  for (const Contraction& pair : kContractions) {
    const size_t at = label.find(pair.joined);
    if (at == std::string_view::npos) continue;
    const std::string before(label.substr(0, at));
    const std::string_view after = label.substr(at + pair.joined.size());
    return {before + std::string(pair.first) + std::string(after),
            before + std::string(pair.second) + std::string(after)};
  }
  return {};
}

// 省级公用经费和一般性支出分别压减11%、19%: the level of government the first item opens with
// is every item's when none of the others names one; so is a town's or country's side
// (农村卫生厕所普及率、生活垃圾分类行政村覆盖率、生活污水治理率).
void ShareFirstItemsLevel(std::vector<std::string>* names) {
  // 限额以上通讯器材、家用电器、新能源汽车零售额: the retail scope is every trade's; so is a
  // national list's (国家专精特新“小巨人”、单项冠军企业).
  static constexpr std::string_view kLevels[] = {
      "国家级", "国家", "省级", "市级", "县级", "省属", "市属", "县属",
      "省直",   "市直", "农村", "城镇", "城市", "城乡", "限上", "限额以上"};
  // 城市、县城建成区面积: an item that opens with a place of its own is another place's.
  static constexpr std::string_view kPlaces[] = {"县", "市", "镇", "乡", "村", "省", "区"};
  const auto level_of = [](std::string_view name) -> std::string_view {
    for (std::string_view level : kLevels) {
      if (name.starts_with(level)) return level;
    }
    return {};
  };
  if (names->size() < 2) return;
  const std::string_view level = level_of(names->front());
  constexpr size_t kNameAfterLevel = 2 * 3;
  if (level.empty() || names->front().size() < level.size() + kNameAfterLevel) return;
  for (size_t i = 1; i < names->size(); ++i) {
    // 国家级、部级创新平台: an item with a level of its own (X级) is that level's.
    constexpr size_t kCharacter = 3;
    if (!level_of((*names)[i]).empty() || (*names)[i].starts_with("中央") ||
        StartsWithAt((*names)[i], kCharacter, "级")) {
      return;
    }
    for (std::string_view place : kPlaces) {
      if ((*names)[i].starts_with(place)) return;
    }
  }
  const std::string shared(level);
  for (size_t i = 1; i < names->size(); ++i) (*names)[i].insert(0, shared);
}

std::vector<std::string> NamesOf(std::string_view label, bool split_joint) {
  label = BeforeRespectively(label);
  const std::vector<std::string_view> items = ItemsOf(label, split_joint);
  if (items.size() < 2) {
    // 城乡居民人均可支配收入分别增长4.6%和7.1%: the town's and the country's.
    constexpr std::string_view kTownAndCountry = "城乡";
    if (label.starts_with(kTownAndCountry) && label.size() > kTownAndCountry.size()) {
      const std::string_view rest = label.substr(kTownAndCountry.size());
      return {"城镇" + std::string(rest), "农村" + std::string(rest)};
    }
    // 牛羊出栏分别增长5.2%、1.9%, 肉蛋奶产量分别…: kinds written one character each, then what they
    // share.
    for (std::string_view kinds : {"猪牛羊"sv, "牛羊"sv, "猪牛"sv, "肉蛋奶"sv, "中小学"sv}) {
      if (!label.starts_with(kinds) || label.size() <= kinds.size()) continue;
      const std::string_view rest = label.substr(kinds.size());
      std::vector<std::string> names;
      for (size_t at = 0; at < kinds.size(); at += 3) {
        names.push_back(std::string(kinds.substr(at, 3)) + std::string(rest));
      }
      return names;
    }
    return {};
  }
  const Shared shared = SharedPart(items);
  std::vector<std::string> names;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string name(items[i]);
    if (!shared.words.empty()) {
      if (shared.after && i + 1 < items.size() && !name.ends_with(shared.words)) {
        // 困难残疾人生活补贴 + 补贴标准: the words both hold are written once.
        size_t overlap = std::min(name.size(), shared.words.size());
        while (overlap > 0 && !name.ends_with(std::string_view(shared.words).substr(0, overlap)))
          --overlap;
        name += shared.words.substr(overlap);
      } else if (!shared.after && i > 0 && !name.starts_with(shared.words)) {
        name = shared.words + name;
      }
    }
    // 一、二、三产业增加值: the first, second and third sectors.
    if (CharsOf(name).size() > 3 && IsParallelWord(name.substr(0, 3)) &&
        name.substr(3).starts_with("产业")) {
      name = "第" + name;
    }
    names.push_back(std::move(name));
  }
  ShareFirstItemsLevel(&names);
  return names;
}

}  // namespace

std::vector<std::string> JointLabelNames(std::string_view label) { return NamesOf(label, true); }

std::string JointLabelHead(std::string_view label) {
  label = BeforeRespectively(label);
  const std::vector<std::string_view> items = ItemsOf(label, true);
  if (items.size() < 2) return std::string(label);  // 城乡…: of both
  return SharedPart(items).words;
}

namespace {

// 省级政务信息系统、自建非涉密业务专网、政务移动应用整合分别完成25%、50%、20%: a work done to
// things (整合, 改造, 治理 …) that the last item ends with is every item's when none of the others
// names a verb of its own. Not a measure that reads as a verb (工业投资, 销售).
void ShareLastItemsWork(std::vector<std::string>* names) {
  if (names->size() < 2) return;
  const std::string_view last = names->back();
  std::string_view work;
  for (std::string_view done :
       {"整合"sv, "改造"sv, "治理"sv, "整治"sv, "修复"sv, "加固"sv, "升级"sv, "改厕"sv, "硬化"sv}) {
    if (last.ends_with(done) && last.size() > done.size()) work = done;
  }
  if (work.empty()) return;
  for (size_t i = 0; i + 1 < names->size(); ++i) {
    if (!label_words::VerbAtEnd((*names)[i]).empty()) return;
  }
  const std::string shared(work);
  for (size_t i = 0; i + 1 < names->size(); ++i) (*names)[i] += shared;
}

// Whether the text between two figures of a list only separates its items (、, 和, a blank).
bool SeparatesItems(std::string_view between) {
  while (between.starts_with(" ")) between.remove_prefix(1);
  while (between.ends_with(" ")) between.remove_suffix(1);
  return between == "、" || between == "和" || between == "及" || between == "," || between == "，";
}

// How the figures [first, first + count) of a list fall to `names`, when there are more of them:
// in pairs, the i-th pair to the i-th name (12户35人、8户20人: nothing between a pair's figures),
// or in rounds, each round giving one figure to each name in turn (分别从645元/月、4318元/年提高到
// 801元/月、7226元/年: the rounds joined by other words). Empty when neither.
std::vector<size_t> NameOfEach(std::string_view text, const std::vector<Figure>& figures,
                               size_t first, size_t count, size_t names) {
  if (names < 2 || count % names != 0) return {};
  const auto between = [&](size_t i) {
    const Figure& before = figures[first + i - 1];
    const Figure& after = figures[first + i];
    return after.begin >= before.end ? text.substr(before.end, after.begin - before.end)
                                     : std::string_view();
  };
  const size_t per_name = count / names;
  bool pairs = true, rounds = true;
  for (size_t i = 1; i < count; ++i) {
    const bool separates = SeparatesItems(between(i));
    const bool adjacent = between(i).size() <= 3 && !separates;
    pairs = pairs && (i % per_name == 0 ? separates : adjacent);
    rounds = rounds && (i % names == 0 ? !separates && !adjacent : separates);
  }
  if (pairs == rounds) return {};
  std::vector<size_t> name_of(count);
  for (size_t i = 0; i < count; ++i) name_of[i] = pairs ? i / per_name : i % names;
  return name_of;
}

// The names of a list closed by 等 before the kind its figures share (食品、石化、医药、信息等产业
// 增加值分别增长…: the label is the kind, 产业增加值): each item with the kind, the first without
// the verbs and scope words in front of it; empty when `clause` holds no such list.
std::vector<std::string> NamesBeforeEtc(std::string_view clause, std::string_view label) {
  const size_t kind = label.empty() ? std::string_view::npos : clause.find(label);
  constexpr std::string_view kEtc = "等";
  if (kind == std::string_view::npos || kind < kEtc.size() ||
      clause.substr(kind - kEtc.size(), kEtc.size()) != kEtc) {
    return {};
  }
  std::string_view list = clause.substr(0, kind - kEtc.size());
  while (label_words::StripLeading(&list)) {
  }
  while (true) {
    const std::string_view verb = label_words::FrontVerbAt(list);
    if (verb.empty() || verb.size() >= list.size()) break;
    list.remove_prefix(verb.size());
  }
  std::vector<std::string> names;
  for (std::string_view item : ItemsOf(list, false))
    names.push_back(std::string(item).append(label));
  return names.size() >= 2 ? names : std::vector<std::string>{};
}

// The labels of a list whose items each have a verb of their own (接待游客、实现旅游总花费分别增长
// 11.8%、11.5%): the clause's label, `label`, is its last item's alone, so each item is read as a
// clause of its own. Empty unless `clause` lists `count` items before 分别, the last opening with a
// verb and ending in `label`, and each item names something.
std::vector<Label> ItemsWithOwnVerbs(std::string_view clause, std::string_view label,
                                     size_t count) {
  const std::string_view list = BeforeRespectively(clause);
  if (label.empty() || list.find("、") == std::string_view::npos) return {};
  const std::vector<std::string_view> items = ItemsOf(list, true);
  if (items.size() != count || !items.back().ends_with(label) ||
      label_words::FrontVerbAt(items.back()).empty()) {
    return {};
  }
  std::vector<Label> labels;
  for (std::string_view item : items) {
    labels.push_back(LabelOf(item));
    if (labels.back().label.empty()) return {};
  }
  return labels;
}

}  // namespace

void NameJointLists(std::string_view text, const std::vector<bool>& inherited,
                    std::vector<Figure>* figures) {
  // The joint label of the list named last, and where it ended: a list after it in its sentence
  // that took that label from it (分别从645元/月、4318元/年提高到801元/月、7226元/年) is named
  // alike.
  std::string joint;
  size_t joint_end = 0;
  for (size_t first = 0; first < figures->size();) {
    size_t end = first + 1;
    while (end < figures->size() && inherited[end]) ++end;
    size_t count = end - first;
    Figure& head = (*figures)[first];
    const bool follows = !joint.empty() && head.label == joint &&
                         !SentenceEndsIn(text.substr(joint_end, head.begin - joint_end));
    const bool respectively = head.clause.find("分别") != std::string::npos;
    // 改造老旧供热、燃气、排水管网800公里、600公里、300公里: as many figures as items, each after
    // the one before with only 、 between, are the items' in turn, 分别 or not.
    bool in_turn = count >= 2;
    for (size_t i = first + 1; in_turn && i < end; ++i) {
      const Figure& before = (*figures)[i - 1];
      const Figure& figure = (*figures)[i];
      // 城乡低保标准提高到每月815元和615元: the last joined by 和.
      const std::string_view between =
          figure.begin >= before.end ? text.substr(before.end, figure.begin - before.end) : "";
      in_turn = between == "、" || (i + 1 == end && between == "和");
    }
    if (count < 2 || (!respectively && !follows && !in_turn)) {
      first = end;
      continue;
    }
    std::vector<std::string> names = JointLabelNames(head.label);
    if (names.size() == count + 1) {
      // One name too many: a 和 inside an item (信息传输、租赁和商务服务业增加值分别增长…).
      if (std::vector<std::string> fewer = NamesOf(head.label, false); fewer.size() == count) {
        names = std::move(fewer);
      }
    }
    if (!respectively && !follows && names.size() != count) {
      first = end;
      continue;
    }
    if (names.size() < 2 && respectively) {
      if (std::vector<Label> items = ItemsWithOwnVerbs(head.clause, head.label, count);
          !items.empty()) {
        for (size_t i = 0; i < count; ++i) {
          (*figures)[first + i].label = std::move(items[i].label);
          (*figures)[first + i].action = std::move(items[i].action);
        }
        first = end;
        continue;
      }
    }
    // Only after 分别: 存贷款余额达7338万元和4022万元 without it is read by the pair's own rules.
    if (names.empty() && respectively) names = NamesOfContraction(BeforeRespectively(head.label));
    joint = head.label;
    joint_end = (*figures)[end - 1].end;
    if (names.size() != count) {
      if (std::vector<std::string> listed = NamesBeforeEtc(head.clause, head.label);
          listed.size() == count) {
        names = std::move(listed);
      }
    }
    // 分别达到69家、107家，1324人凭…: a figure after a comma that ends a list of as many figures as
    // items is not the list's; it keeps only what the items share.
    if (!names.empty() && names.size() < count) {
      const Figure& last_item = (*figures)[first + names.size() - 1];
      const Figure& after = (*figures)[first + names.size()];
      const std::string_view between = after.begin >= last_item.end
                                           ? text.substr(last_item.end, after.begin - last_item.end)
                                           : std::string_view();
      if (between == "，" || between == ",") {
        const std::string shared = JointLabelHead(head.label);
        for (size_t i = names.size(); i < count; ++i) (*figures)[first + i].label = shared;
        count = names.size();
      }
    }
    if (names.size() == count) {
      ShareLastItemsWork(&names);
      for (size_t i = 0; i < count; ++i) (*figures)[first + i].label = names[i];
    } else if (!names.empty()) {
      const std::vector<size_t> name_of = NameOfEach(text, *figures, first, count, names.size());
      const std::string shared = name_of.empty() ? JointLabelHead(head.label) : std::string();
      for (size_t i = 0; i < count; ++i) {
        (*figures)[first + i].label = name_of.empty() ? shared : names[name_of[i]];
      }
    }
    first = end;
  }
}

std::optional<std::string_view> FinishedItemSubject(std::string_view item) {
  bool finished = false;
  for (bool more = true; more;) {
    more = false;
    for (std::string_view verb : {"开工"sv, "投产"sv, "建成"sv, "竣工"sv, "完工"sv, "投用"sv,
                                  "投运"sv, "通车"sv, "开通"sv, "落地"sv, "签约"sv}) {
      if (item.ends_with(verb)) {
        item.remove_suffix(verb.size());
        finished = more = true;
        break;
      }
    }
  }
  if (!finished) return std::nullopt;
  while (label_words::StripLeading(&item)) {
  }
  // A list before (新建、改造、建成) is no thing's clause; nor is a verb inside the item's words.
  if (item.find("、") != std::string_view::npos) return std::nullopt;
  for (size_t at = 0; at < item.size();
       at += source::Utf8LengthOfLead(static_cast<unsigned char>(item[at]))) {
    if (!label_words::FrontVerbAt(item.substr(at)).empty()) return std::nullopt;
  }
  return item;
}

std::string MeasureAfterFinishedItem(std::string_view clause, std::string_view label) {
  const size_t joint = clause.rfind("、");
  if (joint == std::string_view::npos) return {};
  // The item first: a few compares, where the measure's trailing words take a search.
  const std::optional<std::string_view> subject = FinishedItemSubject(clause.substr(0, joint));
  if (!subject) return {};
  std::string_view measure = clause.substr(joint + std::string_view("、").size());
  while (label_words::StripTrailing(&measure)) {
  }
  if (measure.size() < 2 * 3 || !label.ends_with(measure) ||
      !label_words::FrontVerbAt(measure).empty()) {
    return {};
  }
  return std::string(*subject) + std::string(measure);
}

}  // namespace glean::figures
