// The type-erased half of covet::TreeNode<T> (include/covet/tree_node.hpp):
// each recursive read is the model's query set with a TreeSource
// (trees/tree_source.hpp), so it composes like any other query set.
#include "query/query_state.hpp"
#include "trees/tree_source.hpp"

#include <covet/errors.hpp>
#include <covet/query_set.hpp>
#include <covet/tree_node.hpp>

#include <cassert>

namespace covet::detail {

QueryCore tree_walk(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Value& node,
                    TreeWalk walk) {
  tree_parent_member(model);  // a model without a parent key fails here, not in SQL
  auto source = std::make_shared<TreeSource>();
  source->anchor = node;
  switch (walk) {
    case TreeWalk::Ancestors:
      source->direction = TreeSource::Direction::Up;
      break;
    case TreeWalk::AncestorsRootFirst:
      source->direction = TreeSource::Direction::Up;
      source->root_first = true;
      break;
    case TreeWalk::PathFromRoot:
      source->direction = TreeSource::Direction::Up;
      source->root_first = true;
      source->min_depth = 0;
      break;
    case TreeWalk::Descendants:
      break;
    case TreeWalk::Subtree:
      source->min_depth = 0;
      break;
  }
  const QueryCore all(db, model);
  auto state = std::make_shared<QueryState>(*QueryCoreAccess::state(all));
  state->tree = std::move(source);
  return QueryCoreAccess::make(db, std::move(state));
}

Value tree_parent_key(const ModelInfo& model, const void* node) { return tree_parent_member(model).get(node); }

Value tree_node_key(const ModelInfo& model, const void* object, const char* call) {
  Value key = model.primary_key->get(object);
  if (key.is_null() || (key.is_integer() && key.as_integer() == 0))
    throw UsageError(model.name + "::" + call + "(): the node is not saved (its " + model.primary_key->name +
                         " is unset); create or save it first (db.create / db.save)",
                     model.name);
  return key;
}

std::vector<std::ptrdiff_t> subtree_parents(const ModelInfo& model, const std::vector<const void*>& nodes) {
  const MemberInfo& parent = tree_parent_member(model);
  std::vector<std::ptrdiff_t> out(nodes.size(), -1);
  // In pre-order a node's parent is on the path from the anchor to the
  // node before it: the stack holds that path.
  std::vector<std::ptrdiff_t> path;
  std::vector<Value> keys;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Value up = parent.get(nodes[i]);
    while (!path.empty() && !(keys.back() == up)) {
      path.pop_back();
      keys.pop_back();
    }
    if (!path.empty()) out[i] = path.back();
    assert((i == 0 || out[i] >= 0) && "a walk down lists each node after its parent");
    path.push_back(static_cast<std::ptrdiff_t>(i));
    keys.push_back(model.primary_key->get(nodes[i]));
  }
  return out;
}

}  // namespace covet::detail
