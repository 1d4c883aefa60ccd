#include "engine/source/decoder.h"

#include "engine/source/utf8.h"
#include "engine/source/utf8_validate.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include <fmt/format.h>

namespace glean::source {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct Counts {
  size_t invalid = 0;    // bad sequences replaced
  size_t first_bad = 0;  // input offset of the first one
  size_t non_ascii = 0;  // bytes >= 0x80
};

// True when `at` holds a 3-byte sequence led by E1–EC: most of a Chinese report, checked inline
// before the general test.
inline bool CommonThreeByte(std::string_view bytes, size_t at) {
  const auto lead = static_cast<unsigned char>(bytes[at]);
  return lead >= 0xE1 && lead <= 0xEC && at + 2 < bytes.size() &&
         (static_cast<unsigned char>(bytes[at + 1]) & 0xC0) == 0x80 &&
         (static_cast<unsigned char>(bytes[at + 2]) & 0xC0) == 0x80;
}

Counts ScanUtf8(std::string_view bytes) {
  Counts counts;
  for (size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    if (CommonThreeByte(bytes, i)) {
      counts.non_ascii += 3;
      i += 3;
      continue;
    }
    counts.non_ascii++;
    const size_t length = ValidSequenceLength(bytes, i);
    if (length == 0) {
      if (counts.invalid++ == 0) counts.first_bad = i;
      ++i;
    } else {
      counts.non_ascii += length - 1;
      i += length;
    }
  }
  return counts;
}

// UTF-8 input: valid runs are copied; each invalid byte becomes one U+FFFD.
DecodedText DecodeUtf8(std::string_view bytes, size_t skip, Counts* counts) {
  DecodedText out;
  out.encoding = Encoding::kUtf8;
  OffsetMap::Builder map;
  map.Skip(skip);
  out.text.reserve(bytes.size() - skip);
  size_t run_start = skip;
  for (size_t i = skip; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (CommonThreeByte(bytes, i)) {
      i += 3;
      continue;
    }
    const size_t length = ValidSequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out.text.append(bytes.substr(run_start, i - run_start));
    map.Copy(i - run_start);
    out.text.append(kReplacement);
    map.Append(kReplacement.size(), 1);
    if (counts->invalid++ == 0) counts->first_bad = i;
    run_start = ++i;
  }
  out.text.append(bytes.substr(run_start));
  map.Copy(bytes.size() - run_start);
  out.map = std::move(map).Build();
  return out;
}

DecodedText DecodeUtf16(std::string_view bytes, size_t skip, bool little_endian, Counts* counts,
                        bool* has_nul) {
  DecodedText out;
  out.encoding = little_endian ? Encoding::kUtf16Le : Encoding::kUtf16Be;
  OffsetMap::Builder map;
  map.Skip(skip);
  out.text.reserve((bytes.size() - skip) * 3 / 2);
  const auto unit = [&](size_t at) -> uint32_t {
    const auto lo = static_cast<unsigned char>(bytes[at + (little_endian ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(bytes[at + (little_endian ? 1 : 0)]);
    return static_cast<uint32_t>(hi) << 8 | lo;
  };
  size_t i = skip;
  while (i + 1 < bytes.size()) {
    uint32_t cp = unit(i);
    size_t length = 2;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        length = 4;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {  // unpaired surrogate
      if (counts->invalid++ == 0) counts->first_bad = i;
      cp = 0xFFFD;
    }
    if (cp == 0) *has_nul = true;
    AppendUtf8(cp, &out.text);
    map.Append(Utf8Length(cp), length);
    i += length;
  }
  if (i < bytes.size()) {  // a lone trailing byte
    if (counts->invalid++ == 0) counts->first_bad = i;
    out.text.append(kReplacement);
    map.Append(kReplacement.size(), 1);
  }
  out.map = std::move(map).Build();
  return out;
}

// GB18030 through ICU's converter; its per-unit source offsets give the map.
bool DecodeGb18030(std::string_view bytes, DecodedText* out, Counts* counts, std::string* error) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open("GB18030", &status),
                                                               ucnv_close);
  if (U_FAILURE(status)) {
    *error = fmt::format("cannot open the GB18030 converter: {}", u_errorName(status));
    return false;
  }
  out->encoding = Encoding::kGb18030;
  out->text.clear();
  out->text.reserve(bytes.size() * 3 / 2);
  OffsetMap::Builder map;
  // A GB18030 byte gives at most one UTF-16 unit (a four-byte sequence two), so a short input
  // needs no more room than its own length: zero-filling 384 KB of buffers for every call cost
  // more than decoding a page of text.
  constexpr size_t kChunk = 1 << 16;
  const size_t chunk = std::min(kChunk, bytes.size() + 1);
  std::vector<UChar> units(chunk);
  std::vector<int32_t> offsets(chunk);
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  // A code point is emitted once the next one's offset is known, which gives its source length.
  uint32_t pending = 0;
  size_t pending_offset = 0;
  bool has_pending = false;
  UChar high_surrogate = 0;
  size_t high_offset = 0;
  const auto emit = [&](uint32_t cp, size_t offset) {
    if (has_pending) {
      AppendUtf8(pending, &out->text);
      map.Append(Utf8Length(pending), offset - pending_offset);
    }
    pending = cp;
    pending_offset = offset;
    has_pending = true;
  };
  bool done = false;
  while (!done) {
    const char* chunk_start = source;
    UChar* target = units.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, source_end,
                   offsets.data(), /*flush=*/true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
      *error = fmt::format("GB18030 decoding failed: {}", u_errorName(status));
      return false;
    }
    done = status != U_BUFFER_OVERFLOW_ERROR;
    const size_t base = static_cast<size_t>(chunk_start - bytes.data());
    const size_t produced = static_cast<size_t>(target - units.data());
    for (size_t k = 0; k < produced; ++k) {
      const UChar u = units[k];
      const size_t offset = offsets[k] < 0 ? (has_pending ? pending_offset : base)
                                           : base + static_cast<size_t>(offsets[k]);
      if (u >= 0xD800 && u <= 0xDBFF) {
        high_surrogate = u;
        high_offset = offset;
        continue;
      }
      if (u >= 0xDC00 && u <= 0xDFFF && high_surrogate != 0) {
        emit(0x10000 + ((high_surrogate - 0xD800u) << 10) + (u - 0xDC00u), high_offset);
        high_surrogate = 0;
        continue;
      }
      uint32_t cp = u;
      // ICU puts U+001A in place of bytes it cannot convert; a 0x1A byte of the input (Ctrl-Z)
      // is a character like any other.
      const bool substituted = cp == 0x1A && !(offset < bytes.size() && bytes[offset] == '\x1A');
      if (cp == 0xFFFD || substituted) {
        if (counts->invalid++ == 0) counts->first_bad = offset;
        cp = 0xFFFD;
      }
      emit(cp, offset);
    }
  }
  emit(0, bytes.size());  // flushes the last code point
  out->map = std::move(map).Build();
  return true;
}

// The decoded text with what was wrong in it: the counts, and a warning when there are any.
Result<DecodedText> WithProblems(DecodedText text, const std::string& name, const char* encoding,
                                 const Counts& counts) {
  text.invalid = counts.invalid;
  text.first_bad = counts.first_bad;
  Diagnostics warnings;
  if (counts.invalid > 0) {
    warnings.push_back(InvalidEncodingWarning(name, encoding, counts.invalid, counts.first_bad));
  }
  return Result<DecodedText>(std::move(text), std::move(warnings));
}

}  // namespace

Utf8Problems FindUtf8Problems(std::string_view bytes) {
  const Counts counts = ScanUtf8(bytes);
  return {counts.invalid, counts.first_bad, counts.non_ascii};
}

Diagnostic InvalidEncodingWarning(const std::string& name, const char* encoding, size_t invalid,
                                  size_t first_bad) {
  return Diagnostic::Warning(
      "invalid-encoding", {name, 0, 0},
      fmt::format("invalid {} at byte {}: {} bad sequence{} replaced by U+FFFD", encoding,
                  first_bad, invalid, invalid == 1 ? "" : "s"));
}

Diagnostic BinaryInputError(const std::string& name, size_t nul_offset) {
  return Diagnostic::Error(
      "binary", {name, 0, 0},
      fmt::format("looks like a binary file (NUL byte at offset {}); not read", nul_offset));
}

Result<DecodedText> Decode(std::string_view bytes, Encoding encoding, const std::string& name) {
  const auto starts = [&](std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
  };
  size_t bom = 0;
  if (encoding == Encoding::kAuto) {
    if (starts("\xEF\xBB\xBF")) {
      encoding = Encoding::kUtf8;
    } else if (starts("\xFF\xFE")) {
      encoding = Encoding::kUtf16Le;
    } else if (starts("\xFE\xFF")) {
      encoding = Encoding::kUtf16Be;
    }
  }
  if (encoding == Encoding::kUtf8 && starts("\xEF\xBB\xBF")) bom = 3;
  if (encoding == Encoding::kUtf16Le && starts("\xFF\xFE")) bom = 2;
  if (encoding == Encoding::kUtf16Be && starts("\xFE\xFF")) bom = 2;

  Counts counts;
  if (encoding == Encoding::kUtf16Le || encoding == Encoding::kUtf16Be) {
    bool has_nul = false;
    DecodedText text = DecodeUtf16(bytes, bom, encoding == Encoding::kUtf16Le, &counts, &has_nul);
    if (has_nul) {
      return Result<DecodedText>::Failure(
          {Diagnostic::Error("binary", {name, 0, 0},
                             "looks like a binary file (it holds a NUL character); not read")});
    }
    return WithProblems(std::move(text), name, "UTF-16", counts);
  }

  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
    const size_t at = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
    return Result<DecodedText>::Failure({BinaryInputError(name, at)});
  }

  if (encoding == Encoding::kAuto) {
    // UTF-8 unless the bytes read far better as GB18030: a UTF-8 file with a few corrupt bytes
    // stays UTF-8. Decoding as UTF-8 counts the bad sequences, so valid files pass once.
    DecodedText utf8 = DecodeUtf8(bytes, 0, &counts);
    if (counts.invalid > 0 && counts.invalid * 80 > ScanUtf8(bytes).non_ascii) {
      DecodedText gb;
      Counts gb_counts;
      std::string error;
      if (DecodeGb18030(bytes, &gb, &gb_counts, &error) &&
          gb_counts.invalid * 10 < counts.invalid) {
        return WithProblems(std::move(gb), name, "GB18030", gb_counts);
      }
    }
    return WithProblems(std::move(utf8), name, "UTF-8", counts);
  }

  if (encoding == Encoding::kGb18030) {
    DecodedText text;
    std::string error;
    if (!DecodeGb18030(bytes, &text, &counts, &error)) {
      return Result<DecodedText>::Failure({Diagnostic::Error("decode", {name, 0, 0}, error)});
    }
    return WithProblems(std::move(text), name, "GB18030", counts);
  }

  DecodedText text = DecodeUtf8(bytes, bom, &counts);
  return WithProblems(std::move(text), name, "UTF-8", counts);
}

Result<DecodedText> DecodeOwned(std::string&& bytes, Encoding encoding, const std::string& name) {
  const bool bom = std::string_view(bytes).substr(0, 3) == "\xEF\xBB\xBF";
  const bool maybe_utf8 =
      encoding == Encoding::kUtf8 ||
      (encoding == Encoding::kAuto &&
       (bom || (bytes.substr(0, 2) != "\xFF\xFE" && bytes.substr(0, 2) != "\xFE\xFF")));
  if (maybe_utf8 && std::memchr(bytes.data(), 0, bytes.size()) == nullptr && IsValidUtf8(bytes)) {
    DecodedText text;
    text.encoding = Encoding::kUtf8;
    OffsetMap::Builder map;
    if (bom) {
      bytes.erase(0, 3);
      map.Skip(3);
    }
    map.Copy(bytes.size());
    text.map = std::move(map).Build();
    text.text = std::move(bytes);
    return Result<DecodedText>(std::move(text));
  }
  return Decode(std::string_view(bytes), encoding, name);
}

}  // namespace glean::source
