#include "glean/input_files.h"

#include <filesystem>

#include "engine/source/directory_walk.h"

namespace glean {

std::vector<std::string> ListInputFiles(const std::vector<std::string>& inputs,
                                        Diagnostics* problems) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || !std::filesystem::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    source::DirectoryWalk walk = source::WalkDirectory(input, {".txt"});
    problems->insert(problems->end(), walk.diagnostics.begin(), walk.diagnostics.end());
    if (walk.files.empty() && !HasErrors(walk.diagnostics)) {
      problems->push_back(Diagnostic::Error("io", {input, 0, 0}, "folder holds no *.txt inputs"));
    }
    files.insert(files.end(), walk.files.begin(), walk.files.end());
  }
  return files;
}

}  // namespace glean
