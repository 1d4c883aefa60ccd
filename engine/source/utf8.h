// UTF-8 encoding and decoding of single characters, for the stages that walk text by hand.
#ifndef GLEAN_ENGINE_SOURCE_UTF8_H_
#define GLEAN_ENGINE_SOURCE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace glean::source {

inline void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline size_t Utf8Length(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Bytes of the character that `lead` begins, in valid UTF-8.
constexpr size_t Utf8LengthOfLead(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// A character's bytes (at most four) as one number; distinct characters give distinct numbers.
// For sets and tables of characters that are asked about without decoding them.
constexpr uint32_t CharKey(std::string_view character) {
  uint32_t key = 0;
  for (size_t i = 0; i < character.size() && i < 4; ++i) {
    key |= static_cast<uint32_t>(static_cast<unsigned char>(character[i])) << (8 * i);
  }
  return key;
}

// The key of the character that starts at `at` in valid UTF-8 `text`, or 0 at the end.
inline uint32_t CharKeyAt(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  return CharKey(text.substr(at, Utf8LengthOfLead(static_cast<unsigned char>(text[at]))));
}

// Decodes the character at `at` of valid UTF-8 `text` and sets `length` to its bytes. Inlined:
// the normalizer calls it once per character.
[[gnu::always_inline]] inline uint32_t DecodeUtf8At(std::string_view text, size_t at,
                                                    size_t* length) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char c = b(0);
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  if (c < 0xE0 && at + 1 < text.size()) {
    *length = 2;
    return (c & 0x1Fu) << 6 | (b(1) & 0x3Fu);
  }
  if (c < 0xF0 && at + 2 < text.size()) {
    *length = 3;
    return (c & 0x0Fu) << 12 | (b(1) & 0x3Fu) << 6 | (b(2) & 0x3Fu);
  }
  if (at + 3 < text.size()) {
    *length = 4;
    return (c & 0x07u) << 18 | (b(1) & 0x3Fu) << 12 | (b(2) & 0x3Fu) << 6 | (b(3) & 0x3Fu);
  }
  *length = 1;
  return 0xFFFD;
}

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_UTF8_H_
