#include "query/lookup_limits.hpp"

#include <covet/errors.hpp>
#include <covet/limits.hpp>

#include <string>
#include <vector>

namespace covet::detail {

namespace {

// The start of a string too long to quote whole.
std::string excerpt(std::string_view text) {
  constexpr std::size_t kShown = 40;
  if (text.size() <= kShown) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, kShown)) + "...'";
}

[[noreturn]] void refuse(const ModelInfo& model, std::string_view call, const std::string& what,
                         const std::string& limit, std::size_t value) {
  throw FieldError(std::string(call) + "() on " + model.name + ": " + what + "; at most " +
                       std::to_string(value) + " are allowed (covet::limits::" + limit + ")",
                   model.name);
}

void check_length(const ModelInfo& model, std::string_view text, std::string_view call, const char* kind) {
  if (text.size() > limits::max_lookup_length)
    refuse(model, call,
           std::string("the ") + kind + " " + excerpt(text) + " is " + std::to_string(text.size()) + " bytes long",
           "max_lookup_length", limits::max_lookup_length);
}

}  // namespace

void check_lookup_limits(const ModelInfo& model, std::string_view lookup, std::string_view call) {
  check_length(model, lookup, call, "lookup");
  std::size_t parts = 1;
  for (std::size_t pos = lookup.find("__"); pos != std::string_view::npos; pos = lookup.find("__", pos + 2))
    ++parts;
  if (parts > limits::max_lookup_parts)
    refuse(model, call,
           "the lookup " + excerpt(lookup) + " has " + std::to_string(parts) + " parts separated by '__'",
           "max_lookup_parts", limits::max_lookup_parts);
}

void check_field_name_limits(const ModelInfo& model, std::string_view name, std::string_view call) {
  check_length(model, name, call, "field name");
}

void check_condition_limits(const ModelInfo& model, const QNode& root, std::string_view call) {
  if (root.depth > limits::max_q_depth)
    refuse(model, call, "the condition is nested " + std::to_string(root.depth) + " levels deep",
           "max_q_depth", limits::max_q_depth);
  // The depth is bounded now; the leaves may be many: a loop, not recursion.
  std::vector<const QNode*> pending{&root};
  while (!pending.empty()) {
    const QNode* node = pending.back();
    pending.pop_back();
    if (node->kind == QNode::Kind::Leaf) {
      check_lookup_limits(model, node->lookup, call);
    } else {
      for (const auto& child : node->children) pending.push_back(child.get());
    }
  }
}

}  // namespace covet::detail
