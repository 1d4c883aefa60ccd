#include "tools/extract/progress_line.h"

#include <unistd.h>

#include <string>

#include <fmt/format.h>

namespace extract {

namespace {

// A short run says nothing: the line would only flicker. Redrawing more often than a few times a
// second costs writes and cannot be read.
constexpr std::chrono::milliseconds kFirstDrawAfter{500};
constexpr std::chrono::milliseconds kRedrawEvery{250};

void WriteToTerminal(const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
    if (wrote <= 0) return;  // a line that cannot be shown is no reason to stop the run
    done += static_cast<size_t>(wrote);
  }
}

}  // namespace

ProgressLine::ProgressLine(size_t total_files, bool facts_on_stdout)
    : enabled_(::isatty(STDERR_FILENO) == 1 && !(facts_on_stdout && ::isatty(STDOUT_FILENO) == 1)),
      total_files_(total_files),
      start_(Clock::now()),
      last_draw_(start_) {}

void ProgressLine::FileDone(uint64_t bytes, size_t facts) {
  ++files_;
  bytes_ += bytes;
  facts_ += facts;
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  if (now - start_ < kFirstDrawAfter || (drawn_ && now - last_draw_ < kRedrawEvery)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // \r returns to the line's start and \x1b[K clears what a longer earlier line left after it.
  WriteToTerminal(fmt::format("\r{}/{} files  {:.1f} MB/s  {} facts\x1b[K", files_, total_files_,
                              static_cast<double>(bytes_) / 1e6 / seconds, facts_));
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  WriteToTerminal("\r\x1b[K");
  drawn_ = false;
}

}  // namespace extract
