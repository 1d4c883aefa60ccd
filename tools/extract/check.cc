// extract check RULES...: validates rule files without reading any input.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "tools/extract/command.h"

namespace extract {
namespace {

struct CheckSettings {
  std::vector<std::string> rule_paths;
  bool strict = false;
};

int RunCheck(const CheckSettings& settings) {
  glean::Result<glean::RuleSet> rules = glean::RuleSet::Load(settings.rule_paths);
  PrintDiagnostics(rules.diagnostics());
  if (!rules.ok()) return kExitUsage;
  const bool has_warnings = !rules.diagnostics().empty();
  std::fprintf(stderr, "%zu rules checked: %s\n", rules.value().size(),
               has_warnings ? "no errors, some warnings" : "no problems");
  return settings.strict && has_warnings ? kExitUsage : kExitOk;
}

}  // namespace

Command AddCheckCommand(CLI::App* app) {
  auto settings = std::make_shared<CheckSettings>();
  CLI::App* check = app->add_subcommand("check", "Validate rule files without input");
  check->add_option("rules", settings->rule_paths, "Rule files or directories")->required();
  check->add_flag("--strict", settings->strict, "Fail on warnings too");
  return {check, [settings] { return RunCheck(*settings); }};
}

}  // namespace extract
