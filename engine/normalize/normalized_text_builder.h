// The normalized text and its offset map as the normalization pass writes them (normalizer.cc):
// unchanged bytes gather into one pending copy, appended when something else comes, so a report
// with few changes is a few long appends and a few map runs.
#ifndef GLEAN_ENGINE_NORMALIZE_NORMALIZED_TEXT_BUILDER_H_
#define GLEAN_ENGINE_NORMALIZE_NORMALIZED_TEXT_BUILDER_H_

#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/normalize/normalizer.h"
#include "engine/source/offset_map.h"

namespace glean::normalize {

// The text and map being built from `input`, in order. Not copyable in effect: it writes into
// `out`, which must outlive it; Finish hands `out` the map.
class NormalizedTextBuilder {
 public:
  NormalizedTextBuilder(std::string_view input, NormalizedText* out) : input_(input), out_(out) {
    out_->text.reserve(input.size());
    // A run every 16 bytes is more than the densest sample report needs (one per 35 bytes of
    // the PDF text, where every full-width comma ends a copy run).
    map_.Reserve(input.size() / 16 + 1);
  }
  void Keep(size_t at, size_t length) {
    if (copy_begin_ + copy_length_ != at) Flush(at);
    copy_length_ += length;
  }
  // The three bytes at `at`, kept by a later Keep, are written as `folded` (of their shape).
  // Most folds of a Traditional report are such: the copy run goes on, in the text and the map.
  void Overwrite(size_t at, const char* folded) { overwrites_.push_back({at, folded}); }
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
  // The size of the text written so far, the pending copy included.
  size_t size() const { return out_->text.size() + copy_length_; }
  void Finish() {
    Flush(input_.size());
    out_->map = std::move(map_).Build();
  }

 private:
  // Writes the pending copy; the next copy may start at `next`.
  void Flush(size_t next) {
    if (copy_length_ > 0) {
      const size_t written = out_->text.size();
      out_->text.append(input_.substr(copy_begin_, copy_length_));
      map_.Copy(copy_length_);
      const size_t copy_end = copy_begin_ + copy_length_;
      for (; overwritten_ < overwrites_.size() && overwrites_[overwritten_].at < copy_end;
           ++overwritten_) {
        const auto [at, folded] = overwrites_[overwritten_];
        std::memcpy(out_->text.data() + written + (at - copy_begin_), folded, 3);
      }
      if (overwritten_ == overwrites_.size()) {
        overwrites_.clear();
        overwritten_ = 0;
      }
    }
    copy_begin_ = next;
    copy_length_ = 0;
  }

  std::string_view input_;
  NormalizedText* out_;
  source::OffsetMap::Builder map_;
  size_t copy_begin_ = 0;
  size_t copy_length_ = 0;
  struct Overwrite3 {
    size_t at;
    const char* folded;
  };
  std::vector<Overwrite3> overwrites_;  // in text order; those before `overwritten_` are done
  size_t overwritten_ = 0;
};

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_NORMALIZED_TEXT_BUILDER_H_
