// Byte scans for the stages that walk text by hand: long stretches of Han text hold none of the
// bytes they look for, so those are passed over 16 bytes at a time (SSE2, which every x86-64
// machine has), with a plain loop elsewhere and for the last bytes.
#ifndef GLEAN_ENGINE_SOURCE_BYTE_SEARCH_H_
#define GLEAN_ENGINE_SOURCE_BYTE_SEARCH_H_

#include <cstddef>
#include <initializer_list>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace glean::source {

// The first position from `at` whose byte equals one of `bytes` or is below `below` (0: no such
// bound), or text.size().
inline size_t FindByte(std::string_view text, size_t at, std::initializer_list<unsigned char> bytes,
                       unsigned char below = 0) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
#if defined(__SSE2__)
  const __m128i floor = _mm_set1_epi8(static_cast<char>(below == 0 ? 0 : below - 1));
  while (at + 16 <= text.size()) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    // Unsigned chunk <= below - 1: the minimum of the two is the chunk itself.
    __m128i found =
        below == 0 ? _mm_setzero_si128() : _mm_cmpeq_epi8(_mm_min_epu8(chunk, floor), chunk);
    for (unsigned char byte : bytes) {
      found = _mm_or_si128(found, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(static_cast<char>(byte))));
    }
    if (const int mask = _mm_movemask_epi8(found); mask != 0) {
      return at + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
    at += 16;
  }
#endif
  for (; at < text.size(); ++at) {
    if (data[at] < below) return at;
    for (unsigned char byte : bytes) {
      if (data[at] == byte) return at;
    }
  }
  return at;
}

// Code points in valid UTF-8: the bytes that are not continuation bytes (10xxxxxx).
inline size_t CountCodePoints(std::string_view text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  size_t count = 0, at = 0;
#if defined(__SSE2__)
  const __m128i top_two = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i continuation = _mm_set1_epi8(static_cast<char>(0x80));
  for (; at + 16 <= text.size(); at += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(chunk, top_two), continuation));
    count += 16 - static_cast<size_t>(__builtin_popcount(static_cast<unsigned>(mask)));
  }
#endif
  for (; at < text.size(); ++at) count += (data[at] & 0xC0) != 0x80;
  return count;
}

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_BYTE_SEARCH_H_
