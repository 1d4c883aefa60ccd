#include "engine/figures/period.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>

#include "engine/figures/figure_context.h"
#include "engine/figures/text_at.h"
#include "engine/source/utf8.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

using source::CharKey;
using source::CharKeyAt;

// The value of a Chinese digit character (〇 and ○ as zero), or -1.
int ChineseDigit(uint32_t key) {
  static constexpr std::array<uint32_t, 13> kDigits = {
      CharKey("〇"), CharKey("一"), CharKey("二"), CharKey("三"), CharKey("四"),
      CharKey("五"), CharKey("六"), CharKey("七"), CharKey("八"), CharKey("九"),
      CharKey("零"), CharKey("○"),  CharKey("两")};
  static constexpr std::array<int, 13> kValues = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 2};
  for (size_t i = 0; i < kDigits.size(); ++i) {
    if (kDigits[i] == key) return kValues[i];
  }
  return -1;
}

constexpr uint32_t kTen = CharKey("十");

bool IsNumeralChar(uint32_t key) { return key == kTen || ChineseDigit(key) >= 0; }

// A small count (1–99) written in Arabic or Chinese numerals at `at`: 5, 五, 十, 十五, 二十.
// Sets `*end` past it.
int ReadSmallCount(std::string_view text, size_t at, size_t* end) {
  if (at < text.size() && IsDigit(text[at])) {
    size_t j = at;
    int value = 0;
    while (j < text.size() && IsDigit(text[j]) && j - at < 3)
      value = value * 10 + (text[j++] - '0');
    if (j - at > 2 || (j < text.size() && (IsDigit(text[j]) || text[j] == '.'))) return 0;
    *end = j;
    return value;
  }
  int value = 0;
  size_t j = at;
  int digit = -1;
  for (int chars = 0; chars < 3 && j < text.size(); ++chars) {
    const uint32_t key = CharKeyAt(text, j);
    if (key == kTen) {
      value += (digit < 0 ? 1 : digit) * 10;
      digit = -1;
    } else if (const int d = ChineseDigit(key); d > 0) {
      if (digit >= 0) return 0;  // 二三: not a count
      digit = d;
    } else {
      break;
    }
    j += 3;
  }
  if (digit > 0) value += digit;
  if (j == at || value == 0) return 0;
  *end = j;
  return value;
}

// Characters that join the two years of a range: 2021—2025年, 2021-2025年, 2021年至2025年.
size_t RangeJoinerAt(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] == '-' || text[at] == '~') return 1;
  for (std::string_view joiner : {"—"sv, "–"sv, "至"sv, "到"sv, "－"sv, "～"sv}) {
    if (StartsWithAt(text, at, joiner)) {
      size_t length = joiner.size();
      if (joiner == "—" && StartsWithAt(text, at + length, "—")) length += joiner.size();
      return length;
    }
  }
  return 0;
}

// A year written with four Arabic digits, 1900–2099, not part of a longer number.
bool ReadArabicYear(std::string_view text, size_t at, int* year, size_t* end) {
  if (at + 4 > text.size() || (at > 0 && (IsDigit(text[at - 1]) || text[at - 1] == '.'))) {
    return false;
  }
  int value = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (!IsDigit(text[at + i])) return false;
    value = value * 10 + (text[at + i] - '0');
  }
  if (at + 4 < text.size() && (IsDigit(text[at + 4]) || text[at + 4] == '.')) return false;
  if (value < 1900 || value > 2099) return false;
  *year = value;
  *end = at + 4;
  return true;
}

// A year written with four Chinese digits: 二〇二五, 一九九八.
bool ReadChineseYear(std::string_view text, size_t at, int* year, size_t* end) {
  int value = 0;
  size_t j = at;
  for (int i = 0; i < 4; ++i) {
    const uint32_t key = CharKeyAt(text, j);
    const int digit = key == CharKey("两") ? -1 : ChineseDigit(key);
    if (digit < 0) return false;
    value = value * 10 + digit;
    j += 3;
  }
  if (value < 1900 || value > 2099) return false;
  if (IsNumeralChar(CharKeyAt(text, j))) return false;
  *year = value;
  *end = j;
  return true;
}

bool ReadYear(std::string_view text, size_t at, int* year, size_t* end) {
  return ReadArabicYear(text, at, year, end) || ReadChineseYear(text, at, year, end);
}

constexpr std::string_view kYearChar = "年";

// A named five-year period: "十四五" → 2021–2025. Older plans are numbered 九五 and 十五, which
// count as names only when a period word follows ("十五"时期), so 十五个 stays a number.
bool ReadFiveYearPlan(std::string_view text, size_t at, Period* period, size_t* end) {
  int first = 0;
  size_t j = at;
  if (StartsWithAt(text, at, "十") && at + 9 <= text.size() && StartsWithAt(text, at + 6, "五")) {
    const int d = ChineseDigit(CharKeyAt(text, at + 3));
    if (d >= 1 && d <= 6) {  // 十一五 … 十六五
      first = 2006 + 5 * (d - 1);
      j = at + 9;
    }
  }
  if (first == 0) {
    const bool nine = StartsWithAt(text, at, "九五");
    const bool ten = StartsWithAt(text, at, "十五");
    if (!nine && !ten) return false;
    size_t after = at + 6;
    if (StartsWithAt(text, after, "”") || StartsWithAt(text, after, "\"")) {
      after += text[after] == '"' ? 1 : 3;
    }
    bool named = false;
    for (std::string_view word : {"时期"sv, "期间"sv, "计划"sv, "规划"sv, "以来"sv, "末"sv}) {
      named = named || StartsWithAt(text, after, word);
    }
    if (!named || (at >= 3 && IsNumeralChar(CharKeyAt(text, at - 3)))) return false;
    first = nine ? 1996 : 2001;
    j = at + 6;
  }
  if (at >= 3 && IsNumeralChar(CharKeyAt(text, at - 3))) return false;
  period->first = first;
  period->last = first + 4;
  // "十四五"末: the plan's last year.
  size_t after = j;
  if (StartsWithAt(text, after, "”") || StartsWithAt(text, after, "\"")) {
    after += text[after] == '"' ? 1 : 3;
  }
  if (StartsWithAt(text, after, "末")) period->first = period->last;
  *end = j;
  return true;
}

// Whether the mention [begin, end) is only what a figure is compared with: 比2020年, 较上年,
// 与去年同期相比, 上年同期, 较“十三五”时期, 为“十三五”时期的2.2倍; a year a figure outpaces or
// trails is one too (GDP增长4%，快于2024年1.8个百分点: the gap is this year's over 2024's).
bool IsComparisonBase(std::string_view text, size_t begin, size_t end) {
  if (EndsWithAt(text, begin, "“") || EndsWithAt(text, begin, "\"")) {
    begin -= text[begin - 1] == '"' ? 1 : 3;
  }
  for (std::string_view before :
       {"比"sv, "较"sv, "与"sv, "同"sv, "相当于"sv, "对比"sv, "快于"sv, "慢于"sv, "高于"sv,
        "低于"sv, "好于"sv, "优于"sv, "多于"sv, "少于"sv}) {
    if (EndsWithAt(text, begin, before)) return true;
  }
  if (StartsWithAt(text, end, "”") || StartsWithAt(text, end, "\"")) {
    end += text[end] == '"' ? 1 : 3;
  }
  for (std::string_view after : {"同期"sv, "相比"sv, "相较"sv, "水平"sv}) {
    if (StartsWithAt(text, end, after)) return true;
  }
  for (std::string_view time : {"时期"sv, "期间"sv, "末"sv, "底"sv}) {
    if (StartsWithAt(text, end, time)) {
      end += time.size();
      break;
    }
  }
  // 为2020年的2倍, 是“十三五”时期的2.2倍: the figure is a multiple of what the mention holds.
  return StartsWithAt(text, end, "的") &&
         (EndsWithAt(text, begin, "为") || EndsWithAt(text, begin, "是"));
}

// A mention that starts at `at`; false when none does. Sets `*skip` past what was read, so a
// caller does not look for another mention inside it (二〇二五 holds no second year).
bool ReadMention(std::string_view text, size_t at, const ReportYears& years, TimeMention* mention,
                 size_t* skip) {
  *skip = at + source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
  if (IsDigit(text[at])) {
    // A run of Arabic digits holds a mention only as a year (four digits) or a count of years
    // (5年来, 近3年: one or two); any other run is passed over whole, not tried at each digit.
    size_t run = at;
    while (run < text.size() && (IsDigit(text[run]) || text[run] == '.')) ++run;
    if (run - at != 4 && !(run - at <= 2 && StartsWithAt(text, run, "年"))) {
      *skip = run;
      return false;
    }
  } else if (static_cast<unsigned char>(text[at]) >= 0x80) {
    // A quick no by the next character for the common characters that begin a mention only
    // rarely: a numeral (一是, 进一步) needs a numeral or 年 next (二〇二五年, 十四五, 五年来), 上
    // needs 年 or 一 (上年, 上一年), 前 needs 年.
    const uint32_t first = CharKeyAt(text, at);
    const uint32_t next = CharKeyAt(text, at + 3);
    const bool year_next = next == CharKey("年");
    if (IsNumeralChar(first) && !year_next && !IsNumeralChar(next)) return false;
    if (first == CharKey("上") && !year_next && next != CharKey("一")) return false;
    if (first == CharKey("前") && !year_next) return false;
  }
  int year = 0;
  size_t end = 0;
  if (ReadYear(text, at, &year, &end)) {
    *skip = end;
    // 2019、2020年: a list of years, taken as the span they cover.
    int listed = 0;
    size_t listed_end = 0;
    while (StartsWithAt(text, end, "、") && ReadYear(text, end + 3, &listed, &listed_end) &&
           listed > year) {
      if (mention->period.first == 0) mention->period.first = year;
      year = listed;
      end = listed_end;
    }
    const int list_first = mention->period.first;
    mention->period = {};
    if (!StartsWithAt(text, end, kYearChar)) {
      if (list_first != 0) return false;
      // 2021—2025年: the first year's 年 left out.
      const size_t joiner = RangeJoinerAt(text, end);
      int last = 0;
      size_t last_end = 0;
      if (joiner == 0 || !ReadYear(text, end + joiner, &last, &last_end) ||
          !StartsWithAt(text, last_end, kYearChar) || last < year) {
        return false;
      }
      mention->period = {year, last};
      end = last_end + kYearChar.size();
    } else {
      end += kYearChar.size();
      mention->period = {list_first != 0 ? list_first : year, year};
      // 2021年至2025年
      const size_t joiner = RangeJoinerAt(text, end);
      int last = 0;
      size_t last_end = 0;
      if (joiner > 0 && ReadYear(text, end + joiner, &last, &last_end) &&
          StartsWithAt(text, last_end, kYearChar) && last >= year) {
        mention->period.last = last;
        mention->from_first_year = StartsWithAt(text, end, "到") || StartsWithAt(text, end, "至");
        end = last_end + kYearChar.size();
      }
    }
    // 完成2023年度6个和美乡村省级中心村建设: 年度 right before a count names the batch the
    // things belong to, not when the work was done.
    if (StartsWithAt(text, end, "度") && end + 3 < text.size() && IsDigit(text[end + 3])) {
      return false;
    }
    // 2021年以来: from then to the period reviewed.
    if (StartsWithAt(text, end, "以来") && years.reviewed > mention->period.last) {
      mention->period.last = years.reviewed;
    }
    mention->begin = at;
    mention->end = end;
    *skip = end;
    return true;
  }

  const uint32_t key = CharKeyAt(text, at);
  Period plan;
  if ((key == kTen || key == CharKey("九")) && ReadFiveYearPlan(text, at, &plan, &end)) {
    mention->begin = at;
    mention->end = end;
    mention->period = plan;
    *skip = end;
    return true;
  }

  // Relative years, against the year the report was written in.
  struct Relative {
    constexpr Relative(std::string_view w, int o)
        : word(w), offset(o), first(CharKey(w.substr(0, 3))) {}
    std::string_view word;
    int offset;
    uint32_t first;
  };
  static constexpr Relative kRelative[] = {
      {"今年", 0},  {"本年", 0},  {"去年", -1}, {"上一年", -1},
      {"上年", -1}, {"前年", -2}, {"明年", 1},
  };
  for (const Relative& relative : kRelative) {
    if (relative.first != key || !StartsWithAt(text, at, relative.word)) {
      continue;
    }
    if (relative.word == "前年") {
      // 目前年度, 以前年度, 提前年: 前 belongs to the word before.
      bool joined = false;
      for (std::string_view before : {"目"sv, "以"sv, "当"sv, "提"sv, "之"sv, "此"sv, "年"sv}) {
        joined = joined || EndsWithAt(text, at, before);
      }
      if (joined) return false;
    }
    if (years.present == 0) return false;
    // 由上年729万人增加到732万人: the pair moves to the reviewed year's level from the year before.
    const bool pair_from = relative.word == "上年" && years.reviewed != 0 &&
                           (EndsWithAt(text, at, "由") || EndsWithAt(text, at, "从"));
    const int value = pair_from ? years.reviewed - 1 : years.present + relative.offset;
    mention->begin = at;
    mention->end = at + relative.word.size();
    mention->period = {value, value};
    *skip = mention->end;
    return true;
  }

  // Spans of years counted back or forward from the reviewed one: 过去五年, 五年来, 近三年,
  // 今后五年, 未来五年.
  if (years.reviewed == 0) return false;
  struct Span {
    constexpr Span(std::string_view w, bool f)
        : word(w), forward(f), first(CharKey(w.substr(0, 3))) {}
    std::string_view word;
    bool forward;
    uint32_t first;
  };
  static constexpr Span kSpans[] = {
      {"过去", false}, {"近", false}, {"这", false}, {"今后", true}, {"未来", true}};
  for (const Span& span : kSpans) {
    if (span.first != key || !StartsWithAt(text, at, span.word)) continue;
    size_t count_end = 0;
    const int count = ReadSmallCount(text, at + span.word.size(), &count_end);
    if (count == 0 || count > 10 || !StartsWithAt(text, count_end, kYearChar)) return false;
    if (StartsWithAt(text, count_end + kYearChar.size(), "度")) return false;
    mention->begin = at;
    mention->end = count_end + kYearChar.size();
    if (StartsWithAt(text, mention->end, "来")) mention->end += 3;
    if (AnyStartsAt(text, mention->end, {"最"sv, "新高"sv, "新低"sv})) return false;  // 近10年最高
    mention->period = span.forward ? Period{years.reviewed + 1, years.reviewed + count}
                                   : Period{years.reviewed - count + 1, years.reviewed};
    *skip = mention->end;
    return true;
  }
  if ((IsDigit(text[at]) || IsNumeralChar(key)) && !(at > 0 && IsDigit(text[at - 1])) &&
      !(at >= 3 && IsNumeralChar(CharKeyAt(text, at - 3)))) {
    size_t count_end = 0;
    const int count = ReadSmallCount(text, at, &count_end);
    // 为7年来最高: a record over the years, which dates nothing; the figure is of its own year.
    if (count > 0 && count <= 10 && StartsWithAt(text, count_end, "年来") &&
        !AnyStartsAt(text, count_end + 6, {"最"sv, "新高"sv, "新低"sv})) {
      mention->begin = at;
      mention->end = count_end + 6;
      mention->period = {years.reviewed - count + 1, years.reviewed};
      *skip = mention->end;
      return true;
    }
    // 实际利用外资五年累计5.8亿美元: a total over the years counted back to the reviewed one (not
    // 连续五年累计, a run whose last year the text does not say).
    if (count > 1 && count <= 10 && StartsWithAt(text, count_end, "年累计") &&
        !EndsWithAt(text, at, "连续")) {
      mention->begin = at;
      mention->end = count_end + 3;
      mention->period = {years.reviewed - count + 1, years.reviewed};
      *skip = mention->end;
      return true;
    }
    if (count > 0) *skip = std::max(*skip, count_end);
  }
  return false;
}

// Calls `found` with each mention in [from, to) outside 《…》 that is not a comparison base, in
// order; stops when it returns false.
template <typename Found>
void ForEachMention(std::string_view text, size_t from, size_t to, const ReportYears& years,
                    Found found) {
  int title_depth = 0;
  to = std::min(to, text.size());
  for (size_t at = from; at < to;) {
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80 && !IsDigit(text[at])) {
      ++at;
      continue;
    }
    if (lead >= 0x80) {
      const size_t length = source::Utf8LengthOfLead(lead);
      if (length != 3) {
        at += length;
        continue;
      }
      if (StartsWithAt(text, at, "《")) {
        ++title_depth;
        at += 3;
        continue;
      }
      if (StartsWithAt(text, at, "》")) {
        title_depth = std::max(0, title_depth - 1);
        at += 3;
        continue;
      }
      if (!kMentionFirsts.MayStart(text, at)) {
        at += 3;
        continue;
      }
    }
    TimeMention mention;
    size_t skip = 0;
    if (ReadMention(text, at, years, &mention, &skip)) {
      if (title_depth == 0 && !IsComparisonBase(text, mention.begin, mention.end) &&
          !found(mention)) {
        return;
      }
    }
    at = skip;
  }
}

}  // namespace

ReportYears YearsOf(const DocumentInfo& info) {
  ReportYears years;
  years.reviewed = info.year.value_or(0);
  years.present = info.report_year.value_or(years.reviewed);
  if (info.title && years.reviewed != 0) {
    for (std::string_view word : {"总结"sv, "汇报"sv, "小结"sv}) {
      if (info.title->find(word) != std::string::npos) years.present = years.reviewed;
    }
  }
  if (years.reviewed == 0) years.reviewed = years.present;
  return years;
}

std::optional<TimeMention> FirstTimeMention(std::string_view text, size_t from, size_t to,
                                            const ReportYears& years) {
  std::optional<TimeMention> first;
  ForEachMention(text, from, to, years, [&](const TimeMention& mention) {
    first = mention;
    return false;
  });
  return first;
}

bool BindsNextFigure(std::string_view text, const TimeMention& mention) {
  // 由上年729万人增加到732万人: the first year of a pair is its first figure's only (not the
  // month of 从2021年1月起).
  if (EndsWithAt(text, mention.begin, "由") || EndsWithAt(text, mention.begin, "从")) {
    size_t digits_end = mention.end;
    while (digits_end < text.size() && IsDigit(text[digits_end])) ++digits_end;
    if (digits_end > mention.end && !StartsWithAt(text, digits_end, "月")) return true;
  }
  return StartsWithAt(text, mention.end, "的") && mention.end + 3 < text.size() &&
         IsDigit(text[mention.end + 3]);
}

bool DatesNounAfter(std::string_view text, const TimeMention& mention) {
  size_t at = mention.end;
  const bool of_before = EndsWithAt(text, mention.begin, "的");
  const bool of_after = StartsWithAt(text, at, "的");
  if (!of_before && !of_after) return false;
  if (of_after) at += std::string_view("的").size();
  // A Han character that begins a noun; a time word after the year (底, 末, 以来 …) ends the
  // time instead (的2020年底前完成).
  // (Han characters lead with E4 to E9; the full-width marks with E3 and EF.)
  if (at >= text.size() || static_cast<unsigned char>(text[at]) < 0xE4 ||
      static_cast<unsigned char>(text[at]) > 0xE9) {
    return false;
  }
  return !AnyStartsAt(text, at,
                      {"底"sv, "末"sv, "初"sv, "前"sv, "后"sv, "内"sv, "中"sv, "以"sv, "起"sv,
                       "度"sv, "上半"sv, "下半"sv, "全年"sv, "来"sv, "至"sv, "到"sv, "同期"sv});
}

bool ModifiesNounAfter(std::string_view text, const TimeMention& mention) {
  size_t at = mention.end;
  if (StartsWithAt(text, at, "”") || StartsWithAt(text, at, "\"")) at += text[at] == '"' ? 1 : 3;
  // A goal named by its year: what it sets is reached by then, but the figures that serve it are
  // of the plan that states them.
  if (StartsWithAt(text, at, "远景目标")) return true;
  // “十四五”规划确定的: the plan that set it, then the deciding verb and its 的.
  if (StartsWithAt(text, at, "规划")) {
    at += std::string_view("规划").size();
    if (StartsWithAt(text, at, "的")) return true;
  }
  return AnyStartsAt(text, at,
                     {"批复的"sv, "确定的"sv, "部署的"sv, "下达的"sv, "明确的"sv, "核准的"sv});
}

std::optional<TimeMention> ParagraphTime(std::string_view text, size_t sentence_begin,
                                         const ReportYears& years) {
  const std::optional<size_t> paragraph = ParagraphStartBefore(text, sentence_begin);
  if (!paragraph) return std::nullopt;
  return ParagraphOpeningTime(text, *paragraph, years);
}

std::optional<size_t> ParagraphStartBefore(std::string_view text, size_t sentence_begin) {
  // A paragraph's first clause is short; a sentence far from its paragraph's start is not looked
  // back from (the caller's reach bounds the search).
  constexpr size_t kReachBack = 4096;
  const size_t floor = sentence_begin > kReachBack ? sentence_begin - kReachBack : 0;
  if (sentence_begin == 0 || text[sentence_begin - 1] == '\n') return std::nullopt;
  // memrchr: asked for most figures, over a paragraph of up to a few kilobytes.
  const void* line_end = memrchr(text.data() + floor, '\n', sentence_begin - floor);
  if (line_end == nullptr && floor > 0) return std::nullopt;
  const size_t line_begin =
      line_end == nullptr
          ? 0
          : static_cast<size_t>(static_cast<const char*>(line_end) - text.data()) + 1;
  // A text whose paragraphs were run together (a PDF's lines joined) still opens each of its
  // numbered parts with (一), (二) … after a sentence's end: such a part is a paragraph
  // (。(一)五年来,经济实力实现跨越性提升。…).
  for (size_t at = sentence_begin; at > line_begin;) {
    const void* open = memrchr(text.data() + line_begin, '(', at - line_begin);
    if (open == nullptr) break;
    at = static_cast<size_t>(static_cast<const char*>(open) - text.data());
    if (at != line_begin && !EndsWithAt(text, at, "。")) continue;
    size_t close = at + 1;
    while (close < sentence_begin && close < at + 1 + 3 * 3 &&
           AnyStartsAt(
               text, close,
               {"一"sv, "二"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv, "九"sv, "十"sv})) {
      close += 3;
    }
    if (close > at + 1 && close < sentence_begin && text[close] == ')') {
      return close + 1 == sentence_begin ? std::nullopt : std::optional<size_t>(close + 1);
    }
  }
  return line_begin;
}

std::optional<TimeMention> ParagraphOpeningTime(std::string_view text, size_t paragraph,
                                                const ReportYears& years) {
  constexpr size_t kTopicBytes = 48;
  size_t clause_end = paragraph;
  const size_t limit = std::min(text.size(), paragraph + kTopicBytes);
  while (clause_end < limit && text[clause_end] != ',' && !StartsWithAt(text, clause_end, "，")) {
    clause_end += source::Utf8LengthOfLead(static_cast<unsigned char>(text[clause_end]));
  }
  if (clause_end >= limit) return std::nullopt;
  std::optional<TimeMention> topic;
  ForEachMention(text, paragraph, clause_end, years, [&](const TimeMention& mention) {
    topic = mention;
    return true;
  });
  // The clause is the time (以来 and 来 may close it), not a sentence that names one.
  if (!topic) return std::nullopt;
  size_t after = topic->end;
  for (std::string_view tail : {"以来"sv, "来"sv}) {
    if (StartsWithAt(text, after, tail)) after += tail.size();
  }
  if (after != clause_end) return std::nullopt;
  return topic;
}

bool NamesOwnFrame(std::string_view text, size_t from, size_t to) {
  const std::string_view clause = text.substr(from, to - from);
  for (std::string_view frame : {"期间"sv, "其间"sv}) {
    const size_t at = clause.find(frame);
    if (at == std::string_view::npos) continue;
    // “十四五”期间, 2021—2025年期间: the frame of a time mention, which dates by itself.
    size_t before = from + at;
    if (EndsWithAt(text, before, "”") || EndsWithAt(text, before, "\"")) {
      before -= text[before - 1] == '"' ? 1 : 3;
    }
    if (!EndsWithAt(text, before, "五") && !EndsWithAt(text, before, "年")) return true;
  }
  return false;
}

std::optional<Period> SpanSameBelow(std::string_view text, size_t at, const ReportYears& years) {
  constexpr size_t kReachBack = 4096;
  const size_t floor = at > kReachBack ? at - kReachBack : 0;
  const void* line_end = memrchr(text.data() + floor, '\n', at - floor);
  const size_t paragraph =
      line_end == nullptr
          ? floor
          : static_cast<size_t>(static_cast<const char*>(line_end) - text.data()) + 1;
  constexpr std::string_view kSameBelow = "下同)";
  const std::string_view before = text.substr(paragraph, at - paragraph);
  const size_t found = before.rfind(kSameBelow);
  if (found == std::string_view::npos) return std::nullopt;
  // 五年(下同): a count of years, then the bracket.
  const size_t mark = paragraph + found;
  const size_t open = EndsWithAt(text, mark, "(") ? mark - 1 : mark;
  if (open == mark || !EndsWithAt(text, open, kYearChar)) return std::nullopt;
  const size_t count_end = open - kYearChar.size();
  int count = 0;
  // 十五年 before 五年: the longest count that ends at the 年.
  for (size_t back : {size_t{6}, size_t{3}, size_t{2}, size_t{1}}) {
    size_t read_end = 0;
    const int value =
        count_end >= paragraph + back ? ReadSmallCount(text, count_end - back, &read_end) : 0;
    if (value > 0 && read_end == count_end) {
      count = value;
      break;
    }
  }
  if (count < 2 || count > 10) return std::nullopt;
  // Its sentence's last year before it, else the reviewed year.
  size_t sentence = paragraph;
  for (std::string_view end : {"。"sv, "；"sv, ";"sv, "！"sv, "？"sv}) {
    const size_t at_end = text.substr(paragraph, mark - paragraph).rfind(end);
    if (at_end != std::string_view::npos)
      sentence = std::max(sentence, paragraph + at_end + end.size());
  }
  int last = years.reviewed;
  ForEachMention(text, sentence, mark, years, [&](const TimeMention& mention) {
    if (mention.period.first == mention.period.last) last = mention.period.last;
    return true;
  });
  if (last == 0) return std::nullopt;
  return Period{last - count + 1, last};
}

int YearsInARow(std::string_view text, size_t from, size_t to) {
  constexpr std::string_view kInARow = "连续";
  const std::string_view clause = text.substr(from, to - from);
  for (size_t at = clause.rfind(kInARow); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : clause.rfind(kInARow, at - 1)) {
    size_t count_end = 0;
    const int count = ReadSmallCount(text, from + at + kInARow.size(), &count_end);
    if (count > 0 && count_end < to && StartsWithAt(text, count_end, kYearChar)) return count;
  }
  // 财政收入达到1350亿元，3年增长58.6%: a change over the last N years.
  for (size_t at = clause.rfind(kYearChar); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : clause.rfind(kYearChar, at - 1)) {
    const size_t year_at = from + at;
    if (!AnyStartsAt(text, year_at + kYearChar.size(),
                     {"增长"sv, "下降"sv, "提高"sv, "增加"sv, "翻"sv})) {
      continue;
    }
    // The count before 年: one or two digits, or one or two Chinese numerals.
    for (size_t back : {size_t{1}, size_t{2}, size_t{3}, size_t{6}}) {
      if (year_at < from + back) break;
      const size_t start = year_at - back;
      if (start > 0 && (IsDigit(text[start - 1]) || text[start - 1] == '.')) continue;
      size_t count_end = 0;
      if (const int count = ReadSmallCount(text, start, &count_end);
          count > 1 && count_end == year_at) {
        return count;
      }
    }
  }
  return 0;
}

void TimeMentions::Find(std::string_view text, size_t from, size_t to, const ReportYears& years) {
  mentions_.clear();
  ForEachMention(text, from, to, years, [&](const TimeMention& mention) {
    mentions_.push_back(mention);
    return true;
  });
}

std::optional<TimeMention> TimeMentions::LastIn(size_t from, size_t to) const {
  const auto it =
      std::lower_bound(mentions_.begin(), mentions_.end(), to,
                       [](const TimeMention& mention, size_t at) { return mention.begin < at; });
  if (it == mentions_.begin() || std::prev(it)->begin < from) return std::nullopt;
  return *std::prev(it);
}

std::optional<TimeMention> TimeMentions::FirstIn(size_t from, size_t to) const {
  const auto it =
      std::lower_bound(mentions_.begin(), mentions_.end(), from,
                       [](const TimeMention& mention, size_t at) { return mention.begin < at; });
  if (it == mentions_.end() || it->begin >= to) return std::nullopt;
  return *it;
}

void TimeMentions::Clear() { mentions_.clear(); }

void TimeMentions::TryAt(std::string_view text, size_t at, const ReportYears& years, bool in_title,
                         size_t* skip) {
  TimeMention mention;
  if (ReadMention(text, at, years, &mention, skip) && !in_title &&
      !IsComparisonBase(text, mention.begin, mention.end)) {
    mentions_.push_back(mention);
  }
}

Period PeriodOf(const Document& document, size_t begin, size_t end) {
  return ContextOf(document, begin, end).period;
}

}  // namespace glean::figures
