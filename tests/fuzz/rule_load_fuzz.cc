// libFuzzer target: any bytes as a rule file load into a rule set or into diagnostics, never a
// crash, a hang or unbounded memory (issue 21).
#include <cstddef>
#include <cstdint>
#include <string>

#include "glean/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  glean::Result<glean::RuleSet> rules = glean::RuleSet::LoadFromString(yaml, "fuzz.yaml");
  for (const glean::Diagnostic& diagnostic : rules.diagnostics()) (void)diagnostic.ToString();
  return 0;
}
