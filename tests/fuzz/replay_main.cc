// Runs a libFuzzer target's entry point over files, without libFuzzer, so that any compiler can
// build it: the ordinary test build replays every committed corpus input (crash inputs included)
// as a regression test, and a profiler run on it sees the target's own work and not the
// fuzzer's bookkeeping.
//
//   TARGET_replay [--repeat=N] FILE_OR_DIRECTORY...
//
// Exits 0 when every input ran (a failed check aborts, as under libFuzzer), 2 on a usage error or
// an unreadable input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

namespace fs = std::filesystem;

bool AddInputs(const fs::path& path, std::vector<fs::path>* inputs) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    inputs->push_back(path);
    return true;
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error)) files.push_back(it->path());
  }
  if (error) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), error.message().c_str());
    return false;
  }
  std::sort(files.begin(), files.end());  // a fixed order, so a run is repeatable
  inputs->insert(inputs->end(), files.begin(), files.end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  long repeat = 1;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--repeat=")) {
      repeat = std::strtol(argv[i] + 9, nullptr, 10);
      if (repeat < 1) {
        std::fprintf(stderr, "--repeat takes a positive count\n");
        return 2;
      }
    } else if (!AddInputs(argv[i], &inputs)) {
      return 2;
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: %s [--repeat=N] FILE_OR_DIRECTORY...\n", argv[0]);
    return 2;
  }
  std::vector<std::string> contents;
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "%s: cannot read\n", input.c_str());
      return 2;
    }
    contents.push_back(std::move(bytes));
  }
  for (long round = 0; round < repeat; ++round) {
    for (const std::string& bytes : contents) {
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    }
  }
  std::printf("%zu inputs replayed %ld time%s\n", contents.size(), repeat, repeat == 1 ? "" : "s");
  return 0;
}
