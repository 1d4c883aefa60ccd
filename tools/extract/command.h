// The pieces every subcommand of `extract` shares: exit codes, reading inputs and rules, printing
// diagnostics. Each subcommand lives in a file of its own and adds itself to the command line
// through an Add…Command function; main.cc only dispatches.
#ifndef GLEAN_TOOLS_EXTRACT_COMMAND_H_
#define GLEAN_TOOLS_EXTRACT_COMMAND_H_

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "glean/diagnostic.h"
#include "glean/document.h"
#include "glean/options.h"
#include "glean/rule_set.h"

namespace extract {

constexpr int kExitOk = 0;
constexpr int kExitInputError = 1;
constexpr int kExitUsage = 2;

// The most bytes an input may hold unless --max-input-size says otherwise: a device or an
// endless pipe (/dev/zero) stops there with an error instead of filling memory.
constexpr uintmax_t kDefaultMaxInputBytes = uintmax_t{512} << 20;

// A subcommand as main sees it: where its options were parsed, and what runs it then.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// Each is defined in the file of its name. The extract command itself takes the top level's
// options and inputs.
Command AddExtractCommand(CLI::App* app);
Command AddCheckCommand(CLI::App* app);
Command AddTestCommand(CLI::App* app);
Command AddNormalizeCommand(CLI::App* app);
Command AddOutlineCommand(CLI::App* app);
Command AddFiguresCommand(CLI::App* app);
Command AddSchemaCommand(CLI::App* app);
Command AddExplainCommand(CLI::App* app);
Command AddCoverageCommand(CLI::App* app);
Command AddReviewCommand(CLI::App* app);

// What `extract review` asks of the extract command's run (extract.cc): the review page of the
// inputs' facts, through the same pipeline as `extract --format html`.
struct ReviewPageSettings {
  std::vector<std::string> rule_paths;
  std::vector<std::string> inputs;
  std::string encoding_name = "auto";
  std::string output_path;  // empty: standard output
  bool figures = true;      // the figures no rule claimed, marked apart
  int jobs = 1;
  uintmax_t max_input_bytes = kDefaultMaxInputBytes;
};
// The exit status as the extract command's.
int RunReviewPage(const ReviewPageSettings& settings);

void PrintDiagnostics(const glean::Diagnostics& diagnostics);
glean::Diagnostic IoError(const std::string& path, const std::string& what);

// Standard output, the one way every subcommand writes its results: buffered, and every write
// checked. A write that fails ends the process at once, as nothing more can reach the reader: on a
// broken pipe quietly, with status 141 (what a shell shows for SIGPIPE, for a process that
// ignores the signal), otherwise after "error[io]: cannot write output: <reason>" with status 1.
// NOTE: not thread-safe; extract writes from its pipeline's one serial, in-order stage.
void WriteOutput(std::string_view bytes);
// Writes out what is buffered; ends the process as WriteOutput does when that fails.
void FlushOutput();

// An input file opened for reading, closed when it goes: one open and one fstat. A corpus is
// mostly small files, where a stream object and separate size and type queries cost as much as
// reading them.
class InputFile {
 public:
  // "-" is standard input. On failure, or for a directory, says why in `errors`; then ok() is
  // false.
  InputFile(std::string path, glean::Diagnostics* errors);
  InputFile(const InputFile&) = delete;  // owns the descriptor
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  bool ok() const { return fd_ >= 0; }
  // The size a regular file states; 0 when it states none (a pipe, a /proc file).
  uintmax_t stated_size() const { return stated_size_; }

  // Reads up to `size` bytes into `into`: how many, 0 at the end, or -1 with the error in
  // `errors`.
  ssize_t Read(char* into, size_t size, glean::Diagnostics* errors);

 private:
  void Close();

  std::string path_;
  int fd_;
  uintmax_t stated_size_ = 0;
};

// Reads a whole file, or standard input for "-". A file that states more than `stream_above`
// bytes is not read: `*large` is set, and it is left to be read in parts. So is an input that
// states no size (standard input, a FIFO, a device) once more than that has come: then `bytes`
// holds what has come and `*rest` the open input to read on from (opened again, a FIFO or a
// device would start over). An input of more than `max_bytes` is an error, found from its stated
// size or, for one that states none, once that much has been read.
bool ReadInput(const std::string& path, std::string* bytes, glean::Diagnostics* errors,
               uintmax_t stream_above = UINTMAX_MAX, bool* large = nullptr,
               uintmax_t max_bytes = kDefaultMaxInputBytes,
               std::unique_ptr<InputFile>* rest = nullptr);

// Inputs as given, with each directory replaced by its *.txt files (recursively, sorted). What a
// walk cannot read is an error in `problems`, what it skips a warning there.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      glean::Diagnostics* problems);

// The rule set, or nullopt after printing its errors (and its warnings when asked).
std::optional<glean::RuleSet> LoadRules(const std::vector<std::string>& paths, bool print_warnings);

// The --rules and --encoding options of the commands that read one document.
struct DocumentOptions {
  std::vector<std::string> rule_paths;
  std::string encoding_name = "auto";
  void AddTo(CLI::App* app);
};

// The encoding an --encoding value names; prints the error and returns nullopt for a bad name.
std::optional<glean::Encoding> EncodingOption(const std::string& name);

// Loads one document, with the rules' normalization when rules are given. On failure prints why
// and sets `*status` to the exit status.
std::optional<glean::Document> LoadOne(const std::string& path, const DocumentOptions& options,
                                       int* status);

}  // namespace extract

#endif  // GLEAN_TOOLS_EXTRACT_COMMAND_H_
