// extract outline FILE: the report's heading tree with line numbers, for within: rules.
#include <cstdio>
#include <memory>
#include <string>

#include "glean/output.h"
#include "tools/extract/command.h"

namespace extract {
namespace {

struct OutlineSettings {
  std::string file;
  DocumentOptions document;
};

int RunOutline(const OutlineSettings& settings) {
  int status = kExitOk;
  std::optional<glean::Document> document = LoadOne(settings.file, settings.document, &status);
  if (!document) return status;
  WriteOutput(glean::FormatOutline(*document));
  FlushOutput();
  return kExitOk;
}

}  // namespace

Command AddOutlineCommand(CLI::App* app) {
  auto settings = std::make_shared<OutlineSettings>();
  CLI::App* outline =
      app->add_subcommand("outline", "Print a file's heading tree with line numbers");
  outline->add_option("file", settings->file, "Input file or -")->required();
  settings->document.AddTo(outline);
  return {outline, [settings] { return RunOutline(*settings); }};
}

}  // namespace extract
