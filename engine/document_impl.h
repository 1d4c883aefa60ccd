// The parts of a loaded document, one per stage that produced them.
#ifndef GLEAN_ENGINE_DOCUMENT_IMPL_H_
#define GLEAN_ENGINE_DOCUMENT_IMPL_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/figures/figure_context.h"
#include "engine/figures/period.h"
#include "engine/normalize/normalizer.h"
#include "engine/source/decoder.h"
#include "engine/structure/structure.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::internal {

// A document's figures, found the first time they are asked for (FiguresOf), and the sentences
// and headings read for their periods and statuses, which the rule facts' take.
struct FigureCache {
  std::once_flag once;
  std::atomic<bool> found{false};  // `figures` holds them, complete
  std::vector<Figure> figures;
  figures::SentenceReadings sentences;
  figures::SectionNotes sections;
};

struct DocumentImpl {
  std::string name;
  source::DecodedText decoded;
  normalize::NormalizedText normalized;
  structure::DocumentStructure structure;
  std::vector<size_t> line_starts;  // decoded-text offsets where each line begins
  std::unique_ptr<FigureCache> figures = std::make_unique<FigureCache>();
  // The years periods are read against, when the document is a later part of one input: those
  // of its first part, where the report's header is. Else read from the document's own header.
  std::optional<figures::ReportYears> years;
};

class DocumentAccess {
 public:
  static Document Make(std::unique_ptr<DocumentImpl> impl) { return Document(std::move(impl)); }
  static const DocumentImpl& Impl(const Document& document) { return *document.impl_; }
};

// Where a document's facts sit in the input it is a part of (FactStream); for a whole input,
// all defaults.
struct Placement {
  uint64_t offset = 0;      // input bytes before the document
  int lines = 0;            // lines before it
  std::optional<int> year;  // the report's year, from the first part; else from the document
  // The years periods are read against, from the first part; else from the document.
  std::optional<figures::ReportYears> figure_years;
  bool document_fact = true;
};

// The year a report covers, for values like 3月: the period it reviews, else the year it was
// issued; 0 if neither.
int ReportYear(const DocumentInfo& info);

// Loads a document with an already compiled normalizer, so an engine compiles its strip patterns
// once, not once per document. With `carry`, the text continues an earlier part of one input;
// with `layout`, the text's line layout is the one given (that of the whole input) rather than
// read from the text; with `years`, figures are dated against those years (the first part's).
Result<Document> LoadDocument(std::string name, std::string bytes,
                              const normalize::Normalizer& normalizer, Encoding encoding,
                              const structure::StructureCarry* carry = nullptr,
                              const normalize::LineLayout* layout = nullptr,
                              const figures::ReportYears* years = nullptr);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_DOCUMENT_IMPL_H_
