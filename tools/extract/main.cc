// extract: the command-line face of glean. main only dispatches: each subcommand is a file of its
// own (command.h), and every decision about text lives in the engine.
//
// Exit status: 0 all inputs processed; 1 some input could not be read or decoded (the others are
// still processed); 2 usage errors and rule errors, reported before any input is read.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tools/extract/command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "extract: typed facts from Chinese local-government reports.\n"
      "  extract --rules RULES... INPUT...      facts as JSON Lines on stdout\n"
      "  extract check RULES...                 validate rule files\n"
      "  extract normalize [--map] FILE         the text rules are matched against\n"
      "  extract outline FILE                   the heading tree, for within: rules\n"
      "  extract figures [--json] FILE...       every figure: label, value, change, period\n"
      "  extract test --rules RULES... [PATH...] rule examples and golden files\n"
      "  extract explain --rules RULES FILE     why each rule did or did not match, and where\n"
      "  extract coverage --rules RULES INPUT... figures no rule claimed; each rule's drops\n"
      "  extract schema                         JSON Schema of the rule format\n"
      "  extract review --rules RULES... INPUT... -o PAGE.html  facts highlighted in the text"};
  app.set_version_flag("--version", std::string("extract (glean) ") + GLEAN_VERSION);
  app.require_subcommand(0, 1);

  const extract::Command top = extract::AddExtractCommand(&app);
  const std::vector<extract::Command> subcommands = {
      extract::AddCheckCommand(&app),    extract::AddNormalizeCommand(&app),
      extract::AddOutlineCommand(&app),  extract::AddFiguresCommand(&app),
      extract::AddTestCommand(&app),     extract::AddSchemaCommand(&app),
      extract::AddReviewCommand(&app),   extract::AddExplainCommand(&app),
      extract::AddCoverageCommand(&app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? extract::kExitOk : extract::kExitUsage;
  }
  for (const extract::Command& command : subcommands) {
    if (command.app->parsed()) return command.run();
  }
  return top.run();
}
