// Whether bytes are valid UTF-8, at memory speed: most reports are, and then they are used as
// they are, without a decoding pass.
#ifndef GLEAN_ENGINE_SOURCE_UTF8_VALIDATE_H_
#define GLEAN_ENGINE_SOURCE_UTF8_VALIDATE_H_

#include <string_view>

namespace glean::source {

// RFC 3629 UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequence.
// Checks 16 bytes at a time where the processor has SSSE3.
bool IsValidUtf8(std::string_view bytes);

// The same answer one character at a time: what the fast check is tested against.
bool IsValidUtf8Reference(std::string_view bytes);

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_UTF8_VALIDATE_H_
