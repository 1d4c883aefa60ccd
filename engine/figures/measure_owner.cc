#include "engine/figures/measure_owner.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "engine/figures/clause_begin.h"
#include "engine/figures/joint_label.h"
#include "engine/figures/label.h"
#include "engine/figures/label_words.h"
#include "engine/figures/noun_after.h"
#include "engine/figures/text_at.h"

namespace glean::figures {

using namespace std::string_view_literals;

void NameMeasureOfWorksFinished(std::string_view text, size_t clause_begin, size_t floor,
                                std::string* label) {
  static constexpr std::string_view kMeasures[] = {"总产能", "产能",     "年产能", "总装机",
                                                   "装机",   "装机容量", "总投资", "总规模"};
  // Asked of every figure: the measures are two to four characters, most labels longer.
  constexpr size_t kLongestMeasure = 4 * 3;
  if (label->size() > kLongestMeasure ||
      std::find(std::begin(kMeasures), std::end(kMeasures), *label) == std::end(kMeasures) ||
      !StartsWithAt(text, clause_begin, *label)) {
    return;
  }
  size_t mark = clause_begin;
  for (std::string_view comma : {"，"sv, ","sv}) {
    if (EndsWithAt(text, clause_begin, comma)) mark = clause_begin - comma.size();
  }
  if (mark == clause_begin || mark <= floor) return;
  const size_t item_begin = ClauseBegin(text, mark, floor);
  const std::optional<std::string_view> subject =
      FinishedItemSubject(text.substr(item_begin, mark - item_begin));
  if (subject && !subject->empty()) label->insert(0, *subject);
}

void NameOutputByFigureBefore(std::string_view text, size_t clause_begin, size_t floor,
                              std::string_view label_before, std::string_view label_two_before,
                              std::string* label) {
  // Each measure with no thing, and the measures of the figure before that leave its thing:
  // 粮食播种面积84911亩,产量28360吨; 生猪出栏5.9万头,产值达9585万元; 柠檬产量4820吨,产值…; and
  // of power, 新能源投资增长70%、装机规模增长38%，利用率达94.5% (the new energy's, each).
  struct Measures {
    std::initializer_list<std::string_view> labels;
    std::initializer_list<std::string_view> before;
    // Only when the figure before ends with a measure of `before`: 并网 after 风电光伏装机规模
    // is the capacity's, after 新能源开工 the work's.
    bool measure_required = false;
    // When not empty, the thing ends with one of these: a market value is of listed firms.
    std::initializer_list<std::string_view> thing_ends = {};
  };
  static const Measures kMeasures[] = {
      // 咖啡产值增长3倍、精深加工率85%: how much of a product is processed names no product.
      {{"产量"sv, "产值"sv, "总产量"sv, "总产值"sv, "年产量"sv, "年度产量"sv, "全年产量"sv,
        "精深加工率"sv, "加工率"sv, "加工转化率"sv},
       {"播种面积"sv, "种植面积"sv, "面积"sv, "出栏"sv, "存栏"sv, "总产量"sv, "总产值"sv, "产量"sv,
        "产值"sv}},
      // 清洁能源发电装机规模超7900万千瓦、装机占比超93%: the share of the same capacity.
      {{"装机规模"sv, "利用率"sv, "装机占比"sv}, {"装机规模"sv, "装机"sv, "投资"sv}},
      // 风电光伏装机规模3000万千瓦、并网2000万千瓦: of the capacity, connected to the grid.
      {{"并网"sv}, {"规模"sv, "容量"sv}, true},
      // 全年接待游客3亿人次、总花费超过4500亿元: the visitors counted before spent it.
      {{"总花费"sv, "花费"sv}, {"人次"sv}},
      // 北京证券交易所上市公司达288家、总市值超8600亿元: the firms counted before are valued.
      {{"总市值"sv, "市值"sv}, {}, false, {"公司"sv, "企业"sv}},
      // 自治区国资委监管企业营收增长5.9%、利润增长5.5%; 猕猴桃综合产值增长8.5%、出口增长53.6%:
      // a list of one owner's money measures names the owner once, in its first item.
      {{"利润"sv, "利润总额"sv, "净利润"sv, "利税"sv, "税费"sv, "上缴税费"sv, "营收"sv,
        "营业收入"sv, "销售收入"sv, "出口"sv, "出口额"sv},
       {"综合产值"sv, "总产值"sv, "产值"sv, "营业收入"sv, "销售收入"sv, "营收"sv, "利润总额"sv,
        "净利润"sv, "利润"sv, "利税"sv, "税费"sv, "进出口"sv, "出口"sv},
       true},
  };
  // The item's place first: asked of every figure, and most open no list item.
  if (label->empty() || !StartsWithAt(text, clause_begin, *label)) return;  // 产量 opens the item
  std::string_view between = text.substr(floor, clause_begin - floor);
  for (std::string_view bound : {"左右"sv, "以上"sv, "余"sv, " "sv}) {
    while (between.starts_with(bound)) between.remove_prefix(bound.size());
  }
  if (between != "、" && between != "，" && between != ",") return;
  const Measures* measures = nullptr;
  for (const Measures& row : kMeasures) {
    if (std::find(row.labels.begin(), row.labels.end(), *label) != row.labels.end()) {
      measures = &row;
      break;
    }
  }
  if (measures == nullptr) return;
  if (!label_two_before.empty() && IsBareSizeMeasure(label_before)) label_before = label_two_before;
  std::string_view thing = label_before;
  bool measured = false;
  for (std::string_view measure : measures->before) {
    if (thing.ends_with(measure)) {
      thing.remove_suffix(measure.size());
      measured = true;
      break;
    }
  }
  if (measures->measure_required && !measured) return;
  // 安排风电光伏装机规模, 新增光伏装机: what the verb acts on is the thing, not the act (安排
  // allots a plan's quota; rules read it in the label before, so it is no front verb).
  std::string_view verb = label_words::FrontVerbAt(thing);
  if (verb.empty() && thing.starts_with("安排")) verb = thing.substr(0, 6);
  if (!verb.empty() && verb.size() < thing.size()) thing.remove_prefix(verb.size());
  if (measures->thing_ends.size() > 0 &&
      std::none_of(measures->thing_ends.begin(), measures->thing_ends.end(),
                   [&](std::string_view end) { return thing.ends_with(end); })) {
    return;
  }
  // A thing of two characters or more that is no measure itself (总面积 leaves 总, 增加值, 收入).
  if (thing.size() < 6 || label_words::IsBareMeasure(thing)) return;
  for (std::string_view measure :
       {"率"sv, "量"sv, "值"sv, "额"sv, "数"sv, "比"sv, "重"sv, "入"sv, "总"sv, "亩"sv}) {
    if (thing.ends_with(measure)) return;
  }
  // 粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨: the year is the figure's period;
  // the crop's output is the label (粮食产量).
  for (std::string_view year : {"年度"sv, "全年"sv}) {
    if (label->starts_with(year)) label->erase(0, year.size());
  }
  label->insert(0, thing);
}

namespace {

// The sentence `text` holds up to `clause_begin`, from its start (in the normalized text, where
// ；！？， are ASCII); `found` is false when no start lies within a few clauses back, so the scan
// stays short.
std::string_view SentenceUpTo(std::string_view text, size_t clause_begin, bool* found) {
  constexpr size_t kReach = 100 * 3;
  const size_t window = clause_begin > kReach ? clause_begin - kReach : 0;
  size_t start = window;
  for (std::string_view end : {"。"sv, ";"sv, "!"sv, "?"sv, "\n"sv}) {
    const size_t at = text.substr(window, clause_begin - window).rfind(end);
    if (at != std::string_view::npos) start = std::max(start, window + at + end.size());
  }
  *found = start > window || window == 0;
  return text.substr(start, clause_begin - start);
}

// The topic a sentence opens with, `…方面，` (煤炭智能绿色安全开采方面，…; 公路方面，…), up to
// `clause_begin`, without 方面: empty when the sentence opens otherwise. 推进粮食生产方面 is no
// topic the genre opens with: a verb before the thing acts on it.
std::string_view TopicOpening(std::string_view text, size_t clause_begin) {
  bool found = false;
  const std::string_view sentence = SentenceUpTo(text, clause_begin, &found);
  if (!found) return {};
  const size_t comma = std::min(sentence.find(','), sentence.find("，"));
  if (comma == std::string_view::npos) return {};
  std::string_view topic = sentence.substr(0, comma);
  if (!topic.ends_with("方面") || !label_words::FrontVerbAt(topic).empty()) return {};
  topic.remove_suffix(std::string_view("方面").size());
  return topic;
}

}  // namespace

void NameOutputByTopic(std::string_view text, size_t clause_begin, std::string* label) {
  if (*label != "产量" && *label != "产值") return;
  // 力争产量突破200亿立方米: a target's word before the output leaves it bare.
  size_t at = clause_begin;
  for (std::string_view target : {"力争"sv, "确保"sv, "预计"sv}) {
    if (StartsWithAt(text, at, target)) at += target.size();
  }
  if (!StartsWithAt(text, at, *label)) return;
  const std::string_view topic = TopicOpening(text, clause_begin);
  if (topic.empty()) return;
  // Products whose output the genre reports; the earliest in the topic names it.
  size_t product_end = std::string_view::npos, product_at = std::string_view::npos;
  for (std::string_view product :
       {"煤炭"sv, "原煤"sv, "天然气"sv, "煤层气"sv, "原油"sv, "石油"sv, "粮食"sv}) {
    const size_t at = topic.find(product);
    if (at != std::string_view::npos && at < product_at) {
      product_at = at;
      product_end = at + product.size();
    }
  }
  if (product_end == std::string_view::npos) return;
  label->insert(0, topic.substr(0, product_end));
}

void NameProjectsByTopic(std::string_view text, size_t clause_begin, std::string* label) {
  // Projects named by their stage or weight alone (项目, 续建项目, 重点项目).
  constexpr size_t kLongest = 4 * 3;
  if (label->size() > kLongest || !label->ends_with("项目")) return;
  const std::string_view topic = TopicOpening(text, clause_begin);
  // A sector of two to four characters (公路, 水利, 能源), no list of them (交通、水利等).
  constexpr size_t kShortestSector = 2 * 3;
  if (topic.size() < kShortestSector || topic.size() > kLongest || !IsHanOnly(topic) ||
      topic.find("等") != std::string_view::npos || label->starts_with(topic)) {
    return;
  }
  label->insert(0, topic);
}

void NameMoneyByEnterpriseTopic(std::string_view text, size_t clause_begin, std::string* label) {
  static constexpr std::string_view kMoney[] = {"上缴税费", "利润总额", "净利润", "利润",
                                                "利税",     "营业收入", "营收"};
  if (std::find(std::begin(kMoney), std::end(kMoney), *label) == std::end(kMoney)) return;
  if (!StartsWithAt(text, clause_begin, *label)) return;
  bool found = false;
  const std::string_view sentence = SentenceUpTo(text, clause_begin, &found);
  // Only after a comma: a measure that opens its sentence names no owner of the sentence.
  if (!found || sentence.empty()) return;
  // State firms as the sentence's subject, the longest name first (省属国有企业 before 国有企业).
  for (std::string_view owner : {"省属国有企业"sv, "市属国有企业"sv, "国有企业"sv, "省属国企"sv,
                                 "省属企业"sv, "省管企业"sv, "中央企业"sv, "国企"sv, "央企"sv}) {
    if (sentence.starts_with(owner)) {
      label->insert(0, owner);
      return;
    }
  }
}

namespace {

// The body, event or park a sentence's first clause opens with, by the word its name ends with
// (酒钢集团“三化”改造…, 高交会促成…, 天开高教科创园蓬勃发展): empty when the clause opens with
// none within a few words.
std::string_view BodyOpening(std::string_view first) {
  constexpr size_t kShortest = 3 * 3, kLongest = 8 * 3;
  for (size_t end = kShortest; end <= kLongest && end <= first.size(); end += 3) {
    const auto lead = static_cast<unsigned char>(first[end - 3]);
    if (lead < 0xE4 || lead > 0xE9) return {};
    if (AnyEndsAt(first, end,
                  {"集团"sv, "公司"sv, "交会"sv, "博会"sv, "览会"sv, "科创园"sv, "科技园"sv,
                   "产业园"sv, "软件园"sv, "开发区"sv, "高新区"sv, "试验区"sv, "示范区"sv})) {
      return first.substr(0, end);
    }
  }
  return {};
}

}  // namespace

void NameBySentenceOpening(std::string_view text, size_t clause_begin, std::string* label) {
  // Most labels are neither a share named by its whole alone nor a share or a deal's sum named
  // by what it is of: one look at the first character or the last two.
  const bool whole_only =
      label->starts_with("占") ||
      (label->starts_with("在") && (label->ends_with("占比") || label->ends_with("比重")));
  // 天开高教科创园蓬勃发展，…，累计注册科技型企业超4500家: firms registered or settled in the
  // park the sentence opens with are its.
  const auto settled_in = [&] {
    constexpr size_t kVerbWindow = 4 * 3;
    const std::string_view opening = text.substr(clause_begin, kVerbWindow + 6);
    for (std::string_view verb : {"注册"sv, "入驻"sv, "落户"sv, "集聚"sv}) {
      if (const size_t at = opening.find(verb); at != std::string_view::npos && at <= kVerbWindow) {
        return true;
      }
    }
    return false;
  };
  const bool of_a_body =
      !whole_only &&
      (label->ends_with("占比") || label->ends_with("比重") || *label == "成交额"sv ||
       *label == "交易额"sv || *label == "签约额"sv || (label->ends_with("企业") && settled_in()));
  if (!whole_only && !of_a_body) return;
  // 占全年目标的67.2%: a share of a task is its completion (completion.h), not a thing's share.
  for (std::string_view task : {"目标"sv, "任务"sv, "计划"sv}) {
    if (label->find(task) != std::string::npos) return;
  }
  bool found = false;
  const std::string_view sentence = SentenceUpTo(text, clause_begin, &found);
  if (!found || sentence.empty()) return;  // the share opens its sentence: no subject before it
  const size_t comma = std::min(sentence.find(','), sentence.find("，"));
  if (comma == std::string_view::npos) return;
  const std::string_view first = sentence.substr(0, comma);
  if (of_a_body) {
    // 酒钢集团“三化”改造实现产业重塑，高端产品占比从30%提高到70%: one firm's share, not the
    // province's; 高交会促成…项目签约，成交额超1700亿元: the fair's deals.
    if (const std::string_view body = BodyOpening(first);
        !body.empty() && !label->starts_with(body)) {
      label->insert(0, body);
    }
    return;
  }
  // The subject: Han characters up to the first clause's verb or an adverb of it (连续跨过). Not
  // a clause whose figure follows its name with no verb the words know (森林覆盖率达57%): its
  // name is that figure's, not a subject.
  size_t end = 0;
  bool verb = false;
  while (end + 3 <= first.size()) {
    const auto lead = static_cast<unsigned char>(first[end]);
    if (lead < 0xE4 || lead > 0xE9) break;
    if (!label_words::FrontVerbAt(first.substr(end)).empty() ||
        AnyStartsAt(first, end,
                    {"连续"sv, "持续"sv, "稳步"sv, "首次"sv, "历史性"sv, "再次"sv, "年均"sv})) {
      verb = true;
      break;
    }
    end += 3;
  }
  constexpr size_t kShortest = 2 * 3, kLongest = 8 * 3;
  if (!verb || end < kShortest || end > kLongest) return;
  label->insert(0, first.substr(0, end));
}

void NameYearlyCapacityByWorksAfter(std::string_view text, size_t end, std::string* label) {
  if (*label != "年产"sv) return;
  if (StartsWithAt(text, end, "的")) end += std::string_view("的").size();
  if (std::string works = WordsAfter(text, end); !works.empty()) label->insert(0, works);
}

void NameWithinReachBefore(std::string_view text, size_t before_begin, size_t before_end,
                           size_t floor, std::string_view before_label, std::string* label) {
  // Only a distance the figure stops at (米, 公里), with nothing after it but 内 and the label:
  // 50米内 says within what reach the rate counts.
  if (!label->starts_with("内") || before_end != floor || !StartsWithAt(text, floor, *label) ||
      !(EndsWithAt(text, before_end, "米") || EndsWithAt(text, before_end, "公里"))) {
    return;
  }
  std::string named;
  // The label of the distance when it stands right before it (公交与轨道50米).
  if (!before_label.empty() && EndsWithAt(text, before_begin, before_label)) {
    named = before_label;
  }
  named.append(text.substr(before_begin, before_end - before_begin));
  label->insert(0, named);
}

void NameZoneSubject(std::string_view text, size_t clause_begin, std::string_view clause,
                     std::string_view action, std::string* label) {
  // The label before the figure (兰州新区新增学位), or the noun after it when the verb ends the
  // clause (自贸试验区累计推出259项制度创新成果).
  const bool label_before = clause.ends_with(*label);
  if (action.empty() || label->empty() || (!label_before && !clause.ends_with(action))) return;
  // The zone opens its sentence or comma clause: 在14个市州城区和兰州新区增补义务教育学位 places
  // the school places in more than the zone.
  if (clause_begin > 0 &&
      !AnyEndsAt(text, clause_begin, {"，"sv, ","sv, "。"sv, ";"sv, ":"sv, "\n"sv})) {
    return;
  }
  std::string_view zone = clause.substr(0, clause.size() - (label_before ? label->size() : 0));
  if (!zone.ends_with(action)) return;
  zone.remove_suffix(action.size());
  for (std::string_view adverb : {"新"sv, "累计"sv, "共"sv, "已"sv}) {
    if (zone.ends_with(adverb)) {
      zone.remove_suffix(adverb.size());
      break;
    }
  }
  // The zone's own word, after a name of two characters or more: 枢纽港产业园, 兰州新区. Each
  // ends in 园 or 区, which most words before a verb do not.
  if (!zone.ends_with("园") && !zone.ends_with("区")) return;
  bool named = false;
  for (std::string_view word : {"产业园"sv, "开发区"sv, "高新区"sv, "园区"sv, "新区"sv, "试验区"sv,
                                "示范区"sv, "自贸区"sv}) {
    if (zone.ends_with(word) && zone.size() >= word.size() + 6) named = true;
  }
  // 建成五百亿级开发区, 加快推进…产业园、…: a verb or a list before the zone makes it no subject.
  if (!named || !label_words::FrontVerbAt(zone).empty()) return;
  for (std::string_view mark : {"、"sv, "的"sv, "和"sv, "及"sv}) {
    if (zone.find(mark) != std::string_view::npos) return;
  }
  label->insert(0, zone);
}

void NameReachByWorkBefore(std::string_view text, size_t at, const Figure& figure,
                           std::string* label) {
  // 惠及 and 覆盖 are both two characters. Asked of every figure: the clause's last character
  // first.
  constexpr size_t kVerb = 2 * 3;
  const std::string_view clause = figure.clause;
  const bool benefits =
      clause.ends_with("及") && clause.ends_with("惠及") && figure.action == "惠及";
  if (!benefits && !(clause.ends_with("盖") && clause.ends_with("覆盖"))) return;
  const std::string after = WordsAfter(text, at);
  const std::string_view label_after =
      *label == after ? std::string_view(after) : std::string_view();
  std::string_view work = clause.substr(0, clause.size() - kVerb);
  // 实施学前一年免费教育政策、惠及168万名儿童: the policy before 、 in the figure's clause; a
  // programme right before the verb covers the people after the figure (职业伤害保障试点覆盖
  // 696万名新业态劳动者).
  if (work.ends_with("、") || work.ends_with("，") || work.ends_with(",")) {
    work.remove_suffix(work.ends_with(",") ? 1 : 3);
  } else if (label_after.empty()) {
    return;
  }
  const std::string owner = LabelOf(work).label;
  // A name, not a clause of its own (分级组建扁平化的政企联络微信群、覆盖21万家“四上”企业).
  constexpr size_t kShortest = 2 * 3, kLongest = 12 * 3;
  if (owner.size() < kShortest || owner.size() > kLongest || !IsHanOnly(owner)) return;
  *label = owner + std::string(label_after);
}

}  // namespace glean::figures
