// A scratch directory for files a test writes, removed at the end of the test.
#ifndef GLEAN_TESTS_SUPPORT_SCRATCH_DIR_H_
#define GLEAN_TESTS_SUPPORT_SCRATCH_DIR_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace glean::testing {

class ScratchDir {
 public:
  ScratchDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("glean-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ScratchDir(const ScratchDir&) = delete;  // owns the directory
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }

  // Writes `content` to `name` under the directory (creating folders); returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }
  std::string path() const { return path_.string(); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

}  // namespace glean::testing

#endif  // GLEAN_TESTS_SUPPORT_SCRATCH_DIR_H_
