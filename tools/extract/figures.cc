// extract figures FILE...: every figure of each report, labelled, with its changes, period and
// status: a table for a terminal, or JSON Lines with --json.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "glean/figure.h"
#include "glean/output.h"
#include "tools/extract/command.h"

namespace extract {
namespace {

struct FiguresSettings {
  std::vector<std::string> files;
  DocumentOptions document;
  bool json = false;
};

int RunFigures(const FiguresSettings& settings) {
  glean::Diagnostics walk_problems;
  const std::vector<std::string> files = ExpandInputs(settings.files, &walk_problems);
  PrintDiagnostics(walk_problems);
  int worst = glean::HasErrors(walk_problems) ? kExitInputError : kExitOk;
  for (const std::string& file : files) {
    int status = kExitOk;
    std::optional<glean::Document> document = LoadOne(file, settings.document, &status);
    if (!document) {
      if (status == kExitUsage) return status;
      worst = status;
      continue;
    }
    const std::vector<glean::Figure>& figures = glean::FiguresOf(*document);
    std::string out;
    if (settings.json) {
      for (const glean::Figure& figure : figures) {
        out += glean::FigureToJsonLine(file, figure);
        out += '\n';
      }
    } else {
      if (files.size() > 1) out += "== " + file + "\n";
      out += glean::FormatFigureTable(figures);
    }
    WriteOutput(out);
  }
  FlushOutput();
  return worst;
}

}  // namespace

Command AddFiguresCommand(CLI::App* app) {
  auto settings = std::make_shared<FiguresSettings>();
  CLI::App* figures = app->add_subcommand(
      "figures", "Print every figure of each file: label, value, unit, change, period, status");
  figures->add_option("files", settings->files, "Input files, directories (*.txt) or -")
      ->required();
  figures->add_flag("--json", settings->json, "JSON Lines, one figure a line");
  settings->document.AddTo(figures);
  return {figures, [settings] { return RunFigures(*settings); }};
}

}  // namespace extract
