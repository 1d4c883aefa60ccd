#include "engine/match/figure_anchors.h"

#include "engine/source/utf8_validate.h"

namespace glean::internal {

bool FigureAnchors::Fits(std::string_view literal) {
  if (literal.empty() || (literal.back() >= '0' && literal.back() <= '9')) return false;
  return source::IsValidUtf8(literal);
}

void FigureAnchors::Add(std::string_view literal, unsigned int id) {
  uint32_t node = kRoot;
  size_t at = literal.size();
  while (at > 0) {
    size_t begin = at - 1;
    while (begin > 0 && IsContinuation(literal[begin])) --begin;
    const uint32_t character = source::CharKey(literal.substr(begin, at - begin));
    uint32_t child = Child(node, character);
    if (child == kNone) {
      child = static_cast<uint32_t>(literal_of_.size());
      literal_of_.push_back(-1);
      const uint64_t key = EdgeKey(node, character);
      size_t slot = Slot(key);
      while (children_[slot] != kNone) slot = (slot + 1) & (keys_.size() - 1);
      keys_[slot] = key;
      children_[slot] = child;
      if (++edges_ * 2 > keys_.size()) Grow();
    }
    node = child;
    at = begin;
  }
  literal_of_[node] = static_cast<int>(id);
}

void FigureAnchors::Grow() {
  std::vector<uint64_t> keys = std::move(keys_);
  std::vector<uint32_t> children = std::move(children_);
  keys_.assign(keys.size() * 2, 0);
  children_.assign(keys.size() * 2, kNone);
  --shift_;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (children[i] == kNone) continue;
    size_t slot = Slot(keys[i]);
    while (children_[slot] != kNone) slot = (slot + 1) & (keys_.size() - 1);
    keys_[slot] = keys[i];
    children_[slot] = children[i];
  }
}

std::optional<FigureTail> FigureTail::Read(std::string_view pattern) {
  const auto consume = [&](std::string_view prefix) {
    if (pattern.substr(0, prefix.size()) != prefix) return false;
    pattern.remove_prefix(prefix.size());
    return true;
  };
  if (!consume("(")) return std::nullopt;
  if (consume("?P<")) {
    const size_t close = pattern.find('>');
    if (close == 0 || close == std::string_view::npos) return std::nullopt;
    for (char c : pattern.substr(0, close)) {
      const bool word =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!word) return std::nullopt;
    }
    pattern.remove_prefix(close + 1);
  }
  if (!consume("\\d+")) return std::nullopt;
  FigureTail tail;
  tail.fraction = consume("(?:\\.\\d+)?");
  if (!consume(")")) return std::nullopt;
  // The unit: text that stands for itself, and cannot continue the figure.
  if (pattern.find_first_of("\\.+*?()[]{}|^$") != std::string_view::npos) return std::nullopt;
  if (!pattern.empty() && pattern[0] >= '0' && pattern[0] <= '9') return std::nullopt;
  tail.unit = std::string(pattern);
  return tail;
}

}  // namespace glean::internal
