// The parts of a loaded document, one per stage that produced them.
#ifndef GLEAN_ENGINE_DOCUMENT_IMPL_H_
#define GLEAN_ENGINE_DOCUMENT_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/normalize/normalizer.h"
#include "engine/source/decoder.h"
#include "engine/structure/structure.h"
#include "glean/document.h"

namespace glean::internal {

struct DocumentImpl {
  std::string name;
  source::DecodedText decoded;
  normalize::NormalizedText normalized;
  structure::DocumentStructure structure;
  std::vector<size_t> line_starts;  // decoded-text offsets where each line begins
};

class DocumentAccess {
 public:
  static Document Make(std::unique_ptr<DocumentImpl> impl) { return Document(std::move(impl)); }
  static const DocumentImpl& Impl(const Document& document) { return *document.impl_; }
};

// Loads a document with an already compiled normalizer, so an engine compiles its strip patterns
// once, not once per document.
Result<Document> LoadDocument(std::string name, std::string bytes,
                              const normalize::Normalizer& normalizer, Encoding encoding);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_DOCUMENT_IMPL_H_
