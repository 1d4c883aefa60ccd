// Byte scans for the stages that walk text by hand: long stretches of Han text hold none of the
// bytes they look for, so those are passed over 16 bytes at a time (SSE2, which every x86-64
// machine has), with a plain loop elsewhere and for the last bytes.
#ifndef GLEAN_ENGINE_SOURCE_BYTE_SEARCH_H_
#define GLEAN_ENGINE_SOURCE_BYTE_SEARCH_H_

#include <cstddef>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace glean::source {

// FindByte a byte at a time.
template <unsigned char kBelow, unsigned char... kBytes>
size_t FindByteInLoop(std::string_view text, size_t at) {
  for (; at < text.size(); ++at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < kBelow || ((c == kBytes) || ...)) return at;
  }
  return at;
}

#if defined(__SSE2__)
// Bit i set where byte i of `chunk` is below `kBelow` or one of `kBytes`.
template <unsigned char kBelow, unsigned char... kBytes>
unsigned SoughtBytes(__m128i chunk) {
  __m128i found = _mm_setzero_si128();
  if constexpr (kBelow != 0) {
    // Unsigned chunk <= kBelow - 1: the minimum of the two is the chunk itself.
    const __m128i floor = _mm_set1_epi8(static_cast<char>(kBelow - 1));
    found = _mm_cmpeq_epi8(_mm_min_epu8(chunk, floor), chunk);
  }
  ((found = _mm_or_si128(found, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(static_cast<char>(kBytes))))),
   ...);
  return static_cast<unsigned>(_mm_movemask_epi8(found));
}
#endif

// The first position from `at` whose byte is below `kBelow` (0: no such bound) or equals one of
// `kBytes`, or text.size(). The bytes are template arguments so both loops unroll over them.
template <unsigned char kBelow, unsigned char... kBytes>
[[gnu::always_inline]] inline size_t FindByte(std::string_view text, size_t at) {
#if defined(__SSE2__)
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  while (at + 16 <= size) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    if (const unsigned mask = SoughtBytes<kBelow, kBytes...>(chunk); mask != 0) {
      return at + static_cast<size_t>(__builtin_ctz(mask));
    }
    at += 16;
  }
  if (at >= size) return size;
  // The last bytes are read in blocks that end at the text's end and so overlap bytes before
  // `at` (the strings written as JSON are mostly this short): those bits are masked off.
  if (size >= 16) {
    const size_t base = size - 16;
    unsigned mask = SoughtBytes<kBelow, kBytes...>(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + base)));
    mask &= ~0u << (at - base);
    return mask != 0 ? base + static_cast<size_t>(__builtin_ctz(mask)) : size;
  }
  if (size >= 8) {
    // Bytes 0-7 in the low half, bytes size-8 … size-1 in the high half.
    const __m128i low = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(data));
    const __m128i high = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(data + size - 8));
    const unsigned mask = SoughtBytes<kBelow, kBytes...>(_mm_unpacklo_epi64(low, high));
    const unsigned head = mask & 0xFFu & (~0u << at);
    if (head != 0) return static_cast<size_t>(__builtin_ctz(head));
    const size_t high_base = size - 8;
    unsigned tail = mask >> 8;
    if (at > high_base) tail &= ~0u << (at - high_base);
    return tail != 0 ? high_base + static_cast<size_t>(__builtin_ctz(tail)) : size;
  }
  return FindByteInLoop<kBelow, kBytes...>(text, at);
#else
  return FindByteInLoop<kBelow, kBytes...>(text, at);
#endif
}

// The last position in [from, to) whose byte equals one of `kBytes`, or npos: FindByte's search
// run backwards, for walks back to the start of a sentence over Han text.
template <unsigned char... kBytes>
[[gnu::always_inline]] inline size_t FindLastByte(std::string_view text, size_t from, size_t to) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
#if defined(__SSE2__)
  while (to >= from + 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + to - 16));
    if (const unsigned mask = SoughtBytes<0, kBytes...>(chunk); mask != 0) {
      return to - 16 + static_cast<size_t>(31 - __builtin_clz(mask));
    }
    to -= 16;
  }
#endif
  while (to > from) {
    --to;
    const auto c = data[to];
    if (((c == kBytes) || ...)) return to;
  }
  return std::string_view::npos;
}

// Calls visit(position) for each position whose byte lies in [kLow, kHigh] and whose previous
// byte does not (or that is the first): the starts of the runs of such bytes, in order.
template <unsigned char kLow, unsigned char kHigh, typename Visit>
void ForEachRunStart(std::string_view text, Visit&& visit) {
  static_assert(kLow <= kHigh);
  const auto in_range = [](unsigned char c) {
    return static_cast<unsigned char>(c - kLow) <= kHigh - kLow;
  };
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  size_t at = 0;
  bool previous = false;  // whether the byte before `at` is in the range
#if defined(__SSE2__)
  const __m128i low = _mm_set1_epi8(static_cast<char>(kLow));
  const __m128i width = _mm_set1_epi8(static_cast<char>(kHigh - kLow));
  for (; at + 16 <= text.size(); at += 16) {
    const __m128i offset =
        _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at)), low);
    // Unsigned offset <= width: the minimum of the two is the offset itself.
    const auto inside = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(offset, width), offset)));
    unsigned starts = inside & ~((inside << 1) | (previous ? 1u : 0u));
    previous = (inside >> 15) != 0;
    for (; starts != 0; starts &= starts - 1) {
      visit(at + static_cast<size_t>(__builtin_ctz(starts)));
    }
  }
#endif
  for (; at < text.size(); ++at) {
    const bool inside = in_range(data[at]);
    if (inside && !previous) visit(at);
    previous = inside;
  }
}

// The first position from `at` where `needle` (two bytes or more) starts in `text`, or npos.
// Chinese needles are what the stages look for: their lead bytes start a large share of all Han
// characters, so string_view::find stops at every other character and memmem's skip tables do
// little better (3 to 4 instructions a byte). Here a block of 16 positions is tested at once for
// the needle's first and last bytes, and only the few positions holding both are compared.
inline size_t FindText(std::string_view text, std::string_view needle, size_t at = 0) {
  const size_t size = needle.size();
  if (size < 2 || at > text.size() || text.size() - at < size) {
    return size == 0 && at <= text.size() ? at : text.find(needle, at);
  }
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t last = size - 1;
  const size_t end = text.size() - last;  // positions before `end` can start the needle
#if defined(__SSE2__)
  const __m128i first_byte = _mm_set1_epi8(needle.front());
  const __m128i last_byte = _mm_set1_epi8(needle.back());
  for (; at + 16 <= end; at += 16) {
    const __m128i heads = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    const __m128i tails = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at + last));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpeq_epi8(heads, first_byte), _mm_cmpeq_epi8(tails, last_byte))));
    for (; mask != 0; mask &= mask - 1) {
      const size_t candidate = at + static_cast<size_t>(__builtin_ctz(mask));
      if (std::memcmp(data + candidate + 1, needle.data() + 1, size - 2) == 0) return candidate;
    }
  }
#endif
  for (; at < end; ++at) {
    if (data[at] == static_cast<unsigned char>(needle.front()) &&
        data[at + last] == static_cast<unsigned char>(needle.back()) &&
        std::memcmp(data + at + 1, needle.data() + 1, size - 2) == 0) {
      return at;
    }
  }
  return std::string_view::npos;
}

// How many bytes b of `text` have (b & mask) == value: one loop for the counts below.
inline size_t CountBytesMasked(std::string_view text, unsigned char mask, unsigned char value) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  size_t count = 0, at = 0;
#if defined(__SSE2__)
  const __m128i masks = _mm_set1_epi8(static_cast<char>(mask));
  const __m128i values = _mm_set1_epi8(static_cast<char>(value));
  const __m128i one = _mm_set1_epi8(1);
  __m128i sums = _mm_setzero_si128();  // two 64-bit sums
  for (; at + 16 <= text.size(); at += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    const __m128i hit = _mm_cmpeq_epi8(_mm_and_si128(chunk, masks), values);
    // Sums of absolute differences against zero add up the 0/1 bytes: baseline x86-64 has no
    // popcount instruction, and the builtin would be a library call per block.
    sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_and_si128(hit, one), _mm_setzero_si128()));
  }
  count = static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
          static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
#endif
  for (; at < text.size(); ++at) count += (data[at] & mask) == value;
  return count;
}

// How many bytes of `text` equal `byte` (the lines of a part of a large file).
inline size_t CountByte(std::string_view text, char byte) {
  return CountBytesMasked(text, 0xFF, static_cast<unsigned char>(byte));
}

// Code points in valid UTF-8: the bytes that are not continuation bytes (10xxxxxx).
inline size_t CountCodePoints(std::string_view text) {
  return text.size() - CountBytesMasked(text, 0xC0, 0x80);
}

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_BYTE_SEARCH_H_
