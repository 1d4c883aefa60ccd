#include "engine/normalize/normalizer.h"

#include "engine/normalize/numbering.h"
#include "engine/source/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <re2/re2.h>

namespace glean::normalize {

namespace {

struct T2sPair {
  uint32_t from;
  uint32_t to;
};

constexpr T2sPair kTraditionalToSimplified[] = {
#include "normalize/t2s_table.inc"
};

enum class CharClass { kHan, kCjkPunct, kDigit, kAsciiPunct, kLatin, kSpace, kOther };

CharClass Classify(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return CharClass::kDigit;
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLatin;
  if (cp == ' ' || cp == '\t') return CharClass::kSpace;
  if (cp < 0x80) return cp > ' ' ? CharClass::kAsciiPunct : CharClass::kOther;
  if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3007) {
    return CharClass::kHan;
  }
  if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
      (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x2460 && cp <= 0x24FF) || cp == 0xB7) {
    return CharClass::kCjkPunct;
  }
  return CharClass::kOther;
}

bool IsTight(CharClass c) { return c == CharClass::kHan || c == CharClass::kCjkPunct; }

// Space between `before` and `after` carries no meaning in Chinese text: between two CJK
// characters, or a CJK character and a digit or punctuation. Kept between Latin words and digits.
bool SpaceIsNoise(CharClass before, CharClass after) {
  const bool loose_before = before == CharClass::kDigit || before == CharClass::kAsciiPunct;
  const bool loose_after = after == CharClass::kDigit || after == CharClass::kAsciiPunct;
  return (IsTight(before) && (IsTight(after) || loose_after)) || (loose_before && IsTight(after));
}

using source::AppendUtf8;
using source::DecodeUtf8At;

// Enclosed numbers (①, ⑴ …) mark list items; NFKC would turn ① into a bare "1" and lose that.
bool KeepsListMarker(uint32_t cp) {
  return (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x2776 && cp <= 0x2793) ||
         (cp >= 0x3251 && cp <= 0x325F) || (cp >= 0x32B1 && cp <= 0x32BF);
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsBlankOrBreak(char c) { return c == '\n' || IsBlank(c); }

// The class of the last character of non-empty valid UTF-8 `text`.
CharClass ClassOfLast(std::string_view text) {
  size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  size_t length = 0;
  return Classify(DecodeUtf8At(text, start, &length));
}

}  // namespace

struct Normalizer::Impl {
  NormalizeOptions options;
  std::unique_ptr<RE2> strip;  // every strip pattern in one alternation: one scan per document
  const icu::Normalizer2* nfkc = nullptr;
  // Per BMP code point: 0 when it folds to itself, else (offset << 8 | length) into `pool`.
  std::vector<uint32_t> bmp;
  // One bit per BMP code point, set when it folds: 8 KB that stay in the first-level cache, where
  // the 256 KB table does not; most characters of a report are looked up here only.
  std::vector<uint64_t> changes;

  bool Changes(uint32_t cp) const { return (changes[cp >> 6] >> (cp & 63)) & 1; }
  std::string pool;

  // The folded form of a BMP code point, or empty when it folds to itself.
  std::string_view FoldBmp(uint32_t cp) const {
    const uint32_t entry = bmp[cp];
    return std::string_view(pool).substr(entry >> 8, entry & 0xFF);
  }

  // The folded form of one code point, or empty when it folds to itself.
  std::string_view Fold(uint32_t cp, std::string* scratch) const {
    if (cp < 0x10000) return Changes(cp) ? FoldBmp(cp) : std::string_view();
    *scratch = FoldSlow(cp);
    return *scratch;
  }

  // NFKC (for one character) then Traditional → Simplified; empty when nothing changes.
  std::string FoldSlow(uint32_t cp) const {
    std::vector<uint32_t> chars;
    if (options.nfkc && nfkc != nullptr && !KeepsListMarker(cp) && !nfkc->isInert(cp)) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString folded =
          nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_SUCCESS(status)) {
        for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
          chars.push_back(static_cast<uint32_t>(folded.char32At(i)));
        }
      }
    }
    if (chars.empty()) chars.push_back(cp);
    if (options.traditional_to_simplified) {
      for (uint32_t& c : chars) {
        auto it = std::lower_bound(
            std::begin(kTraditionalToSimplified), std::end(kTraditionalToSimplified), c,
            [](const T2sPair& pair, uint32_t value) { return pair.from < value; });
        if (it != std::end(kTraditionalToSimplified) && it->from == c) c = it->to;
      }
    }
    if (chars.size() == 1 && chars[0] == cp) return {};
    std::string out;
    for (uint32_t c : chars) AppendUtf8(c, &out);
    return out;
  }

  void BuildTable() {
    bmp.assign(0x10000, 0);
    changes.assign(0x10000 / 64, 0);
    if (!options.nfkc && !options.traditional_to_simplified) return;
    const auto set = [&](uint32_t cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) return;
      const std::string folded = FoldSlow(cp);
      if (folded.empty() || folded.size() > 0xFF) return;
      bmp[cp] = static_cast<uint32_t>(pool.size()) << 8 | static_cast<uint32_t>(folded.size());
      changes[cp >> 6] |= uint64_t{1} << (cp & 63);
      pool += folded;
    };
    if (options.nfkc) {
      for (uint32_t cp = 0x80; cp < 0x10000; ++cp) {
        if (!nfkc->isInert(cp)) set(cp);
      }
    }
    if (options.traditional_to_simplified) {
      for (const T2sPair& pair : kTraditionalToSimplified) {
        if (pair.from < 0x10000 && bmp[pair.from] == 0) set(pair.from);
      }
    }
  }
};

namespace {

// The text and map being built. Unchanged bytes accumulate as one pending copy, written out when
// something else comes.
class Output {
 public:
  Output(std::string_view input, NormalizedText* out) : input_(input), out_(out) {
    out_->text.reserve(input.size());
    // A run every 16 bytes is more than the densest sample report needs (one per 35 bytes of
    // the PDF text, where every full-width comma ends a copy run).
    map_.Reserve(input.size() / 16 + 1);
  }
  void Keep(size_t at, size_t length) {
    if (copy_begin_ + copy_length_ != at) Flush(at);
    copy_length_ += length;
  }
  void Replace(size_t at, size_t length, std::string_view replacement) {
    Flush(at + length);
    out_->text.append(replacement);
    // 廁 → 厕 keeps every character boundary in place: no piece needed, the copy run goes on.
    if (replacement.size() == length) {
      map_.Copy(length);
    } else {
      map_.Append(replacement.size(), length);
    }
  }
  void Finish() {
    Flush(input_.size());
    out_->map = std::move(map_).Build();
  }

 private:
  // Writes the pending copy; the next copy may start at `next`.
  void Flush(size_t next) {
    if (copy_length_ > 0) {
      out_->text.append(input_.substr(copy_begin_, copy_length_));
      map_.Copy(copy_length_);
    }
    copy_begin_ = next;
    copy_length_ = 0;
  }

  std::string_view input_;
  NormalizedText* out_;
  source::OffsetMap::Builder map_;
  size_t copy_begin_ = 0;
  size_t copy_length_ = 0;
};

// What the line-joining rule needs to know about a line.
struct LineShape {
  bool empty = true;
  bool heading_like = false;
  bool ends_sentence = false;
  size_t bytes = 0;
  std::string_view line;  // trimmed at the start

  // 。 ；, looked for only when a decision needs it (lines can be long).
  bool HasSentencePunct() const {
    return line.find("。") != std::string_view::npos || line.find("；") != std::string_view::npos;
  }
  // ， 、 , as well.
  bool HasClausePunct() const {
    return HasSentencePunct() || line.find("，") != std::string_view::npos ||
           line.find("、") != std::string_view::npos || line.find(',') != std::string_view::npos;
  }
};

// Whether the line [begin, end) of `text` ends with a sentence end, past closing quotes and
// brackets.
bool LineEndsSentence(std::string_view text, size_t begin, size_t end) {
  size_t last = end;
  while (last > begin) {
    size_t start = last - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t length = 0;
    const uint32_t cp = DecodeUtf8At(text, start, &length);
    static constexpr uint32_t kClosers[] = {0x201D, 0x2019, 0x300D, 0x300F, 0xFF09,
                                            ')',    '"',    0x300B, 0x3011, '*'};
    if (std::find(std::begin(kClosers), std::end(kClosers), cp) != std::end(kClosers)) {
      last = start;
      continue;
    }
    static constexpr uint32_t kEnders[] = {0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, '!',
                                           '?',    ';',    ':',    0x2026, 0xFF0E};
    return std::find(std::begin(kEnders), std::end(kEnders), cp) != std::end(kEnders);
  }
  return false;
}

bool StartsWithAny(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (text.substr(0, p.size()) == p) return true;
  }
  return false;
}

// A numbering or list marker at the start of a (folded) line: 一、 (一) 1、 1. (1) ① 第一章 # - •.
bool StartsLikeHeading(std::string_view line) {
  const auto numerals = ChineseNumeralPrefix;
  const auto digits = DigitPrefix;
  if (line.empty()) return false;
  if (StartsWithAny(line, {"#", "- ", "* ", "• ", "·", "●", "■", "◆", "★", "第"})) {
    if (line.substr(0, 3) != "第") return true;
    const size_t n = numerals(line.substr(3));
    return n > 0 && StartsWithAny(line.substr(3 + n), {"部分", "章", "节", "条", "篇", "项"});
  }
  size_t cp_len = 0;
  const uint32_t first = DecodeUtf8At(line, 0, &cp_len);
  if (KeepsListMarker(first)) return true;
  if (size_t n = numerals(line); n > 0) {
    return StartsWithAny(line.substr(n), {"、", ".", "．"});
  }
  if (size_t n = digits(line); n > 0) {
    std::string_view rest = line.substr(n);
    if (StartsWithAny(rest, {"、", ")", "）"})) return true;
    return rest.size() >= 2 && rest[0] == '.' && !(rest[1] >= '0' && rest[1] <= '9');
  }
  if (StartsWithAny(line, {"(", "（"})) {
    std::string_view rest = line.substr(line[0] == '(' ? 1 : 3);
    size_t n = numerals(rest);
    if (n == 0) n = digits(rest);
    return n > 0 && StartsWithAny(rest.substr(n), {")", "）"});
  }
  return false;
}

}  // namespace

bool EndsSentence(std::string_view line) {
  size_t end = line.size();
  while (end > 0 && IsBlank(line[end - 1])) --end;
  return LineEndsSentence(line, 0, end);
}

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
  impl->nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) {
    return Result<Normalizer>::Failure({Diagnostic::Error(
        "icu", {}, fmt::format("ICU's NFKC data is not available: {}", u_errorName(status)))});
  }
  impl->BuildTable();
  return Normalizer(std::move(impl));
}

NormalizedText Normalizer::Normalize(std::string_view text) const {
  const Impl& impl = *impl_;
  const NormalizeOptions& options = impl.options;
  NormalizedText result;
  Output out(text, &result);
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

  // The class of the character a reader sees next from `at`, past strip spans.
  const auto class_from = [&](size_t at) {
    for (auto it = std::lower_bound(strips.begin(), strips.end(), std::make_pair(at, size_t{0}));
         it != strips.end() && it->first == at; ++it) {
      at = it->second;
    }
    if (at >= text.size()) return CharClass::kOther;
    size_t length = 0;
    const uint32_t cp = DecodeUtf8At(text, at, &length);
    std::string_view folded = impl.Fold(cp, &scratch);
    if (folded.empty()) return Classify(cp);
    size_t folded_length = 0;
    return Classify(DecodeUtf8At(folded, 0, &folded_length));
  };

  // The shape of the line starting at `begin` and ending before `end` (no newline, no trailing
  // blanks), read on folded text. Whether it looks like a heading is read only when `heading`
  // is set; the end of a line is read only when `ending` is.
  const auto shape_of = [&](size_t begin, size_t end, bool heading, bool ending) {
    LineShape shape;
    while (begin < end && IsBlank(text[begin])) ++begin;
    shape.bytes = end > begin ? end - begin : 0;
    shape.empty = shape.bytes == 0;
    if (shape.empty) return shape;
    shape.line = text.substr(begin, end - begin);
    if (ending) shape.ends_sentence = LineEndsSentence(text, begin, end);
    if (!heading) return shape;
    // The folded head of the line, in a fixed buffer: this runs at every line break.
    char head_bytes[64];
    size_t head_size = 0;
    for (size_t i = begin; i < end && head_size < 24;) {
      auto strip = std::lower_bound(strips.begin(), strips.end(), std::make_pair(i, size_t{0}));
      if (strip != strips.end() && strip->first == i) {
        i = strip->second;
        continue;
      }
      size_t length = 0;
      const uint32_t cp = DecodeUtf8At(text, i, &length);
      std::string_view folded = impl.Fold(cp, &scratch);
      const std::string_view piece = folded.empty() ? text.substr(i, length) : folded;
      if (head_size + piece.size() > sizeof head_bytes) break;
      std::memcpy(head_bytes + head_size, piece.data(), piece.size());
      head_size += piece.size();
      i += length;
    }
    shape.heading_like = StartsLikeHeading(std::string_view(head_bytes, head_size));
    return shape;
  };

  CharClass previous = CharClass::kOther;  // class of the last character written
  size_t line_begin = 0;
  size_t i = 0;
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
      if (newlines == 0) {
        if (options.drop_spaces && SpaceIsNoise(previous, next) && end < text.size()) {
          out.Replace(i, end - i, "");
        } else {
          out.Keep(i, end - i);
        }
        i = end;
        continue;
      }
      bool join = false;
      if (options.join_lines && newlines <= 2 && end < text.size()) {
        // Most lines end a sentence: then nothing else about the two lines matters.
        const LineShape ending = shape_of(line_begin, i, false, true);
        // Only the start of the next line matters (is it a heading?): reading to its end would
        // scan every long paragraph line a second time.
        const size_t window = std::min(text.size(), end + 96);
        const size_t newline = text.substr(0, window).find('\n', end);
        const size_t next_end = newline == std::string_view::npos ? window : newline;
        bool candidates = !ending.empty && !ending.ends_sentence;
        LineShape before = ending;
        if (candidates) {
          before = shape_of(line_begin, i, true, false);
          const LineShape after = shape_of(end, next_end, true, false);
          candidates = !after.empty && !before.heading_like && !after.heading_like;
        }
        if (candidates && newlines == 1) {
          join = before.bytes >= 60 || before.HasClausePunct();
        } else if (candidates && newlines == 2) {
          // PDF text often puts a blank line inside a paragraph; only a long, punctuated line
          // is taken to continue.
          join = before.bytes >= 150 || before.HasSentencePunct();
        }
      }
      if (join) {
        out.Replace(i, end - i, IsTight(previous) || IsTight(next) ? "" : " ");
      } else {
        out.Keep(i, end - i);
        previous = CharClass::kOther;
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
    const uint64_t* const changes = impl.changes.data();
    const size_t limit =
        std::min(text.size(), next_strip < strips.size() ? strips[next_strip].first : text.size());
    while (i < limit) {
      if (std::endian::native == std::endian::little && i + 8 <= text.size() && i + 6 <= limit) {
        // Two three-byte characters at once: one load, one test of both shapes and one branch
        // on both folding bits.
        uint64_t bytes;
        std::memcpy(&bytes, text.data() + i, sizeof bytes);
        if ((bytes & 0xC0C0F0C0C0F0u) == 0x8080E08080E0u) {
          const uint64_t first =
              changes[(bytes & 0x0Fu) << 6 | (bytes >> 8 & 0x3Fu)] >> (bytes >> 16 & 0x3Fu);
          const uint64_t second =
              changes[(bytes >> 24 & 0x0Fu) << 6 | (bytes >> 32 & 0x3Fu)] >> (bytes >> 40 & 0x3Fu);
          if (((first | second) & 1) == 0) {
            i += 6;
            continue;
          }
          if ((first & 1) == 0) i += 3;
        }
      }
      const auto byte = static_cast<unsigned char>(text[i]);
      if ((byte & 0xF0) == 0xE0 && i + 2 < text.size()) {
        // A three-byte character, as most of a Chinese report is (the text is valid UTF-8).
        const uint32_t code = (byte & 0x0Fu) << 12 |
                              (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
                              (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
        if (impl.Changes(code)) {
          const std::string_view folded = impl.FoldBmp(code);
          // A fold to a blank (U+3000 → space) is decided by the blank rules below.
          if (IsBlankOrBreak(folded.front()) || IsBlankOrBreak(folded.back())) break;
          if (i > kept_from) out.Keep(kept_from, i - kept_from);
          out.Replace(i, 3, folded);
          i += 3;
          kept_from = i;
          last_fold = folded;
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
      if (code >= 0x10000 || impl.Changes(code)) break;
      i += char_length;
    }
    if (i > run_start) {
      if (i > kept_from) {
        out.Keep(kept_from, i - kept_from);
        previous = ClassOfLast(text.substr(kept_from, i - kept_from));
      } else {
        previous = ClassOfLast(last_fold);
      }
      continue;
    }
    size_t length = 1;
    const uint32_t cp = static_cast<unsigned char>(c) < 0x80 ? static_cast<unsigned char>(c)
                                                             : DecodeUtf8At(text, i, &length);
    std::string_view folded = cp < 0x80 ? std::string_view() : impl.Fold(cp, &scratch);
    if (folded.empty()) {
      out.Keep(i, length);
      previous = Classify(cp);
    } else if (folded == " " && options.drop_spaces) {
      // A folded space (U+3000): dropped or kept by the same rule as ASCII blanks.
      const CharClass next = class_from(i + length);
      out.Replace(i, length, SpaceIsNoise(previous, next) ? "" : " ");
    } else {
      out.Replace(i, length, folded);
      previous = ClassOfLast(folded);
    }
    i += length;
  }
  out.Finish();
  return result;
}

std::string Normalizer::NormalizePattern(std::string_view pattern) const {
  const Impl& impl = *impl_;
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
    std::string_view folded = cp < 0x80 ? std::string_view() : impl.Fold(cp, &scratch);
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
