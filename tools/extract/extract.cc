// extract --rules RULES... INPUT...: facts in the format asked (JSON Lines by default), inputs in
// parallel, output in input order.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include "glean/engine.h"
#include "glean/fact_table.h"
#include "glean/output.h"
#include "glean/review_page.h"
#include "tools/extract/command.h"
#include "tools/extract/progress_line.h"
#include "tools/extract/rule_tally.h"

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
  std::string format_name;
  std::string output_path;
  bool no_bom = false;
  bool stats = false;
};

constexpr char kDocumentRule[] = "builtin.document";

// Where a run's facts go, in the format asked. JSON Lines and delimited text are formatted on
// the worker threads and written in input order through the checked output (WriteOutput); XLSX
// and SQLite take each document's facts, in input order, through a sink; the review page takes
// them with the input's bytes, and writes through the checked output too.
class FactOutput {
 public:
  FactOutput(glean::OutputFormat format, const glean::RuleSet& rules, bool figures,
             glean::Encoding encoding)
      : format_(format),
        rules_(rules),
        figures_(figures),
        encoding_(encoding),
        table_(rules, figures) {}

  // Tabular formats join each document's columns into its rows instead of a document fact.
  bool tabular() const { return format_ != glean::OutputFormat::kJsonLines; }
  // Whether facts are handed over whole (Add) rather than as text.
  bool structured() const {
    return format_ == glean::OutputFormat::kXlsx || format_ == glean::OutputFormat::kSqlite ||
           page();
  }
  // The review page shows each input's own text, so it keeps the bytes as read.
  bool page() const { return format_ == glean::OutputFormat::kHtml; }

  // Opens `path`; a text format without one writes to stdout, with one makes the file its
  // stdout. Prints why not and returns false when it cannot.
  bool Open(const std::string& path, bool bom, std::string_view title) {
    if (structured() && !page()) {
      glean::Result<std::unique_ptr<glean::FactSink>> sink =
          glean::OpenFactSink(format_, path, rules_, figures_);
      PrintDiagnostics(sink.diagnostics());
      if (!sink.ok()) return false;
      sink_ = std::move(sink).value();
      return true;
    }
    if (!path.empty()) {
      const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0) {
        PrintDiagnostics({IoError(path, fmt::format("cannot create: {}", std::strerror(errno)))});
        if (fd >= 0) ::close(fd);
        return false;
      }
      ::close(fd);
    }
    if (page()) {
      page_ = std::make_unique<glean::ReviewPage>(WriteOutput, title);
      return true;
    }
    std::string header;
    // Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark.
    if (format_ == glean::OutputFormat::kCsv && bom) header = "\xEF\xBB\xBF";
    if (tabular()) glean::AppendDelimitedHeader(table_, Separator(), &header);
    WriteOutput(header);
    return true;
  }

  // One fact, on a worker thread: as text into `out`, or kept in `facts` for a sink. The
  // document fact of a tabular format fills its document's columns instead of giving a row.
  void Take(const glean::Fact& fact, glean::DocumentRecord* record, std::string* out,
            std::vector<glean::Fact>* facts) const {
    if (!tabular()) {
      glean::AppendFactJsonLine(fact, out);
      *out += '\n';
    } else if (fact.rule == kDocumentRule) {
      glean::FillDocumentRecord(fact, record);
    } else if (structured()) {
      facts->push_back(fact);
    } else {
      thread_local std::vector<glean::Cell> cells;
      table_.Row(fact, *record, &cells);
      glean::AppendDelimitedRow(cells, Separator(), out);
    }
  }

  // One document's facts for a sink, in input order; false when they could not be written.
  bool Add(const glean::DocumentRecord& record, std::string_view input,
           const std::vector<glean::Fact>& facts) {
    const glean::Diagnostics diagnostics =
        page_ ? page_->Add(record, input, encoding_, facts) : sink_->Add(record, facts);
    PrintDiagnostics(diagnostics);
    return !glean::HasErrors(diagnostics);
  }

  bool Finish() {
    if (page_) page_->Finish();
    FlushOutput();
    if (sink_ == nullptr) return true;
    const glean::Diagnostics diagnostics = sink_->Finish();
    PrintDiagnostics(diagnostics);
    return !glean::HasErrors(diagnostics);
  }

 private:
  char Separator() const { return format_ == glean::OutputFormat::kTsv ? '\t' : ','; }

  glean::OutputFormat format_;
  const glean::RuleSet& rules_;
  bool figures_;
  glean::Encoding encoding_;
  glean::FactTable table_;
  std::unique_ptr<glean::FactSink> sink_;
  std::unique_ptr<glean::ReviewPage> page_;
};

// One input's way through the pipeline.
struct Work {
  std::string path;
  std::string bytes;
  std::string input;  // the bytes as read, for the review page
  glean::Diagnostics diagnostics;
  std::string output;
  glean::DocumentRecord record;
  std::vector<glean::Fact> facts;  // for a structured format
  uint64_t bytes_read = 0;         // for the progress line
  size_t fact_count = 0;
  bool failed = false;
  bool streamed = false;  // larger than a part: read and extracted part by part when written
  std::unique_ptr<InputFile> rest;  // of an input that states no size, streamed: read on from it
};

// Extracts a large file part by part (FactStream) and writes its facts as they come, so neither
// the file nor its output is held whole (a structured format keeps the facts, to write the
// document at once). Returns false when the file could not be read or used. `head` holds the
// bytes already read from an input that states no size and `work->rest` that input, open;
// `max_bytes` is the limit on its size.
bool StreamFile(const glean::Engine& engine, FactOutput* output, Work* work, size_t part_bytes,
                std::string head, uintmax_t max_bytes) {
  const std::string& path = work->path;
  const auto flush = [&] {
    WriteOutput(work->output);
    work->output.clear();
  };
  glean::ContentHash hash;
  glean::FactStream stream(
      engine, path,
      [&](const glean::Fact& fact) {
        output->Take(fact, &work->record, &work->output, &work->facts);
        ++work->fact_count;
        if (work->output.size() >= (size_t{1} << 20)) flush();
      },
      part_bytes);
  glean::Diagnostics errors;
  std::unique_ptr<InputFile> file =
      work->rest != nullptr ? std::move(work->rest) : std::make_unique<InputFile>(path, &errors);
  bool ok = file->ok();
  uintmax_t total = head.size();
  if (ok && !head.empty()) {
    hash.Update(head);
    const glean::Diagnostics diagnostics = stream.Feed(head);
    PrintDiagnostics(diagnostics);
    ok = !glean::HasErrors(diagnostics);
    head = std::string();
    flush();
  }
  std::string block(std::min<size_t>(part_bytes, size_t{4} << 20), '\0');
  while (ok) {
    const ssize_t got = file->Read(block.data(), block.size(), &errors);
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
    const std::string_view bytes(block.data(), static_cast<size_t>(got));
    hash.Update(bytes);
    const glean::Diagnostics diagnostics = stream.Feed(bytes);
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
  work->record.size = total;
  work->bytes_read = total;
  work->record.content_hash = hash.HexDigest();
  if (ok && output->structured()) ok = output->Add(work->record, {}, work->facts);
  return ok;
}

// The format asked with --format, or named by the output file's extension; JSON Lines without
// either. Prints why and returns nullopt when neither names a known format, or when a format
// that needs a file has none.
std::optional<glean::OutputFormat> ChooseFormat(const ExtractSettings& settings) {
  std::optional<glean::OutputFormat> format = glean::OutputFormat::kJsonLines;
  if (!settings.format_name.empty()) {
    glean::OutputFormat named;
    if (!glean::ParseOutputFormat(settings.format_name, &named)) {
      std::fprintf(stderr,
                   "extract: error: unknown format '%s' (use jsonl, csv, tsv, xlsx, sqlite or "
                   "html)\n",
                   settings.format_name.c_str());
      return std::nullopt;
    }
    format = named;
  } else if (!settings.output_path.empty()) {
    format = glean::OutputFormatOfPath(settings.output_path);
    if (!format) {
      std::fprintf(stderr,
                   "extract: error: cannot tell the format of '%s' from its extension (.jsonl, "
                   ".csv, .tsv, .xlsx, .sqlite, .db or .html); give --format\n",
                   settings.output_path.c_str());
      return std::nullopt;
    }
  }
  if ((*format == glean::OutputFormat::kXlsx || *format == glean::OutputFormat::kSqlite) &&
      settings.output_path.empty()) {
    std::fprintf(stderr, "extract: error: the %s format is written to a file: give -o FILE\n",
                 glean::OutputFormatName(*format));
    return std::nullopt;
  }
  return format;
}

// The review page's heading: what it was made from.
std::string ReviewTitle(const std::vector<std::string>& inputs) {
  std::string title = "Facts in";
  for (const std::string& input : inputs) title += " " + input;
  return title;
}

int RunExtract(const ExtractSettings& settings) {
  if (settings.rule_paths.empty() || settings.inputs.empty()) {
    std::fprintf(stderr, "extract: error: %s\nRun 'extract --help' for usage.\n",
                 settings.rule_paths.empty() ? "--rules is required" : "no input given");
    return kExitUsage;
  }
  const std::optional<glean::Encoding> encoding = EncodingOption(settings.encoding_name);
  if (!encoding) return kExitUsage;
  const std::optional<glean::OutputFormat> format = ChooseFormat(settings);
  if (!format) return kExitUsage;
  glean::ExtractOptions options;
  options.encoding = *encoding;
  // Tabular formats join the document's title and year into every row, which the document fact
  // carries for an input read in parts.
  options.document_fact = !settings.no_document || *format != glean::OutputFormat::kJsonLines;
  options.sentence = settings.context == "sentence";
  options.figures = settings.figures;

  std::optional<glean::RuleSet> rules = LoadRules(settings.rule_paths, false);
  if (!rules) return kExitUsage;
  std::optional<RuleTally> tally;
  if (settings.stats) {
    tally.emplace(*rules);
    options.observer = &*tally;
  }
  glean::Result<glean::Engine> engine = glean::Engine::Create(*rules, options);
  if (!engine.ok()) {
    PrintDiagnostics(engine.diagnostics());
    return kExitUsage;
  }
  const glean::Engine& extractor = engine.value();
  FactOutput output(*format, *rules, settings.figures, *encoding);
  if (!output.Open(settings.output_path, !settings.no_bom, ReviewTitle(settings.inputs))) {
    return kExitInputError;
  }
  glean::Diagnostics walk_problems;
  const std::vector<std::string> files = ExpandInputs(settings.inputs, &walk_problems);
  PrintDiagnostics(walk_problems);
  // The review page holds each input's whole text, so it reads no input in parts.
  const size_t part_bytes = output.page() ? SIZE_MAX : settings.part_bytes;
  const auto jobs = static_cast<size_t>(settings.jobs);

  ProgressLine progress(files.size(), settings.output_path.empty());
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
            work->record.doc = work->path;
            return work;
          }) &
          tbb::make_filter<std::shared_ptr<Work>, std::shared_ptr<Work>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<Work> work) {
                // Read here, in parallel: a report is read in about the time it takes to
                // extract.
                work->failed = !ReadInput(work->path, &work->bytes, &work->diagnostics, part_bytes,
                                          &work->streamed, settings.max_input_bytes, &work->rest);
                if (work->failed || work->streamed) return work;
                if (output.tabular()) {
                  glean::ContentHash hash;
                  hash.Update(work->bytes);
                  work->record.content_hash = hash.HexDigest();
                  work->record.size = work->bytes.size();
                }
                // Room for output a few times the input, as a dense rule set writes:
                // growing by doubling would copy it repeatedly, and room never written
                // costs no memory.
                if (!output.structured()) work->output.reserve(work->bytes.size() * 4);
                if (output.page()) work->input = work->bytes;
                work->bytes_read = work->bytes.size();
                glean::Result<glean::Document> document =
                    extractor.Load(work->path, std::move(work->bytes));
                work->diagnostics.insert(work->diagnostics.end(), document.diagnostics().begin(),
                                         document.diagnostics().end());
                if (!document.ok()) {
                  work->failed = true;
                  return work;
                }
                if (output.tabular()) {
                  glean::FillDocumentRecord(document.value().info(), &work->record);
                }
                extractor.ForEachFact(document.value(), [&](const glean::Fact& fact) {
                  output.Take(fact, &work->record, &work->output, &work->facts);
                  ++work->fact_count;
                });
                return work;
              }) &
          tbb::make_filter<std::shared_ptr<Work>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Work> work) {
                if (!work->diagnostics.empty() || work->streamed) progress.Clear();
                PrintDiagnostics(work->diagnostics);
                if (work->streamed) {
                  // A large file is extracted here, in its turn, so its facts stay in input
                  // order.
                  std::string head = std::move(work->bytes);
                  work->failed = !StreamFile(extractor, &output, work.get(), part_bytes,
                                             std::move(head), settings.max_input_bytes);
                } else if (output.structured()) {
                  if (!work->failed) {
                    work->failed = !output.Add(work->record, work->input, work->facts);
                  }
                } else {
                  WriteOutput(work->output);
                }
                any_failed = any_failed || work->failed;
                progress.FileDone(work->bytes_read, work->fact_count);
              }));
  progress.Clear();
  if (!output.Finish()) any_failed = true;
  if (tally) std::fputs(tally->Table().c_str(), stderr);
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
  app->add_option("--format,-f", settings->format_name,
                  "Output format: jsonl (default), csv, tsv, xlsx, sqlite, html (the review page); "
                  "without it, -o's extension chooses");
  app->add_option("--output,-o", settings->output_path,
                  "Write to this file instead of stdout (needed for xlsx and sqlite; a sqlite file "
                  "is updated: each document's facts replace that document's earlier ones)");
  app->add_flag("--no-bom", settings->no_bom,
                "CSV without the UTF-8 byte-order mark Excel needs to read Chinese");
  app->add_flag("--stats", settings->stats,
                "Print on stderr, by rule, the matches found, kept and dropped by reason");
  return {app, [settings] { return RunExtract(*settings); }};
}

int RunReviewPage(const ReviewPageSettings& review) {
  ExtractSettings settings;
  settings.rule_paths = review.rule_paths;
  settings.inputs = review.inputs;
  settings.encoding_name = review.encoding_name;
  settings.figures = review.figures;
  settings.jobs = review.jobs;
  settings.max_input_bytes = review.max_input_bytes;
  settings.format_name = "html";
  settings.output_path = review.output_path;
  return RunExtract(settings);
}

}  // namespace extract
