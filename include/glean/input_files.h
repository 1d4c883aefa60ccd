// The input files of a run, as `extract` lists them, for programs that drive the engine over a
// corpus themselves (the Python module, a cluster job).
#ifndef GLEAN_INPUT_FILES_H_
#define GLEAN_INPUT_FILES_H_

#include <string>
#include <vector>

#include "glean/diagnostic.h"

namespace glean {

// `inputs` as given, each directory replaced by its `*.txt` files (recursively, sorted; links to
// folders are not followed). "-" and anything that is not a directory stay as they are, to be
// found missing when read. What a walk cannot read is an error ("io") in `problems`, what it skips
// a warning ("skipped"); a folder holding no `*.txt` file is an error too. Thread-safe.
std::vector<std::string> ListInputFiles(const std::vector<std::string>& inputs,
                                        Diagnostics* problems);

}  // namespace glean

#endif  // GLEAN_INPUT_FILES_H_
