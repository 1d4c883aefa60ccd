// extract schema: a JSON Schema of the rule file format, for editors.
#include <cstdio>

#include "tools/extract/command.h"

namespace extract {

Command AddSchemaCommand(CLI::App* app) {
  CLI::App* schema = app->add_subcommand("schema", "Print a JSON Schema of the rule file format");
  return {schema, [] {
            WriteOutput(glean::RuleFileJsonSchema());
            FlushOutput();
            return kExitOk;
          }};
}

}  // namespace extract
