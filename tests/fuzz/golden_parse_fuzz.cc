// libFuzzer target: any golden file parses into facts or diagnostics; a parsed fact's offsets are
// in order (issue 21).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "glean/output.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  glean::Result<std::vector<glean::Fact>> facts = glean::ParseFactsJsonLines(text, "fuzz.jsonl");
  if (facts.ok()) {
    for (const glean::Fact& fact : facts.value()) {
      if (fact.start > fact.end) std::abort();
      (void)glean::FactToJsonLine(fact);
    }
  }
  return 0;
}
