// Source stage: input bytes → UTF-8 text, with a map back to the input's own bytes.
//
// Input: raw bytes and an Encoding (kAuto sniffs). Output: DecodedText, always valid UTF-8.
// Design decision: invalid sequences decode to U+FFFD (one per bad byte sequence) and are reported
// once per file as a warning; the map keeps later offsets exact. Binary input (a NUL byte outside
// UTF-16) is refused. A BOM is dropped from the text and accounted for in the map.
#ifndef GLEAN_ENGINE_SOURCE_DECODER_H_
#define GLEAN_ENGINE_SOURCE_DECODER_H_

#include <string>
#include <string_view>

#include "engine/source/offset_map.h"
#include "glean/diagnostic.h"
#include "glean/options.h"
#include "glean/result.h"

namespace glean::source {

struct DecodedText {
  std::string text;                     // valid UTF-8, BOM removed
  OffsetMap map;                        // text offsets → input byte offsets
  Encoding encoding = Encoding::kUtf8;  // the encoding used
  // Bad sequences replaced by U+FFFD and the input offset of the first (warned about as well),
  // for callers that report once on an input decoded in parts.
  size_t invalid = 0;
  size_t first_bad = 0;
};

// `name` is used in diagnostics' locations. Errors: "binary" (NUL byte), "decode" (a forced
// encoding that cannot be used). Warnings: "invalid-encoding" naming the first bad byte offset.
Result<DecodedText> Decode(std::string_view bytes, Encoding encoding, const std::string& name);

// As above, taking the bytes: valid UTF-8 (the common case) becomes the decoded text without a
// copy, so a large file is not held twice.
Result<DecodedText> DecodeOwned(std::string&& bytes, Encoding encoding, const std::string& name);

// For callers that decode one input in parts (Engine's FactStream) and report on the whole.
struct Utf8Problems {
  size_t invalid = 0;    // bad sequences
  size_t first_bad = 0;  // offset of the first
  size_t non_ascii = 0;  // bytes >= 0x80
};
Utf8Problems FindUtf8Problems(std::string_view bytes);
// The warning Decode gives for bad sequences, and the error it gives for a NUL byte.
Diagnostic InvalidEncodingWarning(const std::string& name, const char* encoding, size_t invalid,
                                  size_t first_bad);
Diagnostic BinaryInputError(const std::string& name, size_t nul_offset);

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_DECODER_H_
