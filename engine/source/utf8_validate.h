// Whether bytes are valid UTF-8, at memory speed: most reports are, and then they are used as
// they are, without a decoding pass.
#ifndef GLEAN_ENGINE_SOURCE_UTF8_VALIDATE_H_
#define GLEAN_ENGINE_SOURCE_UTF8_VALIDATE_H_

#include <cstddef>
#include <string_view>

namespace glean::source {

// RFC 3629 UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequence.
// Checks 16 bytes at a time where the processor has SSSE3.
bool IsValidUtf8(std::string_view bytes);

// Length of the valid sequence at `at` (1 to 4), or 0 when the bytes there are not one.
size_t ValidSequenceLength(std::string_view bytes, size_t at);

// The same answer as IsValidUtf8 one character at a time: what the fast check is tested against.
bool IsValidUtf8Reference(std::string_view bytes);

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_UTF8_VALIDATE_H_
