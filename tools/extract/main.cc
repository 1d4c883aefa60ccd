// extract: the command-line face of glean. Flags, wiring and exit codes only; every decision about
// text lives in the engine.
//
// Exit status: 0 all inputs processed; 1 some input could not be read or decoded (the others are
// still processed); 2 usage errors and rule errors, reported before any input is read.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <CLI/CLI.hpp>

#include "glean/document.h"
#include "glean/engine.h"
#include "glean/output.h"
#include "glean/regression.h"
#include "glean/rule_set.h"

namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitInputError = 1;
constexpr int kExitUsage = 2;

void PrintDiagnostics(const glean::Diagnostics& diagnostics) {
  for (const glean::Diagnostic& diagnostic : diagnostics) {
    std::fprintf(stderr, "%s\n", diagnostic.ToString().c_str());
  }
}

glean::Diagnostic IoError(const std::string& path, const std::string& what) {
  return glean::Diagnostic::Error("io", {path, 0, 0}, what);
}

// An input file opened for reading, closed when it goes: one open and one fstat. A corpus is
// mostly small files, where a stream object and separate size and type queries cost as much as
// reading them.
class InputFile {
 public:
  // On failure, or for a directory, says why in `errors`; then ok() is false.
  InputFile(std::string path, glean::Diagnostics* errors)
      : path_(std::move(path)), fd_(::open(path_.c_str(), O_RDONLY | O_CLOEXEC)) {
    struct stat info {};
    if (fd_ < 0 || ::fstat(fd_, &info) != 0) {
      errors->push_back(IoError(path_, fmt::format("cannot read: {}", std::strerror(errno))));
      Close();
    } else if (S_ISDIR(info.st_mode)) {
      errors->push_back(IoError(path_, "is a directory"));
      Close();
    } else if (S_ISREG(info.st_mode)) {
      stated_size_ = static_cast<uintmax_t>(info.st_size);
    }
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile() { Close(); }

  bool ok() const { return fd_ >= 0; }
  // The size a regular file states; 0 when it states none (a pipe, a /proc file).
  uintmax_t stated_size() const { return stated_size_; }

  // Reads up to `size` bytes into `into`: how many, 0 at the end, or -1 with the error in
  // `errors`.
  ssize_t Read(char* into, size_t size, glean::Diagnostics* errors) {
    for (;;) {
      const ssize_t got = ::read(fd_, into, size);
      if (got >= 0) return got;
      if (errno == EINTR) continue;
      errors->push_back(IoError(path_, fmt::format("read failed: {}", std::strerror(errno))));
      return -1;
    }
  }

 private:
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  std::string path_;
  int fd_;
  uintmax_t stated_size_ = 0;
};

// Reads a whole file, or standard input for "-". A file that states more than `stream_above`
// bytes is not read: `*large` is set, and it is left to be read in parts.
bool ReadInput(const std::string& path, std::string* bytes, glean::Diagnostics* errors,
               uintmax_t stream_above = UINTMAX_MAX, bool* large = nullptr) {
  if (path == "-") {
    bytes->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  InputFile file(path, errors);
  if (!file.ok()) return false;
  const uintmax_t size = file.stated_size();
  if (size > stream_above) {
    if (large != nullptr) *large = true;
    return true;
  }
  // A file that states its size is read into a buffer sized once from it (a growing buffer
  // would hold up to twice a large file); anything else until it ends.
  const bool sized = size > 0;
  bytes->resize(sized ? static_cast<size_t>(size) : size_t{1} << 16);
  size_t filled = 0;
  for (;;) {
    if (filled == bytes->size()) {
      if (sized) break;
      bytes->resize(bytes->size() * 2);
    }
    const ssize_t got = file.Read(bytes->data() + filled, bytes->size() - filled, errors);
    if (got < 0) return false;
    if (got == 0) break;
    filled += static_cast<size_t>(got);
  }
  bytes->resize(filled);
  return true;
}

// Inputs as given, with each directory replaced by its *.txt files (recursively, sorted).
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || !fs::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".txt") {
        found.push_back(it->path().generic_string());
      }
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) files.push_back(input);  // reported as an input error when read
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::optional<glean::RuleSet> LoadRules(const std::vector<std::string>& paths,
                                        bool print_warnings) {
  glean::Result<glean::RuleSet> rules = glean::RuleSet::Load(paths);
  if (!rules.ok() || print_warnings) PrintDiagnostics(rules.diagnostics());
  if (!rules.ok()) return std::nullopt;
  return std::move(rules).value();
}

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
bool StreamFile(const glean::Engine& engine, const std::string& path, size_t part_bytes) {
  std::string output;
  const auto flush = [&] {
    std::fwrite(output.data(), 1, output.size(), stdout);
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
  std::string block(std::min<size_t>(part_bytes, size_t{4} << 20), '\0');
  while (ok) {
    const ssize_t got = file.Read(block.data(), block.size(), &errors);
    if (got <= 0) {
      ok = got == 0;
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

int RunExtract(const std::vector<std::string>& rule_paths, const std::vector<std::string>& inputs,
               const glean::ExtractOptions& options, int jobs, size_t part_bytes) {
  std::optional<glean::RuleSet> rules = LoadRules(rule_paths, false);
  if (!rules) return kExitUsage;
  glean::Result<glean::Engine> engine = glean::Engine::Create(*rules, options);
  if (!engine.ok()) {
    PrintDiagnostics(engine.diagnostics());
    return kExitUsage;
  }
  const glean::Engine& extractor = engine.value();
  const std::vector<std::string> files = ExpandInputs(inputs);

  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(jobs));
  size_t next = 0;
  bool any_failed = false;
  // Reading and writing stay in input order; extraction runs on every core in between. At most
  // 2 × jobs documents are in flight, so memory is bounded by the largest documents, not the
  // corpus.
  tbb::parallel_pipeline(
      static_cast<size_t>(jobs) * 2,
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
                // Read here, in parallel: a report is read in about the time it takes to extract.
                work->failed = !ReadInput(work->path, &work->bytes, &work->diagnostics, part_bytes,
                                          &work->streamed);
                if (work->failed || work->streamed) return work;
                // Room for output a few times the input, as a dense rule set writes: growing by
                // doubling would copy it repeatedly, and room never written costs no memory.
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
                std::fwrite(work->output.data(), 1, work->output.size(), stdout);
                // A large file is extracted here, in its turn, so its facts stay in input order.
                if (work->streamed) work->failed = !StreamFile(extractor, work->path, part_bytes);
                any_failed = any_failed || work->failed;
              }));
  std::fflush(stdout);
  return any_failed ? kExitInputError : kExitOk;
}

int RunCheck(const std::vector<std::string>& rule_paths, bool strict) {
  glean::Result<glean::RuleSet> rules = glean::RuleSet::Load(rule_paths);
  PrintDiagnostics(rules.diagnostics());
  if (!rules.ok()) return kExitUsage;
  const bool has_warnings = !rules.diagnostics().empty();
  std::fprintf(stderr, "%zu rules checked: %s\n", rules.value().size(),
               has_warnings ? "no errors, some warnings" : "no problems");
  return strict && has_warnings ? kExitUsage : kExitOk;
}

int RunTest(const std::vector<std::string>& rule_paths, const std::vector<std::string>& paths,
            const glean::RegressionOptions& options) {
  std::optional<glean::RuleSet> rules = LoadRules(rule_paths, false);
  if (!rules) return kExitUsage;
  glean::Result<glean::Engine> engine = glean::Engine::Create(*rules);
  if (!engine.ok()) {
    PrintDiagnostics(engine.diagnostics());
    return kExitUsage;
  }
  glean::RegressionReport report = glean::RunRegression(engine.value(), paths, options);
  std::fputs(report.text.c_str(), stdout);
  std::fflush(stdout);
  PrintDiagnostics(report.errors);
  std::printf("%d passed, %d failed\n", report.passed, report.failed);
  return report.failed > 0 ? kExitInputError : kExitOk;
}

// Loads one document for `normalize` and `outline`, with the rules' normalization when given.
std::optional<glean::Document> LoadOne(const std::string& path,
                                       const std::vector<std::string>& rule_paths,
                                       glean::Encoding encoding, int* status) {
  glean::NormalizeOptions normalize;
  if (!rule_paths.empty()) {
    std::optional<glean::RuleSet> rules = LoadRules(rule_paths, false);
    if (!rules) {
      *status = kExitUsage;
      return std::nullopt;
    }
    normalize = rules->normalize_options();
  }
  std::string bytes;
  glean::Diagnostics errors;
  if (!ReadInput(path, &bytes, &errors)) {
    PrintDiagnostics(errors);
    *status = kExitInputError;
    return std::nullopt;
  }
  glean::Result<glean::Document> document =
      glean::Document::Load(path, std::move(bytes), normalize, encoding);
  PrintDiagnostics(document.diagnostics());
  if (!document.ok()) {
    *status = kExitInputError;
    return std::nullopt;
  }
  *status = kExitOk;
  return std::move(document).value();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "extract: typed facts from Chinese local-government reports.\n"
      "  extract --rules RULES... INPUT...      facts as JSON Lines on stdout\n"
      "  extract check RULES...                 validate rule files\n"
      "  extract normalize [--map] FILE         the text rules are matched against\n"
      "  extract outline FILE                   the heading tree, for within: rules\n"
      "  extract test --rules RULES... [PATH...] rule examples and golden files\n"
      "  extract schema                         JSON Schema of the rule format"};
  app.set_version_flag("--version", std::string("extract (glean) ") + GLEAN_VERSION);
  app.require_subcommand(0, 1);

  std::vector<std::string> rule_paths;
  std::vector<std::string> inputs;
  std::string encoding_name = "auto";
  bool no_document = false;
  std::string context;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int jobs = cores;
  app.add_option("--rules,-r", rule_paths,
                 "Rule file, or directory of *.yaml/*.yml rule files (repeatable)")
      ->allow_extra_args(false);
  app.add_option("inputs", inputs,
                 "Input files, directories (their *.txt files, recursively) or - for stdin");
  app.add_option("--encoding", encoding_name,
                 "Input encoding: auto (default), utf-8, utf-16le, utf-16be, gb18030 (gbk)");
  app.add_flag("--no-document", no_document, "Leave out the per-document metadata fact");
  app.add_option("--context", context, "Add context to each fact: 'sentence'")
      ->check(CLI::IsMember({"sentence"}));
  app.add_option("--jobs,-j", jobs, "Documents processed in parallel (default: all cores)")
      ->check(CLI::Range(1, 1024));
  size_t part_bytes = glean::FactStream::kDefaultPartBytes;
  app.add_option("--part-size", part_bytes,
                 "Files larger than this are read and extracted in parts of about this size, so "
                 "memory stays bounded (default 4MB; units KB, MB, GB)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);

  CLI::App* check = app.add_subcommand("check", "Validate rule files without input");
  std::vector<std::string> check_paths;
  bool strict = false;
  check->add_option("rules", check_paths, "Rule files or directories")->required();
  check->add_flag("--strict", strict, "Fail on warnings too");

  CLI::App* normalize = app.add_subcommand("normalize", "Print the normalized text of a file");
  std::string normalize_file;
  bool show_map = false;
  normalize->add_option("file", normalize_file, "Input file or -")->required();
  normalize->add_flag("--map", show_map, "Print the offset map after the text");
  normalize->add_option("--rules,-r", rule_paths, "Take normalization settings from these rules")
      ->allow_extra_args(false);
  normalize->add_option("--encoding", encoding_name, "Input encoding (see extract --help)");

  CLI::App* outline =
      app.add_subcommand("outline", "Print a file's heading tree with line numbers");
  std::string outline_file;
  outline->add_option("file", outline_file, "Input file or -")->required();
  outline->add_option("--rules,-r", rule_paths, "Take normalization settings from these rules")
      ->allow_extra_args(false);
  outline->add_option("--encoding", encoding_name, "Input encoding (see extract --help)");

  CLI::App* schema = app.add_subcommand("schema", "Print a JSON Schema of the rule file format");

  CLI::App* test = app.add_subcommand(
      "test",
      "Run rule examples and compare inputs with their golden files (x.txt: x.facts.jsonl)");
  std::vector<std::string> test_paths;
  glean::RegressionOptions test_options;
  std::string color = "auto";
  test->add_option("--rules,-r", rule_paths, "Rule files or directories under test")
      ->required()
      ->allow_extra_args(false);
  test->add_option("paths", test_paths, "Inputs or directories with golden files");
  test->add_flag("--update", test_options.update,
                 "Rewrite golden files with the new facts and say what changed");
  test->add_option("--only", test_options.only, "Only rules whose id matches this glob");
  test->add_option("--color", color, "Colour: auto (when stdout is a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kExitOk : kExitUsage;
  }

  glean::Encoding encoding;
  if (!glean::ParseEncoding(encoding_name, &encoding)) {
    std::fprintf(stderr,
                 "extract: error: unknown encoding '%s' (use auto, utf-8, utf-16le, "
                 "utf-16be or gb18030)\n",
                 encoding_name.c_str());
    return kExitUsage;
  }

  if (*check) return RunCheck(check_paths, strict);
  if (*test) {
    test_options.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO));
    return RunTest(rule_paths, test_paths, test_options);
  }
  if (*schema) {
    std::fputs(glean::RuleFileJsonSchema().c_str(), stdout);
    return kExitOk;
  }
  if (*normalize || *outline) {
    int status = kExitOk;
    std::optional<glean::Document> document =
        LoadOne(*normalize ? normalize_file : outline_file, rule_paths, encoding, &status);
    if (!document) return status;
    if (*outline) {
      std::fputs(glean::FormatOutline(*document).c_str(), stdout);
    } else {
      std::fwrite(document->normalized().data(), 1, document->normalized().size(), stdout);
      if (show_map) std::fputs(("\n" + document->DescribeOffsetMap()).c_str(), stdout);
    }
    return kExitOk;
  }

  if (rule_paths.empty() || inputs.empty()) {
    std::fprintf(stderr, "extract: error: %s\nRun 'extract --help' for usage.\n",
                 rule_paths.empty() ? "--rules is required" : "no input given");
    return kExitUsage;
  }
  glean::ExtractOptions options;
  options.encoding = encoding;
  options.document_fact = !no_document;
  options.sentence = context == "sentence";
  return RunExtract(rule_paths, inputs, options, jobs, part_bytes);
}
