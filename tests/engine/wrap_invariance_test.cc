// Issue 16: every development report, hard-wrapped as PDF extraction leaves it (at widths of 16 to
// 60 characters, with or without a blank line between wrapped lines, with the stray spaces PDF
// extractors insert, with web-page furniture on top), gives the stock rules' facts of the clean
// text, with their sections, periods and statuses, and offsets exact in the wrapped bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "engine/normalize/normalizer.h"
#include "engine/source/utf8.h"
#include "glean/engine.h"
#include "glean/output.h"
#include "glean/rule_set.h"
#include "support/run_command.h"

namespace glean {
namespace {

namespace fs = std::filesystem;

const Engine& StockEngine() {
  static const Engine engine = [] {
    Result<RuleSet> rules = RuleSet::Load({testing::SourceDir() + "/rules"});
    REQUIRE(rules.ok());
    ExtractOptions options;
    options.document_fact = false;  // title and issuer are the structure's, not the rules'
    Result<Engine> created = Engine::Create(std::move(rules).value(), options);
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return engine;
}

const normalize::Normalizer& DefaultNormalizer() {
  static const normalize::Normalizer normalizer = [] {
    Result<normalize::Normalizer> created = normalize::Normalizer::Create({});
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return normalizer;
}

// Text with a mark on each byte the generator added (or, for the clean text, took out).
struct MarkedText {
  std::string text;
  std::vector<bool> marked;

  void Append(std::string_view piece, bool mark) {
    text.append(piece);
    marked.insert(marked.end(), piece.size(), mark);
  }
  // The bytes [begin, end) that are not marked.
  std::string Unmarked(size_t begin, size_t end) const {
    std::string out;
    for (size_t i = begin; i < end && i < text.size(); ++i) {
      if (!marked[i]) out += text[i];
    }
    return out;
  }
};

struct Style {
  int width = 16;  // characters: a line fills 2 × width columns
  bool blank_lines = false;
  bool spaces = false;
  bool furniture = false;  // web-page furniture on top, as a report copied from a page has it
};

// What a government site puts above a report's text: buttons, font size, a breadcrumb, the
// source and a photo caption, one item a line as copying a page leaves them, and, right above
// the report, a row of them run together (38 columns: it fills the line at 19 and 20
// characters). No date: a page's date is the report's own, which the clean text may not share.
// Wrapped at the width as the report is: the breadcrumb and the rows break at narrow widths.
constexpr std::string_view kFurniture =
    "当前位置：首页 > 政务公开 > 政府信息公开 > 政府文件 > 政府工作报告\n下载\n打印\n全屏\n收藏\n"
    "【字号：\n加大\n还原\n减小\n】\n"
    "来源：人民政府网站\n分享到：\n本报记者 摄\n"
    "下载 打印 全屏 收藏 【字号：加大 还原 减小】\n";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
size_t CharLength(std::string_view text, size_t at) {
  return std::min(text.size() - at, source::Utf8LengthOfLead(static_cast<unsigned char>(text[at])));
}
bool IsHanAt(std::string_view text, size_t at) {
  size_t length = 0;
  const uint32_t cp = source::DecodeUtf8At(text, at, &length);
  return cp >= 0x4E00 && cp <= 0x9FFF;
}

// A deterministic coin: the same text and style always get the same spaces.
bool Coin(size_t at, int width, unsigned every) {
  return ((at * 2654435761u + static_cast<size_t>(width) * 40503u) >> 7) % every == 0;
}

// Whether a line starting at `at` of `line` would read as a heading or list item.
bool StartsLikeHeading(std::string_view line, size_t at) {
  const std::string head(line.substr(at, 48));
  return normalize::StartsLikeHeading(
      DefaultNormalizer().Normalize(head, normalize::LineLayout{}).text);
}

// Where a line may not be broken: inside a markup span the normalizer strips, and between two
// ASCII characters other than two digits (KTV2, 3.5, **), whose break would read as a space.
bool MayBreakAt(std::string_view line, size_t at) {
  if (at == 0 || at >= line.size()) return false;
  const char before = line[at - 1], after = line[at];
  if (IsAscii(before) && IsAscii(after) && !(IsDigit(before) && IsDigit(after))) return false;
  const size_t open = line.rfind("[bookmark:", at);
  if (open != std::string_view::npos && line.find(']', open) >= at) return false;
  return true;
}

size_t PreviousChar(std::string_view text, size_t at) {
  do {
    --at;
  } while (at > 0 && (text[at] & 0xC0) == 0x80);
  return at;
}

// Whether a line of `columns` columns may be taken for one that fills a width of `width`: the
// layout reads the tolerance off the lines, at least 2 and at most a tenth of the width.
bool MayFill(int columns, int width) { return columns >= width - std::max(2, width / 10); }
bool SurelyFills(int columns, int width) { return columns >= width - 2; }

// Cuts one line of the clean text into lines of at most `columns` columns, as a typesetter fills
// them. Two cases no reader can tell from a wrap are avoided, as a typesetter with a narrower
// column would avoid them: a line that would start like a heading (1、 after a figure) is
// started a few characters earlier; and when the clean line's break is a paragraph's, a last
// line that may fill the width is cut once more: before its sentence end, after a character
// that leaves the line still filling it, or before a comma that any line joins.
std::vector<std::string_view> Fill(std::string_view line, int columns, bool paragraph_end) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin < line.size()) {
    size_t end = begin;
    int used = 0;
    while (end < line.size()) {
      const size_t length = CharLength(line, end);
      const int width = normalize::LineColumns(line.substr(end, length));
      if (used + width > columns && end > begin) break;
      used += width;
      end += length;
    }
    if (end < line.size()) {
      size_t cut = end;
      for (int moves = 0; cut > begin && moves < 8; ++moves) {
        if (MayBreakAt(line, cut) && !StartsLikeHeading(line, cut)) break;
        cut = PreviousChar(line, cut);
      }
      if (cut > begin) end = cut;
    }
    lines.push_back(line.substr(begin, end - begin));
    begin = end;
  }
  if (!lines.empty() && paragraph_end) {
    const std::string_view last = lines.back();
    size_t content = last.size();
    while (content > 0 && IsBlank(last[content - 1])) --content;
    if (content > 0 && MayFill(normalize::LineColumns(last), columns)) {
      size_t cut = PreviousChar(last, content);
      // A sentence end goes to a line of its own with the closing marks after it (…X⏎。”), a
      // line that any line before joins.
      const bool ends_sentence = normalize::EndsSentence(last);
      while (cut > 0 && normalize::EndsSentence(last.substr(0, cut))) cut = PreviousChar(last, cut);
      if (!(cut > 0 && MayBreakAt(last, cut) &&
            (ends_sentence || SurelyFills(normalize::LineColumns(last.substr(0, cut)), columns)))) {
        cut = 0;
        for (size_t at = last.size(); at > 0;) {
          at = PreviousChar(last, at);
          const std::string_view rest = last.substr(at);
          if (MayFill(normalize::LineColumns(rest), columns)) break;
          // Never between a heading's number and its 、 (二⏎、…): no typesetter breaks there.
          if ((rest.starts_with("，") || rest.starts_with("、") || rest.starts_with(",")) &&
              !(at <= 9 && StartsLikeHeading(last, 0))) {
            cut = at;
            break;
          }
        }
      }
      if (cut > 0) {
        lines.back() = last.substr(0, cut);
        lines.push_back(last.substr(cut));
      }
    }
  }
  return lines;
}

// Writes one wrapped line, with the spaces PDF extractors leave when asked: around figures set
// in Chinese text, before %, now and then between two Chinese characters and at the line's end.
void WriteLine(std::string_view line, const Style& style, MarkedText* out) {
  for (size_t at = 0; at < line.size();) {
    const size_t length = CharLength(line, at);
    out->Append(line.substr(at, length), false);
    const size_t next = at + length;
    if (style.spaces && next < line.size()) {
      const bool han = length == 3 && IsHanAt(line, at);
      const bool next_han = next + 3 <= line.size() && IsHanAt(line, next);
      const bool figure_edge = (han && IsDigit(line[next])) || (IsDigit(line[at]) && next_han);
      const bool percent = IsDigit(line[at]) && line[next] == '%';
      if ((figure_edge && Coin(out->text.size(), style.width, 2)) || percent ||
          (han && next_han && Coin(out->text.size(), style.width, 23))) {
        out->Append(" ", true);
      }
    }
    at = next;
  }
  if (style.spaces && Coin(out->text.size(), style.width, 3)) out->Append(" ", true);
}

// The clean text's lines as the text would have them unwrapped: for a text that is itself
// hard-wrapped, the line breaks normalization joins are taken out (marked). `kept` holds the
// offsets of the line breaks normalization keeps.
struct CleanText : MarkedText {
  std::set<size_t> kept;
};

CleanText Unwrapped(const std::string& text) {
  CleanText clean;
  clean.text = text;
  clean.marked.assign(text.size(), false);
  const normalize::NormalizedText normalized = DefaultNormalizer().Normalize(text);
  std::set<size_t>& kept = clean.kept;
  for (size_t at = normalized.text.find('\n'); at != std::string::npos;
       at = normalized.text.find('\n', at + 1)) {
    kept.insert(normalized.map.MapStart(at));
  }
  if (!normalize::DetectLayout(text).wrapped()) return clean;
  for (size_t at = 0; at < text.size();) {
    if (!IsBlank(text[at])) {
      ++at;
      continue;
    }
    size_t end = at;
    bool newline = false, joined = true;
    for (; end < text.size() && IsBlank(text[end]); ++end) {
      if (text[end] == '\n') {
        newline = true;
        joined = joined && kept.count(end) == 0;
      }
    }
    if (newline && joined && end < text.size()) {
      for (size_t i = at; i < end; ++i) clean.marked[i] = true;
    }
    at = end;
  }
  return clean;
}

// The clean text hard-wrapped in `style`: each line filled to the width, the line breaks between
// the clean lines kept (doubled with blank lines between wrapped lines).
MarkedText Wrap(const CleanText& clean, const Style& style) {
  MarkedText out;
  const std::string& text = clean.text;
  const auto line_break = [&](bool wrap) {
    out.Append("\n", wrap);
    if (style.blank_lines) out.Append("\n", true);
  };
  for (size_t at = 0; style.furniture && at < kFurniture.size();) {
    const size_t end = kFurniture.find('\n', at);
    for (std::string_view piece :
         Fill(kFurniture.substr(at, end - at), 2 * style.width, /*paragraph_end=*/false)) {
      out.Append(piece, true);
      line_break(true);
    }
    at = end + 1;
  }
  std::string line;  // the current clean line, marked bytes taken out
  const auto flush = [&](bool paragraph_end) {
    const std::vector<std::string_view> lines = Fill(line, 2 * style.width, paragraph_end);
    for (size_t k = 0; k < lines.size(); ++k) {
      if (k > 0) line_break(true);
      WriteLine(lines[k], style, &out);
    }
    line.clear();
  };
  for (size_t at = 0; at < text.size(); ++at) {
    if (clean.marked[at]) continue;
    if (text[at] != '\n') {
      line += text[at];
      continue;
    }
    // The blanks of a line break stay with it.
    size_t blanks = line.size();
    while (blanks > 0 &&
           (line[blanks - 1] == ' ' || line[blanks - 1] == '\t' || line[blanks - 1] == '\r')) {
      --blanks;
    }
    const std::string trailing = line.substr(blanks);
    line.resize(blanks);
    flush(clean.kept.count(at) > 0);
    out.Append(trailing, false);
    line_break(false);
  }
  flush(true);
  return out;
}

// The fact as compared: rule, type and values always; with `context`, also its section, period and
// status, which hold as far as headings and sentence ends do on wrapped text.
std::string Describe(Fact fact, bool context) {
  if (!context) {
    fact.section.clear();
    fact.period = {};
    fact.status = FigureStatus::kResult;
  }
  fact.text.clear();
  fact.start = fact.end = 0;
  fact.line = fact.column = 0;
  for (Field& field : fact.fields) field.raw.clear();
  return FactToJsonLine(fact) + "\n";
}

// The first line where two fact listings differ, both ways, to say what changed.
std::string FirstDifference(const std::string& want, const std::string& got) {
  size_t at = 0;
  while (at < want.size() && at < got.size() && want[at] == got[at]) ++at;
  const size_t line = want.rfind('\n', at == 0 ? 0 : at - 1);
  const size_t begin = line == std::string::npos || at == 0 ? 0 : line + 1;
  const auto line_from = [&](const std::string& text) {
    return text.substr(begin, text.find('\n', begin) - begin);
  };
  return "\n  clean:   " + line_from(want) + "\n  wrapped: " + line_from(got);
}

std::vector<fs::path> DevelopmentReports() {
  std::vector<fs::path> files;
  for (const char* dir : {"/tests/data/corpus", "/tests/data/dev", "/tests/data/provincial"}) {
    for (const auto& entry : fs::directory_iterator(testing::SourceDir() + dir)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Three widths per report, chosen so that the reports together take every width from 16 to 60.
std::vector<int> WidthsFor(size_t index) {
  return {16 + static_cast<int>(index % 45), 16 + static_cast<int>((index + 15) % 45),
          16 + static_cast<int>((index + 30) % 45)};
}

TEST_CASE("wrap invariance: the widths sampled cover 16 to 60 characters") {
  std::set<int> widths;
  for (size_t i = 0; i < DevelopmentReports().size(); ++i) {
    for (int width : WidthsFor(i)) widths.insert(width);
  }
  CHECK(widths.size() == 45);
  CHECK(*widths.begin() == 16);
  CHECK(*widths.rbegin() == 60);
}

TEST_CASE("wrap invariance: a wrapped report gives the clean text's facts, offsets exact") {
  const Engine& engine = StockEngine();
  const std::vector<fs::path> files = DevelopmentReports();
  REQUIRE(files.size() >= 90);
  size_t facts_compared = 0, context_differences = 0, runs = 0, detected = 0;
  for (size_t index = 0; index < files.size(); ++index) {
    const std::string bytes = testing::ReadFile(files[index].string());
    const CleanText clean = Unwrapped(bytes);
    Result<std::vector<Fact>> expected = engine.Extract("report.txt", bytes);
    REQUIRE(expected.ok());
    for (int width : WidthsFor(index)) {
      // Blank lines (1), spaces (2) and web-page furniture (4): each alone and all together.
      for (const int variant : {0, 1, 2, 3, 4, 7}) {
        const bool blank_lines = variant & 1;
        const Style style{width, blank_lines, /*spaces=*/(variant & 2) != 0,
                          /*furniture=*/(variant & 4) != 0};
        const MarkedText wrapped = Wrap(clean, style);
        INFO(files[index].filename().string()
             << " at " << width << " characters"
             << std::string(blank_lines ? ", blank lines between" : "")
             << std::string(style.spaces ? ", spaces" : "")
             << std::string(style.furniture ? ", furniture" : ""));
        // The generator only adds: what it did not add is the clean text.
        REQUIRE(wrapped.Unmarked(0, wrapped.text.size()) == clean.Unmarked(0, clean.text.size()));
        Result<std::vector<Fact>> got = engine.Extract("report.txt", wrapped.text);
        ++runs;
        const bool read_as_wrapped = normalize::DetectLayout(wrapped.text).wrapped();
        detected += read_as_wrapped;
        if (!read_as_wrapped) MESSAGE("not read as wrapped");
        REQUIRE(got.ok());
        std::string want_facts, got_facts;
        for (const Fact& fact : expected.value()) want_facts += Describe(fact, false);
        for (const Fact& fact : got.value()) got_facts += Describe(fact, false);
        CHECK(got_facts == want_facts);
        if (got_facts == want_facts) {
          // Sections, periods and statuses must hold too, a title's with no numbering
          // included: normalization says which lines it left cut at the width, so a title it
          // left on its own line is one whatever its width. A period or status under the same
          // section too: a paragraph holds together at any width (a wrapped line that ends a
          // sentence at the width is joined), so the time or plan words it opens with date the
          // same sentences.
          for (size_t k = 0; k < got.value().size(); ++k) {
            const Fact& want = expected.value()[k];
            const std::string want_context = Describe(want, true);
            const std::string got_context = Describe(got.value()[k], true);
            if (got_context == want_context) continue;
            ++context_differences;
            MESSAGE(std::string(want.section == got.value()[k].section
                                    ? "the period or status differs:"
                                    : "the section differs:")
                    << FirstDifference(want_context, got_context));
            break;  // the first difference of a run says what changed
          }
        }
        if (got.value().size() != expected.value().size()) continue;
        for (size_t k = 0; k < got.value().size(); ++k) {
          const Fact& fact = got.value()[k];
          const Fact& want = expected.value()[k];
          // The fact's text is the wrapped bytes it spans, which are the clean fact's bytes
          // with what the wrapping added.
          CHECK(fact.text == wrapped.text.substr(fact.start, fact.end - fact.start));
          CHECK(wrapped.Unmarked(fact.start, fact.end) == clean.Unmarked(want.start, want.end));
          ++facts_compared;
        }
      }
    }
  }
  CHECK(facts_compared > 1000);
  CHECK(detected == runs);
  CHECK(context_differences == 0);
  MESSAGE(runs << " wrapped reports, " << detected << " read as wrapped, " << facts_compared
               << " facts compared");
}

// The outline `extract outline` prints, its line numbers left out: each heading's level (its
// indent) and text.
std::string OutlineOf(const std::string& text) {
  const testing::CommandResult result =
      testing::RunCommand({testing::ExtractBinary(), "outline", "-"}, text);
  REQUIRE(result.exit_code == 0);
  std::string outline;
  for (size_t at = 0; at < result.out.size();) {
    const size_t end = result.out.find('\n', at);
    const std::string line = result.out.substr(at, end - at);
    const size_t number_end = line.find_first_not_of(' ');
    outline += line.substr(line.find_first_not_of("0123456789", number_end)) + "\n";
    at = end == std::string::npos ? result.out.size() : end + 1;
  }
  return outline;
}

TEST_CASE("wrap invariance: the PDF sample's outline holds at every width, in every style") {
  // Issue 16: in the PDF text 22 of 27 "headings" were line fragments. `extract outline` of the
  // sample, re-wrapped at every width from 16 to 60 characters, prints the headings of the clean
  // text. Its seven titles of no numbering (一年来，…, 40 columns) are the hard case where they
  // come within the tolerance of the column (at 19 and 20 characters they are cut one character
  // before their end and read as a line cut at the width until joined): at those widths every
  // style is run, elsewhere one style a width, in turn, since each process of `extract` costs
  // a tenth of a second or more under the sanitizers.
  const std::string bytes =
      testing::ReadFile(testing::SourceDir() + "/tests/data/corpus/maotian-2021-pdf.txt");
  const CleanText clean = Unwrapped(bytes);
  const std::string want = OutlineOf(bytes);
  REQUIRE(std::count(want.begin(), want.end(), '\n') == 16);
  int runs = 0;
  for (int width = 16; width <= 60; ++width) {
    const int columns = 2 * width, tolerance = std::max(2, columns / 10);
    bool title_near_width = false;
    for (size_t at = 0; at < want.size();) {
      const size_t end = want.find('\n', at) + 1;
      const std::string line = want.substr(at, end - at - 1);
      const std::string heading = line.substr(line.find_first_not_of(' '));
      const int heading_columns = normalize::LineColumns(heading);
      title_near_width |= !normalize::StartsLikeHeading(heading) &&
                          heading_columns >= columns - tolerance &&
                          heading_columns <= columns + tolerance;
      at = end;
    }
    constexpr int kVariants[] = {0, 1, 2, 3, 4, 7};
    for (const int variant : kVariants) {
      if (!title_near_width && variant != kVariants[width % 6]) continue;
      const Style style{width, (variant & 1) != 0, (variant & 2) != 0, (variant & 4) != 0};
      INFO("at " << width << " characters, style " << variant);
      CHECK(OutlineOf(Wrap(clean, style).text) == want);
      ++runs;
    }
  }
  // Every style at 19 to 22 characters, where the titles' 40 columns are within the tolerance.
  CHECK(runs == 45 + 4 * 5);
}

}  // namespace
}  // namespace glean
