#include "engine/figures/reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "engine/figures/text_at.h"
#include "engine/source/utf8.h"
#include "engine/values/plain_figure.h"
#include "engine/values/unit_table.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

// Characters a Chinese number may begin with. 万 and 亿 only go on one (万亩 is not a figure,
// 百万 and 千万 are).
constexpr CharSet kStartChars = {"零", "〇", "○",  "一", "二", "两", "三", "四", "五", "六",
                                 "七", "八", "九", "十", "百", "千", "壹", "贰", "叁", "肆",
                                 "伍", "陆", "柒", "捌", "玖", "拾", "廿", "卅"};
static_assert(kStartChars.exact());
// Characters a Chinese number may go on with.
constexpr CharSet kNumeralChars = {"零", "〇", "○",  "一", "二", "两", "三", "四", "五", "六", "七",
                                   "八", "九", "十", "百", "千", "万", "亿", "壹", "贰", "叁", "肆",
                                   "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟", "廿", "卅"};
static_assert(kNumeralChars.exact());

// Units figures read beyond the value library's table, longest first where one starts another.
constexpr std::string_view kExtraUnits[] = {
    "个百分点", "百分点", "千瓦时", "千瓦", "兆瓦", "美元", "港元", "欧元", "标准箱",
    // 标准箱 as the genre shortens it: without it 港口集装箱吞吐量达8097万标箱 is no figure and the
    // label of the change after it (、增长4.5%) runs back over it.
    "标箱", "倍", "艘", "架", "列", "种", "枚", "尾", "例", "桌", "篇", "类",
    // A concentration: without it 27微克/立方米 is no figure and the label of the change after
    // it (细颗粒物年均浓度27微克/立方米、下降11.5%) runs back over it.
    "微克/立方米", "毫克/立方米", "微克每立方米"};

size_t CharLength(std::string_view text, size_t at) {
  return source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
}

// Inline, a byte at a time: a call to memcmp would cost more than these few bytes.
bool StartsWith(std::string_view text, size_t at, std::string_view word) {
  return StartsWithAt(text, at, word);
}

bool IsNumeralCharAt(std::string_view text, size_t at) {
  if (at >= text.size()) return false;
  if (IsDigit(text[at])) return true;
  return kNumeralChars.HoldsAt(text, at);
}

// A unit of either table at `at`.
bool AnyUnitAt(std::string_view text, size_t at) {
  const std::string_view rest = text.substr(at);
  return !ExtraUnitAt(rest).empty() || values::UnitAt(rest) != nullptr;
}

// The length of a range's separator at `at` (3-5, 3~5, 3—5, 3至5, 3到5), or 0.
size_t RangeSeparatorAt(std::string_view text, size_t at) {
  if (at < text.size() && (text[at] == '-' || text[at] == '~')) return 1;
  if (StartsWith(text, at, "—") || StartsWith(text, at, "至") || StartsWith(text, at, "到"))
    return 3;
  return 0;
}

// The end of the number starting at `at`: digits with inner commas and points, Chinese numerals,
// 余/多 and a magnitude after them, and a range's second number (3-5, 3至5). Sets `*chinese` when
// no ASCII digit is in it.
size_t NumberEnd(std::string_view text, size_t at, bool* chinese) {
  size_t p = at;
  bool any = false, digits = false;
  for (int ends = 0; ends < 2; ++ends) {
    while (p < text.size()) {
      const char c = text[p];
      if (IsDigit(c)) {
        ++p;
        any = digits = true;
        continue;
      }
      if ((c == '.' || c == ',') && any && p + 1 < text.size() && IsDigit(text[p + 1]) &&
          IsDigit(text[p - 1])) {
        ++p;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0xE0) break;
      // Most numbers end at a unit: one filter lookup says so before the key is searched for.
      static constexpr CharFilter kGoesOn = {"零", "〇", "○",  "一", "二", "两", "三", "四", "五",
                                             "六", "七", "八", "九", "十", "百", "千", "万", "亿",
                                             "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
                                             "拾", "佰", "仟", "廿", "卅", "余", "多"};
      if (!kGoesOn.MayStart(text, p)) break;
      if (kNumeralChars.HoldsAt(text, p)) {
        // 千米, 千克, 千瓦 are units after a number, not 千 × 米.
        if (any && AnyUnitAt(text, p)) break;
        p += 3;
        any = true;
        continue;
      }
      if (any && (StartsWithAt(text, p, "余") || StartsWithAt(text, p, "多"))) {
        p += 3;
        continue;
      }
      break;
    }
    if (ends == 1 || !any) break;
    // A range: 3-5个, 3~5个, 3至5个, 3到5个.
    const size_t separator = RangeSeparatorAt(text, p);
    if (separator == 0 || !IsNumeralCharAt(text, p + separator)) break;
    p += separator;
  }
  *chinese = any && !digits;
  return p;
}

constexpr std::pair<std::string_view, Approx> kPrefixes[] = {
    {"大约", Approx::kAbout}, {"将近", Approx::kLess}, {"接近", Approx::kLess},
    {"超过", Approx::kMore},  {"不到", Approx::kLess}, {"不足", Approx::kLess},
    {"约", Approx::kAbout},   {"近", Approx::kLess},   {"超", Approx::kMore},
    {"逾", Approx::kMore},
};

// What a prefix of kPrefixes says (kExact for none), as the value library reads it.
Approx ApproxOfPrefix(std::string_view prefix) {
  for (const auto& [word, approx] : kPrefixes) {
    if (prefix == word) return approx;
  }
  return Approx::kExact;
}

// Bounds the value library reads as no approximation: 突破3万亿元 is more than 3 万亿元, 不低于95%
// at least 95 %; so is a milestone passed or stepped onto (跨越5000亿元大关, 迈上4000亿元台阶), but
// not a count of milestones (跨越3个千亿元台阶), in 个. They stay outside the figure's text, as 约
// and 以上 do.
Approx BoundBefore(std::string_view text, size_t at, std::string_view unit) {
  if (at < 6 || static_cast<unsigned char>(text[at - 3]) < 0xE0) return Approx::kExact;
  for (const auto& [word, approx] : {
           std::pair<std::string_view, Approx>{"突破", Approx::kMore},
           {"不低于", Approx::kMore},
           {"不少于", Approx::kMore},
           {"至少", Approx::kMore},
           {"不高于", Approx::kLess},
       }) {
    if (EndsWithAt(text, at, word)) return approx;
  }
  return unit != "个" && MilestoneVerbBefore(text, at) != 0 ? Approx::kMore : Approx::kExact;
}

constexpr std::string_view kSuffixes[] = {"以上", "以下", "以内", "左右", "上下"};

// Where an approximation word ending at `at` begins, or `at` when none does.
size_t PrefixBegin(std::string_view text, size_t at) {
  static constexpr CharFilter kLasts = {"约", "近", "过", "到", "足", "超", "逾"};
  if (at < 3 || static_cast<unsigned char>(text[at - 3]) < 0xE0 || !kLasts.MayStart(text, at - 3)) {
    return at;
  }
  for (const auto& [word, approx] : kPrefixes) {
    if (EndsWithAt(text, at, word)) {
      return at - word.size();
    }
  }
  return at;
}

size_t SuffixEnd(std::string_view text, size_t at) {
  for (std::string_view word : kSuffixes) {
    if (StartsWith(text, at, word)) return at + word.size();
  }
  return at;
}

// Whether the text at `at`, after a number, starts with nothing the value parser would read on
// with (a numeral, 余, 多, a range's separator), as values::PlainQuantity requires.
bool PlainAfter(std::string_view text, size_t at) {
  return !IsNumeralCharAt(text, at) && RangeSeparatorAt(text, at) == 0 &&
         !StartsWith(text, at, "余") && !StartsWith(text, at, "多");
}

// What a suffix of kSuffixes (or none) says, as the value library reads it.
Approx ApproxOfSuffix(std::string_view suffix) {
  if (suffix == "以上") return Approx::kMore;
  if (suffix == "以下" || suffix == "以内") return Approx::kLess;
  if (suffix == "左右" || suffix == "上下") return Approx::kAbout;
  return Approx::kExact;
}

// Whether the money figure starting at `at` is an amount a month: right after 每月
// (每人每月1536元), the level a pair moves such an amount to (从每人每月1536元提高到1567元), whose
// 每月 stands after the pair's 从 or 由 a few characters back, or joined by 、 or 和 to such a
// figure (每月815元和615元, 分别从每人每月209元、280元提高到217元、290元).
bool MonthlyBefore(std::string_view text, size_t at, int joined = 0) {
  if (at < 6) return false;
  if (EndsWithAt(text, at, "每月")) return true;
  for (std::string_view joint : {"、"sv, "和"sv}) {
    if (joined >= 8 || !EndsWithAt(text, at, joint) || !EndsWithAt(text, at - 3, "元")) continue;
    const size_t figure = DecimalStart(text, at - 6);
    return figure < at - 6 && MonthlyBefore(text, figure, joined + 1);
  }
  if (!EndsWithAt(text, at, "到") && !EndsWithAt(text, at, "至")) return false;
  constexpr size_t kPairBytes = 48;
  const size_t from = at > kPairBytes ? at - kPairBytes : 0;
  const std::string_view before = text.substr(from, at - from);
  const size_t monthly = before.rfind("每月");
  if (monthly == std::string_view::npos || monthly + 6 >= before.size() ||
      !IsDigit(before[monthly + 6])) {
    return false;
  }
  const std::string_view pair = before.substr(0, monthly);
  return pair.rfind("从") != std::string_view::npos || pair.rfind("由") != std::string_view::npos;
}

Decimal Negated(const Decimal& value) { return Decimal(-value.mantissa(), value.scale()); }

}  // namespace

std::string_view ExtraUnitAt(std::string_view text) {
  static constexpr CharFilter kFirsts = {"个", "百", "千", "兆", "美", "港", "欧",
                                         "标", "倍", "艘", "架", "列", "种", "枚",
                                         "尾", "例", "桌", "篇", "类", "微", "毫"};
  if (text.size() < 3 || static_cast<unsigned char>(text[0]) < 0xE0 || !kFirsts.MayStart(text, 0)) {
    return {};
  }
  for (std::string_view unit : kExtraUnits) {
    if (StartsWith(text, 0, unit)) return unit;
  }
  return {};
}

bool NumberStartsAt(std::string_view text, size_t at, size_t* length) {
  const char c = text[at];
  *length = 1;
  if (IsDigit(c)) return true;
  if (c == '-') return at + 1 < text.size() && IsDigit(text[at + 1]);
  if (static_cast<unsigned char>(c) < 0xE0) return false;
  *length = CharLength(text, at);
  if (*length != 3 || !kNumberFirsts.MayStart(text, at)) return false;
  // 负 after 减, 担, 抱, 胜 or 自 ends a word (减负1000亿元: a burden lightened), no sign.
  if (StartsWithAt(text, at, "负")) {
    return IsNumeralCharAt(text, at + 3) &&
           !(at >= 3 && AnyEndsAt(text, at, {"减"sv, "担"sv, "抱"sv, "胜"sv, "自"sv}));
  }
  return kStartChars.HoldsAt(text, at);
}

bool ReadFigureAt(std::string_view text, size_t at, size_t* next, Reading* out) {
  Reading& reading = *out;
  reading.begin = at;
  size_t number = at;
  bool negative = false;
  if (text[at] == '-') {
    negative = true;
    number = at + 1;
  } else if (StartsWith(text, at, "负")) {
    negative = true;
    number = at + 3;
  }
  // 百分之九十: a percent written in words.
  if (StartsWith(text, number, "百分之") && IsNumeralCharAt(text, number + 9)) {
    bool chinese = false;
    const size_t end = NumberEnd(text, number + 9, &chinese);
    *next = end;
    reading.end = end;
    reading.outer_begin = PrefixBegin(text, at);
    reading.outer_end = SuffixEnd(text, end);
    std::optional<Field> field =
        ParseValue(SlotType::kPercent,
                   text.substr(reading.outer_begin, reading.outer_end - reading.outer_begin), {});
    if (!field) return false;
    reading.value = std::move(*field);
    reading.chinese = true;
    return true;
  }
  const size_t number_end = NumberEnd(text, number, &reading.chinese);
  *next = std::max(number_end, at + 1);
  if (number_end == number) return false;
  reading.outer_begin = PrefixBegin(text, at);
  // 上千家, 上百个: 上 before a bare hundred or thousand is "more than", outside the figure's text
  // as 约 is.
  const bool above = static_cast<unsigned char>(text[at]) >= 0xE0 &&
                     (StartsWith(text, at, "百") || StartsWith(text, at, "千")) &&
                     reading.outer_begin == at && at >= 3 && EndsWithAt(text, at, "上");
  if (above) reading.outer_begin = at - 3;

  SlotType type = SlotType::kQuantity;
  std::string_view extra;
  const values::Unit* table_unit = nullptr;
  size_t unit_end = number_end;
  const std::string_view rest = text.substr(number_end);
  // A range with the percent sign on both ends (5%—5.5%, 4.5%-5%): one figure, read as 5—5.5%.
  std::string percent_range;
  if (StartsWith(rest, 0, "%") || StartsWith(rest, 0, "‰")) {
    type = SlotType::kPercent;
    unit_end += StartsWith(rest, 0, "%") ? 1 : 3;
    if (StartsWith(rest, 0, "%") && !negative) {
      const size_t separator = RangeSeparatorAt(text, unit_end);
      bool chinese = false;
      const size_t second = unit_end + separator;
      const size_t second_end = separator == 0 ? second : NumberEnd(text, second, &chinese);
      if (separator != 0 && second_end > second && StartsWith(text, second_end, "%")) {
        percent_range = std::string(text.substr(number, number_end - number)) +
                        std::string(text.substr(unit_end, second_end + 1 - unit_end));
        unit_end = second_end + 1;
      }
    }
  } else if (!(extra = ExtraUnitAt(rest)).empty()) {
    unit_end += extra.size();
  } else if ((table_unit = values::UnitAt(rest)) != nullptr) {
    if (table_unit->dimension == values::Dimension::kTime || table_unit->word == "岁") {
      return false;
    }
    unit_end += table_unit->word.size();
  } else if (reading.chinese && StartsWith(rest, 0, "成") && number_end - number <= 6) {
    type = SlotType::kPercent;  // 九成, 八成以上
    unit_end += 3;
  } else {
    return false;
  }
  // A price or rate per unit keeps its compound unit: 17.6元/斤, 2元/人.
  std::string_view per;
  if (type == SlotType::kQuantity && unit_end + 4 <= text.size() && text[unit_end] == '/' &&
      static_cast<unsigned char>(text[unit_end + 1]) >= 0xE0) {
    per = text.substr(unit_end, 4);
    unit_end += 4;
  }
  *next = unit_end;
  // 两位数增长, 十一次全会, 三次产业: the unit begins a word, not a count.
  const std::string_view after = text.substr(unit_end);
  if (StartsWith(after, 0, "数") || StartsWith(after, 0, "全会") || StartsWith(after, 0, "产业")) {
    return false;
  }
  // 二期工程, 二轮土地延包: a phase or round named by a Chinese numeral, not a count.
  const std::string_view unit_word = text.substr(number_end, unit_end - number_end);
  // 每10万人刑事案件数: the denominator of a rate, which keeps it in its label.
  if (EndsWithAt(text, number, "每") && (unit_word == "人" || unit_word == "户") &&
      after.size() >= 3 && static_cast<unsigned char>(after[0]) >= 0xE4 &&
      static_cast<unsigned char>(after[0]) <= 0xE9) {
    return false;
  }
  // 两轮疫情 counts rounds; 二轮延包 names the second.
  if (reading.chinese && (unit_word == "期" || unit_word == "轮") &&
      !StartsWith(text, number, "两") && after.size() >= 3 &&
      static_cast<unsigned char>(after[0]) >= 0xE0 && !StartsWith(after, 0, "，") &&
      !StartsWith(after, 0, "。") && !StartsWith(after, 0, "、") && !StartsWith(after, 0, "；")) {
    return false;
  }
  if (reading.chinese) {
    for (std::string_view word :
         {"规定"sv, "要求"sv, "原则"sv, "精神"sv, "理念"sv, "战略"sv, "制度"sv}) {
      if (StartsWith(after, 0, word)) return false;
    }
  }
  reading.end = unit_end;
  reading.outer_end = SuffixEnd(text, unit_end);
  // What the value parser reads: the figure without a rate's /斤.
  const size_t parse_end = per.empty() ? reading.outer_end : unit_end - per.size();

  // The sign is read here, not by the parser: a slot reads no sign.
  const size_t parse_begin = reading.outer_begin == at || above ? number : reading.outer_begin;
  std::optional<Field> field;
  if (extra.empty()) {
    if (negative && reading.outer_begin != at) {
      // 约-2%: the sign sits between the approximation word and the number.
      const std::string spelled =
          std::string(text.substr(reading.outer_begin, at - reading.outer_begin)) +
          std::string(text.substr(number, parse_end - number));
      field = ParseValue(type, spelled, {});
    } else {
      const std::string_view spelled = text.substr(parse_begin, parse_end - parse_begin);
      const std::string_view number_text = text.substr(number, number_end - number);
      const bool bare_magnitude = number_text == "百" || number_text == "千";
      // 千方百计 is no count, and 每千人口, 每百户 are the denominator of a rate, as is 千人口 with
      // no 每 when no bound makes it a count (千人口床位数, not 近千人口).
      if (bare_magnitude &&
          (unit_word == "方" || EndsWithAt(text, number, "每") ||
           (unit_word == "人" && parse_begin == number && !above && StartsWith(after, 0, "口")))) {
        return false;
      }
      if (!percent_range.empty()) {
        field =
            ParseValue(type,
                       std::string(text.substr(parse_begin, number - parse_begin)) + percent_range +
                           std::string(text.substr(unit_end, reading.outer_end - unit_end)),
                       {});
      } else if (bare_magnitude) {
        // 百名, 近百名: 百 or 千 alone before a unit is one hundred or one thousand.
        field = ParseValue(type,
                           std::string(text.substr(parse_begin, number - parse_begin)) + "一" +
                               std::string(text.substr(number, parse_end - number)),
                           {});
      } else if (std::optional<Decimal> plain;
                 PlainAfter(text, number_end) &&
                 ((type == SlotType::kPercent && unit_word == "%") ||
                  (type == SlotType::kQuantity && table_unit != nullptr)) &&
                 (plain = values::PlainNumber(number_text))) {
        // Most figures (42公里, 约2.4万亩, 5.5%): the value built from what was read here, as the
        // value parser would read `spelled`, without its search for what these do not hold. Its
        // approximation words are the reader's (kPrefixes, kSuffixes): the suffix's says, else
        // the prefix's.
        const Approx suffix =
            per.empty() ? ApproxOfSuffix(text.substr(unit_end, reading.outer_end - unit_end))
                        : Approx::kExact;
        const Approx approx =
            suffix != Approx::kExact
                ? suffix
                : ApproxOfPrefix(text.substr(reading.outer_begin, at - reading.outer_begin));
        field = type == SlotType::kPercent ? values::PlainPercent(*plain, approx)
                                           : values::PlainQuantity(*plain, *table_unit, approx);
      } else {
        field = ParseValue(type, spelled, {});
      }
    }
  } else {
    const std::string_view number_text = text.substr(number, number_end - number);
    std::optional<Decimal> plain;
    // The parser reads the number alone here: what follows it does not matter.
    if (reading.outer_begin == at && (plain = values::PlainNumber(number_text))) {
      field.emplace();
      field->value = *plain;
    } else {
      std::string spelled(text.substr(reading.outer_begin, at - reading.outer_begin));
      spelled += number_text;
      field = ParseValue(SlotType::kQuantity, spelled, {});
    }
    if (field) {
      field->unit = std::string(extra);
      field->canonical.reset();
      const Approx approx = ApproxOfSuffix(text.substr(unit_end, reading.outer_end - unit_end));
      if (approx != Approx::kExact) field->approx = approx;
    }
  }
  if (!field || !std::holds_alternative<Decimal>(field->value)) return false;
  // 全员劳动生产率达58万元/人左右: the value was read without the rate's /人, and so without the
  // suffix after it.
  if (!per.empty() && field->approx == Approx::kExact) {
    field->approx = ApproxOfSuffix(text.substr(unit_end, reading.outer_end - unit_end));
  }
  if (field->approx == Approx::kExact) {
    field->approx = BoundBefore(text, reading.outer_begin, field->unit);
  }
  if (above) field->approx = Approx::kMore;
  // 不超过5%: the value library reads 超过 alone.
  if (EndsWithAt(text, reading.outer_begin, "不") && StartsWith(text, reading.outer_begin, "超")) {
    field->approx = Approx::kLess;
  }
  if (!per.empty()) {
    field->unit += per;
    field->canonical.reset();
  } else if (field->unit == "元" && MonthlyBefore(text, reading.outer_begin)) {
    // 散居孤儿从每人每月1536元提高到1567元: a standard paid each month, as 1536元/月 says it.
    field->unit = "元/月";
    field->canonical.reset();
  }
  if (negative) {
    field->value = Negated(std::get<Decimal>(field->value));
    if (field->min) field->min = Negated(*field->min);
    if (field->max) field->max = Negated(*field->max);
    if (field->canonical) field->canonical->value = Negated(field->canonical->value);
  }
  reading.value = std::move(*field);
  return true;
}

}  // namespace glean::figures
