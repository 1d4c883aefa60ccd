// extract test --rules RULES... [PATH...]: rule examples and golden files.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "glean/engine.h"
#include "glean/regression.h"
#include "tools/extract/command.h"

namespace extract {
namespace {

struct TestSettings {
  std::vector<std::string> rule_paths;
  std::vector<std::string> paths;
  glean::RegressionOptions options;
  std::string color = "auto";
  std::string accept;  // a glob: --update --only ACCEPT
};

int RunTest(TestSettings settings) {
  if (!settings.accept.empty()) {
    if (!settings.options.only.empty() && settings.options.only != settings.accept) {
      std::fprintf(stderr, "extract test: --accept and --only name different rules\n");
      return kExitUsage;
    }
    settings.options.update = true;
    settings.options.only = settings.accept;
  }
  settings.options.color =
      settings.color == "always" || (settings.color == "auto" && isatty(STDOUT_FILENO));
  std::optional<glean::RuleSet> rules = LoadRules(settings.rule_paths, false);
  if (!rules) return kExitUsage;
  glean::Result<glean::Engine> engine = glean::Engine::Create(*rules);
  if (!engine.ok()) {
    PrintDiagnostics(engine.diagnostics());
    return kExitUsage;
  }
  glean::RegressionReport report =
      glean::RunRegression(engine.value(), settings.paths, settings.options);
  WriteOutput(report.text);
  FlushOutput();
  PrintDiagnostics(report.errors);
  WriteOutput(report.todo > 0
                  ? fmt::format("{} passed, {} failed, {} todo\n", report.passed, report.failed,
                                report.todo)
                  : fmt::format("{} passed, {} failed\n", report.passed, report.failed));
  FlushOutput();
  return report.failed > 0 ? kExitInputError : kExitOk;
}

}  // namespace

Command AddTestCommand(CLI::App* app) {
  auto settings = std::make_shared<TestSettings>();
  CLI::App* test = app->add_subcommand(
      "test",
      "Run rule examples and compare inputs with their golden files (x.txt: x.facts.jsonl)");
  test->add_option("--rules,-r", settings->rule_paths, "Rule files or directories under test")
      ->required()
      ->allow_extra_args(false);
  test->add_option("paths", settings->paths, "Inputs or directories with golden files");
  test->add_flag("--update", settings->options.update,
                 "Rewrite golden files with the new facts and say what changed");
  test->add_flag("--force", settings->options.force,
                 "With --update or --accept: write golden files even while examples fail");
  test->add_option("--accept", settings->accept,
                   "Update golden files with the facts of the rules whose id matches this glob "
                   "only (--update --only RULE)");
  test->add_option("--only", settings->options.only, "Only rules whose id matches this glob");
  test->add_option("--color", settings->color,
                   "Colour: auto (when stdout is a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return {test, [settings] { return RunTest(*settings); }};
}

}  // namespace extract
