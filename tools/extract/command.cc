#include "tools/extract/command.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

namespace extract {

namespace fs = std::filesystem;

void PrintDiagnostics(const glean::Diagnostics& diagnostics) {
  for (const glean::Diagnostic& diagnostic : diagnostics) {
    std::fprintf(stderr, "%s\n", diagnostic.ToString().c_str());
  }
}

glean::Diagnostic IoError(const std::string& path, const std::string& what) {
  return glean::Diagnostic::Error("io", {path, 0, 0}, what);
}

InputFile::InputFile(std::string path, glean::Diagnostics* errors)
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

bool ReadInput(const std::string& path, std::string* bytes, glean::Diagnostics* errors,
               uintmax_t stream_above, bool* large) {
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
