// The report header: what a report says about itself in its first lines (title, issuer, date) and
// the years that follow from them.
//
// Input: the normalized text and where its first heading starts. Output: DocumentInfo. Design
// decision: the header is read from the text's head only (the lines before the first heading, in
// the first kWrapSampleBytes), so a text read in parts gets the document facts of the whole.
#ifndef GLEAN_ENGINE_STRUCTURE_REPORT_HEADER_H_
#define GLEAN_ENGINE_STRUCTURE_REPORT_HEADER_H_

#include <optional>
#include <string_view>

#include "glean/document.h"

namespace glean::structure {

// Reads the header of `text`, whose first heading starts at `first_heading` (text.size() when
// there is none) and whose first heading's text is `heading_text` (empty when none).
//
// Lines of web-page furniture (下载 打印, 【字号:…】, 来源:…, 时间:…, photo captions …摄) are
// passed over. `title` is the first line naming a report; `issuer` a line ending in an issuing
// body (…人民政府) or in an office and a name (…省长 某某); `date` a date line, or the delivery
// line (——2026年1月25日在…会议上, also in Chinese numerals).
//
// `report_year` is the year of the date, else of the title. `year` is the period the report
// reviews: a government work report (政府工作报告, or one delivered to a people's congress)
// delivered in the first half of a year reviews the year before, one delivered later its own
// year, and one with no date the year before its title's; any other report (工作总结, 半年总结)
// the year of its title, else of its first heading, else of its first paragraph's opening, else
// of its date (the year before it when dated in January or February), else of the first budget
// year the text's head names (九十三年度). Years of the Republic of China calendar (民国106年,
// and 106年 or 九十三年度 in a text that says 民国 or names a 公所 or 代表会) are converted;
// placeholders (20XX年) give no year. A document-sharing site's notice and a file-name line
// (….docx) are furniture.
DocumentInfo ReadReportHeader(std::string_view text, size_t first_heading,
                              std::string_view heading_text, size_t heading_end);

// The first year stated in `s` (2021年, 二〇二一年, 民国106年, and 106年 when `roc`), or none.
std::optional<int> FirstYear(std::string_view s, bool roc);

// Whether the text's head marks it as written in Taiwan, where years count from 1912 (民国).
bool UsesRocYears(std::string_view text);

// The currencies `text` names: New Taiwan dollars (新台币, 台币; 新臺幣 once normalized, or a
// head written in Taiwan, see UsesRocYears) and renminbi (人民币). One search through the text
// for 台币; 人民币 is looked for only when Taiwan dollars are (`renminbi` is false otherwise,
// whatever the text says).
struct NamedCurrencies {
  bool new_taiwan_dollar = false;
  bool renminbi = false;
};
NamedCurrencies CurrenciesNamed(std::string_view text);

}  // namespace glean::structure

#endif  // GLEAN_ENGINE_STRUCTURE_REPORT_HEADER_H_
