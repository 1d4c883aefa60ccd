// Issue 21: the bad-input corpus. Every kind of bad input, rule file or condition a user can
// cause, each with its exact exit status and standard error: tests/bad_inputs/cases.txt for
// inputs, commands and golden files, and the broken rule files of tests/rules/broken, each
// checked with `extract check`.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.h"

namespace glean::testing {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string name;
  std::string command;  // "$ args" or "$$ bash command"
  int exit_code = -1;
  std::string err;
};

std::vector<Case> ReadCases(const std::string& path) {
  std::vector<Case> cases;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("== ", 0) == 0) {
      cases.push_back({line.substr(3), "", -1, ""});
    } else if (cases.empty() || line.empty() || line[0] == '#') {
      continue;
    } else if (line.rfind("$", 0) == 0) {
      cases.back().command = line;
    } else if (line.rfind("? ", 0) == 0) {
      cases.back().exit_code = std::stoi(line.substr(2));
    } else if (line.rfind("! ", 0) == 0) {
      cases.back().err += line.substr(2) + "\n";
    }
  }
  return cases;
}

CommandResult Run(const std::string& command, const std::string& directory) {
  if (command.rfind("$$ ", 0) == 0) {
    return RunCommand(
        {"/bin/bash", "-c", "EXTRACT='" + ExtractBinary() + "'; " + command.substr(3)}, "",
        directory);
  }
  std::vector<std::string> argv = {ExtractBinary()};
  std::istringstream words(command.substr(2));
  for (std::string word; words >> word;) argv.push_back(word);
  return RunCommand(argv, "", directory);
}

TEST_CASE("issue 21: every bad input of the corpus gives its exit status and message") {
  const std::string folder = SourceDir() + "/tests/bad_inputs";
  const std::vector<Case> cases = ReadCases(folder + "/cases.txt");
  const fs::path broken = fs::path(SourceDir()) / "tests/rules/broken";
  std::vector<fs::path> rule_files;
  for (const auto& entry : fs::directory_iterator(broken)) {
    if (entry.path().extension() == ".yaml") rule_files.push_back(entry.path().filename());
  }
  std::sort(rule_files.begin(), rule_files.end());
  CHECK(cases.size() + rule_files.size() >= 60);

  for (const Case& c : cases) {
    INFO(c.name);
    INFO(c.command);
    REQUIRE(!c.command.empty());
    const CommandResult result = Run(c.command, folder);
    CHECK(result.exit_code == c.exit_code);
    CHECK(result.err == c.err);
  }
  for (const fs::path& file : rule_files) {
    INFO(file.string());
    const CommandResult result = Run("$ check " + file.string(), broken.string());
    fs::path expected = broken / file;
    expected.replace_extension(".expected");
    CHECK(result.exit_code == 2);
    CHECK(result.err == ReadFile(expected.string()));
  }
}

}  // namespace
}  // namespace glean::testing
