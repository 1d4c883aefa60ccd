// Micro benchmarks of the stages, on the sample reports repeated to 100 MB. Each checks its own
// result so a fast wrong answer cannot pass. Run: build/tools/bench/stage_bench
// [--benchmark_filter=…] with GLEAN_CORPUS pointing at the sample reports (default
// tests/data/corpus).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/normalize/normalizer.h"
#include "engine/source/decoder.h"
#include "glean/rule_set.h"

namespace {

namespace fs = std::filesystem;

std::string CorpusDir() {
  const char* dir = std::getenv("GLEAN_CORPUS");
  return dir != nullptr ? dir : "tests/data/corpus";
}

// The sample reports, Traditional one included, concatenated and repeated to `size` bytes.
const std::string& Corpus(size_t size) {
  static const std::string corpus = [size] {
    std::string one;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(CorpusDir())) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      one += buffer.str();
    }
    if (one.empty()) {
      std::fprintf(stderr, "no sample reports in %s (set GLEAN_CORPUS)\n", CorpusDir().c_str());
      std::exit(2);
    }
    std::string text;
    text.reserve(size + one.size());
    while (text.size() < size) text += one;
    return text;
  }();
  return corpus;
}

void BM_DecodeAndNormalize(benchmark::State& state) {
  const std::string& text = Corpus(100u << 20);
  glean::Result<glean::normalize::Normalizer> normalizer =
      glean::normalize::Normalizer::Create(glean::NormalizeOptions{});
  if (!normalizer.ok()) state.SkipWithError("normalizer");
  size_t out_size = 0;
  for (auto _ : state) {
    // The bytes as read from a file, handed to the decoder as the document loader does.
    state.PauseTiming();
    std::string bytes = text;
    state.ResumeTiming();
    glean::Result<glean::source::DecodedText> decoded =
        glean::source::DecodeOwned(std::move(bytes), glean::Encoding::kAuto, "bench");
    glean::normalize::NormalizedText normalized =
        normalizer.value().Normalize(decoded.value().text);
    out_size = normalized.text.size();
    benchmark::DoNotOptimize(normalized.map.run_count());
  }
  // The result check: normalization shrinks the text (spaces, joins, markup) but keeps most of it.
  if (out_size == 0 || out_size >= text.size() || out_size < text.size() * 9 / 10) {
    state.SkipWithError("normalized size out of range");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["out_MB"] = static_cast<double>(out_size) / (1 << 20);
}
BENCHMARK(BM_DecodeAndNormalize)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

// The same 100 MB as a corpus of reports: each sample report is one document, read again and
// again, as extract reads a directory.
void BM_DecodeAndNormalizeDocuments(benchmark::State& state) {
  std::vector<std::string> documents;
  for (const auto& entry : fs::directory_iterator(CorpusDir())) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    documents.push_back(buffer.str());
  }
  glean::Result<glean::normalize::Normalizer> normalizer =
      glean::normalize::Normalizer::Create(glean::NormalizeOptions{});
  constexpr size_t kTotal = 100u << 20;
  size_t bytes = 0, out = 0;
  for (auto _ : state) {
    bytes = out = 0;
    for (size_t i = 0; bytes < kTotal; ++i) {
      const std::string& document = documents[i % documents.size()];
      // Copying a report-sized document stands in for reading it; the loader takes the bytes.
      glean::Result<glean::source::DecodedText> decoded =
          glean::source::DecodeOwned(std::string(document), glean::Encoding::kAuto, "bench");
      glean::normalize::NormalizedText normalized =
          normalizer.value().Normalize(decoded.value().text);
      bytes += document.size();
      out += normalized.text.size();
    }
  }
  if (out == 0 || out >= bytes || out < bytes * 9 / 10) state.SkipWithError("normalized size");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_DecodeAndNormalizeDocuments)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime();

// Realistic rules: literal context from the corpus, a number, a unit.
std::string GeneratedRules(int count) {
  static const char* const kContexts[] = {"完成改厕", "新建", "发放", "争取资金", "流转土地",
                                          "种植",     "排查", "化解", "接种",     "转移"};
  static const char* const kUnits[] = {"户", "人", "个", "亩", "万元", "次", "起", "公里"};
  std::string yaml = "rules:\n";
  for (int i = 0; i < count; ++i) {
    yaml += "  - id: r" + std::to_string(i) + "\n    fact: f" + std::to_string(i % 50) +
            "\n    pattern: '" + kContexts[i % 10] + "(?:共|累计)?" +
            std::string(kContexts[(i / 10) % 10]).substr(0, 3) + "{n:quantity}" +
            kUnits[(i / 100) % 8] + "'\n";
  }
  return yaml;
}

void BM_CompileRules(benchmark::State& state) {
  const std::string yaml = GeneratedRules(static_cast<int>(state.range(0)));
  size_t compiled = 0;
  for (auto _ : state) {
    glean::Result<glean::RuleSet> rules = glean::RuleSet::LoadFromString(yaml, "bench.yaml");
    if (!rules.ok()) state.SkipWithError("rules did not load");
    compiled = rules.ok() ? rules.value().size() : 0;
  }
  if (compiled != static_cast<size_t>(state.range(0))) state.SkipWithError("rule count");
}
BENCHMARK(BM_CompileRules)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
