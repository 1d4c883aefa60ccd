// Walking a folder for the files of a run: inputs (*.txt), rule files (*.yaml, *.yml) and the
// inputs of `extract test`. One walk for all three, so that none of them loses a file silently.
//
// By design a walk goes on past what it cannot read: a folder it cannot open, an entry it cannot
// examine, each becomes an error of its own, and the rest of the tree is still walked
// (std::filesystem::recursive_directory_iterator ends the whole walk at the first such entry).
#ifndef GLEAN_ENGINE_SOURCE_DIRECTORY_WALK_H_
#define GLEAN_ENGINE_SOURCE_DIRECTORY_WALK_H_

#include <string>
#include <vector>

#include "glean/diagnostic.h"

namespace glean::source {

struct DirectoryWalk {
  std::vector<std::string> files;  // regular files (or links to them), sorted
  // Errors ("io") for what could not be read, then at most one warning ("skipped") naming each
  // entry with a wanted name that is no regular file: a FIFO, a socket, a device, a dangling link.
  Diagnostics diagnostics;
};

// The files under `root` whose names end in one of `extensions` (".txt"), recursively. Links to
// folders are not followed, so a walk ends even with a link loop.
DirectoryWalk WalkDirectory(const std::string& root, const std::vector<std::string>& extensions);

}  // namespace glean::source

#endif  // GLEAN_ENGINE_SOURCE_DIRECTORY_WALK_H_
