// Reading a whole file into memory, for rule files, inputs and golden files.
#ifndef GLEAN_ENGINE_SOURCE_READ_FILE_H_
#define GLEAN_ENGINE_SOURCE_READ_FILE_H_

#include <fstream>
#include <sstream>
#include <string>

namespace glean::source {

// False when the file cannot be opened or read; `out` is then unspecified.
inline bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  *out = std::move(buffer).str();
  return true;
}

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_READ_FILE_H_
