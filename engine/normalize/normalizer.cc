#include "engine/normalize/normalizer.h"

#include "engine/normalize/fold_table.h"
#include "engine/normalize/normalized_text_builder.h"
#include "engine/normalize/numbering.h"
#include "engine/normalize/page_footers.h"
#include "engine/normalize/page_furniture.h"
#include "engine/source/byte_search.h"
#include "engine/source/utf8.h"

#include <unicode/normalizer2.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <re2/re2.h>

namespace glean::normalize {

using namespace std::string_view_literals;

namespace {

bool IsTight(CharClass c) { return c == CharClass::kHan || c == CharClass::kCjkPunct; }

// Space between `before` and `after` carries no meaning in Chinese text: between two CJK
// characters, or a CJK character and a digit or punctuation. Kept between Latin words and digits.
bool SpaceIsNoise(CharClass before, CharClass after) {
  const bool loose_before = before == CharClass::kDigit || before == CharClass::kAsciiPunct;
  const bool loose_after = after == CharClass::kDigit || after == CharClass::kAsciiPunct;
  return (IsTight(before) && (IsTight(after) || loose_after)) || (loose_before && IsTight(after));
}

using source::DecodeUtf8At;

bool IsBlankOrBreak(char c) { return c == '\n' || IsBlank(c); }

// The class of the last character of non-empty valid UTF-8 `text`.
CharClass ClassOfLast(std::string_view text) {
  size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  size_t length = 0;
  return Classify(DecodeUtf8At(text, start, &length));
}

// The class of `folded`, the fold of `original`, as what comes next sees it. Chinese
// punctuation folded to ASCII (， → ,) still sits tight against its neighbours: a space or a
// joined line break after it is nothing, as after the character itself, so that 通水，⏎5G基站
// reads 通水,5G基站 wherever the line was broken.
CharClass ClassOfFold(uint32_t original, std::string_view folded) {
  const CharClass folded_class = ClassOfLast(folded);
  return folded_class == CharClass::kAsciiPunct && Classify(original) == CharClass::kCjkPunct
             ? CharClass::kCjkPunct
             : folded_class;
}

// What line joining reads off one physical line that does not end a sentence: its size, in one
// branch-free pass, and its end. Punctuation is looked for only when a decision needs it.
struct LineFacts {
  size_t bytes = 0;              // bytes other than blanks
  bool ends_with_digit = false;  // an ASCII or full-width digit last
  bool page_number = false;      // nothing but one to three digits, as a page footer
};

LineFacts ReadLine(std::string_view line) {
  LineFacts facts;
  // Counted sixteen bytes at a time: every line that ends no sentence is read here whole.
  facts.bytes = line.size() - source::CountByte(line, ' ') - source::CountByte(line, '\t');
  if (line.empty()) return facts;
  const char last = line.back();
  if (last >= '0' && last <= '9') {
    facts.ends_with_digit = true;
    facts.page_number = line.size() <= 3 && std::all_of(line.begin(), line.end(), [](char c) {
                          return c >= '0' && c <= '9';
                        });
  } else if (line.size() >= 3) {
    size_t length = 0;
    const uint32_t cp = DecodeUtf8At(line, line.size() - 3, &length);
    facts.ends_with_digit = length == 3 && cp >= 0xFF10 && cp <= 0xFF19;  // ０ … ９
  }
  return facts;
}

// Whether a line starting with `first` (folded) continues the line before it whatever that line
// looks like: no line of a report starts with a comma or a closing mark.
bool ContinuesAnyLine(uint32_t first) {
  static constexpr uint32_t kClosers[] = {',',    ';',    ':',    '!',    '?',    ')',    ']',
                                          0x3001, 0x3002, 0x201D, 0x2019, 0x300B, 0x3011, 0x2030};
  return std::find(std::begin(kClosers), std::end(kClosers), first) != std::end(kClosers);
}

// Whether a (folded) line starting with `head` goes on a figure that ends the line before, short
// as that line may be (种植面积2000⏎亩): a magnitude, 余/多, a unit that starts no common word,
// % or ‰. Units such as 人, 名 or 年 also start words (人民, 名词解释, 年平均): after a figure
// they join only as any paragraph line does.
bool ContinuesFigure(std::string_view head) {
  for (std::string_view word :
       {"万"sv,       "亿"sv,     "元"sv,   "亩"sv,   "户"sv,   "余"sv,     "多"sv,
        "倍"sv,       "吨"sv,     "公里"sv, "公顷"sv, "公斤"sv, "平方米"sv, "平方公里"sv,
        "平方千米"sv, "立方米"sv, "千米"sv, "千克"sv, "人次"sv, "户次"sv,   "km"sv,
        "kg"sv,       "m2"sv,     "m3"sv,   "%"sv,    "‰"sv}) {
    if (head.starts_with(word)) return true;
  }
  return false;
}

// Whether the (unfolded) character at `at` is a Chinese numeral digit or magnitude.
bool IsNumeralCharAt(std::string_view text, size_t at) {
  if (at + 3 > text.size()) return false;
  static constexpr auto kKeys = [] {
    constexpr std::string_view kWords[] = {"零", "一", "二", "三", "四", "五", "六",
                                           "七", "八", "九", "十", "百", "千", "万",
                                           "亿", "两", "萬", "億", "兩", "〇"};
    std::array<uint32_t, std::size(kWords)> keys{};
    for (size_t i = 0; i < keys.size(); ++i) keys[i] = source::CharKey(kWords[i]);
    std::sort(keys.begin(), keys.end());
    return keys;
  }();
  return std::binary_search(kKeys.begin(), kKeys.end(), source::CharKey(text.substr(at, 3)));
}

bool IsCircleAt(std::string_view text, size_t at) {
  return text.substr(at, 3) == "○" || text.substr(at, 3) == "〇";
}

// Whether the ○ at `at` stands in a numeral: its run of ○ and 〇 touches a Chinese digit or
// magnitude on either side (六九○○萬, 二○二一).
bool CircleInNumeral(std::string_view text, size_t at) {
  size_t begin = at;
  while (begin >= 3 && IsCircleAt(text, begin - 3)) begin -= 3;
  size_t end = at + 3;
  while (IsCircleAt(text, end)) end += 3;
  return (begin >= 3 && IsNumeralCharAt(text, begin - 3)) || IsNumeralCharAt(text, end);
}

// Whether a blank between a figure and what follows is noise: before %, or a Latin unit.
bool StartsFigureSuffix(std::string_view text, size_t at) {
  const std::string_view rest = text.substr(at, 4);
  if (rest.starts_with("%") || rest.starts_with("％")) return true;
  for (std::string_view unit : {"km"sv, "kg"sv, "m2"sv, "m3"sv, "㎡"sv, "㎞"sv, "㎏"sv}) {
    if (rest.starts_with(unit)) {
      const char after = rest.size() > unit.size() ? rest[unit.size()] : ' ';
      return !((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z'));
    }
  }
  return false;
}

bool StartsWithAny(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (text.substr(0, p.size()) == p) return true;
  }
  return false;
}

}  // namespace

bool StartsLikeHeading(std::string_view line) {
  const auto numerals = ChineseNumeralPrefix;
  const auto digits = DigitPrefix;
  if (line.empty()) return false;
  if (StartsWithAny(line,
                    {"#"sv, "- "sv, "* "sv, "• "sv, "·"sv, "●"sv, "■"sv, "◆"sv, "★"sv, "第"sv})) {
    if (line.substr(0, 3) != "第") return true;
    const size_t n = numerals(line.substr(3));
    return n > 0 &&
           StartsWithAny(line.substr(3 + n), {"部分"sv, "章"sv, "节"sv, "条"sv, "篇"sv, "项"sv});
  }
  size_t cp_len = 0;
  const uint32_t first = DecodeUtf8At(line, 0, &cp_len);
  if (KeepsListMarker(first)) return true;
  if (size_t n = numerals(line); n > 0) {
    return StartsWithAny(line.substr(n), {"、"sv, "."sv, "．"sv});
  }
  if (size_t n = digits(line); n > 0) {
    std::string_view rest = line.substr(n);
    if (StartsWithAny(rest, {"、"sv, ")"sv, "）"sv})) return true;
    return rest.size() >= 2 && rest[0] == '.' && !(rest[1] >= '0' && rest[1] <= '9');
  }
  if (StartsWithAny(line, {"("sv, "（"sv})) {
    std::string_view rest = line.substr(line[0] == '(' ? 1 : 3);
    size_t n = numerals(rest);
    if (n == 0) n = digits(rest);
    return n > 0 && StartsWithAny(rest.substr(n), {")"sv, "）"sv});
  }
  return false;
}

struct Normalizer::Impl {
  NormalizeOptions options;
  std::unique_ptr<RE2> strip;  // every strip pattern in one alternation: one scan per document
  const FoldTable* table = nullptr;  // shared, see SharedFoldTable
};

Normalizer::Normalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;
Normalizer::~Normalizer() = default;

const NormalizeOptions& Normalizer::options() const { return impl_->options; }

Result<Normalizer> Normalizer::Create(const NormalizeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  Diagnostics errors;
  std::vector<std::string> patterns;
  for (const std::string& pattern : options.strip) {
    RE2::Options re_options;
    re_options.set_log_errors(false);
    RE2 re(pattern, re_options);
    if (!re.ok()) {
      errors.push_back(Diagnostic::Error(
          "regex", {},
          fmt::format("strip pattern '{}' does not compile: {}", pattern, re.error())));
      continue;
    }
    patterns.push_back(pattern);
  }
  if (!errors.empty()) return Result<Normalizer>::Failure(std::move(errors));
  if (!patterns.empty()) {
    std::string alternation;
    for (const std::string& pattern : patterns) {
      alternation += (alternation.empty() ? "(?:" : "|(?:") + pattern + ")";
    }
    RE2::Options re_options;
    re_options.set_log_errors(false);
    impl->strip = std::make_unique<RE2>(alternation, re_options);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) {
    return Result<Normalizer>::Failure({Diagnostic::Error(
        "icu", {}, fmt::format("ICU's NFKC data is not available: {}", u_errorName(status)))});
  }
  impl->table = &SharedFoldTable(options.nfkc ? nfkc : nullptr, options.traditional_to_simplified);
  return Normalizer(std::move(impl));
}

NormalizedText Normalizer::Normalize(std::string_view text) const {
  return Normalize(text, impl_->options.join_lines ? DetectLayout(text) : LineLayout{});
}

NormalizedText Normalizer::Normalize(std::string_view text, const LineLayout& layout) const {
  const Impl& impl = *impl_;
  const NormalizeOptions& options = impl.options;
  const FoldTable& table = *impl.table;
  NormalizedText result;
  if (options.join_lines) result.layout = layout;
  NormalizedTextBuilder out(text, &result);
  std::string scratch;

  // Spans to strip. The default markup is found with substring search, far faster than a regex
  // scan; patterns a rule set adds run as one RE2 alternation.
  std::vector<std::pair<size_t, size_t>> strips;
  if (options.strip_defaults) {
    for (size_t at = text.find("**"); at != std::string_view::npos; at = text.find("**", at)) {
      strips.emplace_back(at, at + 2);
      at += 2;
    }
    constexpr std::string_view kBookmark = "[bookmark:";
    for (size_t at = text.find(kBookmark); at != std::string_view::npos;
         at = text.find(kBookmark, at + 1)) {
      const size_t close = text.find_first_of("]\n", at + kBookmark.size());
      if (close != std::string_view::npos && text[close] == ']') strips.emplace_back(at, close + 1);
    }
    FindPageFooters(text, &strips);
  }
  if (impl.strip != nullptr) {
    re2::StringPiece input(text.data(), text.size()), match;
    size_t at = 0;
    while (at < text.size() &&
           impl.strip->Match(input, at, text.size(), RE2::UNANCHORED, &match, 1)) {
      const size_t begin = static_cast<size_t>(match.data() - text.data());
      const size_t end = begin + match.size();
      if (end == begin) {
        at = begin + 1;
        continue;
      }
      strips.emplace_back(begin, end);
      at = end;
    }
  }
  // Sorted, overlaps merged, so every later lookup can binary-search.
  std::sort(strips.begin(), strips.end());
  size_t merged = 0;
  for (const auto& span : strips) {
    if (merged > 0 && span.first < strips[merged - 1].second) {
      strips[merged - 1].second = std::max(strips[merged - 1].second, span.second);
    } else {
      strips[merged++] = span;
    }
  }
  strips.resize(merged);
  size_t next_strip = 0;
  const auto strip_at = [&](size_t at) -> size_t {  // end of a strip span starting at `at`, or 0
    while (next_strip < strips.size() && strips[next_strip].first < at) ++next_strip;
    return next_strip < strips.size() && strips[next_strip].first == at ? strips[next_strip].second
                                                                        : 0;
  };

  // The first strip span that starts at or after `at`. Asked at every blank and line break, and
  // mostly just ahead of the pass: walked from the pass's place then, searched only behind it.
  const auto first_strip_from = [&](size_t at) {
    if (next_strip > 0 && strips[next_strip - 1].first >= at) {
      return std::lower_bound(strips.begin(), strips.end(), std::make_pair(at, size_t{0}));
    }
    auto it = strips.begin() + static_cast<std::ptrdiff_t>(next_strip);
    while (it != strips.end() && it->first < at) ++it;
    return it;
  };

  // The class of the character a reader sees next from `at`, past strip spans.
  const auto class_from = [&](size_t at) {
    for (auto it = first_strip_from(at); it != strips.end() && it->first == at; ++it) {
      at = it->second;
    }
    if (at >= text.size()) return CharClass::kOther;
    size_t length = 0;
    const uint32_t cp = DecodeUtf8At(text, at, &length);
    std::string_view folded = table.Fold(cp, &scratch);
    if (folded.empty()) return Classify(cp);
    size_t folded_length = 0;
    return Classify(DecodeUtf8At(folded, 0, &folded_length));
  };

  // The folded head of the line [begin, end): is it a heading or list item, and what does it
  // start with. In a fixed buffer: this runs at line breaks that do not follow a sentence end.
  struct Head {
    char bytes[64];
    size_t size = 0;
    std::string_view view() const { return std::string_view(bytes, size); }
  };
  const auto head_of = [&](size_t begin, size_t end) {
    Head head;
    while (begin < end && IsBlank(text[begin])) ++begin;
    auto strip = first_strip_from(begin);
    for (size_t at = begin; at < end && head.size < 24;) {
      while (strip != strips.end() && strip->first < at) ++strip;
      if (strip != strips.end() && strip->first == at) {
        at = strip->second;
        continue;
      }
      size_t length = 0;
      const uint32_t cp = DecodeUtf8At(text, at, &length);
      std::string_view folded = table.Fold(cp, &scratch);
      const std::string_view piece = folded.empty() ? text.substr(at, length) : folded;
      if (head.size + piece.size() > sizeof head.bytes) break;
      std::memcpy(head.bytes + head.size, piece.data(), piece.size());
      head.size += piece.size();
      at += length;
    }
    return head;
  };

  // The folded head of the line that starts at `begin`; `*ends` tells whether its end was seen.
  // Only the start of the next line matters: reading to its end would scan every long paragraph
  // line a second time.
  const auto next_line_head = [&](size_t begin, bool* ends) {
    const size_t window = std::min(text.size(), begin + 96);
    const size_t newline = text.substr(0, window).find('\n', begin);
    if (ends != nullptr) *ends = newline != std::string_view::npos;
    return head_of(begin, newline == std::string_view::npos ? window : newline);
  };

  // The logical line so far: the physical lines joined since the last break that was kept or
  // joined as a paragraph's end, that is, the line the text would have were it not wrapped. The
  // paragraph tests read it whole, so a paragraph broken at any width is joined as it would be
  // on one line; in a text that is not wrapped it is the physical line.
  struct LogicalLine {
    size_t begin = 0;
    size_t bytes = 0;
    size_t scanned = 0;           // the punctuation flags cover [begin, scanned)
    bool clause_punct = false;    // ， 、 , 。 ；
    bool sentence_punct = false;  // 。 ；
    int heading = -1;             // unknown until asked
  } logical;
  // Reads the logical line's punctuation up to `end`, each byte once.
  const auto read_punct = [&](size_t end) {
    if (logical.scanned >= end) return;
    const std::string_view part = text.substr(logical.scanned, end - logical.scanned);
    if (!logical.sentence_punct &&
        (part.find("。") != std::string_view::npos || part.find("；") != std::string_view::npos)) {
      logical.sentence_punct = logical.clause_punct = true;
    }
    if (!logical.clause_punct &&
        (part.find("，") != std::string_view::npos || part.find("、") != std::string_view::npos ||
         part.find(',') != std::string_view::npos)) {
      logical.clause_punct = true;
    }
    logical.scanned = end;
  };

  CharClass previous = CharClass::kOther;  // class of the last character written
  size_t line_begin = 0;
  size_t i = 0;
  // Whether the logical line so far starts like a heading, read once per logical line.
  const auto logical_is_heading = [&] {
    if (logical.heading < 0) {
      logical.heading = StartsLikeHeading(head_of(logical.begin, i).view()) ? 1 : 0;
    }
    return logical.heading == 1;
  };

  while (i < text.size()) {
    if (size_t strip_end = strip_at(i); strip_end != 0) {
      out.Replace(i, strip_end - i, "");
      i = strip_end;
      continue;
    }
    const char c = text[i];
    if (IsBlankOrBreak(c)) {
      // A run of blanks, possibly with line breaks: decide what it becomes.
      size_t end = i;
      int newlines = 0;
      size_t last_newline = 0;
      while (end < text.size() && (text[end] == '\n' || IsBlank(text[end]))) {
        if (text[end] == '\n') {
          ++newlines;
          last_newline = end;
        }
        ++end;
      }
      // A full-width space (U+3000) inside the run is folded through the table like any other
      // character; only ASCII blanks are decided here.
      const CharClass next = end < text.size() ? class_from(end) : CharClass::kOther;
      // Between a figure and %, or a Latin unit, a blank is as much noise as beside a CJK
      // character: 77.8 % is 77.8%.
      const bool figure_goes_on = previous == CharClass::kDigit &&
                                  (next == CharClass::kDigit || StartsFigureSuffix(text, end));
      if (newlines == 0) {
        if (options.drop_spaces && end < text.size() &&
            (SpaceIsNoise(previous, next) ||
             (previous == CharClass::kDigit && StartsFigureSuffix(text, end)))) {
          out.Replace(i, end - i, "");
        } else {
          out.Keep(i, end - i);
        }
        i = end;
        continue;
      }
      // Where wrapped lines are separated by a blank line, a blank line is a line break.
      const int breaks = layout.Breaks(newlines);
      bool join = false;
      bool paragraph_end = true;  // the logical line ends here, joined or not
      size_t line_start = line_begin;
      while (line_start < i && IsBlank(text[line_start])) ++line_start;
      // The line ends where its text does: before a page footer stripped at its end.
      size_t line_end = i;
      if (next_strip > 0 && strips[next_strip - 1].second == i &&
          strips[next_strip - 1].first >= line_start) {
        line_end = strips[next_strip - 1].first;
      }
      const bool may_join = options.join_lines && layout.JoinsAcross(newlines) &&
                            end < text.size() && line_start < line_end;
      const bool ends_sentence = may_join && LineEndsSentence(text, line_start, line_end);
      if (ends_sentence && breaks == 1 && layout.wrapped() &&
          layout.Fills(LineColumns(text.substr(line_start, line_end - line_start)))) {
        // A hard-wrapped line that ends a sentence as it reaches the width cannot be told from a
        // paragraph's last line; taken as a wrap, the paragraph holds together as it does
        // unwrapped (its opening time dates its later sentences), whatever the width put a
        // sentence end at a line end. A heading or list item after it still starts a line.
        const Head after = next_line_head(end, nullptr);
        join = after.size > 0 && !StartsLikeHeading(after.view());
        paragraph_end = !join;
      } else if (may_join && !ends_sentence) {
        // Most lines end a sentence: then nothing else about the two lines matters.
        const std::string_view line = text.substr(line_start, line_end - line_start);
        const LineFacts facts = ReadLine(line);
        logical.bytes += facts.bytes;
        bool next_line_ends = false;
        const Head after = next_line_head(end, &next_line_ends);
        size_t first_length = 0;
        const uint32_t first = after.size == 0 ? 0 : DecodeUtf8At(after.view(), 0, &first_length);
        if (after.size == 0) {
          join = false;
        } else if (ContinuesAnyLine(first) &&
                   !(after.size > first_length &&
                     ContinuesAnyLine(static_cast<unsigned char>(after.bytes[first_length])))) {
          join = true;
          paragraph_end = false;
        } else if (StartsLikeHeading(after.view())) {
          join = false;
        } else if (facts.ends_with_digit && !facts.page_number && ContinuesFigure(after.view())) {
          join = true;  // 种植面积2000⏎亩: a figure and its unit
          paragraph_end = false;
        } else if (layout.wrapped() && layout.Fills(LineColumns(line)) && !IsButtonRow(line) &&
                   (LineColumns(line) + 1 >= layout.wrap_columns || !logical_is_heading() ||
                    (next_line_ends && LineColumns(after.view()) * 4 <= layout.wrap_columns &&
                     !EndsSentence(after.view())))) {
          // A hard-wrapped line, heading or not; a heading only when it runs to the width
          // itself, since a short heading followed by its paragraph often comes within the
          // tolerance a paragraph's lines are allowed, or when what follows is the short
          // unpunctuated tail of a heading too long for its line (…增进各族群众福⏎祉). A row
          // of a web page's buttons that happens to fill the width is no wrapped line: the
          // report's title is below it.
          join = true;
          paragraph_end = false;
        } else {
          // A heading run into its paragraph ((五)推动…不断增强。实施…) is a paragraph once a
          // sentence of it has ended: its lines join as the paragraph's would.
          if (logical_is_heading() && !(read_punct(i), logical.sentence_punct)) {
            join = false;
          } else if (breaks == 1) {
            join = (logical.bytes >= 60 &&
                    !IsPageFurniture(text.substr(logical.begin, i - logical.begin))) ||
                   (read_punct(i), logical.clause_punct);
          } else {
            // PDF text often puts a blank line inside a paragraph; only a long, punctuated
            // line is taken to continue.
            join = logical.bytes >= 150 || (read_punct(i), logical.sentence_punct);
          }
        }
      }
      if (join) {
        out.Replace(i, end - i, IsTight(previous) || IsTight(next) || figure_goes_on ? "" : " ");
      } else {
        if (options.join_lines && layout.wrapped() && line_start < line_end &&
            layout.Fills(LineColumns(text.substr(line_start, line_end - line_start))) &&
            !LineEndsSentence(text, line_start, line_end)) {
          result.cut_breaks.push_back(out.size());
        }
        out.Keep(i, end - i);
        previous = CharClass::kOther;
      }
      if (paragraph_end) {
        logical = LogicalLine{};
        logical.begin = logical.scanned = last_newline + 1;
      }
      // The next decision looks at the physical line before its break, joined or not.
      line_begin = last_newline + 1;
      i = end;
      continue;
    }
    // The common case: a run of characters that stay as they are or fold to other characters,
    // up to a blank, a line break, a fold to a blank or a strip span. Folds of three-byte
    // characters (， → , 廁 → 厕) are written in place: they come every few characters in a
    // report, and leaving the loop for each was most of the time normalization took.
    const size_t run_start = i;
    size_t kept_from = i;        // unchanged bytes from here on are not yet handed to `out`
    std::string_view last_fold;  // what the last fold wrote
    uint32_t last_folded = 0;    // the character it folded
    const uint64_t* const changes = table.changes.data();
    const size_t limit =
        std::min(text.size(), next_strip < strips.size() ? strips[next_strip].first : text.size());
    // Two three-byte characters at once, in a loop a stretch of Han text stays in: one load (in
    // the text, of a pair before `limit`), one test of both shapes, one branch on both bits.
    const size_t pair_limit = std::min(text.size(), limit + 2);
    while (i < limit) {
      while (std::endian::native == std::endian::little && i + 8 <= pair_limit) {
        uint64_t bytes;
        std::memcpy(&bytes, text.data() + i, sizeof bytes);
        if ((bytes & 0xC0C0F0C0C0F0u) != 0x8080E08080E0u) break;
        const uint64_t first =
            changes[(bytes & 0x0Fu) << 6 | (bytes >> 8 & 0x3Fu)] >> (bytes >> 16 & 0x3Fu);
        const uint64_t second =
            changes[(bytes >> 24 & 0x0Fu) << 6 | (bytes >> 32 & 0x3Fu)] >> (bytes >> 40 & 0x3Fu);
        if (((first | second) & 1) != 0) {
          if ((first & 1) == 0) i += 3;
          break;
        }
        i += 6;
      }
      if (i >= limit) break;
      const auto byte = static_cast<unsigned char>(text[i]);
      if ((byte & 0xF0) == 0xE0 && i + 2 < text.size()) {
        // A three-byte character, as most of a Chinese report is (the text is valid UTF-8).
        const uint32_t code = (byte & 0x0Fu) << 12 |
                              (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
                              (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
        if (table.Changes(code) && (code != kWhiteCircle || CircleInNumeral(text, i))) {
          const std::string_view folded = table.FoldBmp(code);
          if (table.SameShape(code)) {
            out.Overwrite(i, folded.data());
            i += 3;
            continue;
          }
          // A fold to a blank (U+3000 → space) is decided by the blank rules below.
          if (IsBlankOrBreak(folded.front()) || IsBlankOrBreak(folded.back())) break;
          if (i > kept_from) out.Keep(kept_from, i - kept_from);
          out.Replace(i, 3, folded);
          i += 3;
          kept_from = i;
          last_fold = folded;
          last_folded = code;
          continue;
        }
        i += 3;
        continue;
      }
      if (byte < 0x80) {
        if (IsBlankOrBreak(static_cast<char>(byte))) break;
        ++i;
        continue;
      }
      size_t char_length = 1;
      const uint32_t code = DecodeUtf8At(text, i, &char_length);
      if (code >= 0x10000 || table.Changes(code)) break;
      i += char_length;
    }
    if (i > run_start) {
      if (i > kept_from) {
        out.Keep(kept_from, i - kept_from);
        previous = ClassOfLast(text.substr(kept_from, i - kept_from));
      } else {
        previous = ClassOfFold(last_folded, last_fold);
      }
      continue;
    }
    size_t length = 1;
    const uint32_t cp = static_cast<unsigned char>(c) < 0x80 ? static_cast<unsigned char>(c)
                                                             : DecodeUtf8At(text, i, &length);
    std::string_view folded = cp < 0x80 ? std::string_view() : table.Fold(cp, &scratch);
    if (folded.empty()) {
      out.Keep(i, length);
      previous = Classify(cp);
    } else if (folded == " " && options.drop_spaces) {
      // A folded space (U+3000): dropped or kept by the same rule as ASCII blanks.
      const CharClass next = class_from(i + length);
      out.Replace(i, length, SpaceIsNoise(previous, next) ? "" : " ");
    } else {
      out.Replace(i, length, folded);
      previous = ClassOfFold(cp, folded);
    }
    i += length;
  }
  out.Finish();
  return result;
}

std::string Normalizer::NormalizePattern(std::string_view pattern) const {
  const FoldTable& table = *impl_->table;
  std::string out;
  out.reserve(pattern.size());
  std::string scratch;
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      // An escape stays as written, with its multi-byte character if it escapes one.
      size_t length = 1;
      DecodeUtf8At(pattern, i + 1, &length);
      out.append(pattern.substr(i, 1 + length));
      i += 1 + length;
      continue;
    }
    size_t length = 1;
    const uint32_t cp = static_cast<unsigned char>(c) < 0x80 ? static_cast<unsigned char>(c)
                                                             : DecodeUtf8At(pattern, i, &length);
    // ○ stays as written: a pattern's ○○ masks a name, and numerals are written with 〇.
    std::string_view folded =
        cp < 0x80 || cp == kWhiteCircle ? std::string_view() : table.Fold(cp, &scratch);
    if (folded.empty()) {
      out.append(pattern.substr(i, length));
    } else {
      for (char f : folded) {
        // A full-width （ becomes ( under NFKC; in a pattern it was a literal and stays one.
        if (std::string_view("()[]{}.*+?^$|\\").find(f) != std::string_view::npos) out += '\\';
        out += f;
      }
    }
    i += length;
  }
  return out;
}

}  // namespace glean::normalize
