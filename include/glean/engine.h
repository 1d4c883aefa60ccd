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
}

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
  Engine(RuleSet rules, ExtractOptions options, std::unique_ptr<internal::EnginePipeline> pipeline);

  RuleSet rules_;
  ExtractOptions options_;
  std::unique_ptr<internal::EnginePipeline> pipeline_;  // the compiled normalizer and matcher
};

}  // namespace glean

#endif  // GLEAN_ENGINE_H_
