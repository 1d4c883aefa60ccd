#include "engine/source/directory_walk.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

namespace glean::source {

namespace {

namespace fs = std::filesystem;

bool Wanted(const fs::path& path, const std::vector<std::string>& extensions) {
  const std::string extension = path.extension().string();
  return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

const char* KindOf(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device";
    default:
      return "not a regular file";
  }
}

}  // namespace

DirectoryWalk WalkDirectory(const std::string& root, const std::vector<std::string>& extensions) {
  DirectoryWalk walk;
  std::vector<std::string> skipped;
  std::vector<fs::path> pending = {fs::path(root)};
  while (!pending.empty()) {
    const fs::path folder = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      std::error_code entry_ec;
      const fs::file_status own = it->symlink_status(entry_ec);
      if (entry_ec) {
        walk.diagnostics.push_back(Diagnostic::Error("io", {path.generic_string(), 0, 0},
                                                     "cannot read: " + entry_ec.message()));
        continue;
      }
      if (fs::is_directory(own)) {
        pending.push_back(path);
        continue;
      }
      if (!Wanted(path, extensions)) continue;
      const fs::file_status target = fs::status(path, entry_ec);
      if (entry_ec) {
        if (fs::is_symlink(own) && entry_ec == std::errc::no_such_file_or_directory) {
          skipped.push_back(fmt::format("{} (a dangling link)", path.generic_string()));
        } else {
          walk.diagnostics.push_back(Diagnostic::Error("io", {path.generic_string(), 0, 0},
                                                       "cannot read: " + entry_ec.message()));
        }
      } else if (fs::is_regular_file(target)) {
        walk.files.push_back(path.generic_string());
      } else if (!fs::is_directory(target)) {
        skipped.push_back(fmt::format("{} ({})", path.generic_string(), KindOf(target.type())));
      }
    }
    if (ec) {
      walk.diagnostics.push_back(Diagnostic::Error("io", {folder.generic_string(), 0, 0},
                                                   "cannot read folder: " + ec.message()));
    }
  }
  std::sort(walk.files.begin(), walk.files.end());
  if (!skipped.empty()) {
    std::sort(skipped.begin(), skipped.end());
    std::string list;
    for (const std::string& entry : skipped) list += (list.empty() ? "" : ", ") + entry;
    walk.diagnostics.push_back(
        Diagnostic::Warning("skipped", {root, 0, 0},
                            fmt::format("skipped {} {} that {} no regular file: {}", skipped.size(),
                                        skipped.size() == 1 ? "entry" : "entries",
                                        skipped.size() == 1 ? "is" : "are", list)));
  }
  return walk;
}

}  // namespace glean::source
