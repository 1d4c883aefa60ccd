#include "engine/source/offset_map.h"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>

namespace glean::source {

namespace {

size_t ToEnd(const OffsetMap::Run& run) { return run.to_start + size_t{run.to_len} * run.count; }
size_t FromEnd(const OffsetMap::Run& run) {
  return run.from_start + size_t{run.from_len} * run.count;
}

}  // namespace

void OffsetMap::Builder::AppendRun(size_t to_len, size_t from_len) {
  if (to_len == 0 && from_len == 0) return;
  // A long dropped span (a stripped block, a run of blank lines) is split into pieces the run's
  // 32-bit length holds.
  constexpr size_t kMaxFrom = UINT32_MAX;
  while (from_len > kMaxFrom) {
    Append(0, kMaxFrom);
    from_len -= kMaxFrom;
  }
  if (ExtendLast(to_len, from_len)) return;
  Run run;
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    run.to_start = ToEnd(last);
    run.from_start = FromEnd(last);
  }
  run.to_len = static_cast<uint16_t>(to_len);
  run.from_len = static_cast<uint32_t>(from_len);
  run.count = 1;
  run.atomic = true;
  runs_.push_back(run);
}

void OffsetMap::Builder::CopyRuns(size_t len) {
  while (len > 0) {
    if (!runs_.empty() && !runs_.back().atomic && runs_.back().count < UINT32_MAX) {
      const size_t take = std::min<size_t>(len, UINT32_MAX - runs_.back().count);
      runs_.back().count += static_cast<uint32_t>(take);
      len -= take;
      continue;
    }
    Run run;
    if (!runs_.empty()) {
      run.to_start = ToEnd(runs_.back());
      run.from_start = FromEnd(runs_.back());
    }
    run.to_len = 1;
    run.from_len = 1;
    run.count = 0;
    run.atomic = false;
    runs_.push_back(run);
  }
}

OffsetMap OffsetMap::Builder::Build() && {
  OffsetMap map;
  map.runs_ = std::move(runs_);
  return map;
}

OffsetMap OffsetMap::Identity(size_t size) {
  Builder builder;
  builder.Copy(size);
  return std::move(builder).Build();
}

size_t OffsetMap::MapStart(size_t to) const {
  // The last run beginning at or before `to` that produces bytes; skips before it are passed over.
  auto it = std::upper_bound(runs_.begin(), runs_.end(), to,
                             [](size_t value, const Run& run) { return value < run.to_start; });
  while (it != runs_.begin()) {
    const Run& run = *(it - 1);
    if (run.to_len > 0 && to < ToEnd(run)) {
      size_t k = to - run.to_start;
      if (!run.atomic) return run.from_start + k;
      return run.from_start + (k / run.to_len) * run.from_len;
    }
    if (run.to_len > 0) break;  // `to` is at or past this run's end
    --it;
  }
  return from_size();
}

size_t OffsetMap::MapEnd(size_t to) const {
  // The last producing run that begins strictly before `to`; skips after it are not included.
  auto it = std::lower_bound(runs_.begin(), runs_.end(), to,
                             [](const Run& run, size_t value) { return run.to_start < value; });
  while (it != runs_.begin()) {
    const Run& run = *(it - 1);
    if (run.to_len > 0) {
      size_t k = std::min(to, ToEnd(run)) - run.to_start;
      if (!run.atomic) return run.from_start + k;
      return run.from_start + ((k + run.to_len - 1) / run.to_len) * run.from_len;
    }
    --it;
  }
  return 0;
}

size_t OffsetMap::to_size() const { return runs_.empty() ? 0 : ToEnd(runs_.back()); }
size_t OffsetMap::from_size() const { return runs_.empty() ? 0 : FromEnd(runs_.back()); }
size_t OffsetMap::run_count() const { return runs_.size(); }

std::string OffsetMap::Describe() const {
  std::string out;
  for (const Run& run : runs_) {
    const char* kind = !run.atomic ? "copy" : run.to_len == 0 ? "drop" : "change";
    out += fmt::format("to [{}, {}) <- from [{}, {})  {}", run.to_start, ToEnd(run), run.from_start,
                       FromEnd(run), kind);
    if (run.atomic && run.count > 1) {
      out += fmt::format(" x{} ({} <- {} bytes each)", run.count, run.to_len, run.from_len);
    }
    out += '\n';
  }
  return out;
}

}  // namespace glean::source
