#include "engine/figures/span_role.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "engine/figures/label_words.h"
#include "engine/figures/text_at.h"
#include "engine/source/utf8.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {
size_t FiguresStart(std::string_view text, size_t floor, size_t at);
}  // namespace

PairRole PairRoleOf(std::string_view text, size_t clause_begin, size_t begin, size_t end,
                    size_t clause_end, size_t* own_from) {
  *own_from = clause_begin;
  // 从2021年的46503元和16935元分别提高到58794元和23184元: a figure joined to the one before it
  // by 和 or 、 has that one's role in the pair.
  for (std::string_view joint : {"和"sv, "及"sv, "、"sv}) {
    if (begin < clause_begin + joint.size() || !EndsWithAt(text, begin, joint)) continue;
    const size_t joint_at = begin - joint.size();
    const size_t before = FiguresStart(text, clause_begin, joint_at);
    if (before < joint_at && IsDigit(text[before])) {
      return PairRoleOf(text, clause_begin, before, end, clause_end, own_from);
    }
  }
  // 从每人每月1536元提高到1567元: a rate's "per" words stand between the pair word and a figure.
  size_t per_begin = begin;
  for (bool found = true; found && per_begin > clause_begin;) {
    found = false;
    for (std::string_view per : {"每月"sv, "每年"sv, "每人"sv, "每户"sv, "每亩"sv, "每天"sv}) {
      if (per_begin >= clause_begin + per.size() && EndsWithAt(text, per_begin, per)) {
        per_begin -= per.size();
        found = true;
        break;
      }
    }
  }
  // 从年标准1680元提高到2760元, 由人均3.2万元增加到4.1万元, 由平均2900元下降到1000元: so do the
  // nouns that name which standard or average the figure is. They all end in 准 or 均, whose last
  // UTF-8 bytes (0x86, 0x87) rule out most figures with one look.
  if (per_begin >= clause_begin + 6 && (static_cast<unsigned char>(text[per_begin - 1]) == 0x86 ||
                                        static_cast<unsigned char>(text[per_begin - 1]) == 0x87)) {
    for (std::string_view noun : {"年标准"sv, "月标准"sv, "人均"sv, "户均"sv, "亩均"sv, "平均"sv}) {
      if (per_begin >= clause_begin + noun.size() && EndsWithAt(text, per_begin, noun)) {
        per_begin -= noun.size();
        break;
      }
    }
  }
  begin = per_begin;
  // A quick no for most figures: a pair's figure follows its pair word or its own time's 的.
  if (!AnyEndsAt(text, begin, {"从"sv, "由"sv, "到"sv, "至"sv, "为"sv, "的"sv}))
    return PairRole::kNone;
  // What may stand between the pair word and the figure: its own time (2020年的, “十五”末的).
  constexpr size_t kOwnWords = 24;
  const auto last_of = [&](std::initializer_list<std::string_view> words, size_t from,
                           size_t to) -> std::pair<size_t, size_t> {
    for (size_t at = to; at > from;) {
      --at;
      for (std::string_view word : words) {
        if (at + word.size() <= to && StartsWithAt(text, at, word)) return {at, word.size()};
      }
    }
    return {std::string_view::npos, 0};
  };
  const auto own_words_fit = [&](size_t word_end) {
    return begin - word_end <= kOwnWords && (word_end == begin || EndsWithAt(text, begin, "的"));
  };
  const size_t from_floor = begin > kOwnWords + clause_begin ? begin - kOwnWords - 3 : clause_begin;
  if (const auto [at, size] = last_of({"从"sv, "由"sv}, from_floor, begin);
      at != std::string_view::npos && own_words_fit(at + size)) {
    // The second half must follow: 由X增加到Y, 由X整合为Y, not 由村委会统一管理的5个.
    if (last_of({"到"sv, "至"sv, "为"sv}, end, std::min(clause_end, end + kOwnWords)).first !=
        std::string_view::npos) {
      *own_from = at + size;
      return PairRole::kFrom;
    }
  }
  // 达到 states a level reached, not a pair's second half; nor is a list item after 、 one. 为
  // ends a pair only after a verb of change (园区开发区由106家整合为50家), not in 成为 or 认定为.
  const auto pair_end_at = [&](size_t at, size_t size) {
    if (at == std::string_view::npos || !own_words_fit(at + size)) return false;
    if (StartsWithAt(text, at, "为")) {
      return AnyEndsAt(text, at,
                       {"整合"sv, "调整"sv, "合并"sv, "压减"sv, "缩减"sv, "减少"sv, "精简"sv,
                        "撤并"sv, "归并"sv, "增加"sv, "提高"sv, "降低"sv, "扩大"sv});
    }
    return !EndsWithAt(text, at, "达");
  };
  if (const auto [at, size] = last_of({"到"sv, "至"sv, "为"sv}, from_floor, begin);
      pair_end_at(at, size)) {
    const size_t pair_from = last_of({"从"sv, "由"sv}, clause_begin, at).first;
    if (pair_from != std::string_view::npos &&
        last_of({"、"sv}, pair_from, at).first == std::string_view::npos) {
      *own_from = at + size;
      return PairRole::kTo;
    }
  }
  return PairRole::kNone;
}

Period PairPeriod(PairRole role, const Period& period, bool from_first_year) {
  if (!period.known() || role == PairRole::kNone) return period;
  if (role == PairRole::kFrom) {
    const int year = from_first_year ? period.first : period.first - 1;
    return {year, year};
  }
  return {period.last, period.last};
}

namespace {

// Where the figure or list of figures that ends at `at` begins, walking back over what a list of
// levels holds between its verb and a figure (分别达99.9%、94.5%): digits, units, 、.
size_t FiguresStart(std::string_view text, size_t floor, size_t at) {
  static constexpr std::string_view kBetween[] = {
      "、", "万", "亿", "千", "百", "元", "个", "条", "家", "人", "户", "亩", "吨", "米",
      "公", "里", "瓦", "平", "方", "座", "所", "项", "台", "辆", "套", "克", "斤", "头",
      "张", "只", "以", "上", "左", "右", "多", "余", "∶",  "：", "％", "‰",  "倍"};
  while (at > floor) {
    const char c = text[at - 1];
    if (IsDigit(c) || c == '.' || c == '%' || c == ' ' || c == ':') {
      --at;
      continue;
    }
    bool found = false;
    for (std::string_view word : kBetween) {
      if (at >= floor + word.size() && EndsWithAt(text, at, word)) {
        at -= word.size();
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return at;
}

// Words that make a clause a total, a flow or a change over a span rather than a level at its
// end: things done, counted up, averaged, or repeated.
constexpr std::string_view kSpanWords[] = {
    "累计",   "累积", "共",     "总计", "合计", "新增",   "新建",   "新植", "新开", "新认定",
    "新登记", "新设", "新发展", "新改", "新创", "新引进", "新培育", "建成", "完成", "实施",
    "改造",   "培育", "引进",   "年均", "平均", "增长",   "下降",   "减少", "增加", "提高",
    "提升",   "先后", "连续",   "投入", "投资", "发放",   "筹集",   "争取", "接待", "带动",
    "转移",   "培训", "救助",   "拆除", "整治", "治理",   "创建",   "打造", "落地", "签约",
    "办理",   "解决", "安置",   "吸引", "招引", "搬迁",   "增速",   "五年", "每年", "接连",
    "修建",   "新修", "建设",   "铺设"};
constexpr CharFilter kSpanFirsts = CharFilter::FirstsOf(kSpanWords);

// `words` with every occurrence of each of `parts` taken out.
std::string Without(std::string_view words, std::initializer_list<std::string_view> parts) {
  std::string rest(words);
  for (std::string_view part : parts) {
    for (size_t found = rest.find(part); found != std::string::npos;
         found = rest.find(part, found)) {
      rest.erase(found, part.size());
    }
  }
  return rest;
}

// Whether `words` say a total, a flow or a change (kSpanWords). 共 and 增加 inside a name
// (公共充电桩, 教共体覆盖率, 共享单车, 一产增加值) are no such words, nor is 建成 of 建成区 (the
// built-up area) or 建设 of a title (国家生态文明建设示范区), nor a word of work done that names a
// rate or a share (生活污水治理率, 改造率, 民间投资占比: the share reached, not the work).
bool SaysSpan(std::string_view words) {
  const std::string name =
      Without(words, {"公共"sv, "共体"sv, "共同体"sv, "共享"sv, "建成区"sv, "文明建设示范"sv,
                      "增加值"sv, "治理率"sv, "改造率"sv, "建设率"sv, "建成率"sv, "投入强度"sv,
                      "投资占比"sv, "投资比重"sv,
                      // 服务业对经济增长贡献率提升至59.1%: a share of the growth, held at a time.
                      "增长贡献率"sv, "增长的贡献率"sv});
  return ContainsAnyWord(name, kSpanWords, kSpanFirsts);
}

// The level verb that ends at `at`, its start; npos when none does.
size_t LevelVerbBefore(std::string_view text, size_t floor, size_t at) {
  for (std::string_view verb :
       {"达到了", "达到", "突破", "增至", "增加到", "增加至", "增长到", "提高到", "提高至",
        "提升到", "提升至", "升至", "上升到", "上升至", "超过", "降至", "下降到", "下降至",
        "降低到", "降低至", "缩小到", "缩小至", "扩容至", "扩大到", "扩大至", "达", "超",
        // 规模以上工业企业接近2万家: a level nearly reached is the level of its time.
        "接近"}) {
    if (at < floor + verb.size() || !EndsWithAt(text, at, verb)) continue;
    const size_t start = at - verb.size();
    // 下达, 到达, 送达, 发达: 达 as part of another word.
    if (verb == "达" &&
        AnyEndsAt(text, start, {"下"sv, "到"sv, "送"sv, "抵"sv, "表"sv, "传"sv, "通"sv, "发"sv})) {
      return std::string_view::npos;
    }
    if (verb == "超" && AnyEndsAt(text, start, {"赶"sv})) return std::string_view::npos;
    return start;
  }
  // 地区生产总值历史性迈上4000亿元台阶: a milestone reached is the level of its time; so is one
  // passed (跨过3万亿元, 跨越5000亿元大关).
  if (const size_t verb = MilestoneVerbBefore(text, at); verb != 0 && at >= floor + verb) {
    return at - verb;
  }
  return std::string_view::npos;
}

// Whether the words from `from` to `to` name a thing held: a few words with no verb in them (新建,
// 培育, 完成 …), no word of a span (累计, 五年) and no word that joins a name to its figure
// (粮食产量稳定在760亿斤以上 says how it held, each year).
bool NamesHolding(std::string_view text, size_t from, size_t to) {
  constexpr size_t kNameBytes = 36;
  if (to <= from || to - from > kNameBytes) return false;
  if (SaysSpan(text.substr(from, to - from))) return false;
  // 国家生态文明建设示范区: a title's 建设 is no verb of the list.
  constexpr std::string_view kTitle = "文明建设示范";
  const std::string_view name = text.substr(from, to - from);
  const std::string words =
      name.find(kTitle) == std::string_view::npos ? std::string(name) : Without(name, {kTitle});
  for (size_t at = 0; at < words.size();) {
    if (static_cast<unsigned char>(words[at]) < 0x80) {
      ++at;
      continue;
    }
    const std::string_view rest = std::string_view(words).substr(at);
    if (!label_words::FrontVerbAt(rest).empty() ||
        label_words::TrailingWordAt(rest).size() == rest.size()) {
      return false;
    }
    at += source::Utf8LengthOfLead(static_cast<unsigned char>(words[at]));
  }
  return true;
}

// Whether the clause from `clause_begin`, named by the words up to `label_end` and its figure
// at `figure_begin`, is an item of a sentence that lists what is held, a name and a count
// each with no verb, from its start
// (全球“灯塔工厂”3家，国家卓越级智能工厂16家，专精特新“小巨人”450家;
// 生产总值6.66万亿元，财政总收入7019亿元): such a sentence states the stock at the span's end. One
// item with a verb before (新增…11个、…9个，国家级农业产业化龙头企业119家), or a clause of words
// before the first item, makes the list a flow.
bool InHoldingsList(std::string_view text, size_t clause_begin, size_t label_end,
                    size_t figure_begin) {
  static constexpr std::string_view kSentenceEnds[] = {"。", "\n", "；", "：", "！", "？"};
  // Where the clause of the figure at `at` ends, when the figure ends it (a count after its name,
  // not 落户4个国家区域医疗中心, whose noun follows); npos otherwise.
  const auto figure_ends_clause = [&](size_t at) {
    constexpr size_t kFigureBytes = 32;
    const std::string_view after = text.substr(at, kFigureBytes);
    size_t mark = std::string_view::npos;
    for (std::string_view end : {"，"sv, ","sv, "、"sv, "。"sv, "；"sv})
      mark = std::min(mark, after.find(end));
    if (mark == std::string_view::npos || FiguresStart(text, at, at + mark) != at) {
      return std::string_view::npos;
    }
    return at + mark;
  };
  // The clause may hold the end of the sentence before (综合实力稳步提升。生产总值6.66万亿元).
  for (std::string_view end : kSentenceEnds) {
    const size_t found = text.substr(clause_begin, label_end - clause_begin).rfind(end);
    if (found != std::string_view::npos) clause_begin += found + end.size();
  }
  const size_t own_end = figure_ends_clause(figure_begin);
  if (own_end == std::string_view::npos || !NamesHolding(text, clause_begin, label_end)) {
    return false;
  }
  constexpr int kItems = 12;
  size_t begin = clause_begin;
  for (int items = 0; items < kItems; ++items) {
    if (begin == 0 || AnyEndsAt(text, begin, {"。"sv, "\n"sv, "；"sv, "："sv, "！"sv, "？"sv})) {
      if (items > 0) return true;
      // An item that opens the sentence needs an item like it after it: a name and a count
      // alone, or before a clause of another kind (地区生产总值连跨两个万亿元台阶，年均增长5.7%),
      // is no list.
      size_t next = own_end;
      for (std::string_view comma : {"，"sv, ","sv, "、"sv}) {
        if (StartsWithAt(text, next, comma)) next += comma.size();
      }
      if (next == own_end) return false;
      size_t digit = next;
      while (digit < text.size() && digit < next + 36 && !IsDigit(text[digit])) ++digit;
      return digit < text.size() && IsDigit(text[digit]) && NamesHolding(text, next, digit) &&
             figure_ends_clause(digit) != std::string_view::npos;
    }
    size_t mark = begin;
    for (std::string_view comma : {"，"sv, ","sv}) {
      if (EndsWithAt(text, mark, comma)) mark -= comma.size();
    }
    if (mark == begin) return false;
    const size_t figure = FiguresStart(text, 0, mark);
    if (figure == mark || !IsDigit(text[figure])) return false;
    size_t previous = 0;
    for (std::string_view end : {"，"sv, ","sv, "。"sv, "\n"sv, "；"sv, "："sv, "！"sv, "？"sv}) {
      const size_t found = text.substr(0, figure).rfind(end);
      if (found != std::string_view::npos) previous = std::max(previous, found + end.size());
    }
    if (!NamesHolding(text, previous, figure)) return false;
    begin = previous;
  }
  return false;
}

bool ClauseStatesLevel(std::string_view text, size_t clause_begin, size_t figures_end);

// Whether the words up to `label_end` are a bare name (a few characters, no verb) after 、 and a
// figure that states a level: 养老机构和设施达到9341个、床位10.5万张, 国家高新技术企业1.28万家、
// 科技型中小企业3万家. The item goes on with the level of the item before it.
bool BareItemAfterLevel(std::string_view text, size_t clause_begin, size_t label_end) {
  constexpr size_t kNameBytes = 8 * 3;
  const size_t floor =
      label_end > clause_begin + kNameBytes + 3 ? label_end - kNameBytes - 3 : clause_begin;
  const size_t joint = text.substr(floor, label_end - floor).rfind("、");
  if (joint == std::string_view::npos) return false;
  const size_t name_begin = floor + joint + 3;
  const size_t figures_end = floor + joint;
  if (name_begin == label_end || figures_end <= clause_begin ||
      !IsDigit(text[FiguresStart(text, clause_begin, figures_end)]) ||
      !NamesHolding(text, name_begin, label_end)) {
    return false;
  }
  return ClauseStatesLevel(text, clause_begin, figures_end);
}

// Whether the figures that end at `figures_end` in the clause from `clause_begin` state a level:
// see StatesLevelReached.
// Whether the words before `label_end` name a thing's share of the whole (核电装机规模占全国
// 25.8%: held at a time, as 占比 is). Not a share that opens its clause (五年生产原煤65亿吨，
// 占全国近三成), which is of the clause before's flow.
bool ShareOfWholeNamed(std::string_view text, size_t clause_begin, size_t label_end) {
  constexpr size_t kShareWords = 3 * 3;  // 占全国
  return label_end > clause_begin + kShareWords &&
         AnyEndsAt(text, label_end, {"占全国"sv, "占全省"sv, "占全市"sv, "占全球"sv, "占世界"sv});
}

bool ClauseStatesLevel(std::string_view text, size_t clause_begin, size_t figures_end) {
  size_t at = FiguresStart(text, clause_begin, figures_end);
  // 提高到每月815元和615元: the last figure of a list joined by 和.
  if (at >= clause_begin + 3 && EndsWithAt(text, at, "和")) {
    const size_t before = FiguresStart(text, clause_begin, at - 3);
    if (before < at - 3 && IsDigit(text[before])) at = before;
  }
  // 城乡低保标准提高到每月815元: the period a level is paid per stands between it and its verb.
  for (std::string_view per : {"每月"sv, "每年"sv}) {
    if (at >= clause_begin + per.size() && EndsWithAt(text, at, per)) {
      at -= per.size();
      if (at >= clause_begin + 6 && EndsWithAt(text, at, "每人")) at -= 6;
      break;
    }
  }
  // 绿氢产能近3万吨, 达近3万吨: a word of approximation stands between a level and its name or
  // verb. 接近 is no such word but a verb of its own, not taken for a level's.
  for (std::string_view approx : {"近"sv, "约"sv, "逾"sv}) {
    if (at >= clause_begin + approx.size() && EndsWithAt(text, at, approx) &&
        !EndsWithAt(text, at, "接近")) {
      at -= approx.size();
      break;
    }
  }
  // 迈上4000亿元台阶: the 上 of a milestone's verb is not the 以上 of a figure before.
  if (StartsWithAt(text, at, "上") && AnyEndsAt(text, at, {"迈"sv, "跨"sv, "站"sv, "跃"sv, "登"sv}))
    at += 3;
  size_t label_end = LevelVerbBefore(text, clause_begin, at);
  const bool verb = label_end != std::string_view::npos;
  // A stock with no verb: 电力总装机规模3.1亿千瓦, 城镇化率为62%, 高速公路通车里程6895公里.
  if (!verb) label_end = EndsWithAt(text, at, "为") ? at - 3 : at;
  // 集中供养率、…配建率均达100%: an adverb of each between the names and the verb; not the 均 of
  // 人均, 年均 or 平均, which is the name's (年均 still says a span).
  for (std::string_view each : {"均"sv, "分别"sv}) {
    if (verb && label_end >= clause_begin + each.size() + 3 && EndsWithAt(text, label_end, each) &&
        !(each == "均"sv && AnyEndsAt(text, label_end - each.size(), {"人"sv, "年"sv, "平"sv}))) {
      label_end -= each.size();
      break;
    }
  }
  // 高校毕业生留省就业超过66万人, 返乡创业突破5万人: people who found work or set up on their own
  // over the span are a flow, whatever the verb before the figure.
  if (AnyEndsAt(text, label_end, {"就业"sv, "创业"sv})) return false;
  // 超 says "more than" of flows as well (开工项目超1万个, 送戏下乡超8万场): a level only after
  // the name of one (营收超1.4万亿元, 参保率超95%, 经营主体超850万户).
  if (verb && text.substr(label_end, at - label_end) == "超" &&
      !AnyEndsAt(text, label_end,
                 {"率"sv, "比重"sv, "占比"sv, "收入"sv, "营收"sv, "总值"sv, "增加值"sv, "产值"sv,
                  "规模"sv, "总量"sv, "余额"sv, "总额"sv, "装机"sv, "面积"sv, "里程"sv, "总长"sv,
                  "主体"sv, "企业"sv})) {
    return false;
  }
  if (!verb) {
    // A share of things done over the span (建议4249件…办结率100%) stays of the span.
    if (AnyEndsAt(text, label_end, {"办结率"sv, "完成率"sv})) return false;
    // 每千人拥有3岁以下婴幼儿托位数4.59个: a number per head of the population is a density, held
    // at a time; not its change (每万人高价值发明专利拥有量年均增长20%).
    const std::string_view per = text.substr(clause_begin, label_end - clause_begin);
    for (std::string_view density : {"每千人"sv, "每万人"sv, "每百人"sv, "每十万人"sv}) {
      if (per.find(density) != std::string_view::npos && !SaysSpan(per)) return true;
    }
    // 实有经营主体688.3万户: 实有 ("in existence") names a stock whatever the noun; so does
    // 主体 (经营主体1160.5万户, 市场主体): the firms there are, not those added.
    if (!AnyEndsAt(
            text, label_end,
            {"率"sv, "比重"sv, "占比"sv, "比例"sv, "强度"sv, "装机"sv, "装机容量"sv, "产能"sv,
             "保有量"sv, "规模"sv, "总量"sv, "总数"sv, "余额"sv, "里程"sv, "主体"sv,
             // 地方公共财政预算收入7.5亿元: a year's amount stated alone is the last year's; a sum
             // over the span says 累计 (SaysSpan below).
             "收入"sv, "总值"sv, "增加值"sv}) &&
        !ShareOfWholeNamed(text, clause_begin, label_end) &&
        !StartsWithAt(text, clause_begin, "实有") &&
        !InHoldingsList(text, clause_begin, label_end, figures_end)) {
      return BareItemAfterLevel(text, clause_begin, label_end);
    }
  }
  // 新增上市公司48家、总量达122家: an item after a figure of a list has its own words, unless a
  // total heads the list (累计建成…4397万亩、推广…面积超600万亩) and the item names no total.
  if (const size_t joint = text.rfind("、", label_end);
      joint != std::string_view::npos && joint > clause_begin &&
      IsDigit(text[FiguresStart(text, clause_begin, joint)])) {
    const std::string_view head = text.substr(clause_begin, joint - clause_begin);
    if (StartsWithAt(text, joint + 3, "总") || (head.find("累计") == std::string_view::npos &&
                                                head.find("累积") == std::string_view::npos)) {
      clause_begin = joint + 3;
    }
  }
  const std::string_view name = text.substr(clause_begin, label_end - clause_begin);
  // 易地搬迁脱贫劳动力就业率达96.9%, 退役士兵安置率100%, 新建居住区养老设施配建率均达100%: words
  // of work done that name whose rate it is say no flow; words of a total, a change or an average
  // still do (年均增长率).
  if (AnyEndsAt(text, label_end, {"率"sv, "比重"sv, "占比"sv, "比例"sv})) {
    return !SaysSpan(Without(name, {"搬迁"sv, "安置"sv, "转移"sv, "培训"sv, "救助"sv, "整治"sv,
                                    "引进"sv, "培育"sv, "新建"sv, "改造"sv, "治理"sv, "建设"sv}));
  }
  return !SaysSpan(name);
}

// Whether the words from `at` (after 进入) name a ranking's top, 前 or 强 before the clause
// ends (排名前1%, 前1‰, 全国百强): a place held, not a flow in (进入高校).
bool EntersRanking(std::string_view text, size_t at) {
  constexpr size_t kRankingBytes = 36;
  const std::string_view words = text.substr(at, kRankingBytes);
  size_t clause_end = words.size();
  for (std::string_view mark : {"，"sv, "、"sv, "。"sv, "；"sv, ","sv}) {
    clause_end = std::min(clause_end, words.find(mark));
  }
  const std::string_view ranking = words.substr(0, clause_end);
  return ranking.find("前") != std::string_view::npos ||
         ranking.find("强") != std::string_view::npos;
}

// Whether the figure ending at `end` counts things that all reach a state, said right after it
// by their name and 全部达到, 均达标, 全覆盖 … (16条主要支流入黄口全部达到优良水质, 12个盟市空气
// 质量全部达标, 均实现21个地级以上市全覆盖): how many are in that state at the span's end, not a
// total over it. Not 全部完成 (work done over the span), nor after a list or a mark.
bool AllReachStateAfter(std::string_view text, size_t end) {
  constexpr size_t kNameBytes = 12 * 3;
  for (size_t at = end; at < text.size() && at <= end + kNameBytes; at += 3) {
    for (std::string_view state : {"全部达到"sv, "均达到"sv, "全面达到"sv, "全部达标"sv, "均达标"sv,
                                   "全面达标"sv, "全覆盖"sv}) {
      if (StartsWithAt(text, at, state)) return true;
    }
    // 85个学科进入ESI世界学科排名前1%: things in a ranking's top at the span's end.
    if (at > end && StartsWithAt(text, at, "进入")) return EntersRanking(text, at + 6);
    // Han characters only between the figure and the state (no list, mark or figure): their
    // UTF-8 lead bytes run from E4 to E9; 、 and full-width marks lead with E3 or EF.
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    if (lead < 0xE4 || lead > 0xE9) return false;
  }
  return false;
}

// Whether the words [from, to) are only 累计 and a level verb (累计达到, 累计达), which name no
// thing of their own: the thing of the clause before.
bool AddsUpTo(std::string_view text, size_t from, size_t to) {
  if (!StartsWithAt(text, from, "累计")) return false;
  const size_t verb = LevelVerbBefore(text, from, to);
  return verb == from + 6;
}

}  // namespace

// Whether `name` counts what one year holds (年度旅客吞吐量, 年接待游客): 年 of the year's own, not
// of a number of years (五年接待, 3年) or each year (每年), nor an average (年均).
bool NamesYearsOwn(std::string_view name) {
  for (std::string_view word : {"年度"sv, "年旅客"sv, "年吞吐"sv, "年接待"sv}) {
    const size_t at = name.find(word);
    if (at == std::string_view::npos) continue;
    if (at > 0 && IsDigit(name[at - 1])) return false;
    return !AnyEndsAt(name, at,
                      {"一"sv, "二"sv, "两"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv,
                       "九"sv, "十"sv, "每"sv, "多"sv, "近"sv, "几"sv, "数"sv});
  }
  return false;
}

bool StatesLevelReached(std::string_view text, size_t previous_begin, size_t clause_begin,
                        size_t begin, size_t end) {
  // Counts of times (人次) and multiples (倍) are not levels, but for a year's own
  // (昆明长水国际机场年度旅客吞吐量近5000万人次, 年接待游客超过8亿人次): of the year it reached.
  const std::string_view figure = text.substr(begin, end - begin);
  // 跨越3个千亿元台阶: a count of the milestones passed is the span's, as things done are.
  if (figure.ends_with("个") && MilestoneVerbBefore(text, begin) != 0) {
    return false;
  }
  // 全省经营主体超850万户、增长45%: with its growth over the span, the level is the span's
  // figure, as a year's level with its growth is the year's.
  for (std::string_view mark : {"、"sv, "，"sv, ","sv}) {
    if (StartsWithAt(text, end, mark) &&
        AnyStartsAt(text, end + mark.size(), {"增长"sv, "下降"sv, "提高"sv, "减少"sv})) {
      return false;
    }
  }
  if (figure.find("次") != std::string_view::npos || figure.find("倍") != std::string_view::npos) {
    return NamesYearsOwn(text.substr(clause_begin, begin - clause_begin));
  }
  if (ClauseStatesLevel(text, clause_begin, begin)) return true;
  if (AllReachStateAfter(text, end)) return true;
  // 9个学科进入前1‰: the top share a ranking's place is, of the same time as the count.
  if (EndsWithAt(text, begin, "前") &&
      text.substr(clause_begin, begin - clause_begin).find("进入") != std::string_view::npos) {
    return true;
  }
  // 新增百亿县区26个，累计达到46个: the total the things added bring it to, a level, unlike a
  // total of things done (累计完成投资…).
  if (previous_begin < clause_begin && AddsUpTo(text, clause_begin, begin) &&
      text.substr(previous_begin, clause_begin - previous_begin).find("新增") !=
          std::string_view::npos) {
    return true;
  }
  // Whether the clause before, ending at its mark right after its figures, states a level.
  const auto level_before = [&](std::initializer_list<std::string_view> marks) {
    if (previous_begin >= clause_begin) return false;
    size_t previous_end = clause_begin;
    for (std::string_view mark : marks) {
      if (EndsWithAt(text, previous_end, mark)) {
        previous_end -= mark.size();
        break;
      }
    }
    return previous_end != clause_begin && previous_end > previous_begin &&
           IsDigit(text[FiguresStart(text, previous_begin, previous_end)]) &&
           ClauseStatesLevel(text, previous_begin, previous_end);
  };
  // 高中阶段毛入学率达到96.9%，高于全国平均水平4.9个百分点: a gap to a benchmark is of the time of
  // the level it sets against it, stated right before.
  // 机械化率达到95%、高于全国平均水平18.3个百分点: the same after a 、 inside the clause.
  const std::initializer_list<std::string_view> kAgainst = {"高于"sv, "低于"sv, "优于"sv, "超过"sv,
                                                            "超出"sv, "快于"sv, "慢于"sv};
  if (figure.ends_with("个百分点")) {
    if (AnyStartsAt(text, clause_begin, kAgainst)) return level_before({"，"sv, ","sv});
    const size_t joint = text.substr(clause_begin, begin - clause_begin).rfind("、");
    if (joint != std::string_view::npos && joint > 0 &&
        AnyStartsAt(text, clause_begin + joint + 3, kAgainst) &&
        IsDigit(text[FiguresStart(text, clause_begin, clause_begin + joint)])) {
      return ClauseStatesLevel(text, clause_begin, clause_begin + joint);
    }
  }
  // 总面积达到76万亩,产值14.7亿元: a bare name (a few characters, no verb) goes on with a list of
  // levels the clause before began.
  const std::string_view name = text.substr(clause_begin, begin - clause_begin);
  constexpr size_t kNameBytes = 12;
  if (previous_begin >= clause_begin || name.empty() || name.size() > kNameBytes) return false;
  for (size_t at = 0; at < name.size(); at += 3) {
    if (static_cast<unsigned char>(name[at]) < 0xE0) return false;
  }
  if (SaysSpan(name) || LevelVerbBefore(text, clause_begin, begin) != std::string_view::npos) {
    return false;
  }
  return level_before({"，"sv, ","sv});
}

}  // namespace glean::figures
