// The structured output formats behind OpenFactSink (glean/fact_table.h), one file each.
#ifndef GLEAN_ENGINE_OUTPUT_SINKS_H_
#define GLEAN_ENGINE_OUTPUT_SINKS_H_

#include <memory>
#include <string>

#include "glean/fact_table.h"

namespace glean::output {

// REQUIRES: `path` can be created (OpenFactSink checks).
std::unique_ptr<FactSink> MakeXlsxSink(const std::string& path, const RuleSet& rules, bool figures);
// Opens or creates the database; fails with its error when it is not one or cannot be written.
Result<std::unique_ptr<FactSink>> MakeSqliteSink(const std::string& path, const RuleSet& rules,
                                                 bool figures);

}  // namespace glean::output

#endif  // GLEAN_ENGINE_OUTPUT_SINKS_H_
