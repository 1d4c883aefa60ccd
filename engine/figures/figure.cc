#include "glean/figure.h"

#include <fmt/format.h>

namespace glean {

std::string Period::ToString() const {
  if (!known()) return {};
  if (last == first) return fmt::format("{}", first);
  return fmt::format("{}-{}", first, last);
}

namespace {
constexpr const char* kStatusNames[] = {"result", "plan", "expected", "target"};
}  // namespace

const char* FigureStatusName(FigureStatus status) { return kStatusNames[static_cast<int>(status)]; }

bool ParseFigureStatus(std::string_view name, FigureStatus* status) {
  for (int i = 0; i < 4; ++i) {
    if (name == kStatusNames[i]) {
      *status = static_cast<FigureStatus>(i);
      return true;
    }
  }
  return false;
}

}  // namespace glean
