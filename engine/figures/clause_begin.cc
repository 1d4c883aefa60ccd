#include "engine/figures/clause_begin.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "engine/figures/label_words.h"
#include "engine/figures/text_at.h"

namespace glean::figures {

using label_words::IsClauseMark;

namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool InAsciiRun(char c) {
  return IsAsciiLetter(c) || IsDigit(c) || c == '.' || c == '/' || c == '-' || c == '_';
}

// Where a web address (www.xiebitongdao.com: a dot between letters) in `run` ends, or npos.
size_t AddressEnd(std::string_view run) {
  for (size_t d = run.size(); d-- > 1;) {
    if (run[d] == '.' && d + 1 < run.size() && IsAsciiLetter(run[d - 1]) &&
        IsAsciiLetter(run[d + 1])) {
      size_t end = d + 1;
      while (end < run.size() && IsAsciiLetter(run[end])) ++end;
      return end;
    }
  }
  return std::string_view::npos;
}

// Whether `at` is inside quotation marks that close before `end`: a “ before it with no ” between
// and a ” after it, a few words away each (“科学家+工程师”).
bool InsideQuotes(std::string_view text, size_t at, size_t end) {
  constexpr size_t kReach = 10 * 3;
  const size_t from = at > kReach ? at - kReach : 0;
  const std::string_view before = text.substr(from, at - from);
  const size_t open = before.rfind("“");
  if (open == std::string_view::npos || before.find("”", open) != std::string_view::npos) {
    return false;
  }
  return end > at &&
         text.substr(at, std::min(kReach, end - at)).find("”") != std::string_view::npos;
}

}  // namespace

size_t ClauseBegin(std::string_view text, size_t end, size_t floor) {
  const std::array<bool, 256>& mark_leads = label_words::ClauseMarkLeads();
  size_t p = end;
  while (p > floor) {
    if (InAsciiRun(text[p - 1])) {
      // A web address (a sharing site's, copied with the report) names nothing a figure counts
      // and ends the clause before it; a line broken inside it leaves a space that would cut a
      // label there instead.
      size_t run_begin = p - 1;
      while (run_begin > floor && InAsciiRun(text[run_begin - 1])) --run_begin;
      if (const size_t address = AddressEnd(text.substr(run_begin, p - run_begin));
          address != std::string_view::npos) {
        return run_begin + address;
      }
      p = run_begin;
      continue;
    }
    size_t begin = p - 1;
    while (begin > floor && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    const std::string_view character = text.substr(begin, p - begin);
    // “4+4科创工程”, “1+N”, “科学家+工程师”团队: a + between numbers or inside quotation marks is
    // part of a name, not of a breakdown.
    const bool in_name = text[begin] == '+' && begin > 0 && p < end &&
                         ((IsDigit(text[begin - 1]) && (IsDigit(text[p]) || text[p] == 'N')) ||
                          InsideQuotes(text, begin, end));
    if (mark_leads[static_cast<unsigned char>(text[begin])] && IsClauseMark(character) &&
        !in_name) {
      return p;
    }
    // …工作报告(1)一、2020年工作和“十三五”发展回顾2020年全年生产总值: a page's title and heading
    // run into the first sentence end where the heading's word does.
    // (顾 and 告 end in BE and 8A: a byte rules out most characters.)
    const char last = text[p - 1];
    if ((last == '\xBE' || last == '\x8A') && p < end &&
        ((StartsWithAt(text, begin, "顾") && EndsWithAt(text, begin, "回")) ||
         (StartsWithAt(text, begin, "告") && EndsWithAt(text, begin, "工作报")))) {
      return p;
    }
    p = begin;
  }
  return floor;
}

}  // namespace glean::figures
