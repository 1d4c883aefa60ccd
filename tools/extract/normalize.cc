// extract normalize [--map] FILE: the text rules are matched against, and its offset map.
#include <cstdio>
#include <memory>
#include <string>

#include "tools/extract/command.h"

namespace extract {
namespace {

struct NormalizeSettings {
  std::string file;
  bool show_map = false;
  DocumentOptions document;
};

int RunNormalize(const NormalizeSettings& settings) {
  int status = kExitOk;
  std::optional<glean::Document> document = LoadOne(settings.file, settings.document, &status);
  if (!document) return status;
  WriteOutput(document->normalized());
  if (settings.show_map) WriteOutput("\n" + document->DescribeOffsetMap());
  FlushOutput();
  return kExitOk;
}

}  // namespace

Command AddNormalizeCommand(CLI::App* app) {
  auto settings = std::make_shared<NormalizeSettings>();
  CLI::App* normalize = app->add_subcommand("normalize", "Print the normalized text of a file");
  normalize->add_option("file", settings->file, "Input file or -")->required();
  normalize->add_flag("--map", settings->show_map, "Print the offset map after the text");
  settings->document.AddTo(normalize);
  return {normalize, [settings] { return RunNormalize(*settings); }};
}

}  // namespace extract
