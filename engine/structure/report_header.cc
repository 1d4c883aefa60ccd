#include "engine/structure/report_header.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <initializer_list>
#include <string>

#include "engine/normalize/numbering.h"
#include "engine/normalize/page_furniture.h"
#include "engine/source/byte_search.h"
#include "engine/structure/structure.h"
#include "glean/value.h"

namespace glean::structure {

using namespace std::string_view_literals;

namespace {

using normalize::DigitPrefix;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The dash a delivery line opens with, as pages write it: an em dash, a horizontal bar (――, as
// some provincial sites set it), an en dash, a box-drawing line or a hyphen. Its length in bytes,
// or 0.
size_t LeadingDashLength(std::string_view s) {
  for (std::string_view dash : {"\u2014"sv, "\u2015"sv, "\u2013"sv, "\u2500"sv, "-"sv}) {
    if (StartsWith(s, dash)) return dash.size();
  }
  return 0;
}

bool HasAny(std::string_view s, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (s.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

bool IsHan(std::string_view s, size_t at) {
  if (at + 3 > s.size()) return false;
  const auto lead = static_cast<unsigned char>(s[at]);
  return lead >= 0xE4 && lead <= 0xE9;
}

// The value of a Chinese digit (〇 零 一 … 九), or -1.
int ChineseDigit(std::string_view s) {
  // Asked at every byte of a header's lines: the first two bytes rule out all but the digits'
  // few prefixes (E3 80, E4 B8/B9/BA, E5 85/9B, E9 9B) before eleven comparisons.
  if (s.size() < 3) return -1;
  const auto lead = static_cast<unsigned char>(s[0]);
  const auto second = static_cast<unsigned char>(s[1]);
  const bool possible =
      (lead == 0xE3 && second == 0x80) || (lead == 0xE4 && second >= 0xB8 && second <= 0xBA) ||
      (lead == 0xE5 && (second == 0x85 || second == 0x9B)) || (lead == 0xE9 && second == 0x9B);
  if (!possible) return -1;
  static constexpr std::string_view kDigits[] = {"〇", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  if (StartsWith(s, "零")) return 0;
  for (int i = 0; i < 10; ++i) {
    if (StartsWith(s, kDigits[i])) return i;
  }
  return -1;
}

// A number from 1 to 99 in Chinese numerals (七, 十二, 二十七) at the start of `s`; sets *used.
std::optional<int> ChineseSmallNumber(std::string_view s, size_t* used) {
  int tens = 0, ones = 0;
  size_t at = 0;
  if (const int d = ChineseDigit(s); d > 0 && StartsWith(s.substr(3), "十")) {
    tens = d;
    at = 6;
  } else if (StartsWith(s, "十")) {
    tens = 1;
    at = 3;
  }
  if (const int d = ChineseDigit(s.substr(at)); d > 0) {
    ones = d;
    at += 3;
  }
  if (at == 0 || tens * 10 + ones == 0) return std::nullopt;
  *used = at;
  return tens * 10 + ones;
}

// A number in Arabic or Chinese numerals at the start of `s`; sets *used.
std::optional<int> SmallNumber(std::string_view s, size_t* used) {
  if (const size_t n = DigitPrefix(s); n > 0 && n <= 2) {
    *used = n;
    return std::stoi(std::string(s.substr(0, n)));
  }
  return ChineseSmallNumber(s, used);
}

struct HeaderDate {
  int year = 0;
  int month = 0;  // 0 when not stated
  int day = 0;
  size_t length = 0;  // bytes of `s` the date takes
};

// A date at the start of `s`: 2026年1月25日, 二〇二六年一月二十七日, 2022年2月.
std::optional<HeaderDate> ReadDate(std::string_view s) {
  HeaderDate date;
  size_t at = 0;
  if (DigitPrefix(s) == 4) {
    date.year = std::stoi(std::string(s.substr(0, 4)));
    at = 4;
  } else {
    for (int i = 0; i < 4; ++i) {
      const int d = ChineseDigit(s.substr(at));
      if (d < 0) return std::nullopt;
      date.year = date.year * 10 + d;
      at += 3;
    }
  }
  if (!StartsWith(s.substr(at), "年") || date.year < 1900 || date.year > 2999) return std::nullopt;
  at += 3;
  size_t used = 0;
  if (std::optional<int> month = SmallNumber(s.substr(at), &used);
      month && *month <= 12 && StartsWith(s.substr(at + used), "月")) {
    date.month = *month;
    at += used + 3;
    if (std::optional<int> day = SmallNumber(s.substr(at), &used);
        day && *day <= 31 &&
        (StartsWith(s.substr(at + used), "日") || StartsWith(s.substr(at + used), "号"))) {
      date.day = *day;
      at += used + 3;
    }
  }
  date.length = at;
  return date;
}

// A delivery line run into the text after the title, as a copy without line breaks leaves it:
// the date after a dash among the line's first characters, followed by 在 (…会议上).
struct RunInDate {
  HeaderDate date;
  size_t offset = 0;               // where the date starts in the line
  bool names_work_report = false;  // the title before the dash is a government work report
};

std::optional<RunInDate> RunInDeliveryDate(std::string_view line) {
  constexpr size_t kTitleBytes = 40 * 3;  // a title of at most 40 Chinese characters
  const std::string_view head = line.substr(0, kTitleBytes);
  for (size_t at = 0; at < head.size(); ++at) {
    // Every dash but the hyphen (no delivery line's dash here) starts with the byte E2.
    if (line[at] != '\xE2' || LeadingDashLength(line.substr(at)) == 0) continue;
    size_t from = at;
    while (const size_t more = LeadingDashLength(line.substr(from))) from += more;
    const std::optional<HeaderDate> date = ReadDate(line.substr(from));
    if (!date || !StartsWith(line.substr(from + date->length), "在")) return std::nullopt;
    RunInDate run_in;
    run_in.date = *date;
    run_in.offset = from;
    run_in.names_work_report = line.substr(0, at).find("政府工作报告") != std::string_view::npos;
    return run_in;
  }
  return std::nullopt;
}

std::string IsoDate(const HeaderDate& date) {
  std::string out = std::to_string(date.year);
  const auto two = [](int n) { return (n < 10 ? "-0" : "-") + std::to_string(n); };
  if (date.month > 0) out += two(date.month);
  if (date.day > 0) out += two(date.day);
  return out;
}

// No line of a report's header (title, issuer, date, a page's furniture) is longer: a longer one
// is the first paragraph.
constexpr size_t kHeaderLineCodePoints = 60;

// A line a web page puts around a report: buttons, font size, source, publication time,
// breadcrumbs, photo captions, share prompts.
bool IsFurniture(std::string_view line) {
  if (normalize::IsButtonRow(line)) return true;
  // A breadcrumb (站名>栏目>…>篇名), or the rest of one a narrow page wrapped.
  if (StartsWith(line, ">") || std::count(line.begin(), line.end(), '>') >= 2) return true;
  // A document-sharing site's notice (《….docx》由会员分享,可在线阅读…) or a file name.
  if (HasAny(line, {"由会员分享"sv, "可在线阅读"sv})) return true;
  for (std::string_view extension : {".docx"sv, ".doc"sv, ".pdf"sv, ".wps"sv}) {
    if (line.ends_with(extension)) return true;
  }
  for (std::string_view lead : {"【字"sv, "来源"sv, "时间"sv, "发布"sv, "作者"sv, "编辑"sv,
                                "责任编辑"sv, "记者"sv, "点击"sv, "点阅"sv, "浏览"sv, "您的位置"sv,
                                "当前位置"sv, "下载"sv, "扫一扫"sv, "•"sv, "内容发布"sv}) {
    if (StartsWith(line, lead)) return true;
  }
  if (line.ends_with("摄") || line.ends_with("摄)") || HasAny(line, {"记者"sv})) return true;
  // A row of a disclosure page's form (| 索引号: | 发文编号: | ||): its first cell is a field name.
  if (StartsWith(line, "|")) {
    std::string_view cell = line.substr(1, line.find('|', 1) - 1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    if (cell.ends_with(":") || cell.ends_with("：")) return true;
  }
  // A publication time (2026-02-03 09:02:33), or a line with no Han character at all.
  bool han = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (IsHan(line, i)) {
      han = true;
      break;
    }
  }
  if (!han) return true;
  // A site's section name (云南要闻): four characters or fewer naming no report.
  return source::CountCodePoints(line) <= 4 &&
         !HasAny(line, {"总结"sv, "报告"sv, "计划"sv, "规划"sv});
}

// Where the text from `begin` goes on past blank lines and the lines a web page puts above a
// report (a page copied whole opens with them, and the opening paragraph comes after).
size_t PastFurniture(std::string_view text, size_t begin) {
  while (begin < text.size() && begin < kWrapSampleBytes) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) return begin;
    std::string_view line = text.substr(begin, end - begin);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    // A line longer than a header's is the opening paragraph, whatever it starts with
    // (【记者…报导】…).
    if (!line.empty() &&
        (source::CountCodePoints(line) > kHeaderLineCodePoints || !IsFurniture(line))) {
      return begin;
    }
    begin = end + 1;
  }
  return begin;
}

// An office and a name ending the line: 北京市市长 殷勇, 省长胡玉亭, 静宁县常务副县长杨晓勇.
bool EndsInOfficial(std::string_view line) {
  static constexpr std::string_view kOffices[] = {"省长", "市长", "县长", "区长", "镇长",
                                                  "乡长", "主席", "州长", "盟长", "旗长"};
  std::string_view before = line;
  for (int name = 1; name <= 4 && before.size() >= 3 && IsHan(before, before.size() - 3); ++name) {
    before.remove_suffix(3);
    std::string_view office = before;
    while (office.ends_with(" ")) office.remove_suffix(1);
    if (name < 2) continue;
    for (std::string_view word : kOffices) {
      if (office.ends_with(word)) return true;
    }
  }
  return false;
}

bool NamesIssuer(std::string_view line) {
  if (source::CountCodePoints(line) > 30 || HasAny(line, {"。"sv, ";"sv, "!"sv, "?"sv}))
    return false;
  return line.ends_with("人民政府") || line.ends_with("委员会") || line.ends_with("党委") ||
         line.ends_with("政府") || line.ends_with("办公室") || EndsInOfficial(line);
}

struct Line {
  size_t begin;
  size_t end;
};

// The first budget year (2004年度, 九十三年度) `s` names, read by `first_year`.
template <typename FirstYearOf>
std::optional<int> FirstBudgetYear(std::string_view s, const FirstYearOf& first_year) {
  static constexpr std::string_view kBudgetYear = "年度";
  for (size_t at = s.find(kBudgetYear); at != std::string_view::npos;
       at = s.find(kBudgetYear, at + kBudgetYear.size())) {
    size_t begin = at;
    while (begin > 0 && s[begin - 1] >= '0' && s[begin - 1] <= '9' && at - begin < 4) --begin;
    if (begin == at) {
      while (begin >= 3 && at - begin < 12 &&
             (ChineseDigit(s.substr(begin - 3)) >= 0 || StartsWith(s.substr(begin - 3), "十"))) {
        begin -= 3;
      }
    }
    if (begin == at) continue;
    if (std::optional<int> year = first_year(s.substr(begin, at + kBudgetYear.size() - begin))) {
      return year;
    }
  }
  return std::nullopt;
}

// The year a review heading of the report's head names (二〇一二年工作回顾, 2012年工作回顾; a copy
// may write the zero as an ASCII 0, 二0一二, or the heading's word as 回忆), or nullopt.
std::optional<int> ReviewHeadingYear(std::string_view head) {
  // One search for the words both spellings share.
  constexpr std::string_view kReview = "年工作回";
  for (size_t at = source::FindText(head, kReview); at != std::string_view::npos;
       at = source::FindText(head, kReview, at + kReview.size())) {
    const size_t next = at + kReview.size();
    if (!StartsWith(head.substr(next), "顾") && !StartsWith(head.substr(next), "忆")) continue;
    if (at >= 4 && DigitPrefix(head.substr(at - 4)) == 4 &&
        (at == 4 || DigitPrefix(head.substr(at - 5)) != 5)) {
      const int year = std::stoi(std::string(head.substr(at - 4, 4)));
      if (year >= 1900 && year <= 2999) return year;
    }
    // Four Chinese digits, each three bytes or an ASCII 0.
    int year = 0;
    int scale = 1;
    size_t begin = at;
    for (int digit = 0; digit < 4; ++digit) {
      if (begin >= 1 && (head[begin - 1] == '0')) {
        begin -= 1;
      } else if (begin >= 3 && ChineseDigit(head.substr(begin - 3)) >= 0) {
        begin -= 3;
        year += ChineseDigit(head.substr(begin)) * scale;
      } else {
        year = -1;
        break;
      }
      scale *= 10;
    }
    if (year >= 1900 && year <= 2999) return year;
  }
  return std::nullopt;
}

}  // namespace

bool UsesRocYears(std::string_view text) {
  const std::string_view head = text.substr(0, std::min(text.size(), kWrapSampleBytes));
  for (std::string_view marker : {"公所"sv, "代表会"sv}) {
    if (source::FindText(head, marker) != std::string_view::npos) return true;
  }
  // 民国 dates only before a year (民国106年, 民国九十三年): 全民国防教育 is the mainland's.
  constexpr std::string_view kRepublic = "民国";
  for (size_t at = source::FindText(head, kRepublic); at != std::string_view::npos;
       at = source::FindText(head, kRepublic, at + kRepublic.size())) {
    const std::string_view after = head.substr(at + kRepublic.size());
    if (!after.empty() && ((after[0] >= '0' && after[0] <= '9') || ChineseDigit(after) >= 0 ||
                           after.starts_with("十"))) {
      return true;
    }
  }
  return false;
}

NamedCurrencies CurrenciesNamed(std::string_view text) {
  // 新台币 is rare and 人民币 matters only beside it: a text that names no 台币 (nearly every one)
  // costs one search.
  constexpr std::string_view kTaiwanDollar = "台币";
  constexpr std::string_view kRenminbi = "人民币";
  const auto names = [&](std::string_view needle) {
    return source::FindText(text, needle) != std::string_view::npos;
  };
  NamedCurrencies named;
  // A report dated by the years of the Republic (a township office's, 102年度总预算) is of
  // Taiwan, Kinmen or Matsu: its 元 are New Taiwan dollars though it never says so.
  named.new_taiwan_dollar = names(kTaiwanDollar) || UsesRocYears(text);
  if (named.new_taiwan_dollar) named.renminbi = names(kRenminbi);
  return named;
}

std::optional<int> FirstYear(std::string_view s, bool roc) {
  for (size_t i = 0; i < s.size(); ++i) {
    const bool after_digit = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
    if (const size_t n = DigitPrefix(s.substr(i)); n > 0 && !after_digit) {
      // A run of more than four digits names no year (and would overflow an int).
      if (n <= 4 && StartsWith(s.substr(i + n), "年")) {
        const int value = std::stoi(std::string(s.substr(i, n)));
        if (n == 4 && value >= 1900 && value <= 2999) return value;
        const bool says_roc = (i >= 6 && s.substr(i - 6, 6) == "民国");
        if (n <= 3 && value > 0 && value <= 200 && (says_roc || roc)) return 1911 + value;
      }
      i += n - 1;
      continue;
    }
    const bool numeral_start =
        (ChineseDigit(s.substr(i)) >= 0 || StartsWith(s.substr(i), "十")) &&
        (i < 3 || (ChineseDigit(s.substr(i - 3)) < 0 && !StartsWith(s.substr(i - 3), "十")));
    if (numeral_start) {
      if (std::optional<HeaderDate> date = ReadDate(s.substr(i))) return date->year;
      // 民国九十三年, 九十三年度: a 民国 year in Chinese numerals. Without 民国 before it, only a
      // budget year (年度) is one: 三年 is as often a duration.
      size_t used = 0;
      const bool says_roc = (i >= 6 && s.substr(i - 6, 6) == "民国");
      if (std::optional<int> value = ChineseSmallNumber(s.substr(i), &used);
          value && (says_roc || (roc && StartsWith(s.substr(i + used), "年度"))) &&
          StartsWith(s.substr(i + used), "年")) {
        return 1911 + *value;
      }
    }
  }
  return std::nullopt;
}

DocumentInfo ReadReportHeader(std::string_view text, size_t first_heading,
                              std::string_view heading_text, size_t heading_end) {
  DocumentInfo info;
  // Whether bare years are 民国 years is asked of the text only when a line holds one: most
  // reports state none.
  std::optional<bool> roc;
  const auto first_year = [&](std::string_view s) {
    const std::optional<int> plain = FirstYear(s, false);
    const std::optional<int> taiwanese = FirstYear(s, true);
    if (plain == taiwanese) return plain;
    if (!roc) roc = UsesRocYears(text);
    return *roc ? taiwanese : plain;
  };
  const size_t limit = std::min({first_heading, text.size(), kWrapSampleBytes});
  std::optional<HeaderDate> date;
  bool delivered_to_congress = false;
  bool run_in_work_report = false;
  int looked = 0;
  const auto use = [&](size_t begin, size_t end) {
    if (info.end == 0) info.begin = begin;
    info.end = std::max(info.end, end);
  };
  for (size_t begin = 0; begin < limit && looked < 8;) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const size_t next = end + 1;
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    while (end > begin &&
           (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) {
      --end;
    }
    const std::string_view content = text.substr(begin, end - begin);
    const size_t line_begin = begin;
    begin = next;
    if (content.empty() || IsFurniture(content)) continue;
    ++looked;
    // A report to a people's congress, whether its delivery line says so or the line after it.
    if (HasAny(content, {"人民代表大会"sv, "人代会"sv})) delivered_to_congress = true;
    // The salutation (各位代表:) opens the speech, and a paragraph the report: the header is over.
    if (StartsWith(content, "各位代表") || StartsWith(content, "同志们")) break;
    if (source::CountCodePoints(content) > kHeaderLineCodePoints &&
        LeadingDashLength(content) == 0) {
      // A page copied without its line breaks runs the title and the delivery line into the
      // speech (政府工作报告——2012年1月3日在…会议上…各位代表:): its date is still the header's.
      if (!date) {
        if (std::optional<RunInDate> run_in = RunInDeliveryDate(content)) {
          date = run_in->date;
          info.date = IsoDate(run_in->date);
          const size_t at = line_begin + run_in->offset;
          info.date_span = {at, at + run_in->date.length};
          run_in_work_report = run_in->names_work_report;
        }
      }
      break;
    }
    // The delivery line (——2026年1月25日在…会议上) or a date line, bracketed or not.
    std::string_view inner = content;
    while (const size_t dash = LeadingDashLength(inner)) inner.remove_prefix(dash);
    while (StartsWith(inner, " ")) inner.remove_prefix(1);
    const bool bracketed = StartsWith(inner, "(");
    if (bracketed) inner.remove_prefix(1);
    if (!date && bracketed && inner.ends_with(")")) {
      // Other written forms of a date line: (2023.12.10).
      const std::string_view bare = inner.substr(0, inner.size() - 1);
      if (ReadDate(bare) == std::nullopt) {
        std::optional<Field> parsed = ParseValue(SlotType::kDate, bare, {});
        // A date without a year reads as --MM-DD: no date line.
        if (parsed && !std::get<std::string>(parsed->value).starts_with("--")) {
          const std::string iso = std::get<std::string>(parsed->value);
          HeaderDate read;
          read.year = std::stoi(iso.substr(0, 4));
          read.month = iso.size() >= 7 ? std::stoi(iso.substr(5, 2)) : 0;
          read.day = iso.size() >= 10 ? std::stoi(iso.substr(8, 2)) : 0;
          date = read;
          info.date = iso;
          const size_t at = line_begin + static_cast<size_t>(bare.data() - content.data());
          info.date_span = {at, at + bare.size()};
          use(line_begin, line_begin + content.size());
          continue;
        }
      }
    }
    if (!date) {
      if (std::optional<HeaderDate> read = ReadDate(inner)) {
        std::string_view after = inner.substr(read->length);
        if (after.empty() || after == ")" || StartsWith(after, "在")) {
          date = read;
          info.date = IsoDate(*read);
          const size_t at = line_begin + static_cast<size_t>(inner.data() - content.data());
          info.date_span = {at, at + read->length};
          use(line_begin, line_begin + content.size());
          // Some pages run the speaker onto the delivery line: …会议上 省长 王予波.
          if (const size_t meeting = after.find("会议上"); meeting != std::string_view::npos) {
            std::string_view speaker = after.substr(meeting + std::string_view("会议上").size());
            while (StartsWith(speaker, " ") || StartsWith(speaker, ")")) speaker.remove_prefix(1);
            if (!info.issuer && !speaker.empty() && NamesIssuer(speaker)) {
              info.issuer = std::string(speaker);
              const size_t at = line_begin + static_cast<size_t>(speaker.data() - content.data());
              info.issuer_span = {at, at + speaker.size()};
            }
          }
          continue;
        }
      }
    }
    if (!info.issuer && NamesIssuer(content)) {
      info.issuer = std::string(content);
      info.issuer_span = {line_begin, line_begin + content.size()};
      use(line_begin, line_begin + content.size());
      continue;
    }
    // A title names a report and is no sentence: 2013年,我镇…扎实推进各项工作。 is the opening.
    // Nor is it the three-character tail of a wrapped line (作计划).
    if (!info.title && !info.issuer && !date &&
        HasAny(content, {"总结"sv, "报告"sv, "工作"sv, "计划"sv, "规划"sv, "汇报"sv}) &&
        !HasAny(content, {"。"sv, ";"sv, "!"sv, "?"sv}) && source::CountCodePoints(content) >= 5 &&
        source::CountCodePoints(content) <= 40) {
      info.title = std::string(content);
      info.title_span = {line_begin, line_begin + content.size()};
      use(line_begin, line_begin + content.size());
    }
  }
  const std::optional<int> title_year = info.title ? first_year(*info.title) : std::nullopt;
  info.report_year = date ? std::optional<int>(date->year) : title_year;
  const bool work_report = delivered_to_congress || run_in_work_report ||
                           (info.title && info.title->find("政府工作报告") != std::string::npos);
  if (work_report && date) {
    // Delivered early in the year, it reviews the year before; late in the year, its own.
    info.year = date->month >= 1 && date->month <= 6 ? date->year - 1 : date->year;
    if (date->month == 0) info.year = date->year - 1;
    return info;
  }
  if (work_report && title_year) {
    info.year = *title_year - 1;
    return info;
  }
  info.year = title_year;
  // A review heading names the year reviewed, where a copy that ran the header into the text
  // left no date line (二0一二年工作回忆 after a lost (2013年2月22日)).
  if (!info.year && !date) {
    info.year = ReviewHeadingYear(text.substr(0, std::min(text.size(), kWrapSampleBytes)));
  }
  // A report with no title that opens with its year before any heading (2013年,我镇以…为载体).
  if (!info.year) {
    const size_t opening = PastFurniture(text, 0);
    const std::string_view line =
        opening < limit ? text.substr(opening, text.find('\n', opening) - opening) : "";
    if (line.size() > 7 && line.substr(4, 3) == "年" &&
        std::all_of(line.begin(), line.begin() + 4,
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
        HasAny(line, {"。"sv, ","sv, "，"sv})) {
      info.year = first_year(line.substr(0, 7));
    }
  }
  if (!info.year && first_heading < kWrapSampleBytes) info.year = first_year(heading_text);
  if (!info.year) {
    // The first paragraph often opens with the year it reports on: "2023年来，我们…".
    const size_t start = PastFurniture(text, std::min(heading_end, text.size()));
    std::string_view opening = text.substr(start, std::min<size_t>(120, text.size() - start));
    // Cut at a character boundary, so a year is never read from half a character.
    while (!opening.empty() && (static_cast<unsigned char>(opening.back()) & 0xC0) == 0x80) {
      opening.remove_suffix(1);
    }
    if (start < kWrapSampleBytes) info.year = first_year(opening);
  }
  if (!info.year && date) {
    // Dated at the start of a year, a report that names no year of its own reports on the year
    // before, as a work report delivered then does.
    info.year = date->month >= 1 && date->month <= 2 ? date->year - 1 : date->year;
  }
  // A news report of a council's meeting names no year but the budget year it debates.
  if (!info.year) info.year = FirstBudgetYear(text.substr(0, kWrapSampleBytes), first_year);
  return info;
}

}  // namespace glean::structure
