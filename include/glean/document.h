// A document: an input's bytes decoded, normalized and given structure, ready for matching.
#ifndef GLEAN_DOCUMENT_H_
#define GLEAN_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "glean/options.h"
#include "glean/result.h"

namespace glean {

namespace internal {
struct DocumentImpl;
class DocumentAccess;
}  // namespace internal

// A place in the original input.
struct SourceSpan {
  uint64_t start = 0;  // byte offset in the input, in its own encoding
  uint64_t end = 0;    // exclusive
  int line = 0;        // 1-based
  int column = 0;      // 1-based, in code points
};

// A heading of the document's outline.
struct Heading {
  int level = 1;     // 1 is outermost
  std::string text;  // normalized, trimmed
  int line = 0;      // 1-based line in the original
  size_t begin = 0;  // byte range of the heading line in the normalized text
  size_t end = 0;
};

// What a report says about itself, each member set where the report states it.
struct DocumentInfo {
  std::optional<std::string> title;
  std::optional<std::string> issuer;
  std::optional<std::string> date;  // ISO 8601: "2023-12-10" or "2022-02"
  std::optional<int> year;          // the year the report covers
  std::optional<int> report_year;  // the year the report was issued (its date, else its title)
  size_t begin = 0;                 // normalized byte range of the header lines it came from
  size_t end = 0;
  // Normalized byte ranges of the lines title, issuer and date were read from.
  std::pair<size_t, size_t> title_span, issuer_span, date_span;
};

// Holds the whole text in two forms; not copyable (a copy is never needed and may be a gigabyte),
// movable. Immutable after Load, safe to read from several threads.
class Document {
 public:
  // Decodes `bytes` (see Encoding), normalizes and structures the text. Fails for binary input or
  // when a forced encoding cannot decode; warns (and goes on) for invalid sequences.
  static Result<Document> Load(std::string name, std::string bytes, const NormalizeOptions& options,
                               Encoding encoding = Encoding::kAuto);

  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  ~Document();

  const std::string& name() const;
  Encoding encoding() const;  // the encoding actually used

  // The text rules match against.
  std::string_view normalized() const;

  // Maps the normalized byte range [begin, end) to the original bytes that produced it: a start
  // inside a changed span snaps to the span's start, an end to the span's end.
  SourceSpan ToSource(size_t begin, size_t end) const;

  // Where the previous lookup of a run ended. Columns are counted in code points from the start of
  // the line; lookups in document order through one cursor count each stretch once instead of
  // from the line start every time (report lines run to kilobytes).
  struct Cursor {
    size_t decoded_offset = 0;
    int line = 0;
    int column = 0;
  };
  // As above; `cursor` may be used for any lookups, in order or not, and is updated.
  SourceSpan ToSource(size_t begin, size_t end, Cursor* cursor) const;
  // The original text of a normalized range, decoded to UTF-8.
  std::string_view OriginalText(size_t begin, size_t end) const;

  const std::vector<Heading>& headings() const;
  // Enclosing headings of a normalized offset, outermost first.
  std::vector<const Heading*> SectionAt(size_t offset) const;
  // The normalized byte range of the sentence containing [begin, end).
  std::pair<size_t, size_t> SentenceAt(size_t begin, size_t end) const;
  const DocumentInfo& info() const;

  // A readable listing of the offset map, one changed span a line, for `extract normalize --map`.
  std::string DescribeOffsetMap() const;

  const internal::DocumentImpl& impl() const { return *impl_; }

 private:
  friend class internal::DocumentAccess;  // the engine builds documents with its own normalizer
  explicit Document(std::unique_ptr<internal::DocumentImpl> impl);
  std::unique_ptr<internal::DocumentImpl> impl_;
};

}  // namespace glean

#endif  // GLEAN_DOCUMENT_H_
