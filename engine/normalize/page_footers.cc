#include "engine/normalize/page_footers.h"

#include <initializer_list>

#include "engine/normalize/line_layout.h"

namespace glean::normalize {

using namespace std::string_view_literals;
namespace {

// A footer line is short: "第 12 页 共 120 页" with spaces is under this.
constexpr size_t kMaxFooterBytes = 48;

// Removes blanks and ideographic spaces at the front of `text`.
void SkipBlanks(std::string_view* text) {
  for (;;) {
    if (!text->empty() && IsBlank(text->front())) {
      text->remove_prefix(1);
    } else if (text->starts_with("\u3000")) {
      text->remove_prefix(3);
    } else {
      return;
    }
  }
}

// Consumes one of `choices` from the front of `text`.
bool Take(std::string_view* text, std::initializer_list<std::string_view> choices) {
  for (std::string_view choice : choices) {
    if (text->starts_with(choice)) {
      text->remove_prefix(choice.size());
      return true;
    }
  }
  return false;
}

// Consumes a run of dashes as page footers are set: - – — ― －.
bool TakeDashes(std::string_view* text) {
  bool any = false;
  while (Take(text, {"-"sv, "\u2013"sv, "\u2014"sv, "\u2015"sv, "\uFF0D"sv})) any = true;
  return any;
}

// Consumes one to three digits, ASCII or full-width.
bool TakePageNumber(std::string_view* text) {
  int digits = 0;
  while (digits < 4) {
    if (!text->empty() && text->front() >= '0' && text->front() <= '9') {
      text->remove_prefix(1);
    } else if (text->size() >= 3 && text->starts_with("\xEF\xBC") &&
               static_cast<unsigned char>((*text)[2]) >= 0x90 &&
               static_cast<unsigned char>((*text)[2]) <= 0x99) {
      text->remove_prefix(3);  // ０ to ９
    } else {
      break;
    }
    ++digits;
  }
  return digits >= 1 && digits <= 3;
}

}  // namespace

bool IsPageFooter(std::string_view line) {
  if (line.size() > kMaxFooterBytes) return false;
  SkipBlanks(&line);
  if (TakeDashes(&line)) {
    // - 3 -, — 12 —
    SkipBlanks(&line);
    if (!TakePageNumber(&line)) return false;
    SkipBlanks(&line);
    if (!TakeDashes(&line)) return false;
  } else if (Take(&line, {"第"sv})) {
    // 第3页, 第 3 页 共 10 页
    SkipBlanks(&line);
    if (!TakePageNumber(&line)) return false;
    SkipBlanks(&line);
    if (!Take(&line, {"页"sv, "頁"sv})) return false;
    SkipBlanks(&line);
    if (Take(&line, {"共"sv})) {
      SkipBlanks(&line);
      if (!TakePageNumber(&line)) return false;
      SkipBlanks(&line);
      if (!Take(&line, {"页"sv, "頁"sv})) return false;
    }
  } else {
    return false;
  }
  SkipBlanks(&line);
  return line.empty();
}

void FindPageFooters(std::string_view text, std::vector<std::pair<size_t, size_t>>* spans) {
  // Spans already given (markup found anywhere in the text) are not this pass's: a footer's span
  // starts after the previous footer's, never at a later markup span's end, which would make it
  // end before it starts.
  const size_t first_own = spans->size();
  // Each line is looked at once, and only its length unless it is short.
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    // A footer has a line before it: one on the first line is a title's page number at most.
    if (begin > 0 && end - begin <= kMaxFooterBytes && end < text.size() &&
        IsPageFooter(text.substr(begin, end - begin))) {
      // The blanks and line breaks before it go with it; those after it stay as the break.
      size_t from = begin;
      while (from > 0 && (text[from - 1] == '\n' || IsBlank(text[from - 1]))) --from;
      if (spans->size() > first_own && spans->back().second > from) from = spans->back().second;
      size_t to = end;
      while (to > begin && IsBlank(text[to - 1])) --to;
      spans->emplace_back(from, to);
    }
    begin = end + 1;
  }
}

}  // namespace glean::normalize
