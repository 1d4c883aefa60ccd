#include "engine/structure/structure.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>

#include "engine/normalize/numbering.h"
#include "engine/source/byte_search.h"
#include "engine/source/utf8.h"
#include "engine/structure/report_header.h"

namespace glean::structure {

using namespace std::string_view_literals;

namespace {

// Numbering styles, each a family of headings; levels follow the order families first appear in,
// as in most reports: 一、 then (一) then 1、 then (1) then ①.
enum class Numbering {
  kPart,
  kChinese,
  kParenChinese,
  kArabic,
  kParenArabic,
  kCircled,
  kMarkdown1,
  kMarkdown2,
  kMarkdown3,
  kMarkdown4,
  kMarkdown5,
  kMarkdown6,
  kTitle,         // a title-like line under a numbered heading
  kLeadingTitle,  // a title-like line before any numbered heading: numbered parts go under it
};

using normalize::ChineseNumeralPrefix;
using normalize::DigitPrefix;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The numbering a line starts with and the length of the marker, if any.
std::optional<Numbering> NumberingOf(std::string_view line, size_t* marker) {
  if (StartsWith(line, "#")) {
    size_t n = 0;
    while (n < line.size() && line[n] == '#') ++n;
    // Normalization drops the space in "# 标题" (punctuation before a CJK character).
    if (n < line.size() && n <= 6) {
      *marker = line[n] == ' ' ? n + 1 : n;
      return static_cast<Numbering>(static_cast<int>(Numbering::kMarkdown1) + int(n) - 1);
    }
    return std::nullopt;
  }
  if (StartsWith(line, "第")) {
    const size_t n = ChineseNumeralPrefix(line.substr(3));
    for (std::string_view unit : {"部分"sv, "章"sv, "篇"sv}) {
      if (n > 0 && StartsWith(line.substr(3 + n), unit)) {
        *marker = 3 + n + unit.size();
        return Numbering::kPart;
      }
    }
    return std::nullopt;
  }
  if (size_t n = ChineseNumeralPrefix(line); n > 0) {
    if (StartsWith(line.substr(n), "、")) {
      *marker = n + 3;
      return Numbering::kChinese;
    }
    return std::nullopt;
  }
  if (size_t n = DigitPrefix(line); n > 0 && n <= 3) {
    const std::string_view rest = line.substr(n);
    if (StartsWith(rest, "、")) {
      *marker = n + 3;
      return Numbering::kArabic;
    }
    if (n <= 2 && rest.size() >= 2 && rest[0] == '.' && !(rest[1] >= '0' && rest[1] <= '9') &&
        rest[1] != '%') {
      *marker = n + 1;
      return Numbering::kArabic;
    }
    return std::nullopt;
  }
  if (StartsWith(line, "(")) {
    const std::string_view rest = line.substr(1);
    if (size_t n = ChineseNumeralPrefix(rest); n > 0 && StartsWith(rest.substr(n), ")")) {
      *marker = n + 2;
      return Numbering::kParenChinese;
    }
    if (size_t n = DigitPrefix(rest); n > 0 && n <= 5 && StartsWith(rest.substr(n), ")")) {
      *marker = n + 2;
      return Numbering::kParenArabic;
    }
    return std::nullopt;
  }
  // ① … ⑳ (U+2460–U+2473): E2 91 A0 – E2 91 B3.
  if (line.size() >= 3 && static_cast<unsigned char>(line[0]) == 0xE2 &&
      static_cast<unsigned char>(line[1]) == 0x91 && static_cast<unsigned char>(line[2]) >= 0xA0 &&
      static_cast<unsigned char>(line[2]) <= 0xB3) {
    *marker = 3;
    return Numbering::kCircled;
  }
  return std::nullopt;
}

bool HasAny(std::string_view s, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (s.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

// The heading part of a numbered line: all of a short line, or the run-in title up to the first
// sentence end (（一）强基固本，奋力书写…答卷。强化政治… → （一）强基固本，奋力书写…答卷).
size_t HeadingLength(std::string_view line) {
  constexpr size_t kMaxHeadingBytes = 40 * 3;
  // Only the head of the line can hold the heading: paragraphs after it run to kilobytes.
  const std::string_view head = line.substr(0, kMaxHeadingBytes + 3);
  size_t end = line.size();
  for (std::string_view stop : {"。"sv, ";"sv, "!"sv, "?"sv}) {
    end = std::min(end, head.find(stop));
  }
  if (end > kMaxHeadingBytes) {
    // No early sentence end: a long paragraph that begins with a number keeps its first clause.
    size_t comma = head.find(',');
    end = comma != std::string_view::npos && comma <= kMaxHeadingBytes ? comma : kMaxHeadingBytes;
    while (end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
  }
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == ':')) --end;
  return end;
}

// Columns a line takes on a page: a Han character (or any other of three or four bytes) two,
// anything else one. Wrap widths are in columns, as PDF lines are set. Counted sixteen bytes at a
// time (every character one, every lead byte of three or four bytes one more): every line of a
// wrapped text is measured, some more than once.
int Columns(std::string_view line) {
  return static_cast<int>(source::CountCodePoints(line) +
                          source::CountBytesMasked(line, 0xE0, 0xE0));
}

// The code point of the character `line` ends with, 0 for an empty line; sets *length to its
// bytes. Only one- to three-byte characters are read: every mark asked about is one of them.
char32_t LastCharacter(std::string_view line, size_t* length) {
  if (line.empty()) return 0;
  const auto last = static_cast<unsigned char>(line.back());
  if (last < 0x80) {
    *length = 1;
    return last;
  }
  if (line.size() < 3) return 0;
  const auto lead = static_cast<unsigned char>(line[line.size() - 3]);
  const auto middle = static_cast<unsigned char>(line[line.size() - 2]);
  if ((lead & 0xF0) != 0xE0) return 0;
  *length = 3;
  return static_cast<char32_t>((lead & 0x0Fu) << 12 | (middle & 0x3Fu) << 6 | (last & 0x3Fu));
}

// Whether a line ends a sentence (or a lead-in ending in a colon), past closing quotes and
// brackets: the line after it starts afresh, so it may be a heading. Asked of every line, so read
// by code point rather than compared with each mark.
bool EndsSentence(std::string_view line) {
  while (true) {
    size_t length = 0;
    switch (LastCharacter(line, &length)) {
      case U'”':
      case U'’':
      case U')':
      case U'」':
      case U'』':
      case U'】':
      case U'》':
      case U'"':
        line.remove_suffix(length);
        continue;
      case U'。':
      case U'!':
      case U'?':
      case U';':
      case U':':
      case U'！':
      case U'？':
      case U'；':
      case U'：':
      case U'…':
        return true;
      default:
        return false;
    }
  }
}

// A short line standing alone like a title: no sentence punctuation, not a figure, mostly Han.
bool TitleLike(std::string_view line) {
  if (line.size() > 32 * 4) return false;  // longer than any title: no need to read it all
  const size_t length = source::CountCodePoints(line);
  if (length < 6 || length > 32) return false;
  if (HasAny(line, {"。"sv, ";"sv, "!"sv, "?"sv, ":"sv, "\""sv})) return false;
  // A lead-in whose colon was left out (现将工作总结如下) introduces a list, it does not title one.
  if (line.ends_with("如下")) return false;
  if (FindFigure(line) != std::string_view::npos) return false;
  size_t han = 0;
  for (size_t i = 0; i + 2 < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c >= 0xE4 && c <= 0xE9) ++han;
  }
  return han * 2 >= length;
}

// The number a heading's marker states (一、 → 1, (12) → 12), or 0 for titles and markdown.
int MarkerNumber(std::string_view marker) {
  int value = 0;
  bool digits = false;
  for (char c : marker) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      digits = true;
    }
  }
  if (digits) return value;
  static constexpr std::pair<std::string_view, int> kValues[] = {
      {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4}, {"五", 5},
      {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}};
  int total = 0, current = 0;
  for (size_t i = 0; i < marker.size();) {
    bool matched = false;
    for (const auto& [word, number] : kValues) {
      if (marker.substr(i, word.size()) == word) {
        if (number == 10) {
          total += (current == 0 ? 1 : current) * 10;
          current = 0;
        } else {
          current = number;
        }
        i += word.size();
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  return total + current;
}

struct Line {
  size_t begin;  // first non-blank byte
  size_t end;    // past the last non-blank byte
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    size_t b = begin, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    // A full-width space left by a rule set that turns NFKC off.
    while (b + 3 <= e && text.substr(b, 3) == "\u3000") b += 3;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    lines.push_back({b, e});
    if (end == text.size()) break;
    begin = end + 1;
  }
  return lines;
}

// The first position from `at` whose byte may start a sentence end, quote or bracket that
// SplitSentences knows, or a line end, or text.size(): ASCII marks, and the UTF-8 lead bytes of the
// general punctuation (E2), CJK punctuation (E3) and full-width forms (EF) blocks. Han text has
// such a byte every dozen characters or so, and this runs over every byte of every document.
size_t NextMayStartMark(std::string_view text, size_t at) {
  return source::FindByte<0, '\n', '"', '(', ')', '!', '?', ';', 0xE2, 0xE3, 0xEF>(text, at);
}

// What a mark that SplitSentences knows is: a sentence end (。!?;！？；), an opening quote or
// bracket (“‘(（「『【《) or a closing one (”’)）」』】》).
enum class Mark { kNone, kEnd, kOpener, kCloser };

// The mark at `at` and its bytes. One switch on the character's key: NextMayStartMark stops at
// every punctuation character of a line (，、 …), and comparing each against two dozen strings
// cost more than the rest of the split.
Mark MarkAt(std::string_view text, size_t at, size_t* width) {
  using source::CharKey;
  *width = 1;
  switch (text[at]) {
    case '!':
    case '?':
    case ';':
      return Mark::kEnd;
    case '(':
      return Mark::kOpener;
    case ')':
      return Mark::kCloser;
    default:
      break;
  }
  if (static_cast<unsigned char>(text[at]) < 0xE0 || text.size() - at < 3) return Mark::kNone;
  *width = 3;
  switch (CharKey(text.substr(at, 3))) {
    case CharKey("。"):
    case CharKey("！"):
    case CharKey("？"):
    case CharKey("；"):
      return Mark::kEnd;
    case CharKey("“"):
    case CharKey("‘"):
    case CharKey("（"):
    case CharKey("「"):
    case CharKey("『"):
    case CharKey("【"):
    case CharKey("《"):
      return Mark::kOpener;
    case CharKey("”"):
    case CharKey("’"):
    case CharKey("）"):
    case CharKey("」"):
    case CharKey("』"):
    case CharKey("】"):
    case CharKey("》"):
      return Mark::kCloser;
    default:
      return Mark::kNone;
  }
}

// Sentences as sorted, contiguous [begin, end) ranges covering the text except line ends.
// Computed once so SentenceAt is a binary search, not a scan of a possibly long line.
std::vector<std::pair<size_t, size_t>> SplitSentences(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> sentences;
  size_t begin = 0;
  int depth = 0;  // open quotes and brackets on this line; an end mark inside them is not an end
  bool in_ascii_quote = false;
  size_t at = 0;
  while (at < text.size()) {
    // Most bytes (Han characters, digits, letters) can start none of the marks: passed over 16 at
    // a time instead of being compared against two dozen strings each.
    at = NextMayStartMark(text, at);
    if (at == text.size()) break;
    if (text[at] == '\n') {
      sentences.emplace_back(begin, at);
      begin = at + 1;
      at = begin;
      depth = 0;  // an unbalanced quote never swallows the following lines
      in_ascii_quote = false;
      continue;
    }
    if (text[at] == '"') {
      in_ascii_quote = !in_ascii_quote;
      depth += in_ascii_quote ? 1 : -1;
      ++at;
      continue;
    }
    size_t width = 0;
    const Mark mark = MarkAt(text, at, &width);
    if (mark == Mark::kOpener) {
      ++depth;
      at += width;
      continue;
    }
    if (mark == Mark::kCloser) {
      depth = std::max(0, depth - 1);
      at += width;
      continue;
    }
    if (mark == Mark::kEnd) {
      size_t after = at + width;
      // Closing marks right after the end belong to this sentence: 他说:“好!”
      int closes = 0;
      while (after < text.size()) {
        size_t closer = 0;
        if (MarkAt(text, after, &closer) != Mark::kCloser) closer = 0;
        if (closer == 0 && text[after] == '"' && in_ascii_quote) closer = 1;
        if (closer == 0) break;
        if (text[after] == '"') in_ascii_quote = false;
        after += closer;
        ++closes;
      }
      depth = std::max(0, depth - closes);
      if (depth == 0) {
        sentences.emplace_back(begin, after);
        begin = after;
      }
      at = after;
      continue;
    }
    ++at;
  }
  if (begin < text.size() || sentences.empty()) sentences.emplace_back(begin, text.size());
  return sentences;
}

}  // namespace

size_t FindFigure(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c >= '0' && c <= '9') {
      const size_t begin = i;
      while (i < line.size() && ((line[i] >= '0' && line[i] <= '9') ||
                                 ((line[i] == '.' || line[i] == ',') && i + 1 < line.size() &&
                                  line[i + 1] >= '0' && line[i + 1] <= '9'))) {
        ++i;
      }
      // Codes and names (G20, 5G) and ordinals (第3次) are not quantities.
      const bool after_letter =
          begin > 0 && std::isalpha(static_cast<unsigned char>(line[begin - 1])) != 0;
      const bool ordinal = begin >= 3 && line.substr(begin - 3, 3) == "第";
      size_t unit = i;
      while (unit < line.size() && line[unit] == ' ') ++unit;
      const std::string_view rest = line.substr(unit);
      if (!after_letter && !ordinal) {
        if (StartsWith(rest, "%") || StartsWith(rest, "‰")) return begin;
        // A unit is a Han character; dates, years and numbers of a series are not figures.
        if (!rest.empty() && static_cast<unsigned char>(rest[0]) >= 0xE4 &&
            static_cast<unsigned char>(rest[0]) <= 0xE9 &&
            !HasAny(rest.substr(0, 3),
                    {"年"sv, "月"sv, "日"sv, "号"sv, "届"sv, "时"sv, "点"sv, "版"sv, "期"sv})) {
          return begin;
        }
      }
      if (i == begin) ++i;
      --i;  // the loop steps past the number's last byte
      continue;
    }
    if (StartsWith(line.substr(i), "百分之")) return i;
    if (const size_t n = ChineseNumeralPrefix(line.substr(i)); n > 0) {
      // Chinese numerals count in slogans too (四个全面, 一户一策); only money, area, weight and
      // distance make them a figure here.
      const std::string_view rest = line.substr(i + n);
      for (std::string_view unit :
           {"千"sv, "万"sv, "亿"sv, "元"sv, "亩"sv, "公里"sv, "公顷"sv, "平方"sv, "吨"sv}) {
        if (StartsWith(rest, unit)) return i;
      }
      i += n - 1;
    }
  }
  return std::string_view::npos;
}

WrapJudgement JudgeWrap(std::string_view text) {
  // Hard-wrapped text has most of its lines within a few columns of one width, whatever the
  // sentences, and few lines longer; a text of paragraphs has lines of every width.
  std::vector<std::pair<int, bool>> lines;  // columns, and whether the line ends a sentence
  for (const Line& line : SplitLines(text.substr(0, std::min(text.size(), kWrapSampleBytes)))) {
    const std::string_view content = text.substr(line.begin, line.end - line.begin);
    // A line of more than 160 Han characters is a paragraph whatever its exact width, and most
    // report text is in such lines: not read byte by byte.
    const int columns = content.size() > 480 ? static_cast<int>(content.size()) : Columns(content);
    // Headings and list items are of like widths in any text: only body lines tell wrapping.
    size_t marker = 0;
    if (columns >= 16 && !NumberingOf(content, &marker)) {
      lines.emplace_back(columns, EndsSentence(content));
    }
  }
  WrapJudgement judgement;
  if (lines.size() < 4) return judgement;
  std::vector<int> widths;
  widths.reserve(lines.size());
  for (const auto& [columns, ends] : lines) widths.push_back(columns);
  std::sort(widths.begin(), widths.end());
  size_t best = 0, best_first = 0;
  for (size_t first = 0, last = 0; first < widths.size(); ++first) {
    const int tolerance = std::max(4, widths[first] / 10);
    while (last < widths.size() && widths[last] <= widths[first] + tolerance) ++last;
    if (last - first > best) {
      best = last - first;
      best_first = first;
    }
  }
  const int low = widths[best_first];
  const int high = widths[best_first + best - 1];
  const int tolerance = std::max(4, low / 10);
  size_t longer = 0, open = 0;
  for (const auto& [columns, ends] : lines) {
    if (columns > high + tolerance) ++longer;
    if (columns >= low && columns <= high && !ends) ++open;
  }
  if (best >= 4 && best * 5 >= lines.size() * 2 && open * 2 >= best && longer * 5 <= lines.size()) {
    judgement.wrapped = true;
    judgement.width = high;
  }
  return judgement;
}

namespace {

// The last appendix mark line of `text` (附件, 附件1) and what follows it up to the end of the
// next line that holds text (its title), from the line break before the mark; empty if none.
std::string LastAppendixHead(std::string_view text) {
  constexpr std::string_view kMark = "\n附件";
  constexpr size_t kHeadBytes = 256;
  // From line break to line break back with memrchr, not rfind's compare at every byte: most
  // reports have no appendix, and this looks through all of their text.
  size_t mark = std::string_view::npos;
  for (size_t end = text.size(); end > 0;) {
    const void* line_break = memrchr(text.data(), '\n', end);
    if (line_break == nullptr) break;
    end = static_cast<size_t>(static_cast<const char*>(line_break) - text.data());
    if (text.substr(end).starts_with(kMark)) {
      mark = end;
      break;
    }
  }
  if (mark == std::string_view::npos) return {};
  size_t at = mark + kMark.size();
  while (at < text.size() &&
         (text[at] == '\n' || text[at] == ' ' || (text[at] >= '0' && text[at] <= '9'))) {
    ++at;
  }
  const size_t title_end = std::min({text.find('\n', at), text.size(), mark + kHeadBytes});
  return std::string(text.substr(mark, title_end - mark));
}

}  // namespace

class StructureBuilder {
 public:
  static DocumentStructure Build(std::string_view text, const StructureCarry* carry,
                                 std::optional<WrapJudgement> judged,
                                 std::span<const size_t> cut_breaks) {
    DocumentStructure structure;
    const std::vector<Line> lines = SplitLines(text);
    std::vector<Numbering> open;  // numbering families of the open headings, outermost first
    std::vector<int> open_index;
    std::vector<int> open_number;  // the number each open heading stated
    bool numbered_seen = false;
    bool body_seen = false;
    bool after_break = true;
    bool after_cut = false;  // the last line was cut at the wrap width mid-sentence
    WrapJudgement wrap;
    if (carry != nullptr) {
      for (size_t i = 0; i < carry->open.size(); ++i) {
        Heading heading = carry->open[i];
        heading.begin = heading.end = 0;
        structure.parent_.push_back(static_cast<int>(i) - 1);
        structure.headings_.push_back(std::move(heading));
        open.push_back(static_cast<Numbering>(carry->families[i]));
        open_index.push_back(static_cast<int>(i));
        open_number.push_back(carry->numbers[i]);
      }
      numbered_seen = carry->numbered_seen;
      body_seen = carry->body_seen;
      after_break = carry->after_break;
      after_cut = carry->after_cut;
      wrap = carry->wrap;
    } else {
      wrap = judged ? *judged : JudgeWrap(text);
    }
    // Within a few columns of the wrap width a line may have been cut there.
    const int wrap_slack = std::max(4, wrap.width / 10);
    const auto full_width = [&](std::string_view content) {
      return wrap.wrapped && Columns(content) >= wrap.width - wrap_slack;
    };
    // Where normalization joined the wrapped lines it knows which line it left cut at the
    // width: one whose last physical line filled it, kept before a line that starts like a
    // heading (…经过⏎一、二审后…) or before blank lines. Any other ended its paragraph on a short
    // last line (a title one character too long for a line, …推动经济实体行稳致⏎远), or short
    // of what the text's wrapped lines fill (a title of 30 columns in lines of 32 to 34),
    // whatever the width of the whole. Elsewhere a line that comes near the wrap width may be a
    // piece of a wrapped line; one wider than any line of the text was joined by normalization
    // (a title too long for the column, set over two lines), and its end is real.
    const auto cut_at_width = [&](const Line& line) {
      const auto after = std::lower_bound(cut_breaks.begin(), cut_breaks.end(), line.end);
      return after != cut_breaks.end() &&
             *after <= std::min(text.size(), text.find('\n', line.end));
    };
    const auto may_be_cut = [&](const Line& line, std::string_view content) {
      if (wrap.joining.wrapped()) return cut_at_width(line);
      return full_width(content) && Columns(content) <= wrap.width;
    };
    // A paragraph line: it ends a sentence, is longer than any title, or runs to the wrap width.
    const auto body = [&](std::string_view content) {
      const size_t bytes = content.size();
      return (bytes >= 8 * 3 && EndsSentence(content)) || bytes > 40 * 3 ||
             source::CountCodePoints(content) > 32 || full_width(content);
    };
    // What a title stands over: a paragraph or a numbered list.
    const auto introduces = [&](std::string_view next) {
      size_t marker = 0;
      return body(next) || NumberingOf(next, &marker).has_value();
    };
    const auto next_content = [&](size_t index) {
      for (size_t k = index + 1; k < lines.size(); ++k) {
        if (lines[k].end > lines[k].begin) {
          return text.substr(lines[k].begin, lines[k].end - lines[k].begin);
        }
      }
      return std::string_view();
    };
    for (size_t index = 0; index < lines.size(); ++index) {
      const Line& line = lines[index];
      const std::string_view content = text.substr(line.begin, line.end - line.begin);
      if (content.empty()) continue;
      // A line that follows one cut at the wrap width continues it, numbered or not.
      // A numbered line that itself runs to the wrap width: a heading is shorter, or ends its
      // run-in title within the line.
      const bool continues = after_cut && full_width(content);
      const bool was_after_break = after_break;
      // An appendix label (附件1) stands alone above the appendix's title.
      // A list item's ; does not end what a title may follow: a line after one goes on the list.
      after_break =
          (EndsSentence(content) && !content.ends_with(";")) ||
          (content.size() <= 6 * 3 && (StartsWith(content, "附件") || StartsWith(content, "附表") ||
                                       StartsWith(content, "附录")));
      // Lines much longer than the wrap width were joined by normalization: their ends are real.
      after_cut = !EndsSentence(content) &&
                  (wrap.joining.wrapped()
                       ? cut_at_width(line)
                       : full_width(content) && Columns(content) <= wrap.width + wrap_slack);
      size_t marker = 0;
      std::optional<Numbering> numbering = NumberingOf(content, &marker);
      size_t length = 0;
      if (numbering && !continues) {
        length = HeadingLength(content);
        if (length <= marker) continue;  // a bare number, not a heading
        numbered_seen = true;
      } else if (!numbering && was_after_break && (numbered_seen || body_seen) &&
                 !may_be_cut(line, content) && TitleLike(content) &&
                 introduces(next_content(index)) && (numbered_seen || !content.ends_with("报告"))) {
        numbering = numbered_seen ? Numbering::kTitle : Numbering::kLeadingTitle;
        length = content.size();
      } else {
        if (!body_seen && body(content)) body_seen = true;
        continue;
      }
      if (length == content.size() && !after_cut) {
        // A heading that is its whole line ends what came before; a run-in heading's line goes
        // on as a paragraph, judged as one, and so does a heading cut at the wrap width: the
        // rest of its title is on the next line.
        after_break = true;
        after_cut = false;
      }
      // Close headings down to this family's level, or open a deeper one. A title-like line
      // sits under the current numbered heading.
      const bool titled = *numbering == Numbering::kTitle || *numbering == Numbering::kLeadingTitle;
      const int number = titled ? 0 : MarkerNumber(content.substr(0, marker));
      auto found = std::find(open.begin(), open.end(), *numbering);
      // A new style whose number continues an open heading's (一、… then 2、…) is that heading's
      // sibling written differently, not a child numbered from 2.
      auto continued = open.end();
      if (found == open.end() && number > 1) {
        // Only a heading with open children: right under its parent, a new style is a child list.
        for (size_t k = 0; k + 1 < open_number.size(); ++k) {
          if (open_number[k] == number - 1) {
            continued = open.begin() + static_cast<long>(k);
            break;
          }
        }
      }
      if (found == open.end() && continued != open.end()) found = continued;
      if (found != open.end()) {
        const size_t keep = static_cast<size_t>(found - open.begin());
        open.resize(keep);
        open_index.resize(keep);
        open_number.resize(keep);
      } else if (*numbering == Numbering::kChinese || *numbering == Numbering::kPart) {
        // A top-level style appearing for the first time after deeper ones starts from the top:
        // a part (第一部分) closes everything, 一、 everything but parts and the titles that
        // stand for parts before any numbering.
        auto first_deeper = *numbering == Numbering::kPart
                                ? open.begin()
                                : std::find_if(open.begin(), open.end(), [](Numbering n) {
                                    return n != Numbering::kPart && n != Numbering::kLeadingTitle;
                                  });
        const size_t keep = static_cast<size_t>(first_deeper - open.begin());
        open.resize(keep);
        open_index.resize(keep);
        open_number.resize(keep);
      }
      Heading heading;
      heading.level = static_cast<int>(open.size()) + 1;
      heading.begin = line.begin;
      heading.end = line.begin + length;
      heading.text = std::string(content.substr(0, length));
      structure.parent_.push_back(open_index.empty() ? -1 : open_index.back());
      open.push_back(*numbering);
      open_index.push_back(static_cast<int>(structure.headings_.size()));
      open_number.push_back(number);
      structure.headings_.push_back(std::move(heading));
    }
    if (carry == nullptr) {
      const std::vector<Heading>& headings = structure.headings_;
      structure.info_ = headings.empty()
                            ? ReadReportHeader(text, text.size(), {}, 0)
                            : ReadReportHeader(text, headings.front().begin, headings.front().text,
                                               headings.front().end);
    }
    StructureCarry& end = structure.end_state_;
    for (size_t i = 0; i < open.size(); ++i) {
      end.open.push_back(structure.headings_[static_cast<size_t>(open_index[i])]);
      end.families.push_back(static_cast<int>(open[i]));
      end.numbers.push_back(open_number[i]);
    }
    end.numbered_seen = numbered_seen;
    end.body_seen = body_seen;
    end.after_break = after_break;
    end.after_cut = after_cut;
    end.wrap = wrap;
    if (carry != nullptr) structure.appendix_before_ = carry->appendix;
    end.appendix = LastAppendixHead(text);
    if (end.appendix.empty()) end.appendix = structure.appendix_before_;
    return structure;
  }
};

DocumentStructure DocumentStructure::Build(std::string_view normalized, const StructureCarry* carry,
                                           std::optional<WrapJudgement> wrap,
                                           std::span<const size_t> cut_breaks) {
  return StructureBuilder::Build(normalized, carry, wrap, cut_breaks);
}

int DocumentStructure::InnermostAt(size_t offset) const {
  auto it = std::upper_bound(headings_.begin(), headings_.end(), offset,
                             [](size_t value, const Heading& h) { return value < h.begin; });
  return static_cast<int>(it - headings_.begin()) - 1;
}

StructureCarry DocumentStructure::Carry() const { return end_state_; }

std::vector<int> DocumentStructure::PathAt(size_t offset) const {
  std::vector<int> path;
  for (int index = InnermostAt(offset); index >= 0; index = parent_[index]) {
    path.push_back(index);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

namespace {

// The range of the sentences of `sentences` (sorted, contiguous but for line ends) that [begin,
// end) touches: the first ending after `begin` to the last starting before `end`, so a match that
// crosses a boundary gets both sentences.
std::pair<size_t, size_t> Enclosing(const std::vector<std::pair<size_t, size_t>>& sentences,
                                    size_t begin, size_t end) {
  if (sentences.empty()) return {begin, end};
  auto first = std::upper_bound(sentences.begin(), sentences.end(), begin,
                                [](size_t value, const auto& s) { return value < s.second; });
  if (first == sentences.end()) --first;
  auto last = std::lower_bound(first, sentences.end(), std::max(end, begin + 1),
                               [](const auto& s, size_t value) { return s.first < value; });
  if (last != first) --last;
  return {std::min(first->first, begin), std::max(last->second, end)};
}

}  // namespace

std::pair<size_t, size_t> DocumentStructure::SentenceAt(std::string_view normalized, size_t begin,
                                                        size_t end) const {
  // No sentence crosses a line end, and the split starts afresh on every line: a match inside
  // one line needs that line's sentences only, which are split the first time one is asked for.
  // The text's empty sentences at line ends are never a match's, so the answer is the same.
  std::call_once(sentences_->line_ends_once, [&] {
    for (size_t at = normalized.find('\n'); at != std::string_view::npos;
         at = normalized.find('\n', at + 1)) {
      sentences_->line_ends.push_back(at);
    }
  });
  const std::vector<size_t>& line_ends = sentences_->line_ends;
  const auto next_end = std::lower_bound(line_ends.begin(), line_ends.end(), begin);
  const size_t line_end = next_end == line_ends.end() ? normalized.size() : *next_end;
  const size_t line_begin = next_end == line_ends.begin() ? 0 : *std::prev(next_end) + 1;
  if (begin < line_end && end <= line_end) {
    const std::vector<std::pair<size_t, size_t>>* line = nullptr;
    {
      std::lock_guard<std::mutex> lock(sentences_->mutex);
      auto [it, inserted] = sentences_->lines.try_emplace(line_begin);
      if (inserted) {
        it->second = SplitSentences(normalized.substr(line_begin, line_end - line_begin));
        for (auto& [first, last] : it->second) {
          first += line_begin;
          last += line_begin;
        }
      }
      line = &it->second;  // never changed again, and kept in place by the map
    }
    return Enclosing(*line, begin, end);
  }
  // A match across lines, or at a line end: the whole text's sentences.
  std::call_once(sentences_->once, [&] { sentences_->ranges = SplitSentences(normalized); });
  return Enclosing(sentences_->ranges, begin, end);
}

}  // namespace glean::structure
