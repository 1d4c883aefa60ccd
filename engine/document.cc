#include "glean/document.h"

#include <algorithm>
#include <utility>

#include "engine/document_impl.h"
#include "engine/source/byte_search.h"

namespace glean {

namespace internal {

namespace {

std::vector<size_t> LineStarts(std::string_view text) {
  std::vector<size_t> starts{0};
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    starts.push_back(i + 1);
  }
  return starts;
}

}  // namespace

Result<Document> LoadDocument(std::string name, std::string bytes,
                              const normalize::Normalizer& normalizer, Encoding encoding,
                              const structure::StructureCarry* carry,
                              const normalize::LineLayout* layout,
                              const figures::ReportYears* years) {
  auto impl = std::make_unique<DocumentImpl>();
  impl->name = std::move(name);
  if (years != nullptr) impl->years = *years;
  // The bytes are handed over: valid UTF-8 becomes the decoded text without a copy, and the
  // original text is read from the decoded form from then on.
  Result<source::DecodedText> decoded = source::DecodeOwned(std::move(bytes), encoding, impl->name);
  if (!decoded.ok()) return Result<Document>::Failure(std::move(decoded.diagnostics()));
  Diagnostics warnings = std::move(decoded.diagnostics());
  impl->decoded = std::move(decoded).value();
  impl->line_starts = LineStarts(impl->decoded.text);
  impl->normalized = layout != nullptr ? normalizer.Normalize(impl->decoded.text, *layout)
                                       : normalizer.Normalize(impl->decoded.text);
  // Wrapping is judged on the text as read: normalization may already have joined some of the
  // wrapped lines, leaving a text of mixed widths whose first lines of paragraphs look like titles.
  std::optional<structure::WrapJudgement> wrap;
  if (carry == nullptr) {
    wrap = structure::JudgeWrap(impl->decoded.text);
    wrap->joining = impl->normalized.layout;
  }
  impl->structure = structure::DocumentStructure::Build(impl->normalized.text, carry, wrap,
                                                        impl->normalized.cut_breaks);
  Document document = DocumentAccess::Make(std::move(impl));
  return Result<Document>(std::move(document), std::move(warnings));
}

int ReportYear(const DocumentInfo& info) {
  if (info.year) return *info.year;
  return info.report_year.value_or(0);
}

}  // namespace internal

Document::Document(std::unique_ptr<internal::DocumentImpl> impl) : impl_(std::move(impl)) {
  for (Heading& heading : impl_->structure.mutable_headings()) {
    // Headings carried from an earlier part of an input (FactStream) keep the line set there, in
    // that part's numbering: parts use headings for the section paths of facts, by their text.
    if (heading.line == 0) heading.line = ToSource(heading.begin, heading.begin).line;
  }
}

Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Result<Document> Document::Load(std::string name, std::string bytes,
                                const NormalizeOptions& options, Encoding encoding) {
  Result<normalize::Normalizer> normalizer = normalize::Normalizer::Create(options);
  if (!normalizer.ok()) return Result<Document>::Failure(std::move(normalizer.diagnostics()));
  return internal::LoadDocument(std::move(name), std::move(bytes), normalizer.value(), encoding);
}

const std::string& Document::name() const { return impl_->name; }
Encoding Document::encoding() const { return impl_->decoded.encoding; }
std::string_view Document::normalized() const { return impl_->normalized.text; }

SourceSpan Document::ToSource(size_t begin, size_t end) const {
  Cursor cursor;
  return ToSource(begin, end, &cursor);
}

SourceSpan Document::ToSource(size_t begin, size_t end, Cursor* cursor) const {
  const size_t decoded_begin = impl_->normalized.map.MapStart(begin);
  const size_t decoded_end =
      end > begin ? std::max(decoded_begin, impl_->normalized.map.MapEnd(end)) : decoded_begin;
  SourceSpan span;
  span.start = impl_->decoded.map.MapStart(decoded_begin);
  span.end = std::max<uint64_t>(span.start, impl_->decoded.map.MapEnd(decoded_end));
  const auto& starts = impl_->line_starts;
  auto line = std::upper_bound(starts.begin(), starts.end(), decoded_begin) - 1;
  span.line = static_cast<int>(line - starts.begin()) + 1;
  size_t from = *line;
  int column = 1;
  if (cursor->line == span.line && cursor->decoded_offset <= decoded_begin) {
    from = cursor->decoded_offset;
    column = cursor->column;
  }
  const std::string& text = impl_->decoded.text;
  if (from < decoded_begin && from < text.size()) {
    column += static_cast<int>(
        source::CountCodePoints(std::string_view(text).substr(from, decoded_begin - from)));
  }
  span.column = column;
  *cursor = Cursor{decoded_begin, span.line, column};
  return span;
}

std::string_view Document::OriginalText(size_t begin, size_t end) const {
  const size_t decoded_begin = impl_->normalized.map.MapStart(begin);
  const size_t decoded_end = std::max(decoded_begin, impl_->normalized.map.MapEnd(end));
  return std::string_view(impl_->decoded.text).substr(decoded_begin, decoded_end - decoded_begin);
}

const std::vector<Heading>& Document::headings() const { return impl_->structure.headings(); }

std::vector<const Heading*> Document::SectionAt(size_t offset) const {
  std::vector<const Heading*> path;
  for (int index : impl_->structure.PathAt(offset)) path.push_back(&headings()[index]);
  return path;
}

std::pair<size_t, size_t> Document::SentenceAt(size_t begin, size_t end) const {
  return impl_->structure.SentenceAt(impl_->normalized.text, begin, end);
}

const DocumentInfo& Document::info() const { return impl_->structure.info(); }

std::string Document::DescribeOffsetMap() const {
  return "# normalized -> decoded (UTF-8)\n" + impl_->normalized.map.Describe() +
         "# decoded -> input bytes (" + EncodingName(impl_->decoded.encoding) + ")\n" +
         impl_->decoded.map.Describe();
}

}  // namespace glean
