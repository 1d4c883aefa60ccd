// The engine: runs a rule set over documents and returns facts.
#ifndef GLEAN_ENGINE_H_
#define GLEAN_ENGINE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "glean/document.h"
#include "glean/fact.h"
#include "glean/options.h"
#include "glean/result.h"
#include "glean/rule_set.h"

namespace glean {

namespace internal {
struct EnginePipeline;
struct Placement;
}  // namespace internal

// An Engine is immutable after Create and safe to use from several threads at once: documents flow
// through independently while the compiled rules are shared read-only.
class Engine {
 public:
  static Result<Engine> Create(RuleSet rules, ExtractOptions options = {});

  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  Engine(const Engine&) = delete;  // owns the multi-rule matcher; share it by reference
  Engine& operator=(const Engine&) = delete;
  ~Engine();

  // Decodes, normalizes and structures `bytes` with the rule set's normalization, then extracts.
  // Fails when the input cannot be decoded; warnings (invalid UTF-8) come with the facts.
  Result<std::vector<Fact>> Extract(std::string name, std::string bytes) const;

  // Facts of an already loaded document, by start offset (then end, then rule order).
  // REQUIRES: `document` was loaded with rules().normalize_options().
  std::vector<Fact> Extract(const Document& document) const;

  // Loads a document as Extract(name, bytes) does, with the normalization the rules were compiled
  // with (its tables are shared, not built again).
  Result<Document> Load(std::string name, std::string bytes) const;

  // Calls `visit` with each fact of `document`, in Extract's order. The Fact is one object reused
  // from call to call, its strings and vectors keeping their buffers, so a run that streams facts
  // out costs no allocation per string of every fact; copy it to keep it.
  // REQUIRES: as for Extract(const Document&).
  void ForEachFact(const Document& document, const std::function<void(const Fact&)>& visit) const;

  const RuleSet& rules() const { return rules_; }
  const ExtractOptions& options() const { return options_; }

 private:
  friend class FactStream;
  Engine(RuleSet rules, ExtractOptions options, std::unique_ptr<internal::EnginePipeline> pipeline);
  // ForEachFact for a document that is one part of a larger input.
  void EmitFacts(const Document& document, const internal::Placement& placement,
                 const std::function<void(const Fact&)>& visit) const;

  RuleSet rules_;
  ExtractOptions options_;
  std::unique_ptr<internal::EnginePipeline> pipeline_;  // the compiled normalizer and matcher
};

// Extraction from one input too large to hold at once, given in pieces (a 1 GB report is read a
// few megabytes at a time). Each part of about `part_bytes` is extracted as soon as it is whole,
// cut right after a line that ends a sentence, where normalization never joins lines. Headings
// open at a cut enclose what follows it, the report's year and document fact come from the first
// part, and facts carry their offsets and lines in the whole input: the facts are those of the
// input extracted at once, unless a match would span a cut (a cut falls between sentences, and at
// any line break only in a part with no sentence end at a line's end).
// UTF-8 and UTF-16 input (a BOM or the forced encoding; a UTF-16 part is cut after a line break's
// code unit); GB18030 input, forced or detected, is gathered and extracted whole by Finish. A line
// with no break for 8 MB (or two parts) is cut between two characters, with a warning.
class FactStream {
 public:
  // Parts of a few MB: larger ones are slower per byte (their tables outgrow the caches, and
  // each part's buffers are fresh memory) as well as bigger.
  static constexpr size_t kDefaultPartBytes = size_t{4} << 20;

  // REQUIRES: `engine` outlives the stream.
  FactStream(const Engine& engine, std::string name, std::function<void(const Fact&)> visit,
             size_t part_bytes = kDefaultPartBytes);
  FactStream(FactStream&&) noexcept;
  FactStream& operator=(FactStream&&) noexcept;
  ~FactStream();

  // The input's next bytes. Returns what went wrong or is notable; once an error is returned (a
  // NUL byte: binary input), the stream takes nothing more.
  Diagnostics Feed(std::string_view bytes);
  // The end of the input: extracts what is left; warns once for invalid UTF-8 across all parts.
  Diagnostics Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace glean

#endif  // GLEAN_ENGINE_H_
