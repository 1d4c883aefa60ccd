// The character folds of the normalize stage: what one code point becomes under NFKC and
// Traditional → Simplified, precomputed for the Basic Multilingual Plane from ICU's data and the
// generated T2S table (gen_t2s_table.cc), with the character classes the blank rules read.
//
// A file of its own because the table is a closed piece with a small API: it is built once per
// pair of switches and shared read-only, and the pipeline (normalizer.cc) only looks characters up
// in it. The lookups are inline here: the pipeline's per-character loop calls them on every
// character of a report.
#ifndef GLEAN_ENGINE_NORMALIZE_FOLD_TABLE_H_
#define GLEAN_ENGINE_NORMALIZE_FOLD_TABLE_H_

#include <unicode/normalizer2.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glean::normalize {

enum class CharClass { kHan, kCjkPunct, kDigit, kAsciiPunct, kLatin, kSpace, kOther };

inline CharClass Classify(uint32_t cp) {
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

// ○, folded to 〇 when NFKC is on. NOTE: the table folds it everywhere; the pipeline applies the
// fold only inside a numeral (六九○○), since elsewhere ○ masks a name (○○镇) or marks an item.
inline constexpr uint32_t kWhiteCircle = 0x25CB;

// Enclosed numbers (①, ⑴ …) mark list items; NFKC would turn ① into a bare "1" and lose that.
inline bool KeepsListMarker(uint32_t cp) {
  return (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x2776 && cp <= 0x2793) ||
         (cp >= 0x3251 && cp <= 0x325F) || (cp >= 0x32B1 && cp <= 0x32BF);
}

// NFKC (for one character) then Traditional → Simplified; empty when nothing changes. A null
// `nfkc` leaves NFKC out. Asks ICU: the table answers this for the BMP.
std::string FoldCodePoint(uint32_t cp, const icu::Normalizer2* nfkc,
                          bool traditional_to_simplified);

// The folds of the Basic Multilingual Plane, looked up per character.
struct FoldTable {
  // Per BMP code point: 0 when it folds to itself, else (offset << 8 | length) into `pool`.
  std::vector<uint32_t> bmp = std::vector<uint32_t>(0x10000, 0);
  // One bit per BMP code point, set when it folds: 8 KB that stay in the first-level cache, where
  // the 256 KB table does not; most characters of a report are looked up here only.
  std::vector<uint64_t> changes = std::vector<uint64_t>(0x10000 / 64, 0);
  // One bit per BMP code point, set when it folds to a character of its own byte length and
  // class (廁 → 厕, 「 → “): written over the copied text, it leaves the offset map and the
  // blank rules as they were.
  std::vector<uint64_t> same_shape = std::vector<uint64_t>(0x10000 / 64, 0);
  std::string pool;
  // The switches the table was built with, for code points beyond the BMP.
  const icu::Normalizer2* nfkc = nullptr;
  bool traditional_to_simplified = false;

  // REQUIRES: cp < 0x10000 (Changes, SameShape and FoldBmp).
  bool Changes(uint32_t cp) const { return (changes[cp >> 6] >> (cp & 63)) & 1; }
  bool SameShape(uint32_t cp) const { return (same_shape[cp >> 6] >> (cp & 63)) & 1; }

  // The folded form of a BMP code point, or empty when it folds to itself.
  std::string_view FoldBmp(uint32_t cp) const {
    const uint32_t entry = bmp[cp];
    return std::string_view(pool).substr(entry >> 8, entry & 0xFF);
  }

  // The folded form of one code point, or empty when it folds to itself; beyond the BMP it is
  // computed into `scratch`.
  std::string_view Fold(uint32_t cp, std::string* scratch) const {
    if (cp < 0x10000) return Changes(cp) ? FoldBmp(cp) : std::string_view();
    *scratch = FoldCodePoint(cp, nfkc, traditional_to_simplified);
    return *scratch;
  }
};

// The table for the two switches (a null `nfkc` leaves NFKC out), built on first use and shared
// read-only for the life of the process; thread-safe.
const FoldTable& SharedFoldTable(const icu::Normalizer2* nfkc, bool traditional_to_simplified);

}  // namespace glean::normalize

#endif  // GLEAN_ENGINE_NORMALIZE_FOLD_TABLE_H_
