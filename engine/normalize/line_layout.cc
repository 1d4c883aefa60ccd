#include "engine/normalize/line_layout.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>

#include "engine/normalize/page_furniture.h"
#include "engine/source/utf8.h"

namespace glean::normalize {

using source::DecodeUtf8At;

namespace {

int Tolerance(int columns) { return std::max(2, columns / 10); }

// A line is measured for its layout on its first bytes only.
constexpr size_t kMaxLineBytes = 4096;

}  // namespace

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

bool LineLayout::Fills(int columns) const {
  return wrap_columns > 0 && columns >= wrap_columns - short_by;
}

bool LineLayout::KeepsBreakAfter(std::string_view line) const {
  return EndsSentence(line) && !Fills(LineColumns(line));
}

int LineColumns(std::string_view line) {
  // Eight bytes at a time: the layout is read on the first lines of every document, and a loop
  // that decoded characters took as long as normalizing them. A byte that starts a character
  // counts one, a lead of three or four bytes one more, an ASCII blank or control none.
  constexpr uint64_t kHigh = 0x8080808080808080u;
  const size_t size = line.size();
  int columns = 0;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t x;
    std::memcpy(&x, line.data() + i, sizeof x);
    const uint64_t continuation = x & ~(x << 1) & kHigh;         // 10xxxxxx
    const uint64_t long_lead = x & (x << 1) & (x << 2) & kHigh;  // 111xxxxx
    const uint64_t at_least_21 = ((x & ~kHigh) + 0x5F5F5F5F5F5F5F5Fu) & kHigh;
    const uint64_t blank = ~x & ~at_least_21 & kHigh;  // ASCII below '!'
    // Each mask has at most the top bit of each byte: a multiply adds them up (without the
    // population-count instruction, which the baseline x86-64 target lacks).
    const auto count = [](uint64_t mask) {
      return static_cast<int>(((mask >> 7) * 0x0101010101010101u) >> 56);
    };
    columns += 8 - count(continuation) + count(long_lead) - count(blank);
  }
  for (; i < size; ++i) {
    const auto b = static_cast<unsigned char>(line[i]);
    columns += (b >= 0x21 && b < 0x80) + ((b & 0xE0) == 0xC0) + 2 * (b >= 0xE0);
  }
  return columns;
}

LineLayout DetectLayout(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Widths above this count only as wider than any wrap (160 Chinese characters: no page is
  // that wide). A line of more than three bytes a column is wider still, whatever its
  // characters, and is not measured: most lines of a text that is not wrapped are paragraphs.
  constexpr int kMaxColumns = 320;
  // Lines narrower than this take no part in the judgement (no wrap is under 20 columns).
  constexpr int kTellsNothingColumns = 10;
  constexpr size_t kTellsNothingBytes = 3 * kTellsNothingColumns;
  // The lines read, then measured only if enough of them could be wrapped: most texts are
  // not, and are told so by their line ends alone.
  struct Line {
    size_t begin, end;
    bool open;  // does not end a sentence
    bool furniture = false;
  };
  std::array<Line, kLayoutLines> sample;
  int lines = 0, nonempty = 0, single = 0, doubled = 0, blank_run = -1, candidates = 0;
  for (size_t at = 0; at < text.size() && at < kLayoutBytes && lines < kLayoutLines; ++lines) {
    const size_t newline = text.find('\n', at);
    const size_t end = newline == std::string_view::npos ? text.size() : newline;
    size_t begin = at;
    at = end + 1;
    // A line is read on its first 4 KB, cut at a character's start.
    size_t last = std::min(end, begin + kMaxLineBytes);
    while (last < end && last > begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) {
      --last;
    }
    // Blanks and full-width spaces (a paragraph's indent) at either end take no room.
    while (begin < last && (IsBlank(text[begin]) || text.substr(begin, 3) == "\u3000")) {
      begin += IsBlank(text[begin]) ? 1 : 3;
    }
    while (last > begin && (IsBlank(text[last - 1]) ||
                            (last >= begin + 3 && text.substr(last - 3, 3) == "\u3000"))) {
      last -= IsBlank(text[last - 1]) ? 1 : 3;
    }
    if (begin == last) {
      if (blank_run >= 0) ++blank_run;
      continue;
    }
    const int blanks_before = blank_run;
    blank_run = 0;
    // A line of a few characters is short whether the text is wrapped or not (a button of a web
    // page, a paragraph's last word, a heading): it says nothing of the layout, and the many a
    // page puts above a short report would outvote its wrapped lines, or the blank lines
    // between them.
    if (last - begin <= kTellsNothingBytes &&
        LineColumns(text.substr(begin, last - begin)) < kTellsNothingColumns) {
      continue;
    }
    if (blanks_before == 0) ++single;
    if (blanks_before == 1) ++doubled;
    const bool open = !LineEndsSentence(text, begin, last);
    candidates += open && last - begin <= 3 * (kMaxColumns + 1);
    sample[static_cast<size_t>(nonempty++)] = Line{begin, last, open, false};
  }
  LineLayout layout;
  if (candidates < 3 || candidates * 5 < nonempty) return layout;
  std::array<int, kMaxColumns + 2> open{};  // lines not ending a sentence, by width
  std::array<int, kMaxColumns + 2> all{};   // every line, by width
  const auto measure = [&](const Line& line) {
    return line.end - line.begin > 3 * (kMaxColumns + 1)
               ? kMaxColumns + 1
               : std::min(LineColumns(text.substr(line.begin, line.end - line.begin)),
                          kMaxColumns + 1);
  };
  // The lines that do not end a sentence first: no wrap is wider than the widest of them. A
  // line ending a sentence matters only as wider or not, and one of more than two bytes a
  // column of that width (and some) is wider, whatever its characters.
  int widest_open = 0;
  // A row of a web page's buttons run together (下载 打印 全屏 收藏 【字号：加大 还原 减小】) is
  // furniture, as wide as the page made it: above a short report it would outvote the wrapped
  // lines as the short ones would. Asked only here, of a text whose line ends allow a wrap.
  int counted = nonempty;
  for (int k = 0; k < nonempty; ++k) {
    Line& line = sample[static_cast<size_t>(k)];
    if (!line.open) continue;
    if (IsButtonRow(text.substr(line.begin, line.end - line.begin))) {
      line.open = false;
      line.furniture = true;
      --counted;
      continue;
    }
    const int columns = measure(line);
    ++all[static_cast<size_t>(columns)];
    ++open[static_cast<size_t>(columns)];
    widest_open = std::max(widest_open, columns);
  }
  for (int k = 0; k < nonempty; ++k) {
    const Line& line = sample[static_cast<size_t>(k)];
    if (line.open || line.furniture) continue;
    const bool surely_wider = line.end - line.begin > 2 * static_cast<size_t>(widest_open) + 64;
    ++all[static_cast<size_t>(surely_wider ? kMaxColumns + 1 : measure(line))];
  }
  int best = 0, wider = 0;
  for (int w = kMaxColumns; w >= 20; --w) {
    wider += all[static_cast<size_t>(w) + 1];
    if (open[static_cast<size_t>(w)] == 0) continue;
    int filled = 0;
    for (int c = w - Tolerance(w); c <= w; ++c) filled += open[static_cast<size_t>(c)];
    if (filled >= 3 && filled * 5 >= counted && wider * 4 <= filled && filled > best) {
      best = filled;
      layout.wrap_columns = w;
    }
  }
  if (layout.wrapped()) {
    // How much shorter than the widest a wrapped line may be: as little as the lines show. A
    // typesetter's lines come within a column or two of the width; a PDF's, with narrow digits
    // and squeezed punctuation, within a few more. The closer the bound, the fewer short last
    // lines of paragraphs are taken for wrapped ones.
    const int w = layout.wrap_columns;
    int within = 0;
    for (int c = w - Tolerance(w); c <= w; ++c) within += open[static_cast<size_t>(c)];
    layout.short_by = Tolerance(w);
    for (int t = 2, count = 0; t < Tolerance(w); ++t) {
      count = 0;
      for (int c = w - t; c <= w; ++c) count += open[static_cast<size_t>(c)];
      if (count * 10 >= within * 9) {
        layout.short_by = t;
        break;
      }
    }
  }
  layout.blank_between = layout.wrapped() && doubled > single;
  return layout;
}

bool HoldsLayoutSample(std::string_view head) {
  if (head.size() >= kLayoutBytes + 3 + kMaxLineBytes) return true;
  size_t newlines = 0;
  for (size_t at = head.find('\n'); at != std::string_view::npos; at = head.find('\n', at + 1)) {
    if (++newlines >= static_cast<size_t>(kLayoutLines)) return true;
  }
  return false;
}

bool EndsSentence(std::string_view line) {
  size_t end = line.size();
  while (end > 0 && IsBlank(line[end - 1])) --end;
  return LineEndsSentence(line, 0, end);
}

}  // namespace glean::normalize
