#include "glean/figure.h"

#include <fmt/format.h>

#include <mutex>

#include "engine/document_impl.h"
#include "engine/figures/figures.h"

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

namespace {
constexpr const char* kExceptNames[] = {"", "outline", "set_phrase", "web_page"};
}  // namespace

const char* FigureExceptName(FigureExcept excepted) {
  return kExceptNames[static_cast<int>(excepted)];
}

bool ParseFigureExcept(std::string_view name, FigureExcept* excepted) {
  for (int i = 1; i < 4; ++i) {
    if (name == kExceptNames[i]) {
      *excepted = static_cast<FigureExcept>(i);
      return true;
    }
  }
  return false;
}

std::string FigureChange::ToString() const {
  const Decimal* number = std::get_if<Decimal>(&value.value);
  if (number == nullptr) return {};
  if (multiple) return "×" + number->ToString();
  const std::string text = number->ToString();
  return (text.starts_with("-") ? "" : "+") + text + value.unit;
}

const std::vector<Figure>& FiguresOf(const Document& document) {
  internal::FigureCache& cache = *internal::DocumentAccess::Impl(document).figures;
  std::call_once(cache.once, [&] {
    cache.figures = figures::Find(document, &cache.sentences, &cache.sections);
  });
  return cache.figures;
}

}  // namespace glean
