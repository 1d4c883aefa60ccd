// libFuzzer target: decoding and normalization of any bytes, in every encoding, give a document
// or diagnostics; the normalized text is valid UTF-8 (issue 21).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/source/utf8_validate.h"
#include "glean/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const glean::Encoding encodings[] = {glean::Encoding::kAuto, glean::Encoding::kUtf8,
                                       glean::Encoding::kUtf16Le, glean::Encoding::kUtf16Be,
                                       glean::Encoding::kGb18030};
  const glean::Encoding encoding = encodings[data[0] % 5];
  glean::NormalizeOptions options;
  options.join_lines = (data[0] & 0x10) != 0;
  options.drop_spaces = (data[0] & 0x20) != 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  glean::Result<glean::Document> document =
      glean::Document::Load("fuzz.txt", std::move(bytes), options, encoding);
  if (document.ok() && !glean::source::IsValidUtf8(document.value().normalized())) std::abort();
  return 0;
}
