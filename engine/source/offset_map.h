// OffsetMap: where each byte range of a derived text came from in the text it was derived from.
//
// Two maps carry every fact back to its source: decoding maps decoded UTF-8 to the input's own
// bytes, normalization maps normalized text to decoded text. A map is a list of pieces, each saying
// "these `to` bytes were produced from those `from` bytes"; runs of pieces with the same lengths
// are stored once, so a file that needs no change costs one entry, and a GB18030 file one entry per
// run of same-width characters.
#ifndef GLEAN_ENGINE_SOURCE_OFFSET_MAP_H_
#define GLEAN_ENGINE_SOURCE_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace glean::source {

class OffsetMap {
 public:
  // `count` consecutive pieces of `to_len` bytes produced from `from_len` bytes each, starting at
  // `to_start` / `from_start`. A copy run has to_len == from_len == 1.
  // 32 bytes: maps are built for whole documents, and a Traditional or PDF text has a run every
  // few dozen bytes.
  struct Run {
    uint64_t to_start = 0;
    uint64_t from_start = 0;
    uint32_t from_len = 0;
    uint32_t count = 0;
    uint16_t to_len = 0;
    bool atomic = false;  // false for copies: offsets inside map exactly
  };

  // Builds a map piece by piece, in order.
  class Builder {
   public:
    // `to_len` output bytes were produced from the next `from_len` input bytes. A piece is atomic:
    // an offset strictly inside it maps to its start (Snap start) or end (Snap end). A replacement
    // of the same length (廁 → 厕) maps exactly at every character boundary: use Copy for it.
    // REQUIRES: to_len < 65536 (a piece is at most a few characters of output).
    // Inline where the piece extends the last run, as nearly every piece of a report does.
    void Append(size_t to_len, size_t from_len) {
      if (!ExtendLast(to_len, from_len)) AppendRun(to_len, from_len);
    }
    // `len` bytes copied unchanged: every offset inside maps exactly.
    void Copy(size_t len) {
      if (!runs_.empty() && !runs_.back().atomic && len <= UINT32_MAX - runs_.back().count) {
        runs_.back().count += static_cast<uint32_t>(len);
        return;
      }
      CopyRuns(len);
    }
    // `from_len` input bytes dropped (to_len 0).
    void Skip(size_t from_len) { Append(0, from_len); }
    // Room for `runs` runs. Room never used costs address space, not memory: its pages are not
    // touched, while growing by doubling copies every run and touches twice the pages.
    void Reserve(size_t runs) { runs_.reserve(runs); }
    OffsetMap Build() &&;

   private:
    friend class OffsetMap;
    // The general cases of Append and Copy: new runs, lengths split to fit a run's counts.
    void AppendRun(size_t to_len, size_t from_len);
    // Counts the piece into the last run when it has the same lengths.
    bool ExtendLast(size_t to_len, size_t from_len) {
      if (runs_.empty()) return false;
      Run& last = runs_.back();
      if (!last.atomic || last.to_len != to_len || last.from_len != from_len ||
          last.count == UINT32_MAX) {
        return false;
      }
      ++last.count;
      return true;
    }
    void CopyRuns(size_t len);

    std::vector<Run> runs_;
  };

  // The identity over `size` bytes.
  static OffsetMap Identity(size_t size);

  // Offset in the `from` text of offset `to` of the derived text. For a start: inside an atomic
  // piece, the piece's start; at a boundary after dropped bytes, the position after them. For an
  // end: inside a piece, the piece's end; at a boundary, the position before dropped bytes.
  size_t MapStart(size_t to) const;
  size_t MapEnd(size_t to) const;

  size_t to_size() const;
  size_t from_size() const;
  size_t run_count() const;

  // One line per run: "to [a, b) <- from [c, d)  kind", for `extract normalize --map`.
  std::string Describe() const;

 private:
  std::vector<Run> runs_;
};

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_OFFSET_MAP_H_
