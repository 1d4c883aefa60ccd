// FactStream: one input extracted part by part, so a file of any size costs memory for a part.
#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "engine/document_impl.h"
#include "engine/normalize/normalizer.h"
#include "engine/rules/compiled_rule_set.h"
#include "engine/source/byte_search.h"
#include "engine/source/decoder.h"
#include "engine/source/utf8_validate.h"
#include "engine/structure/structure.h"
#include "glean/engine.h"

namespace glean {

namespace {

// Where the text may be cut so that each side normalizes as it would within the whole: after
// a line break that normalization never joins in a text of `layout` (after a line ending a
// sentence, short of the width if the text is wrapped) and the blanks after it. Takes the last such
// break, however far back (a hard-wrapped text ends a line with a sentence end only now and then);
// with none at all, the last line break, and npos when there is none.
size_t CutPoint(std::string_view text, const normalize::LineLayout& layout) {
  size_t any_break = std::string_view::npos;
  for (size_t newline = text.rfind('\n'); newline != std::string_view::npos && newline > 0;
       newline = text.rfind('\n', newline - 1)) {
    size_t after = newline + 1;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    if (after == text.size()) continue;  // the next line may not be complete yet
    if (any_break == std::string_view::npos) any_break = after;
    const size_t line_start = text.rfind('\n', newline - 1);
    const size_t begin = line_start == std::string_view::npos ? 0 : line_start + 1;
    if (layout.KeepsBreakAfter(text.substr(begin, newline - begin))) return after;
  }
  return any_break;
}

unsigned Utf16Unit(std::string_view text, size_t at, Encoding encoding) {
  const auto first = static_cast<unsigned char>(text[at]);
  const auto second = static_cast<unsigned char>(text[at + 1]);
  return encoding == Encoding::kUtf16Le ? first | (second << 8) : (first << 8) | second;
}

size_t Utf16LineBreaks(std::string_view text, Encoding encoding) {
  size_t count = 0;
  for (size_t at = 0; at + 1 < text.size(); at += 2) count += Utf16Unit(text, at, encoding) == '\n';
  return count;
}

// Where UTF-16 `text` may be cut within its first `part` bytes, as CutPoint for UTF-8: after a
// line break that follows 。！？ or ；, searched backwards from the end of the part, then after
// any line break; npos when there is none. Parts start at even offsets, so code units do too.
size_t Utf16CutPoint(std::string_view text, size_t part, Encoding encoding) {
  const size_t end = std::min(text.size(), part) & ~size_t{1};
  size_t any_break = std::string_view::npos;
  for (size_t at = end; at >= 2; at -= 2) {
    if (Utf16Unit(text, at - 2, encoding) != '\n' || at == end) continue;
    if (any_break == std::string_view::npos) any_break = at;
    size_t before = at - 2;
    if (before >= 2 && Utf16Unit(text, before - 2, encoding) == '\r') before -= 2;
    if (before < 2) continue;
    const unsigned last = Utf16Unit(text, before - 2, encoding);
    if (last == 0x3002 || last == 0xFF01 || last == 0xFF1F || last == 0xFF1B) return at;
  }
  return any_break;
}

// A line break is awaited up to this many bytes; a longer line is cut. Reports have lines of a
// few KB at most; a line of megabytes is a converted table or a file with no line breaks at all.
constexpr size_t kLongLineBytes = size_t{8} << 20;

// The first part is at least this long, whatever the part size: the report's year and document
// fact come from it, and the structure stage finds them in the title, the first heading and the
// paragraph after it, which a part of a few hundred bytes may not reach.
// Caveat: a report whose first heading lies further in still has its year from the first part.
constexpr size_t kFirstPartBytes = size_t{64} << 10;

// Whether `bytes` holds a byte that is not ASCII, where UTF-8 and GB18030 first differ.
bool HoldsNonAscii(std::string_view bytes) {
  for (const char byte : bytes) {
    if (static_cast<unsigned char>(byte) >= 0x80) return true;
  }
  return false;
}

}  // namespace

struct FactStream::State {
  const Engine* engine = nullptr;
  std::string name;
  std::function<void(const Fact&)> visit;
  size_t part_bytes = 0;

  std::string pending;  // bytes fed and not yet extracted
  bool started = false;
  bool whole = false;    // not UTF-8: gathered and extracted at Finish
  bool stopped = false;  // an error was reported, or the input finished: nothing more is taken
  internal::Placement placement;
  structure::StructureCarry carry;
  // The input's line layout, read on its start before the first part: every part is joined as
  // the whole would be.
  normalize::LineLayout layout;
  size_t invalid = 0;  // bad UTF-8 sequences over all parts
  size_t first_bad = 0;
  size_t ascii_prefix = 0;              // pending's first bytes known to be ASCII
  bool warned_other_encoding = false;   // a part read far better as another encoding (said once)
  bool cut_long_line = false;           // a line longer than two parts was cut (warned once)
  Encoding encoding = Encoding::kUtf8;  // of the parts: UTF-8, or UTF-16 cut at code units

  // The size the next part is cut at. The first holds at least the text's head, where structure
  // judges whether the text is hard-wrapped and reads the report's header and year: a part that
  // ended sooner would judge them on less text than the whole.
  size_t PartBytes() const {
    if (placement.offset != 0) return part_bytes;
    return std::max({part_bytes, kFirstPartBytes, 2 * structure::kWrapSampleBytes});
  }
  // No cut before this: the head structure reads.
  size_t LeastCut() const { return placement.offset == 0 ? structure::kWrapSampleBytes : 0; }

  // Extracts the first `length` bytes of `pending` as the next part.
  Diagnostics ExtractPart(size_t length) {
    // The part takes the buffer; only the short rest after the cut is copied back.
    std::string part = std::move(pending);
    pending.assign(part, length);
    part.resize(length);
    Diagnostics diagnostics;
    const bool utf16 = encoding != Encoding::kUtf8;
    // UTF-16 has NUL bytes in every ASCII character; its decoder looks for NUL characters.
    if (const void* nul = utf16 ? nullptr : std::memchr(part.data(), 0, part.size())) {
      stopped = true;
      const auto at = static_cast<size_t>(static_cast<const char*>(nul) - part.data());
      // Facts of the parts before this one are out already: say so rather than "not read".
      diagnostics.push_back(
          placement.offset == 0
              ? source::BinaryInputError(name, at)
              : Diagnostic::Error(
                    "binary", {name, 0, 0},
                    fmt::format("NUL byte at offset {}: looks like a binary file from there on; "
                                "the facts of its first {} bytes are given, the rest is not read",
                                placement.offset + at, placement.offset)));
      return diagnostics;
    }
    WarnOfOtherEncoding(part, &diagnostics);
    const size_t bytes = part.size();
    const int lines =
        static_cast<int>(utf16 ? Utf16LineBreaks(part, encoding) : source::CountByte(part, '\n'));
    const bool first = placement.offset == 0;
    Result<Document> document = internal::LoadDocument(
        name, std::move(part), *engine->rules().compiled().normalizer, encoding,
        first ? nullptr : &carry, encoding == Encoding::kUtf8 ? &layout : nullptr,
        placement.figure_years ? &*placement.figure_years : nullptr);
    for (Diagnostic& diagnostic : document.diagnostics()) {
      // Bad sequences are reported once for the whole input, by Finish, from the counts below.
      if (diagnostic.code != "invalid-encoding") diagnostics.push_back(std::move(diagnostic));
    }
    if (!document.ok()) {
      stopped = true;
      return diagnostics;
    }
    const Document& part_document = document.value();
    const source::DecodedText& decoded = internal::DocumentAccess::Impl(part_document).decoded;
    if (invalid == 0 && decoded.invalid > 0) first_bad = placement.offset + decoded.first_bad;
    invalid += decoded.invalid;
    engine->EmitFacts(part_document, placement, visit);
    if (first) {
      placement.year = internal::ReportYear(part_document.info());
      placement.figure_years = figures::YearsOf(part_document.info());
    }
    carry = internal::DocumentAccess::Impl(part_document).structure.Carry();
    placement.offset += bytes;
    placement.lines += lines;
    placement.document_fact = false;
    return diagnostics;
  }

  // A part of an input streamed as UTF-8 that reads as badly as a whole file would to be taken
  // for GB18030: the encoding was decided on the input's start, which held UTF-8 (a file that
  // mixes encodings). Said once, so the analyst knows the later text is damaged and what to do.
  void WarnOfOtherEncoding(std::string_view bytes, Diagnostics* diagnostics) {
    if (warned_other_encoding || encoding != Encoding::kUtf8 ||
        engine->options().encoding != Encoding::kAuto || source::IsValidUtf8(bytes)) {
      return;
    }
    const source::Utf8Problems problems = source::FindUtf8Problems(bytes);
    if (problems.invalid * 80 <= problems.non_ascii) return;
    warned_other_encoding = true;
    diagnostics->push_back(Diagnostic::Warning(
        "mixed-encoding", {name, 0, 0},
        fmt::format("the bytes from offset {} on are not UTF-8 ({} bad sequences in {} bytes), "
                    "though the input's start was; its encoding was decided there. Convert the "
                    "file to one encoding, or pass --encoding",
                    placement.offset + problems.first_bad, problems.invalid, bytes.size())));
  }

  // Whether the pending bytes can decide the encoding: ASCII reads the same as UTF-8 and as
  // GB18030, so an input that starts with ASCII alone waits for its first other byte, up to
  // kLongLineBytes (then UTF-8 is taken: memory stays bounded).
  bool HoldsEncodingSample() {
    if (pending.size() >= kLongLineBytes) return true;
    const bool found = HoldsNonAscii(std::string_view(pending).substr(ascii_prefix));
    ascii_prefix = pending.size();
    return found;
  }

  // Extracts every whole part of UTF-8 text the pending bytes hold.
  Diagnostics ExtractParts() {
    Diagnostics diagnostics;
    while (!whole && !stopped && encoding == Encoding::kUtf8 && pending.size() >= PartBytes()) {
      const size_t size = PartBytes();
      const size_t least = LeastCut();
      // A part ends at its last cut after a sentence end or, failing that, at its last line
      // break; a text with no line break at all is gathered until one comes.
      size_t cut = CutPoint(std::string_view(pending).substr(0, size), layout);
      if (cut != std::string_view::npos && cut < least) cut = std::string_view::npos;
      if (cut == std::string_view::npos) {
        if (pending.size() < 2 * size) break;
        // Still no line break: look further before growing again.
        cut = CutPoint(pending, layout);
        if (cut != std::string_view::npos && cut < least) cut = std::string_view::npos;
        if (cut == std::string_view::npos) {
          // A line longer than kLongLineBytes (and two parts) is cut at a character boundary:
          // gathering it whole would hold an endless line whole. A fact across the cut is lost;
          // say so once.
          if (pending.size() < std::max(kLongLineBytes, 2 * size)) break;
          cut = size;
          while (cut > 0 && (static_cast<unsigned char>(pending[cut]) & 0xC0) == 0x80) --cut;
          if (cut == 0) cut = size;
          if (!cut_long_line) {
            cut_long_line = true;
            diagnostics.push_back(Diagnostic::Warning(
                "long-line", {name, 0, 0},
                fmt::format("a line longer than {} bytes is cut into parts, first at byte {}; a "
                            "fact across a cut is lost",
                            std::max(kLongLineBytes, 2 * size), placement.offset + cut)));
          }
        }
      }
      Diagnostics part = ExtractPart(cut);
      diagnostics.insert(diagnostics.end(), part.begin(), part.end());
    }
    return diagnostics;
  }

  // Whether the input is UTF-8 that can go part by part, decided on its first bytes as Decode
  // decides: a BOM, the forced encoding, or whether the bytes read far better as GB18030.
  // Whether the input is UTF-16 (a BOM, or the forced encoding): then it goes part by part too,
  // each part cut after a line break's code unit.
  bool StreamsAsUtf16() {
    const Encoding forced = engine->options().encoding;
    const std::string_view head(pending);
    if (forced == Encoding::kUtf16Le ||
        (forced == Encoding::kAuto && head.starts_with("\xFF\xFE"))) {
      encoding = Encoding::kUtf16Le;
    } else if (forced == Encoding::kUtf16Be ||
               (forced == Encoding::kAuto && head.starts_with("\xFE\xFF"))) {
      encoding = Encoding::kUtf16Be;
    }
    return encoding != Encoding::kUtf8;
  }

  bool StreamsAsUtf8() const {
    const Encoding encoding = engine->options().encoding;
    if (encoding == Encoding::kUtf8) return true;
    if (encoding != Encoding::kAuto) return false;
    const std::string_view head(pending);
    if (head.starts_with("\xEF\xBB\xBF")) return true;
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return false;
    if (source::IsValidUtf8(head)) return true;  // the common case, checked 16 bytes at a time
    const source::Utf8Problems problems = source::FindUtf8Problems(head);
    return problems.invalid == 0 || problems.invalid * 80 <= problems.non_ascii;
  }
};

FactStream::FactStream(const Engine& engine, std::string name,
                       std::function<void(const Fact&)> visit, size_t part_bytes)
    : state_(std::make_unique<State>()) {
  state_->engine = &engine;
  state_->name = std::move(name);
  state_->visit = std::move(visit);
  state_->part_bytes = std::max<size_t>(part_bytes, 1);
}

FactStream::FactStream(FactStream&&) noexcept = default;
FactStream& FactStream::operator=(FactStream&&) noexcept = default;
FactStream::~FactStream() = default;

Diagnostics FactStream::Feed(std::string_view bytes) {
  State& state = *state_;
  if (state.stopped) return {};
  state.pending.append(bytes);
  if (!state.started) {
    // The first part waits for the start that decides the layout.
    if (state.pending.size() < state.part_bytes || !normalize::HoldsLayoutSample(state.pending) ||
        !state.HoldsEncodingSample()) {
      return {};
    }
    state.started = true;
    state.whole = !state.StreamsAsUtf16() && !state.StreamsAsUtf8();
    if (!state.whole && state.encoding == Encoding::kUtf8) {
      state.layout = normalize::DetectLayout(state.pending);
    }
  }
  Diagnostics diagnostics;
  while (!state.whole && !state.stopped && state.encoding != Encoding::kUtf8 &&
         state.pending.size() >= state.PartBytes()) {
    // UTF-16: cut after a line break that follows a sentence's end, else after any line break,
    // else (a line longer than kLongLineBytes) between two characters.
    size_t cut = Utf16CutPoint(state.pending, state.PartBytes(), state.encoding);
    if (cut == std::string_view::npos) {
      if (state.pending.size() < std::max(kLongLineBytes, 2 * state.PartBytes())) break;
      cut = state.PartBytes() & ~size_t{1};
      if (Utf16Unit(state.pending, cut, state.encoding) >= 0xDC00 &&
          Utf16Unit(state.pending, cut, state.encoding) < 0xE000) {
        cut -= 2;  // not between the halves of a surrogate pair
      }
    }
    Diagnostics part = state.ExtractPart(cut);
    diagnostics.insert(diagnostics.end(), part.begin(), part.end());
  }
  Diagnostics parts = state.ExtractParts();
  diagnostics.insert(diagnostics.end(), parts.begin(), parts.end());
  return diagnostics;
}

Diagnostics FactStream::Finish() {
  State& state = *state_;
  if (state.stopped) return {};
  Diagnostics diagnostics;
  if (!state.started) {
    state.whole = !state.StreamsAsUtf16() && !state.StreamsAsUtf8();
    if (!state.whole && state.encoding == Encoding::kUtf8) {
      state.layout = normalize::DetectLayout(state.pending);
    }
  }
  state.started = true;
  if (state.whole) {
    Result<Document> document = state.engine->Load(state.name, std::move(state.pending));
    state.pending.clear();
    diagnostics = std::move(document.diagnostics());
    if (document.ok()) state.engine->ForEachFact(document.value(), state.visit);
    state.stopped = true;
    return diagnostics;
  }
  // An input whose start was too short to decide its layout early still goes in parts.
  diagnostics = state.ExtractParts();
  if (!state.stopped && !state.pending.empty()) {
    Diagnostics part = state.ExtractPart(state.pending.size());
    diagnostics.insert(diagnostics.end(), part.begin(), part.end());
  }
  if (state.invalid > 0) {
    diagnostics.push_back(source::InvalidEncodingWarning(
        state.name, state.encoding == Encoding::kUtf8 ? "UTF-8" : "UTF-16", state.invalid,
        state.first_bad));
  }
  state.stopped = true;
  return diagnostics;
}

}  // namespace glean
