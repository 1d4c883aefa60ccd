#include "engine/normalize/fold_table.h"

#include "engine/source/utf8.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace glean::normalize {

namespace {

struct T2sPair {
  uint32_t from;
  uint32_t to;
};

constexpr T2sPair kTraditionalToSimplified[] = {
#include "normalize/t2s_table.inc"
};

constexpr uint32_t kQuoteFor[] = {0x201C, 0x201D, 0x2018, 0x2019};  // 「」『』 → “”‘’

FoldTable BuildFoldTable(const icu::Normalizer2* nfkc, bool traditional_to_simplified) {
  FoldTable table;
  table.nfkc = nfkc;
  table.traditional_to_simplified = traditional_to_simplified;
  const auto set = [&](uint32_t cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) return;
    const std::string folded = FoldCodePoint(cp, nfkc, traditional_to_simplified);
    if (folded.empty() || folded.size() > 0xFF) return;
    table.bmp[cp] =
        static_cast<uint32_t>(table.pool.size()) << 8 | static_cast<uint32_t>(folded.size());
    table.changes[cp >> 6] |= uint64_t{1} << (cp & 63);
    size_t length = 0;
    if (cp >= 0x800 && folded.size() == 3 &&
        Classify(source::DecodeUtf8At(folded, 0, &length)) == Classify(cp)) {
      table.same_shape[cp >> 6] |= uint64_t{1} << (cp & 63);
    }
    table.pool += folded;
  };
  if (nfkc != nullptr) {
    for (uint32_t cp = 0x80; cp < 0x10000; ++cp) {
      if (!nfkc->isInert(cp)) set(cp);
    }
  }
  if (traditional_to_simplified) {
    for (const T2sPair& pair : kTraditionalToSimplified) {
      if (pair.from < 0x10000 && table.bmp[pair.from] == 0) set(pair.from);
    }
    for (uint32_t cp = 0x300C; cp <= 0x300F; ++cp) set(cp);
  }
  if (nfkc != nullptr) set(kWhiteCircle);
  return table;
}

}  // namespace

std::string FoldCodePoint(uint32_t cp, const icu::Normalizer2* nfkc,
                          bool traditional_to_simplified) {
  std::vector<uint32_t> chars;
  if (nfkc != nullptr && !KeepsListMarker(cp) && !nfkc->isInert(cp)) {
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
  // ○ is written for 〇 in many reports; Normalize folds it only inside a numeral (六九○○),
  // since elsewhere it masks a name (○○镇) or marks an item.
  if (nfkc != nullptr && chars.size() == 1 && chars[0] == kWhiteCircle) chars[0] = 0x3007;
  if (traditional_to_simplified) {
    for (uint32_t& c : chars) {
      auto it = std::lower_bound(
          std::begin(kTraditionalToSimplified), std::end(kTraditionalToSimplified), c,
          [](const T2sPair& pair, uint32_t value) { return pair.from < value; });
      if (it != std::end(kTraditionalToSimplified) && it->from == c) c = it->to;
      // Traditional-script corner brackets are the quotation marks of Simplified text:
      // 「厕所革命」 matches a rule written with “厕所革命”.
      if (c >= 0x300C && c <= 0x300F) c = kQuoteFor[c - 0x300C];
    }
  }
  if (chars.size() == 1 && chars[0] == cp) return {};
  std::string out;
  for (uint32_t c : chars) source::AppendUtf8(c, &out);
  return out;
}

// A table depends only on the two switches and ICU's data, and building one asks ICU about each
// of the 65,536 BMP code points, which cost more than normalizing a whole report and was paid by
// every Normalizer, so by every rule set and every Document::Load. Each of the four is built
// once, on first use, and shared read-only (the initialization of a local static is thread-safe).
const FoldTable& SharedFoldTable(const icu::Normalizer2* nfkc, bool traditional_to_simplified) {
  if (nfkc != nullptr && traditional_to_simplified) {
    static const FoldTable table = BuildFoldTable(nfkc, true);
    return table;
  }
  if (nfkc != nullptr) {
    static const FoldTable table = BuildFoldTable(nfkc, false);
    return table;
  }
  if (traditional_to_simplified) {
    static const FoldTable table = BuildFoldTable(nullptr, true);
    return table;
  }
  static const FoldTable table;
  return table;
}

}  // namespace glean::normalize
