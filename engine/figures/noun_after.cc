#include "engine/figures/noun_after.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "engine/figures/label_words.h"
#include "engine/figures/text_at.h"

namespace glean::figures {

using namespace std::string_view_literals;

using label_words::CharLength;
using label_words::FrontVerbAt;
using label_words::InnerVerbAt;
using label_words::IsActivityVerb;
using label_words::IsClauseMark;
using label_words::StripLeading;
using label_words::StripTrailing;
using label_words::TrailingWordAt;
using label_words::WithoutQuotes;

bool IsClassifier(std::string_view unit) {
  // Classifiers of things; 亩, 元, 人 and other measures follow the noun they measure
  // (花椒2600余亩黄桃1200余亩).
  static constexpr std::string_view kClassifiers[] = {"个", "户", "名", "家", "所", "座", "条",
                                                      "项", "种", "类", "支", "处", "栋", "台",
                                                      "件", "起", "批", "辆", "套", "间"};
  // Asked several times per figure: a unit of another length is none, and the others are
  // compared inline, not through memcmp.
  static_assert(std::all_of(std::begin(kClassifiers), std::end(kClassifiers),
                            [](std::string_view word) { return word.size() == 3; }));
  if (unit.size() != 3) return false;
  for (std::string_view word : kClassifiers) {
    if (unit[0] == word[0] && unit[1] == word[1] && unit[2] == word[2]) return true;
  }
  return false;
}

std::string ObjectAfter(std::string_view text, size_t at) {
  if (FrontVerbAt(text.substr(at)).empty()) return {};
  return WordsAfter(text, at);
}

std::string WorkPaidFor(std::string_view text, size_t at, std::string words_after,
                        size_t next_begin, size_t next_end) {
  size_t from = at;
  for (std::string_view comma : {","sv, "，"sv}) {
    if (StartsWithAt(text, at, comma)) from = at + comma.size();
  }
  const bool after_comma = from != at;
  // After a comma only a verb's object: the clause may say something else (投资100万元,其中…).
  std::string work = after_comma ? ObjectAfter(text, from) : std::move(words_after);
  if (next_begin == std::string_view::npos || next_begin <= from) return work;
  const std::string_view between = text.substr(from, next_begin - from);
  if (SentenceEndsIn(between) || between.find(',') != std::string_view::npos ||
      between.find("，") != std::string_view::npos) {
    return work;  // the next figure is another clause's
  }
  // 投资130万元铺设了从一分场养殖场到大丰路长4.8公里的水泥路: words too long to be a name stand
  // before a size of the work, whose 的 names it.
  // Not after a 、 (投资近千亿元、全长1.3万公里的…: the size is another item's), nor words cut at a
  // joining word (4公里的水泥|及弹石路建设项目).
  if (work.empty()) {
    if (after_comma || !StartsWithAt(text, next_end, "的") ||
        between.find("、") != std::string_view::npos) {
      return work;
    }
    const size_t noun_begin = next_end + std::string_view("的").size();
    std::string noun = WordsAfter(text, noun_begin);
    return AnyStartsAt(text, noun_begin + noun.size(), {"及"sv, "和"sv, "与"sv, "、"sv})
               ? std::string()
               : noun;
  }
  // 实施了道路交通、综合市场等504项城乡建设重点工程: examples before 等 name the kind after the
  // count.
  if (EndsWithAt(text, next_begin, "等") && between.find("、") != std::string_view::npos) {
    std::string kind = WordsAfter(text, next_end);
    return kind.empty() ? work : kind;
  }
  // 投资107万元,完成中华9.3公里弹石公路: after a comma a figure inside the work's name cuts it;
  // the words before it are a place, the words after it the work (中华弹石公路; 19.2公里的路基改造
  // 项目: past its 的). A figure that ends the work (新增了公共厕所1座) does not. Right after the
  // money the words stand as the words after any figure do.
  if (after_comma) {
    const bool of = StartsWithAt(text, next_end, "的");
    if (std::string done = WordsAfter(text, next_end + (of ? 3 : 0)); !done.empty()) {
      return work + done;
    }
    // With no 的 the words after the figure were just read, and were none; after its 的 they
    // name no work, and words read from the 的 are a place cut from a name.
    if (of && !WordsAfter(text, next_end).empty()) return {};
  }
  return work;
}

std::string SummedKind(std::string_view text, std::string_view figure_text, std::string_view clause,
                       size_t at) {
  static constexpr std::string_view kSmallNumerals[] = {"两", "三", "四", "五", "六",
                                                        "七", "八", "九", "十"};
  // The unit first: most figures are not counted in 个, and then no numeral is compared.
  if (!EndsWithAt(figure_text, figure_text.size(), "个")) return {};
  bool small = false;
  for (std::string_view numeral : kSmallNumerals) small |= StartsWithAt(figure_text, 0, numeral);
  if (!small) return {};
  std::string_view items = clause;
  while (items.ends_with(" ")) items.remove_suffix(1);
  if (items.find("、") == std::string_view::npos && !items.ends_with("”") &&
      !items.ends_with("\"")) {
    return {};
  }
  // The kind is a word of two characters (阶段, 企业, 模块); what follows it is the sentence's.
  if (at + 6 > text.size()) return {};
  const std::string_view kind = text.substr(at, 6);
  if (AnyStartsAt(kind, 0, {"十"sv, "百"sv, "千"sv, "万"sv, "亿"sv}))
    return {};  // 两个万亩: a size
  for (size_t p = 0; p < kind.size(); p += 3) {
    if (CharLength(kind, p) != 3 || IsClauseMark(kind.substr(p, 3)) ||
        StartsWithAt(kind, p, "、") || StartsWithAt(kind, p, "“")) {
      return {};
    }
  }
  return std::string(kind);
}

bool ListClosedByDeng(std::string_view clause) {
  while (clause.ends_with(" ")) clause.remove_suffix(1);
  if (!clause.ends_with("等")) return false;
  clause.remove_suffix(std::string_view("等").size());
  if (clause.empty()) return false;
  for (std::string_view word :
       {"高"sv, "中"sv, "初"sv, "同"sv, "平"sv, "对"sv, "均"sv, "相"sv, "特"sv, "一"sv, "二"sv,
        "三"sv, "头"sv, "优"sv, "上"sv, "下"sv, "次"sv}) {
    if (clause.ends_with(word)) return false;
  }
  return true;
}

std::string KindAfterList(std::string_view text, size_t at) {
  std::string kind = WordsAfter(text, at);
  size_t characters = 0;
  for (size_t p = 0; p < kind.size(); p += CharLength(kind, p)) ++characters;
  // WordsAfter stops at twelve characters; a kind that long may be cut inside a word.
  constexpr size_t kCut = 12;
  if (characters < 2 || characters >= kCut) return {};
  const std::string_view words = kind;
  for (size_t length : {6, 3}) {
    if (words.size() >= length && IsActivityVerb(words.substr(words.size() - length))) return {};
  }
  if (words.ends_with("进行")) return {};
  return kind;
}

bool IsBareSizeMeasure(std::string_view label) {
  // Measures of one thing's size, and of how many things there are or what they can make; not
  // 产量 or 占比, which a clause of their own may name.
  static constexpr std::string_view kSizes[] = {
      "全长", "总长", "总长度", "总里程", "总面积", "总建筑面积", "占地面积", "建筑面积", "总投资",
      "总投资额", "总规模", "总库容", "总装机", "总装机容量",
      // 新增上市公司48家、总量达122家: how many of the things there are; 黄蒿界等6处煤矿、产能
      // 1400万吨/年: what they can make.
      "总量", "总数", "产能", "总产能"};
  // Asked of every figure's label: each measure opens with 全, 总, 占, 建 or 产, which most
  // labels do not.
  constexpr size_t kShortest = 2 * 3, kLongest = 5 * 3;
  if (label.size() < kShortest || label.size() > kLongest ||
      !AnyStartsAt(label, 0, {"总"sv, "全"sv, "占"sv, "建"sv, "产"sv})) {
    return false;
  }
  return std::find(std::begin(kSizes), std::end(kSizes), label) != std::end(kSizes);
}

std::string MeasureOfNounAfter(std::string_view text, std::string_view label, size_t at) {
  if (!IsBareSizeMeasure(label) || !StartsWithAt(text, at, "的")) return {};
  size_t noun_begin = at + std::string_view("的").size();
  // 总投资2万亿元的389个省重点项目: a count of the things before their noun.
  if (noun_begin < text.size() && IsDigit(text[noun_begin])) {
    size_t past = noun_begin;
    while (past < text.size() && (IsDigit(text[past]) || text[past] == '.')) ++past;
    for (std::string_view classifier : {"个"sv, "项"sv, "座"sv, "条"sv, "处"sv}) {
      if (StartsWithAt(text, past, classifier)) {
        noun_begin = past + classifier.size();
        break;
      }
    }
  }
  const std::string words = WordsAfter(text, noun_begin);
  // 总投资近2000亿元的格尔木东、海南清洁能源基地: a list cut at its first item names part of it.
  if (StartsWithAt(text, noun_begin + words.size(), "、")) return {};
  // The noun runs to the last word of a thing that has a size (a road, a works, a site), and the
  // words after it say what became of it (三个一号旅游公路|全线贯通: not 线 alone, which 全线
  // holds). Words with no such thing are cut inside a name
  // (总规模1000亿元的省战略性新兴产业|投资基金) and name none.
  static constexpr std::string_view kThings[] = {"路",   "线路", "道",   "桥",   "项目", "工程",
                                                 "基地", "园区", "厂",   "站",   "库",   "渠",
                                                 "管网", "广场", "公园", "中心", "小区"};
  size_t end = 0;
  for (std::string_view thing : kThings) {
    if (const size_t found = words.rfind(thing); found != std::string::npos) {
      end = std::max(end, found + thing.size());
    }
  }
  if (end < 2 * std::string_view("路").size()) return {};
  return words.substr(0, end) + std::string(label);
}

namespace {

// Whether a word of how often begins at `p` (每天, 每日, 每周, 每月, 每年): it ends the noun before
// it (69个普通卡点每天出动480余人).
bool HowOftenAt(std::string_view text, size_t p) {
  return StartsWithAt(text, p, "每") &&
         AnyStartsAt(text, p + 3, {"天"sv, "日"sv, "周"sv, "月"sv, "年"sv});
}

}  // namespace

std::string ChainedNoun(std::string_view text, std::string_view unit, size_t from, size_t to) {
  const bool classifier = IsClassifier(unit);
  constexpr size_t kLongest = 10 * 3;
  // 次 after the classifier is the rest of its unit (批次, 台次).
  if (!classifier || to <= from || to - from > kLongest || StartsWithAt(text, from, "次"))
    return {};
  const std::string_view words = text.substr(from, to - from);
  // 250个社区健身路径或3个篮球场: a noun ends at no joining word; the next count has its own.
  if (words.ends_with("或") || words.ends_with("与")) return {};
  for (size_t p = 0; p < words.size(); p += 3) {
    if (CharLength(words, p) != 3 || IsClauseMark(words.substr(p, 3)) ||
        StartsWithAt(words, p, "、") || StartsWithAt(words, p, "的") ||
        !FrontVerbAt(words.substr(p)).empty() || !InnerVerbAt(words.substr(p)).empty() ||
        !TrailingWordAt(words.substr(p)).empty() || HowOftenAt(words, p)) {
      return {};
    }
  }
  return WithoutQuotes(words);
}

namespace {

// Whether only blanks are left of the line from `at`, as a PDF leaves at a line's end, and one
// is there: they end the line's last clause as its end does.
bool BlanksToLineEnd(std::string_view text, size_t at) {
  if (at >= text.size() || (text[at] != ' ' && text[at] != '\t')) return false;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at == text.size() || text[at] == '\n';
}

}  // namespace

namespace {

// Whether an adverb at `p` ends the noun after a figure (社戒社康人员定期尿检, 重点产业链全面起势,
// 在建铁路项目加快建设, 高速公路相继开通, 普通卡点每天出动); not the 现场 of 现场会, a noun.
bool AdverbEndsNounAt(std::string_view text, size_t p) {
  // Asked at every character of a noun: one filter lookup rules out most.
  static constexpr CharFilter kFirsts = {"定", "实", "现", "正", "全", "已", "率", "初", "予",
                                         "获", "进", "参", "目", "加", "相", "每", "被", "顺",
                                         "基", "如", "落", "提", "扎", "稳", "有", "开"};
  if (HowOftenAt(text, p)) return true;
  if (p + 3 > text.size() || static_cast<unsigned char>(text[p]) < 0xE0 ||
      !kFirsts.MayStart(text, p)) {
    return false;
  }
  // 7家国家区域医疗中心基本建成: 基本 before a verb says how far the work went; 基本 of a noun
  // (基本医疗保险) goes on with no verb.
  if (StartsWithAt(text, p, "基本")) return !FrontVerbAt(text.substr(p + 6)).empty();
  // 16条经验被国家发展改革委集中推广: the passive's 被 ends what is counted; the agent after it
  // is no part of it. Not the 被 of a noun (被征地农民, 被执行人, 被告), nor of an honour, which
  // the label keeps for the rules of honoured places (13个县被命名为…: 县被命名).
  if (StartsWithAt(text, p, "被")) {
    return !AnyStartsAt(text, p + 3,
                        {"征"sv,   "执行"sv, "告"sv,   "害"sv,   "褥"sv,   "子"sv,     "动"sv,
                         "保险"sv, "监护"sv, "帮扶"sv, "救助"sv, "侵权"sv, "申请人"sv, "调查"sv,
                         "命名"sv, "评为"sv, "认定"sv, "列为"sv, "授予"sv, "评选"sv,   "确定"sv});
  }
  return AnyStartsAt(
             text, p,
             {"定期"sv, "实地"sv, "现场"sv, "正在"sv, "全部"sv, "全面"sv, "已经"sv, "率先"sv,
              "初见"sv, "予以"sv, "获评"sv, "获全国"sv, "获国家"sv, "进入"sv, "参照"sv, "目前"sv,
              "加快"sv, "相继"sv,
              // 2万吨高质碳酸锂项目顺利投产.
              "顺利"sv,
              // 10万套“保交楼”任务如期完成, 355项“川渝通办”事项落地见效, 4个…冷链物流基地提质
              // 升级, 56个…项目扎实推进: how the work went, not what is counted.
              "如期"sv, "落地见效"sv, "落地落实"sv, "提质"sv, "扎实"sv, "稳步"sv, "有序"sv,
              // 6个国家区域医疗中心开诊运营, 23项经验做法获全国推广.
              "开诊运营"sv}) &&
         !StartsWithAt(text, p, "现场会");
}

// The end of a run of numerals from `at` (ASCII digits, 一 … 十, 百, 千, 万; not the 千 of 千伏),
// or `at` when none is there.
size_t NumeralsEnd(std::string_view text, size_t at) {
  static constexpr CharFilter kNumerals = {"一", "二", "两", "三", "四", "五", "六",
                                           "七", "八", "九", "十", "百", "千", "万"};
  size_t p = at;
  while (p < text.size()) {
    if (IsDigit(text[p])) {
      ++p;
    } else if (!StartsWithAt(text, p, "千伏") && static_cast<unsigned char>(text[p]) >= 0xE0 &&
               kNumerals.MayStart(text, p) &&
               AnyStartsAt(text, p,
                           {"一"sv, "二"sv, "两"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv,
                            "九"sv, "十"sv, "百"sv, "千"sv, "万"sv})) {
      p += 3;
    } else {
      break;
    }
  }
  return p;
}

// The end of a duration that begins the noun after a count (43个24小时执勤卡点, 3个7×24小时自助
// 服务点, 100个“15分钟高品质生活服务圈”), or `at` when none does: the reader finds no figure in a
// duration, and it qualifies the noun rather than ending it.
size_t DurationEnd(std::string_view text, size_t at) {
  size_t p = NumeralsEnd(text, at);
  if (p == at) return at;
  // 7×24小时: round the clock, every day.
  for (std::string_view times : {"×"sv, "*"sv, "x"sv}) {
    if (StartsWithAt(text, p, times) && NumeralsEnd(text, p + times.size()) > p + times.size()) {
      p = NumeralsEnd(text, p + times.size());
      break;
    }
  }
  for (std::string_view unit : {"小时"sv, "分钟"sv, "天"sv}) {
    if (StartsWithAt(text, p, unit)) return p + unit.size();
  }
  return at;
}

// Whether a number (digits or a numeral) begins within four characters of `at`, before a mark.
bool NumberSoonAfter(std::string_view text, size_t at) {
  constexpr size_t kReach = 4 * 3;
  for (size_t p = at; p < text.size() && p <= at + kReach; p += CharLength(text, p)) {
    if (IsDigit(text[p]) || NumeralsEnd(text, p) != p) return true;
    if (CharLength(text, p) == 3 &&
        (IsClauseMark(text.substr(p, 3)) || StartsWithAt(text, p, "、")))
      return false;
  }
  return false;
}

// Whether the noun ending at `at` is followed by three characters of words (a verb and its
// object: 到县党校, 和智能体), not a mark, a quote, a digit or the line's end: a list of nouns that
// acts, not one cut at the clause's end or closed by a work done on it (通道建设，).
bool NounEndsAtWord(std::string_view text, size_t at) {
  // 6名能力强、业务水平高的同志: the list qualifies a noun after 的, and is no noun itself.
  if (StartsWithAt(text, at, "的")) return false;
  for (size_t p = at; p < at + 3 * 3; p += 3) {
    if (p + 3 > text.size() || CharLength(text, p) != 3) return false;
    const std::string_view character = text.substr(p, 3);
    if (IsClauseMark(character) || character == "、" || character == "“" || character == "”")
      return false;
  }
  return true;
}

// The end of a number at `at` that names the kind of the noun after it rather than counting it
// (3人制篮球场, 5A级景区, 500千伏变电站: past the number and its word), or `at`. The figures
// stage reads no figure there either (IsWordNotFigure).
size_t KindNumberEnd(std::string_view text, size_t at) {
  size_t p = at;
  while (p < text.size() && IsDigit(text[p])) ++p;
  if (p == at) return at;
  if (StartsWithAt(text, p, "人制")) return p + std::string_view("人制").size();
  if (StartsWithAt(text, p, "A级")) return p + std::string_view("A级").size();
  for (std::string_view word : {"级"sv, "千伏"sv}) {
    if (StartsWithAt(text, p, word)) return p + word.size();
  }
  return at;
}

// Past an amount that qualifies the noun after a figure rather than counting it
// (1名35岁左右大专以上学历干部, 5个百亩以上油茶庄园): a number, an age or area unit, and a bound.
size_t PastQualifyingAmount(std::string_view text, size_t at) {
  size_t p = NumeralsEnd(text, at);
  if (p == at) return at;
  // 20个500千伏输变电工程, 22个750千伏和330千伏电网工程: a rating names the kind, with no bound.
  if (StartsWithAt(text, p, "千伏")) {
    p += std::string_view("千伏").size();
    if (AnyStartsAt(text, p, {"和"sv, "、"sv, "及"sv})) {
      if (const size_t next = PastQualifyingAmount(text, p + 3); next != p + 3) return next;
    }
    return p;
  }
  // 2个1类创新药: a drug's registration class names the kind.
  if (StartsWithAt(text, p, "类") &&
      AnyStartsAt(text, p + std::string_view("类").size(), {"创新药"sv, "新药"sv, "医疗器械"sv})) {
    return p + std::string_view("类").size();
  }
  for (std::string_view unit : {"岁"sv, "亩"sv, "平方米"sv}) {
    if (!StartsWithAt(text, p, unit)) continue;
    for (std::string_view bound : {"及以上"sv, "以上"sv, "以下"sv, "左右"sv}) {
      if (StartsWithAt(text, p + unit.size(), bound)) return p + unit.size() + bound.size();
    }
  }
  return at;
}

// Puts the rating the noun after a figure skipped (PastQualifyingAmount, from `begin` to `end`)
// back before it: 20个500千伏输变电工程 counts 500千伏输变电工程, the kind the rating names (so
// 1类创新药). An empty noun stays empty. Asked only when an amount was skipped.
void PutRatingBack(std::string_view text, size_t begin, size_t end, std::string* noun) {
  if (noun->empty() || !AnyEndsAt(text, end, {"千伏"sv, "类"sv})) return;
  noun->insert(0, text.substr(begin, end - begin));
}

// Whether a head noun that a verb may qualify (户, 基地, 项目 …) follows `at` within
// `characters_at_most` characters of one word: no mark, digit or blank between.
// Where the head noun ends, or 0 when none follows.
size_t HeadNounWithin(std::string_view text, size_t at, size_t characters_at_most = 5) {
  static constexpr std::string_view kHeads[] = {"户", "场", "厂", "基地", "项目", "工程", "园区"};
  for (size_t p = at, characters = 0; p < text.size() && characters < characters_at_most;
       ++characters) {
    if (static_cast<unsigned char>(text[p]) < 0xE0 && text[p] != ' ') return 0;
    if (text[p] == ' ') {
      ++p;
      continue;
    }
    for (std::string_view head : kHeads) {
      if (StartsWithAt(text, p, head)) return p + head.size();
    }
    if (IsClauseMark(text.substr(p, 3)) || StartsWithAt(text, p, "、")) return 0;
    p += CharLength(text, p);
  }
  return 0;
}

}  // namespace

bool NamesPolicyAim(std::string_view clause, std::string_view label, std::string_view noun) {
  // 措施, 举措, 政策措施, and a kind of them in two characters more (升级举措, 提升举措, 十条政策);
  // the actions or works of a campaign the clause names in quotation marks (开展“生态环境保护
  // 治理攻坚年”九项行动).
  constexpr size_t kLongestNoun = 4 * 3;
  const bool measures = noun.ends_with("措施") || noun.ends_with("举措") || noun.ends_with("政策");
  const bool quoted = clause.ends_with("”") || clause.ends_with("\"");
  const bool campaign = quoted && (noun.ends_with("行动") || noun.ends_with("工程"));
  if (noun.size() > kLongestNoun || !(measures || campaign) || label.size() > 16 * 3 ||
      !IsHanOnly(label)) {
    return false;
  }
  // 推进“放管服”改革20项举措: the label reads the name without its quotation marks (a clause
  // with none reads the same either way).
  return clause.ends_with(label) || WithoutQuotes(clause).ends_with(label);
}

std::string ListChosenFor(std::string_view text, size_t at, std::string_view label) {
  const size_t verb = at + label.size();
  // Asked of every figure: the verb's place first, then the label before it.
  if (label.empty() || !StartsWithAt(text, verb, "入选") || !StartsWithAt(text, at, label)) {
    return {};
  }
  const size_t from = verb + std::string_view("入选").size();
  // A name of up to sixteen characters and its quotation marks: the walk stops a little past it.
  constexpr size_t kShortest = 2 * 3, kLongest = 16 * 3, kWalk = kLongest + 4 * 3;
  size_t to = from;
  while (to < text.size() && to - from <= kWalk &&
         !IsClauseMark(text.substr(to, CharLength(text, to))) && !StartsWithAt(text, to, "、")) {
    to += CharLength(text, to);
  }
  std::string list = WithoutQuotes(text.substr(from, to - from));
  // 品种入选国家农作物优良品种: a list named by the things' own kind adds nothing.
  if (list.size() < kShortest || list.size() > kLongest || !IsHanOnly(list) ||
      list.ends_with(label)) {
    return {};
  }
  return list;
}

std::string NounToClauseEnd(std::string_view text, std::string_view unit, size_t at) {
  // A list of two nouns may take a few more characters (中试平台、概念验证中心); ChainedNoun
  // holds each noun to ten.
  constexpr size_t kLongest = 12 * 3;
  const size_t rating_begin = at;
  at = PastQualifyingAmount(text, at);
  // The text's end ends a clause too (a rule's example, a title).
  for (size_t p = at; p <= text.size() && p <= at + kLongest;) {
    const bool text_end = p == text.size();
    const size_t length = text_end ? 0 : CharLength(text, p);
    // 13条重点产业链全面起势, 100项“两重”项目加快实施: an adverb of manner ends the noun as the
    // clause's end does. Not those of how far (住房全部交付, whose verb names the count) nor 获评
    // (城市获评全国文明城市, whose honour names the kind).
    static constexpr CharFilter kAdverbFirsts = {"全", "加", "相"};
    const bool adverb = p > at && length == 3 && kAdverbFirsts.MayStart(text, p) &&
                        AnyStartsAt(text, p, {"全面"sv, "加快"sv, "相继"sv});
    if (text_end || adverb || IsClauseMark(text.substr(p, length)) || BlanksToLineEnd(text, p)) {
      // Two characters at least, not the rest of a unit (1500台次, 100万批次农产品快检), and no
      // conjunction (与排水暗沟).
      if (p < at + 6 || StartsWithAt(text, at, "与")) return {};
      // 新建200个智能车间、智能工厂, 建设10家以上中试平台、概念验证中心: nouns of two characters
      // or more listed to the clause's end are what the count counts together.
      std::string names;
      for (size_t item = at;;) {
        const size_t joint = text.substr(item, p - item).find("、");
        const size_t item_end = joint == std::string_view::npos ? p : item + joint;
        std::string noun =
            item_end < item + 6 ? std::string() : ChainedNoun(text, unit, item, item_end);
        if (noun.empty()) return {};
        if (!names.empty()) names += "、";
        names += noun;
        if (joint == std::string_view::npos) {
          if (at != rating_begin) PutRatingBack(text, rating_begin, at, &names);
          return names;
        }
        item = item_end + std::string_view("、").size();
      }
    }
    p += length;
  }
  return {};
}

namespace {

// Whether the joining word at `p` (共, 为, 和) is a character of a longer word there: 公共, 共性,
// 共同体, 华为, 作为, 成为, 行为, 和美, 和谐 (not the verbs 共享, 共建, which end the noun).
bool InsideWord(std::string_view text, size_t p, std::string_view joint) {
  if (joint == "共") {
    return EndsWithAt(text, p, "公") || AnyStartsAt(text, p + 3, {"性"sv, "同"sv});
  }
  if (joint == "为") return AnyEndsAt(text, p, {"华"sv, "作"sv, "成"sv, "行"sv, "认"sv, "因"sv});
  if (joint == "和") return label_words::OpensWithWordOfHe(text.substr(p));
  return false;
}

}  // namespace

std::string WordsAfter(std::string_view text, size_t at) {
  size_t p = at;
  int characters = 0;
  // 基本完成结对联户: past an adverb of how far a work went.
  for (std::string_view adverb : {"基本"sv, "全部"sv, "已经"sv, "已"sv}) {
    if (StartsWithAt(text, p, adverb) && !FrontVerbAt(text.substr(p + adverb.size())).empty()) {
      p += adverb.size();
      break;
    }
  }
  // 带动180余户种植艾叶: past a verb, to what it acts on; not one that names a kind of the noun
  // after it (300亩种植大户).
  if (const std::string_view verb = FrontVerbAt(text.substr(p));
      !verb.empty() && HeadNounWithin(text, p + verb.size(), 2) == 0) {
    p += verb.size();
    // 投资37万元建成了镇汽车站: the verb's 了 says it is done.
    if (StartsWithAt(text, p, "了")) p += std::string_view("了").size();
  }
  // 44条(座)河流库坝: a bracket right after the unit belongs to it.
  if (p < text.size() && (text[p] == '(' || StartsWithAt(text, p, "（"))) {
    const std::string_view close = text[p] == '(' ? ")" : "）";
    if (const size_t closing = text.substr(p, 16).find(close); closing != std::string_view::npos) {
      p += closing + close.size();
    }
  }
  const size_t rating_begin = p;
  p = PastQualifyingAmount(text, p);
  const size_t rating_end = p;
  // 150家以上华为云生态企业: the bound of the figure, not the noun.
  static constexpr std::string_view kBounds[] = {"以上", "以下", "以内", "左右"};
  for (std::string_view bound : kBounds) {
    if (StartsWithAt(text, p, bound)) {
      p += bound.size();
      break;
    }
  }
  const size_t first = p;
  const auto is_mark = [](std::string_view character) {
    return IsClauseMark(character) || character == "、";
  };
  const auto verb_at = [&](size_t q) {
    std::string_view verb = FrontVerbAt(text.substr(q));
    if (verb.empty()) verb = InnerVerbAt(text.substr(q));
    return verb;
  };
  size_t joint = std::string_view::npos;  // where a second noun after 、 was taken on
  while (p < text.size() && characters < 12) {
    // A short bracketed part belongs to the noun: 村（居）民小组, 村(社区).
    if (text[p] == '(' || StartsWithAt(text, p, "（")) {
      const std::string_view close = text[p] == '(' ? ")" : "）";
      const size_t closing = text.substr(p, 16).find(close);
      if (closing == std::string_view::npos) break;
      p += closing + close.size();
      continue;
    }
    // Quotation marks are passed over (打造10个“数字领航”企业), and dropped below; so is a PDF's
    // space between two words (产学 研基地).
    if (text[p] == '"' || (text[p] == ' ' && p > first && p + 1 < text.size() &&
                           static_cast<unsigned char>(text[p + 1]) >= 0xE0)) {
      ++p;
      continue;
    }
    // 43个24小时执勤卡点: a duration before the noun's first word belongs to it, and does not
    // count against the noun's length.
    if (characters == 0) {
      if (const size_t duration_end = DurationEnd(text, p); duration_end != p) {
        p = duration_end;
        continue;
      }
    }
    const size_t length = CharLength(text, p);
    if (length != 3) {
      // 250个社区健身路径或3人制篮球场: a number that names a kind (a team's size, a grade, a
      // rating) after 或 or 与 joins the second noun to the first; any other number is a figure
      // of its own, and the joining word is none of the noun's.
      if (IsDigit(text[p]) && p >= first + 3 && AnyEndsAt(text, p, {"或"sv, "与"sv})) {
        if (const size_t kind = KindNumberEnd(text, p); kind != p) {
          p = kind;
          continue;
        }
        p -= std::string_view("或").size();
      }
      break;  // digits, punctuation of ASCII
    }
    const std::string_view character = text.substr(p, length);
    // Adverbs end the noun: 590个脱贫家庭学生都能够, 河流库坝均配有, 社戒社康人员定期尿检.
    if (character == "、") {
      if (p + 3 < text.size() && CharLength(text, p + 3) == 3 && !is_mark(text.substr(p + 3, 3))) {
        // One character before 、 is not a noun of its own but the first of a pair: 18个村、居委会.
        if (p == first + 3 &&
            !AnyStartsAt(text, p + 3,
                         {"一"sv, "二"sv, "两"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv,
                          "九"sv, "十"sv, "百"sv, "千"sv, "万"sv})) {
          p += length;
          continue;
        }
        // 派出60余名村(场)书记、主任到县党校: a second noun after 、 is counted with the first; not
        // an item with a count of its own (3个村、5个社区) or a verb (建成3个X、改造Y).
        if (joint == std::string_view::npos && p > first && NumeralsEnd(text, p + 3) == p + 3 &&
            verb_at(p + 3).empty()) {
          joint = p;
          p += length;
          ++characters;
          continue;
        }
      }
      break;
    }
    if (is_mark(character) || character == "都" || character == "均") break;
    if (AdverbEndsNounAt(text, p)) break;
    if (character == "“" || character == "”") {
      p += length;
      continue;
    }
    if (p > at) {
      if (const std::string_view verb = verb_at(p); !verb.empty()) {
        // An activity closing the clause is a noun (升级改造, 线下培训); a verb with words after
        // it acts (大模型通过国家备案), as does 建设 closing one (省级中心村建设).
        const size_t after = p + verb.size();
        // A verb that qualifies a head noun after it names a kind (畜禽养殖户, 维修清淤项目,
        // 种植产学研基地).
        if (const size_t head_end = HeadNounWithin(text, after); head_end != 0) {
          p = head_end;  // the head ends the noun: 土地综合整治项目扎实推进
          break;
        }
        if (!IsActivityVerb(verb) || (after < text.size() && CharLength(text, after) == 3 &&
                                      !is_mark(text.substr(after, 3)))) {
          break;
        }
        p = after;
        break;
      }
      // 改建太平桥等4座桥梁: the names before 等 are examples, and the count and the noun
      // after it say what the object is; the label runs on to that noun.
      if (StartsWithAt(text, p, "等")) {
        if (const size_t numerals_end = NumeralsEnd(text, p + 3);
            numerals_end != p + 3 && numerals_end + 6 <= text.size() &&
            CharLength(text, numerals_end) == 3 && CharLength(text, numerals_end + 3) == 3 &&
            !is_mark(text.substr(numerals_end, 3)) && !is_mark(text.substr(numerals_end + 3, 3))) {
          p = numerals_end + 3;  // past the classifier
          continue;
        }
      }
      // 新型公共文化空间, 高频共性难题, 华为云生态企业: a one-character joining word that ends a
      // word begun before it (公共, 华为) or begins one (共性, 医共体, 共同体) is inside the noun.
      if (const std::string_view joint = TrailingWordAt(text.substr(p));
          !joint.empty() && !InsideWord(text, p, joint) &&
          !(joint == "共" && AnyStartsAt(text, p + joint.size(), {"体"sv, "同"sv}))) {
        break;
      }
    }
    p += length;
    ++characters;
  }
  // 实施21个薄弱电网县域可靠性提升项目: a noun cut at its length inside its head word (提升项)
  // takes the head's last character.
  if (characters >= 12 && p >= first + 3) {
    for (std::string_view head : {"项目"sv, "工程"sv, "基地"sv, "园区"sv, "中心"sv, "企业"sv,
                                  "平台"sv, "设施"sv, "机构"sv, "部门"sv}) {
      if (StartsWithAt(text, p - 3, head)) {
        p += 3;
        break;
      }
    }
  }
  // The second noun is another item's when a number follows it within a word or two
  // (党员3000人次, 村庄绿化率达到50%), or when it runs to the noun's length.
  if (joint != std::string_view::npos && (characters >= 12 || p < joint + 3 * 3 ||
                                          !NounEndsAtWord(text, p) || NumberSoonAfter(text, p))) {
    p = joint;
  }
  // 57个县(市)生产总值近3年年均增速快于全省: a figure's approximation is none of the noun.
  if (p < text.size() && IsDigit(text[p])) {
    for (std::string_view approx : {"将近"sv, "接近"sv, "超过"sv, "近"sv, "超"sv, "逾"sv}) {
      if (p >= first + approx.size() + 3 && EndsWithAt(text, p, approx)) {
        p -= approx.size();
        break;
      }
    }
  }
  std::string_view words = text.substr(first, p - first);
  while (StripLeading(&words) || StripTrailing(&words)) {
  }
  std::string noun = WithoutQuotes(words);
  if (rating_end != rating_begin) PutRatingBack(text, rating_begin, rating_end, &noun);
  return noun;
}

bool RankAfter(std::string_view text, size_t at) {
  constexpr size_t kReach = 8 * 3;  // 的唯一省份 and a few words before it
  for (size_t p = at; p < text.size() && p <= at + kReach; ++p) {
    if (AnyStartsAt(text, p, {"，"sv, "。"sv, "；"sv, ","sv, ";"sv, "\n"sv})) return false;
    if (AnyStartsAt(text, p, {"的唯一"sv, "的首个"sv, "的第一个"sv})) return true;
  }
  return false;
}

}  // namespace glean::figures
