// Runs a program the way a user would, for end-to-end tests: whole stdout, whole stderr, exit code.
#ifndef GLEAN_TESTS_SUPPORT_RUN_COMMAND_H_
#define GLEAN_TESTS_SUPPORT_RUN_COMMAND_H_

#include <string>
#include <vector>

namespace glean::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `args` (args[0] is the program) with `input` on its standard input, in `directory` when
// not empty.
CommandResult RunCommand(const std::vector<std::string>& args, const std::string& input = "",
                         const std::string& directory = "");

// The whole content of a file; empty when it cannot be read.
std::string ReadFile(const std::string& path);

// The path of the `extract` binary under test, and of the source tree.
std::string ExtractBinary();
std::string SourceDir();

}  // namespace glean::testing

#endif  // GLEAN_TESTS_SUPPORT_RUN_COMMAND_H_
