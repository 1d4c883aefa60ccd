// A progress line on standard error for long runs: files done of all, MB/s and facts so far,
// redrawn in place. Only for a person watching a terminal: silent when standard error is not one
// (a log, a pipe) and when the facts themselves go to that terminal, whose lines it would break.
#ifndef GLEAN_TOOLS_EXTRACT_PROGRESS_LINE_H_
#define GLEAN_TOOLS_EXTRACT_PROGRESS_LINE_H_

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace extract {

class ProgressLine {
 public:
  // `total_files` inputs are to come. `facts_on_stdout`: the facts are written to standard
  // output (no -o file), so the line is drawn only when that is not a terminal.
  ProgressLine(size_t total_files, bool facts_on_stdout);
  ProgressLine(const ProgressLine&) = delete;  // owns what the terminal shows
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { Clear(); }

  // One more input done, of `bytes` bytes with `facts` facts. Redraws the line when the run has
  // gone on for half a second, at most four times a second.
  void FileDone(uint64_t bytes, size_t facts);
  // Takes the line away, so a message or the shell's prompt starts on a clean line; the next
  // FileDone draws it again.
  void Clear();

 private:
  using Clock = std::chrono::steady_clock;

  bool enabled_;
  size_t total_files_;
  size_t files_ = 0;
  uint64_t bytes_ = 0;
  size_t facts_ = 0;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace extract

#endif  // GLEAN_TOOLS_EXTRACT_PROGRESS_LINE_H_
