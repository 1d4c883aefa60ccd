#include "tools/extract/command.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "glean/input_files.h"

namespace extract {

void PrintDiagnostics(const glean::Diagnostics& diagnostics) {
  for (const glean::Diagnostic& diagnostic : diagnostics) {
    std::fprintf(stderr, "%s\n", diagnostic.ToString().c_str());
  }
}

namespace {

constexpr int kExitBrokenPipe = 128 + SIGPIPE;

// Bytes not yet written to standard output. Facts come in lines of a few hundred bytes: writing
// each would cost a system call per fact.
std::string& OutputBuffer() {
  static std::string buffer;
  return buffer;
}

void WriteAll(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t wrote = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      const int error = wrote < 0 ? errno : ENOSPC;
      // _Exit, not exit: extract's pipeline may still have threads running, and static
      // destructors must not run under them.
      if (error == EPIPE) std::_Exit(kExitBrokenPipe);
      std::fprintf(stderr, "error[io]: cannot write output: %s\n", std::strerror(error));
      std::_Exit(kExitInputError);
    }
    bytes.remove_prefix(static_cast<size_t>(wrote));
  }
}

}  // namespace

void WriteOutput(std::string_view bytes) {
  constexpr size_t kBufferBytes = size_t{1} << 16;
  // A document's facts (tens of KB) go out as they are: copied into the buffer they cost as
  // much again as writing them, for no fewer writes.
  constexpr size_t kWrittenWhole = kBufferBytes / 4;
  std::string& buffer = OutputBuffer();
  if (bytes.size() >= kWrittenWhole) {
    FlushOutput();
    WriteAll(bytes);
    return;
  }
  if (buffer.size() + bytes.size() > kBufferBytes) FlushOutput();
  buffer.append(bytes);
}

void FlushOutput() {
  std::string& buffer = OutputBuffer();
  WriteAll(buffer);
  buffer.clear();
}

glean::Diagnostic IoError(const std::string& path, const std::string& what) {
  return glean::Diagnostic::Error("io", {path, 0, 0}, what);
}

InputFile::InputFile(std::string path, glean::Diagnostics* errors)
    : path_(std::move(path)),
      fd_(path_ == "-" ? ::dup(STDIN_FILENO) : ::open(path_.c_str(), O_RDONLY | O_CLOEXEC)) {
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

InputFile::~InputFile() { Close(); }

ssize_t InputFile::Read(char* into, size_t size, glean::Diagnostics* errors) {
  for (;;) {
    const ssize_t got = ::read(fd_, into, size);
    if (got >= 0) return got;
    if (errno == EINTR) continue;
    errors->push_back(IoError(path_, fmt::format("read failed: {}", std::strerror(errno))));
    return -1;
  }
}

void InputFile::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

glean::Diagnostic TooLarge(const std::string& path, uintmax_t max_bytes) {
  return IoError(path, fmt::format("larger than --max-input-size ({} bytes); not read", max_bytes));
}

bool ReadInput(const std::string& path, std::string* bytes, glean::Diagnostics* errors,
               uintmax_t stream_above, bool* large, uintmax_t max_bytes,
               std::unique_ptr<InputFile>* rest) {
  auto file = std::make_unique<InputFile>(path, errors);
  if (!file->ok()) return false;
  const uintmax_t size = file->stated_size();
  if (size > max_bytes) {
    errors->push_back(TooLarge(path, max_bytes));
    return false;
  }
  if (size > stream_above) {
    if (large != nullptr) *large = true;
    return true;
  }
  // A file that states its size is read into a buffer sized once from it (a growing buffer
  // would hold up to twice a large file); anything else until it ends, or until it passes
  // `max_bytes`.
  const bool sized = size > 0;
  bytes->resize(sized ? static_cast<size_t>(size) : size_t{1} << 16);
  size_t filled = 0;
  for (;;) {
    if (filled == bytes->size()) {
      if (sized) break;
      // An input that states no size is streamed once it passes a part: what has been read
      // goes first, the rest is read from the same open input.
      if (rest != nullptr && large != nullptr && filled > stream_above) {
        *large = true;
        bytes->resize(filled);
        *rest = std::move(file);
        return true;
      }
      if (filled > max_bytes) {
        errors->push_back(TooLarge(path, max_bytes));
        bytes->clear();
        return false;
      }
      bytes->resize(
          static_cast<size_t>(std::min<uintmax_t>(bytes->size() * uintmax_t{2}, max_bytes + 1)));
    }
    const ssize_t got = file->Read(bytes->data() + filled, bytes->size() - filled, errors);
    if (got < 0) return false;
    if (got == 0) break;
    filled += static_cast<size_t>(got);
  }
  bytes->resize(filled);
  return true;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      glean::Diagnostics* problems) {
  return glean::ListInputFiles(inputs, problems);
}

std::optional<glean::RuleSet> LoadRules(const std::vector<std::string>& paths,
                                        bool print_warnings) {
  glean::Result<glean::RuleSet> rules = glean::RuleSet::Load(paths);
  if (!rules.ok() || print_warnings) {
    PrintDiagnostics(rules.diagnostics());
  } else {
    // What a walk of the rule folders skipped is said even when other warnings are not.
    for (const glean::Diagnostic& diagnostic : rules.diagnostics()) {
      if (diagnostic.code == "skipped") PrintDiagnostics({diagnostic});
    }
  }
  if (!rules.ok()) return std::nullopt;
  return std::move(rules).value();
}

void DocumentOptions::AddTo(CLI::App* app) {
  app->add_option("--rules,-r", rule_paths, "Take normalization settings from these rules")
      ->allow_extra_args(false);
  app->add_option("--encoding", encoding_name, "Input encoding (see extract --help)");
}

std::optional<glean::Encoding> EncodingOption(const std::string& name) {
  glean::Encoding encoding;
  if (glean::ParseEncoding(name, &encoding)) return encoding;
  std::fprintf(stderr,
               "extract: error: unknown encoding '%s' (use auto, utf-8, utf-16le, "
               "utf-16be or gb18030)\n",
               name.c_str());
  return std::nullopt;
}

std::optional<glean::Document> LoadOne(const std::string& path, const DocumentOptions& options,
                                       int* status) {
  *status = kExitUsage;
  const std::optional<glean::Encoding> encoding = EncodingOption(options.encoding_name);
  if (!encoding) return std::nullopt;
  glean::NormalizeOptions normalize;
  if (!options.rule_paths.empty()) {
    std::optional<glean::RuleSet> rules = LoadRules(options.rule_paths, false);
    if (!rules) return std::nullopt;
    normalize = rules->normalize_options();
  }
  *status = kExitInputError;
  std::string bytes;
  glean::Diagnostics errors;
  if (!ReadInput(path, &bytes, &errors)) {
    PrintDiagnostics(errors);
    return std::nullopt;
  }
  glean::Result<glean::Document> document =
      glean::Document::Load(path, std::move(bytes), normalize, *encoding);
  PrintDiagnostics(document.diagnostics());
  if (!document.ok()) return std::nullopt;
  *status = kExitOk;
  return std::move(document).value();
}

}  // namespace extract
