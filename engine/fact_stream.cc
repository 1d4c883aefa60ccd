// FactStream: one input extracted part by part, so a file of any size costs memory for a part.
#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

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
// a line break that follows a line ending a sentence (a break normalization never joins) and the
// blanks after it. Searches the last `window` bytes first; then takes any line break, and npos
// when there is none.
size_t CutPoint(std::string_view text, size_t window) {
  const size_t floor = text.size() > window ? text.size() - window : 0;
  size_t any_break = std::string_view::npos;
  for (size_t newline = text.rfind('\n'); newline != std::string_view::npos && newline > 0;
       newline = text.rfind('\n', newline - 1)) {
    size_t after = newline + 1;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    if (after == text.size()) continue;  // the next line may not be complete yet
    if (any_break == std::string_view::npos) any_break = after;
    const size_t line_start = text.rfind('\n', newline - 1);
    const size_t begin = line_start == std::string_view::npos ? 0 : line_start + 1;
    if (normalize::EndsSentence(text.substr(begin, newline - begin))) return after;
    if (newline < floor) break;
  }
  return any_break;
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
  size_t invalid = 0;  // bad UTF-8 sequences over all parts
  size_t first_bad = 0;

  // Extracts the first `length` bytes of `pending` as the next part.
  Diagnostics ExtractPart(size_t length) {
    // The part takes the buffer; only the short rest after the cut is copied back.
    std::string part = std::move(pending);
    pending.assign(part, length);
    part.resize(length);
    Diagnostics diagnostics;
    if (const void* nul = std::memchr(part.data(), 0, part.size())) {
      stopped = true;
      const auto at = static_cast<size_t>(static_cast<const char*>(nul) - part.data());
      diagnostics.push_back(source::BinaryInputError(name, placement.offset + at));
      return diagnostics;
    }
    const size_t bytes = part.size();
    const int lines = static_cast<int>(source::CountByte(part, '\n'));
    const bool first = placement.offset == 0;
    Result<Document> document =
        internal::LoadDocument(name, std::move(part), *engine->rules().compiled().normalizer,
                               Encoding::kUtf8, first ? nullptr : &carry);
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

  // Whether the input is UTF-8 that can go part by part, decided on its first bytes as Decode
  // decides: a BOM, the forced encoding, or whether the bytes read far better as GB18030.
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
    if (state.pending.size() < state.part_bytes) return {};
    state.started = true;
    state.whole = !state.StreamsAsUtf8();
  }
  Diagnostics diagnostics;
  while (!state.whole && !state.stopped && state.pending.size() >= state.part_bytes) {
    // A part ends at a cut in its last quarter or, failing that, anywhere; a text with no line
    // break at all is gathered until one comes.
    const size_t cut =
        CutPoint(std::string_view(state.pending).substr(0, state.part_bytes), state.part_bytes / 4);
    if (cut == std::string_view::npos) {
      if (state.pending.size() >= 2 * state.part_bytes) {
        // Still no line break: look further before growing again.
        const size_t further = CutPoint(state.pending, state.pending.size());
        if (further == std::string_view::npos) break;
        Diagnostics part = state.ExtractPart(further);
        diagnostics.insert(diagnostics.end(), part.begin(), part.end());
        continue;
      }
      break;
    }
    Diagnostics part = state.ExtractPart(cut);
    diagnostics.insert(diagnostics.end(), part.begin(), part.end());
  }
  return diagnostics;
}

Diagnostics FactStream::Finish() {
  State& state = *state_;
  if (state.stopped) return {};
  Diagnostics diagnostics;
  if (!state.started) state.whole = !state.StreamsAsUtf8();
  state.started = true;
  if (state.whole) {
    Result<Document> document = state.engine->Load(state.name, std::move(state.pending));
    state.pending.clear();
    diagnostics = std::move(document.diagnostics());
    if (document.ok()) state.engine->ForEachFact(document.value(), state.visit);
    state.stopped = true;
    return diagnostics;
  }
  if (!state.pending.empty()) diagnostics = state.ExtractPart(state.pending.size());
  if (state.invalid > 0) {
    diagnostics.push_back(
        source::InvalidEncodingWarning(state.name, "UTF-8", state.invalid, state.first_bad));
  }
  state.stopped = true;
  return diagnostics;
}

}  // namespace glean
