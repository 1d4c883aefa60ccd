#include "engine/match/capture_plan.h"

#include <array>
#include <optional>

#include "engine/match/pattern_pieces.h"
#include "engine/source/utf8.h"

namespace glean::internal {

namespace {

using Kind = PatternPiece::Kind;

// More ends than this for one piece and the groups are left to RE2.
constexpr size_t kMaxEnds = 64;

re2::StringPiece StringPieceOf(std::string_view text) {
  return re2::StringPiece(text.data(), text.size());
}

}  // namespace

struct CapturePlan::Piece {
  PatternPiece shape;
  std::unique_ptr<RE2> one;              // kRepeat: one repetition, when not a digit
  bool digit = false;                    // kRepeat of \d, tested directly
  const DeferredRegex* after = nullptr;  // the pattern after this piece (not for the last piece)
};

CapturePlan::~CapturePlan() = default;

const DeferredRegex* CapturePlan::RestCache::Get(std::string_view rest,
                                                 const RE2::Options& options) {
  // Plans are made only under the options Plan accepts; these are the others that change what
  // a rest matches.
  std::string key = std::to_string(options.max_mem()) + (options.dot_nl() ? "s" : "-") +
                    (options.never_nl() ? "n" : "-") + (options.perl_classes() ? "p" : "-") +
                    (options.word_boundary() ? "b" : "-") + (options.one_line() ? "l" : "-") +
                    "\n" + WithoutCaptures(rest);
  auto [it, inserted] = rests_.try_emplace(std::move(key));
  if (inserted) {
    it->second =
        std::make_unique<DeferredRegex>(it->first.substr(it->first.find('\n') + 1), options);
  }
  return it->second.get();
}

std::unique_ptr<CapturePlan> CapturePlan::Plan(const RE2& compiled, RestCache* rests) {
  if (!compiled.ok()) return nullptr;
  return Plan(compiled, ReadPatternPieces(compiled.pattern()), rests);
}

std::unique_ptr<CapturePlan> CapturePlan::Plan(const RE2& compiled,
                                               std::optional<PatternPieces> read,
                                               RestCache* rests) {
  if (!compiled.ok()) return nullptr;
  return Plan(compiled.pattern(), compiled.options(), compiled.NumberOfCapturingGroups(),
              std::move(read), rests);
}

std::unique_ptr<CapturePlan> CapturePlan::Plan(std::string_view pattern,
                                               const RE2::Options& options, int group_count,
                                               std::optional<PatternPieces> read,
                                               RestCache* rests) {
  // Ends are tried in leftmost-first order, not longest-match order.
  if (!PiecesApply(options) || options.longest_match()) return nullptr;
  if (!read || read->pieces.empty() || read->groups == 0 || read->groups > kMaxGroups ||
      read->groups != group_count) {
    return nullptr;
  }
  std::unique_ptr<CapturePlan> plan(new CapturePlan);
  if (rests == nullptr) {
    plan->own_rests_ = std::make_unique<RestCache>();
    rests = plan->own_rests_.get();
  }
  for (size_t i = 0; i < read->pieces.size(); ++i) {
    Piece piece;
    piece.shape = std::move(read->pieces[i]);
    if (i + 1 == read->pieces.size()) {
      plan->pieces_.push_back(std::move(piece));
      break;  // the last piece runs to the end, whatever it is
    }
    const PatternPiece& shape = piece.shape;
    if (shape.kind == Kind::kOther || shape.words.size() > kMaxEnds) return nullptr;
    if (shape.kind == Kind::kRepeat) {
      piece.digit = shape.item == "\\d";
      if (!piece.digit) {
        piece.one = std::make_unique<RE2>(StringPieceOf(shape.item), options);
        if (!piece.one->ok()) return nullptr;
      }
    }
    piece.after = rests->Get(pattern.substr(read->pieces[i + 1].begin), options);
    plan->pieces_.push_back(std::move(piece));
  }
  plan->group_count_ = read->groups;
  return plan;
}

bool CapturePlan::Place(std::string_view text, size_t at, size_t end, Span* groups) const {
  size_t begin = at;
  for (size_t i = 0; i < pieces_.size(); ++i) {
    const Piece& piece = pieces_[i];
    size_t piece_end = end;
    if (i + 1 < pieces_.size()) {
      // Where this piece may end, in the order the regex tries them.
      std::array<size_t, kMaxEnds + 1> ends;
      size_t count = 0;
      if (piece.shape.kind == Kind::kWords) {
        for (const std::string& word : piece.shape.words) {
          if (word.size() <= end - begin && text.compare(begin, word.size(), word) == 0) {
            ends[count++] = begin + word.size();
          }
        }
      } else {
        // The repetitions that follow in a row, up to the bound: ends[k] after k of them.
        std::array<size_t, kMaxEnds + 1> after;
        size_t repeats = 0;
        after[0] = begin;
        size_t position = begin;
        while ((piece.shape.max < 0 || repeats < static_cast<size_t>(piece.shape.max)) &&
               position < end) {
          const size_t length = std::min(
              source::Utf8LengthOfLead(static_cast<unsigned char>(text[position])), end - position);
          const bool matches =
              piece.digit ? text[position] >= '0' && text[position] <= '9'
                          : piece.one->Match(StringPieceOf(text), position, position + length,
                                             RE2::ANCHOR_BOTH, nullptr, 0);
          if (!matches) break;
          if (repeats == kMaxEnds) return false;
          position += length;
          after[++repeats] = position;
        }
        const auto least = static_cast<size_t>(piece.shape.min);
        for (size_t k = least; k <= repeats; ++k) {
          ends[count++] = after[piece.shape.lazy ? k : repeats - (k - least)];
        }
      }
      // The first end after which the rest matches exactly to the match's end; the last one
      // left needs no asking, as the match exists.
      size_t chosen = 0;
      for (; chosen < count; ++chosen) {
        if (chosen + 1 == count) break;
        const RE2& after = piece.after->regex();
        if (!after.ok()) return false;
        if (after.Match(StringPieceOf(text), ends[chosen], end, RE2::ANCHOR_BOTH, nullptr, 0)) {
          break;
        }
      }
      if (chosen == count) return false;
      piece_end = ends[chosen];
    }
    if (piece.shape.group > 0) groups[piece.shape.group - 1] = {begin, piece_end};
    begin = piece_end;
  }
  return true;
}

}  // namespace glean::internal
