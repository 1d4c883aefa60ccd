// The words labels are read with: what is trimmed from a clause's ends (time, scope, fillers),
// the verbs a label begins with or holds, the nouns too general to name a figure alone, and the
// marks that end a clause. Shared by label.cc (the clause before a figure) and noun_after.cc
// (the noun after it). Part of the figures stage (figures.h).
#ifndef GLEAN_ENGINE_FIGURES_LABEL_WORDS_H_
#define GLEAN_ENGINE_FIGURES_LABEL_WORDS_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace glean::figures::label_words {

// The longest verb `text` starts with, of the verbs a label may begin with (完成, 新建, 种植 …);
// empty when none. The view is of the word list, not of `text`.
std::string_view FrontVerbAt(std::string_view text);

// The verb `text` starts with as FrontVerbAt finds it, or an adverb of newness or manner joined to
// the verb after it (新培育, 重点建设, 加快完善, 再推出), when that is longer; empty when none. The
// view is of `text`.
std::string_view FrontVerbRunAt(std::string_view text);

// The verb of that list `words` ends with (新能源开工 → 开工), the longest; empty when none. The
// view is of `words`.
std::string_view VerbAtEnd(std::string_view words);

// The second verb of a pair that `text` starts with (改建, 扩建, 提升 …), asked only after another
// verb (新建改建, 新建和改造提升); empty when none. The view is of `text`.
std::string_view SecondVerbAt(std::string_view text);

// The same, of the fewer verbs that act inside a clause after words of its own (消费品以旧换新
// 带动销售额): words such as 服务 and 建设 end nouns too.
std::string_view InnerVerbAt(std::string_view text);

// The same, of the words that join a label to its figure (达到, 为, 共计 …).
std::string_view TrailingWordAt(std::string_view text);

// Whether `words` is a noun too general to name a figure alone (率, 资金, 对象 …).
bool IsGeneralNoun(std::string_view words);

// Whether `words` is a measure that names no thing of its own (占比, 就业, 开行, 产量 …): the
// words before it in its clause say what is measured.
bool IsBareMeasure(std::string_view words);

// Whether `words` open with a 和 that begins a word of its own (和美乡村, 和谐社区, 和平) rather
// than joining two things.
bool OpensWithWordOfHe(std::string_view words);

// Whether `verb` only obtains, spends or completes (完成, 争取, 投入 …).
bool IsLightVerb(std::string_view verb);

// Whether `verb` names the activity counted (救助, 走访, 改造 …).
bool IsActivityVerb(std::string_view verb);

// Strips one time, place, scope or filler word (or a date, or a preposition when `prepositions`)
// from the front of `text`; false when there is none.
bool StripLeading(std::string_view* text, bool prepositions = true);

// Strips the number of a list item `text` begins with: 六是, 十五是, 第三是 (Chinese numerals and
// 是), 5. and 5、 (digits and a point or a list's comma before a character, not a decimal). They
// order the speech's points and name nothing counted. Returns whether it did.
bool StripEnumerator(std::string_view* text);

// Strips a closing note "the same below", (下同), and then a count of years it was written for
// (五年(下同), 5年(下同)): they name the span, not what is counted. Returns whether it did.
bool StripSameBelow(std::string_view* text);

// Strips one joining word (达到, 为, 了 …) or a trailing year from the end of `text`; false when
// there is none.
bool StripTrailing(std::string_view* text);

// Strips a comparison base from the end of `text` (生产安全事故起数较“十三五”同期 →
// 生产安全事故起数; 较上年, 较去年): it names nothing counted. Returns whether it did.
bool StripComparisonBase(std::string_view* text);

// The byte length of the UTF-8 character at `at`.
size_t CharLength(std::string_view text, size_t at);

// `words` without quotation marks (“”, ") and layout blanks between two words.
std::string WithoutQuotes(std::string_view words);

// Takes 进行 out of a label where words come before it (对北陈社区进行上下水改造工程 →
// 北陈社区上下水改造工程): it joins the thing worked on to the work and names neither.
void DropJoiningVerb(std::string* label);

// Whether `character` (one UTF-8 character) ends a clause: ，。；：！？, their ASCII forms, a line
// end, and + (the parts of a breakdown). 、 does not.
bool IsClauseMark(std::string_view character);
// Whether some clause mark starts with each byte: a byte that starts none rules a character out
// without IsClauseMark's lookup (for a walk over every character of a clause).
const std::array<bool, 256>& ClauseMarkLeads();

// The word of the report's own area (全镇, 我县 …) that `words` ends with, or empty.
std::string_view OwnAreaAtEnd(std::string_view words);

// The kind of firm that `words` end with when it narrows an indicator by size or ownership
// (规模企业, 限上企业, 省属企业): the subject of 规模企业实现工业总产值 names a part of the
// total, not who reports it. Empty otherwise, and for firms in general (企业).
std::string_view NarrowingFirmsAtEnd(std::string_view words);

}  // namespace glean::figures::label_words

#endif  // GLEAN_ENGINE_FIGURES_LABEL_WORDS_H_
