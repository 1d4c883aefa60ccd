// extract --rules RULES... INPUT...: facts as JSON Lines, inputs in parallel, output in input
// order.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include "glean/engine.h"
#include "glean/output.h"
#include "tools/extract/command.h"

namespace extract {
namespace {

struct ExtractSettings {
  std::vector<std::string> rule_paths;
  std::vector<std::string> inputs;
  std::string encoding_name = "auto";
  bool no_document = false;
  bool figures = false;
  std::string context;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  size_t part_bytes = glean::FactStream::kDefaultPartBytes;
  uintmax_t max_input_bytes = kDefaultMaxInputBytes;
};

// One input's way through the pipeline.
struct Work {
  std::string path;
  std::string bytes;
  glean::Diagnostics diagnostics;
  std::string output;
  bool failed = false;
  bool streamed = false;  // larger than a part: read and extracted part by part when written
};

// Extracts a large file part by part (FactStream) and writes its facts as they come, so neither
// the file nor its output is held whole. Returns false when the file could not be read or used.
// `head` holds the bytes already read from it (standard input), `max_bytes` the limit on its size.
bool StreamFile(const glean::Engine& engine, const std::string& path, size_t part_bytes,
                std::string head, uintmax_t max_bytes) {
  std::string output;
  const auto flush = [&] {
    WriteOutput(output);
    output.clear();
  };
  glean::FactStream stream(
      engine, path,
      [&](const glean::Fact& fact) {
        glean::AppendFactJsonLine(fact, &output);
        output += '\n';
        if (output.size() >= (size_t{1} << 20)) flush();
      },
      part_bytes);
  glean::Diagnostics errors;
  InputFile file(path, &errors);
  bool ok = file.ok();
  uintmax_t total = head.size();
  if (ok && !head.empty()) {
    const glean::Diagnostics diagnostics = stream.Feed(head);
    PrintDiagnostics(diagnostics);
    ok = !glean::HasErrors(diagnostics);
    head = std::string();
    flush();
  }
  std::string block(std::min<size_t>(part_bytes, size_t{4} << 20), '\0');
  while (ok) {
    const ssize_t got = file.Read(block.data(), block.size(), &errors);
    if (got <= 0) {
      ok = got == 0;
      break;
    }
    total += static_cast<uintmax_t>(got);
    if (total > max_bytes) {
      errors.push_back(IoError(
          path, fmt::format("larger than --max-input-size ({} bytes); its facts up to there are "
                            "given, the rest is not read",
                            max_bytes)));
      ok = false;
      break;
    }
    const glean::Diagnostics diagnostics =
        stream.Feed(std::string_view(block.data(), static_cast<size_t>(got)));
    PrintDiagnostics(diagnostics);
    ok = !glean::HasErrors(diagnostics);
    flush();
  }
  PrintDiagnostics(errors);
  if (ok) {
    const glean::Diagnostics diagnostics = stream.Finish();
    flush();
    PrintDiagnostics(diagnostics);
    ok = !glean::HasErrors(diagnostics);
  }
  return ok;
}

int RunExtract(const ExtractSettings& settings) {
  if (settings.rule_paths.empty() || settings.inputs.empty()) {
    std::fprintf(stderr, "extract: error: %s\nRun 'extract --help' for usage.\n",
                 settings.rule_paths.empty() ? "--rules is required" : "no input given");
    return kExitUsage;
  }
  const std::optional<glean::Encoding> encoding = EncodingOption(settings.encoding_name);
  if (!encoding) return kExitUsage;
  glean::ExtractOptions options;
  options.encoding = *encoding;
  options.document_fact = !settings.no_document;
  options.sentence = settings.context == "sentence";
  options.figures = settings.figures;

  std::optional<glean::RuleSet> rules = LoadRules(settings.rule_paths, false);
  if (!rules) return kExitUsage;
  glean::Result<glean::Engine> engine = glean::Engine::Create(*rules, options);
  if (!engine.ok()) {
    PrintDiagnostics(engine.diagnostics());
    return kExitUsage;
  }
  const glean::Engine& extractor = engine.value();
  glean::Diagnostics walk_problems;
  const std::vector<std::string> files = ExpandInputs(settings.inputs, &walk_problems);
  PrintDiagnostics(walk_problems);
  const size_t part_bytes = settings.part_bytes;
  const auto jobs = static_cast<size_t>(settings.jobs);

  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, jobs);
  size_t next = 0;
  bool any_failed = glean::HasErrors(walk_problems);
  // Reading and writing stay in input order; extraction runs on every core in between. At most
  // 2 × jobs documents are in flight, so memory is bounded by the largest documents, not the
  // corpus.
  tbb::parallel_pipeline(
      jobs * 2,
      tbb::make_filter<void, std::shared_ptr<Work>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> std::shared_ptr<Work> {
            if (next == files.size()) {
              control.stop();
              return nullptr;
            }
            auto work = std::make_shared<Work>();
            work->path = files[next++];
            return work;
          }) &
          tbb::make_filter<std::shared_ptr<Work>, std::shared_ptr<Work>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<Work> work) {
                // Read here, in parallel: a report is read in about the time it takes to
                // extract.
                work->failed = !ReadInput(work->path, &work->bytes, &work->diagnostics, part_bytes,
                                          &work->streamed, settings.max_input_bytes);
                if (work->failed || work->streamed) return work;
                // Room for output a few times the input, as a dense rule set writes:
                // growing by doubling would copy it repeatedly, and room never written
                // costs no memory.
                work->output.reserve(work->bytes.size() * 4);
                glean::Result<glean::Document> document =
                    extractor.Load(work->path, std::move(work->bytes));
                work->diagnostics.insert(work->diagnostics.end(), document.diagnostics().begin(),
                                         document.diagnostics().end());
                if (!document.ok()) {
                  work->failed = true;
                  return work;
                }
                extractor.ForEachFact(document.value(), [&](const glean::Fact& fact) {
                  glean::AppendFactJsonLine(fact, &work->output);
                  work->output += '\n';
                });
                return work;
              }) &
          tbb::make_filter<std::shared_ptr<Work>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Work> work) {
                PrintDiagnostics(work->diagnostics);
                WriteOutput(work->output);
                // A large file is extracted here, in its turn, so its facts stay in input
                // order.
                if (work->streamed) {
                  work->failed = !StreamFile(extractor, work->path, part_bytes,
                                             std::move(work->bytes), settings.max_input_bytes);
                }
                any_failed = any_failed || work->failed;
              }));
  FlushOutput();
  return any_failed ? kExitInputError : kExitOk;
}

}  // namespace

Command AddExtractCommand(CLI::App* app) {
  auto settings = std::make_shared<ExtractSettings>();
  app->add_option("--rules,-r", settings->rule_paths,
                  "Rule file, or directory of *.yaml/*.yml rule files (repeatable)")
      ->allow_extra_args(false);
  app->add_option("inputs", settings->inputs,
                  "Input files, directories (their *.txt files, recursively) or - for stdin");
  app->add_option("--encoding", settings->encoding_name,
                  "Input encoding: auto (default), utf-8, utf-16le, utf-16be, gb18030 (gbk)");
  app->add_flag("--no-document", settings->no_document, "Leave out the per-document metadata fact");
  app->add_flag("--figures", settings->figures,
                "Add a 'figure' fact (rule builtin.figure) for each figure no rule claimed");
  app->add_option("--context", settings->context, "Add context to each fact: 'sentence'")
      ->check(CLI::IsMember({"sentence"}));
  app->add_option("--jobs,-j", settings->jobs,
                  "Documents processed in parallel (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app->add_option("--part-size", settings->part_bytes,
                  "Files larger than this are read and extracted in parts of about this size, so "
                  "memory stays bounded (default 4MB; units KB, MB, GB)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);
  app->add_option("--max-input-size", settings->max_input_bytes,
                  "Inputs larger than this are refused with an error, the others still read; "
                  "stops a device or an endless pipe (default 512MB; units KB, MB, GB)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);
  return {app, [settings] { return RunExtract(*settings); }};
}

}  // namespace extract
