// Reading a whole file into memory, for rule files, inputs and golden files.
#ifndef GLEAN_ENGINE_SOURCE_READ_FILE_H_
#define GLEAN_ENGINE_SOURCE_READ_FILE_H_

#include <fstream>
#include <string>

namespace glean::source {

// False when the file cannot be opened or read, or holds more than `max_bytes` (then
// `*too_large` is set when given: a device such as /dev/zero never ends); `out` is then
// unspecified.
inline bool ReadWholeFile(const std::string& path, std::string* out,
                          size_t max_bytes = size_t{1} << 30, bool* too_large = nullptr) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->clear();
  char block[1 << 16];
  while (in) {
    in.read(block, sizeof block);
    out->append(block, static_cast<size_t>(in.gcount()));
    if (out->size() > max_bytes) {
      if (too_large != nullptr) *too_large = true;
      return false;
    }
  }
  return !in.bad();
}

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_READ_FILE_H_
