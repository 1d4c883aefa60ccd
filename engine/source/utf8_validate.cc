#include "engine/source/utf8_validate.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define GLEAN_UTF8_SIMD 1
#endif

namespace glean::source {

size_t ValidSequenceLength(std::string_view bytes, size_t at) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(bytes[at + i]); };
  const size_t left = bytes.size() - at;
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && (b(1) & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80 || (b(3) & 0xC0) != 0x80) {
      return 0;
    }
    if (c == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

namespace {

// Valid from `from` on, one character at a time.
bool IsValidUtf8Scalar(std::string_view bytes, size_t from = 0) {
  for (size_t i = from; i < bytes.size();) {
    const size_t length = ValidSequenceLength(bytes, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

#if GLEAN_UTF8_SIMD

// The lookup algorithm of Keiser and Lemire ("Validating UTF-8 in less than one instruction per
// byte", 2021): three table lookups classify each pair of adjacent bytes by the error it would be,
// and a check of the bytes two and three back catches missing or surplus continuations. Each bit
// of a table entry is one kind of error; a pair is wrong when all three lookups agree on a bit.
constexpr uint8_t kTooShort = 1 << 0;   // 11______ 0_______ or 11______ 11______
constexpr uint8_t kTooLong = 1 << 1;    // 0_______ 10______
constexpr uint8_t kOverlong3 = 1 << 2;  // 11100000 100_____
constexpr uint8_t kTooLarge = 1 << 3;   // 11110100 1001____, 11110100 101_____, 11110101+ 10______
constexpr uint8_t kSurrogate = 1 << 4;  // 11101101 101_____
constexpr uint8_t kOverlong2 = 1 << 5;  // 1100000_ 10______
constexpr uint8_t kTooLarge1000 = 1 << 6;      // 11110101+ 1000____
constexpr uint8_t kOverlong4 = 1 << 6;         // 11110000 1000____
constexpr uint8_t kTwoContinuations = 1 << 7;  // 10______ 10______
constexpr uint8_t kCarry = kTooShort | kTooLong | kTwoContinuations;

__attribute__((target("ssse3"))) inline __m128i Lookup(__m128i table, __m128i nibbles) {
  return _mm_shuffle_epi8(table, nibbles);
}

__attribute__((target("ssse3"))) inline __m128i HighNibbles(__m128i bytes) {
  return _mm_and_si128(_mm_srli_epi16(bytes, 4), _mm_set1_epi8(0x0F));
}

// The errors of the 16 bytes of `input`, each paired with the byte before it (the last bytes of
// `previous` for the first ones).
__attribute__((target("ssse3"))) __m128i BlockErrors(__m128i input, __m128i previous) {
  const __m128i byte_1_high_table =
      _mm_setr_epi8(kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,
                    kTwoContinuations, kTwoContinuations, kTwoContinuations, kTwoContinuations,
                    kTooShort | kOverlong2, kTooShort, kTooShort | kOverlong3 | kSurrogate,
                    static_cast<char>(kTooShort | kTooLarge | kTooLarge1000 | kOverlong4));
  const __m128i byte_1_low_table = _mm_setr_epi8(
      static_cast<char>(kCarry | kOverlong3 | kOverlong2 | kOverlong4),
      static_cast<char>(kCarry | kOverlong2), static_cast<char>(kCarry), static_cast<char>(kCarry),
      static_cast<char>(kCarry | kTooLarge), static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000 | kSurrogate),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000),
      static_cast<char>(kCarry | kTooLarge | kTooLarge1000));
  const __m128i byte_2_high_table = _mm_setr_epi8(
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
      static_cast<char>(kTooLong | kOverlong2 | kTwoContinuations | kOverlong3 | kTooLarge1000 |
                        kOverlong4),
      static_cast<char>(kTooLong | kOverlong2 | kTwoContinuations | kOverlong3 | kTooLarge),
      static_cast<char>(kTooLong | kOverlong2 | kTwoContinuations | kSurrogate | kTooLarge),
      static_cast<char>(kTooLong | kOverlong2 | kTwoContinuations | kSurrogate | kTooLarge),
      kTooShort, kTooShort, kTooShort, kTooShort);

  const __m128i previous1 = _mm_alignr_epi8(input, previous, 15);
  const __m128i special = _mm_and_si128(
      _mm_and_si128(Lookup(byte_1_high_table, HighNibbles(previous1)),
                    Lookup(byte_1_low_table, _mm_and_si128(previous1, _mm_set1_epi8(0x0F)))),
      Lookup(byte_2_high_table, HighNibbles(input)));
  // A byte two after a three- or four-byte lead, or three after a four-byte lead, must be a
  // continuation: there the pair check above reports kTwoContinuations, which this cancels.
  const __m128i previous2 = _mm_alignr_epi8(input, previous, 14);
  const __m128i previous3 = _mm_alignr_epi8(input, previous, 13);
  const __m128i third = _mm_subs_epu8(previous2, _mm_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m128i fourth = _mm_subs_epu8(previous3, _mm_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m128i must_continue =
      _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(static_cast<char>(0x80)));
  return _mm_xor_si128(must_continue, special);
}

__attribute__((target("ssse3"))) bool IsValidUtf8Ssse3(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  // A lead byte among the last three of a block that needs more bytes than the block has left.
  const __m128i incomplete_limits =
      _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, static_cast<char>(0xF0 - 1),
                    static_cast<char>(0xE0 - 1), static_cast<char>(0xC0 - 1));
  __m128i previous = _mm_setzero_si128();
  __m128i previous_incomplete = _mm_setzero_si128();
  __m128i errors = _mm_setzero_si128();
  size_t at = 0;
  for (; at + 16 <= bytes.size(); at += 16) {
    const __m128i input = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    if (_mm_movemask_epi8(input) == 0) {
      // All ASCII: only a sequence cut off at the end of the block before is an error.
      errors = _mm_or_si128(errors, previous_incomplete);
    } else {
      errors = _mm_or_si128(errors, BlockErrors(input, previous));
      previous_incomplete = _mm_subs_epu8(input, incomplete_limits);
    }
    previous = input;
  }
  if (_mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) != 0xFFFF) return false;
  // The rest, from the lead byte of a character the last block may have cut: its pairs were
  // checked, whether it is complete was not.
  size_t rest = at;
  size_t lead = at;
  while (lead > 0 && at - lead < 3 && (data[lead - 1] & 0xC0) == 0x80) --lead;
  if (lead > 0 && data[lead - 1] >= 0xC0) rest = lead - 1;
  return IsValidUtf8Scalar(bytes, rest);
}

#endif  // GLEAN_UTF8_SIMD

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
#if GLEAN_UTF8_SIMD
  if (__builtin_cpu_supports("ssse3")) return IsValidUtf8Ssse3(bytes);
#endif
  return IsValidUtf8Scalar(bytes);
}

bool IsValidUtf8Reference(std::string_view bytes) { return IsValidUtf8Scalar(bytes); }

}  // namespace glean::source
