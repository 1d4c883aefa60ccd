// libFuzzer target: any input extracted in parts of any size with the stock rules: facts hold the
// bytes they say they hold, at offsets inside the input, and a single part gives exactly the
// facts of the whole (issue 21).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/source/utf8_validate.h"
#include "glean/engine.h"
#include "glean/output.h"

namespace {

// Loading and compiling the stock rules costs as much as some hundreds of inputs: done once, before
// the first input, and shared read-only (an Engine is safe to share).
const glean::Engine* stock_engine = nullptr;

std::string Streamed(const std::string& bytes, size_t part, size_t piece) {
  std::string out;
  glean::FactStream stream(
      *stock_engine, "fuzz.txt",
      [&](const glean::Fact& fact) {
        if (fact.end > bytes.size() || fact.start > fact.end) std::abort();
        if (fact.rule != "builtin.document" &&
            bytes.compare(fact.start, fact.end - fact.start, fact.text) != 0) {
          std::abort();
        }
        out += glean::FactToJsonLine(fact) + "\n";
      },
      part);
  for (size_t at = 0; at < bytes.size(); at += piece) {
    (void)stream.Feed(std::string_view(bytes).substr(at, piece));
  }
  (void)stream.Finish();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  glean::Result<glean::RuleSet> rules = glean::RuleSet::Load({GLEAN_SOURCE_DIR "/rules"});
  if (!rules.ok()) {
    for (const glean::Diagnostic& diagnostic : rules.diagnostics()) {
      std::fprintf(stderr, "%s\n", diagnostic.ToString().c_str());
    }
    std::abort();
  }
  glean::Result<glean::Engine> engine = glean::Engine::Create(rules.value());
  if (!engine.ok()) std::abort();
  stock_engine = new glean::Engine(std::move(engine).value());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
  if (!glean::source::IsValidUtf8(bytes)) return 0;  // offsets checked against UTF-8 text
  const size_t part = 64 + data[0] * 8;
  const size_t piece = 1 + data[1];
  (void)Streamed(bytes, part, piece);
  if (Streamed(bytes, bytes.size() + 1, piece) !=
      Streamed(bytes, bytes.size() + 1, bytes.size() + 1)) {
    std::abort();
  }
  return 0;
}
