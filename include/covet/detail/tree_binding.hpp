// The database a tree node (covet::TreeNode / covet::NestedSetNode) was
// loaded from or created in, so that `node.get_children()` needs no handle:
// each mixin holds one TreeBinding, private, which the runtime binds
// whenever it binds the object's relation members (ModelInfo::bind_tree).
// It is not a column: the plugin leaves the mixins' non-public members out.
#pragma once

#include <covet/errors.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace covet::detail {

struct DatabaseState;

class TreeBinding {
 public:
  bool is_bound() const noexcept { return !database_.expired(); }

  // The database, or UsageError naming the model and the call when the node
  // was not loaded or created through one (or that database is gone).
  std::shared_ptr<DatabaseState> database(std::string_view model, std::string_view call) const {
    if (auto db = database_.lock()) return db;
    throw UsageError(std::string(model) + "::" + std::string(call) +
                         "(): the node is not bound to a database; load it or create it through "
                         "a covet::Database first (db.create, db.objects<" +
                         std::string(model) + ">().get...)",
                     std::string(model));
  }

  void bind(std::weak_ptr<DatabaseState> database) noexcept { database_ = std::move(database); }

 private:
  std::weak_ptr<DatabaseState> database_;
};

// The runtime's door to a mixin's private binding. Each mixin declares
// `friend struct covet::detail::TreeAccess;` and a member `tree_binding_`.
struct TreeAccess {
  // SFINAE-friendly (the member is named in the return type), so that
  // TreeBound is false for a model without a tree mixin.
  template <class Node>
  static auto binding(Node& node) -> decltype((node.tree_binding_)) {
    return node.tree_binding_;
  }
};

template <class Model>
concept TreeBound = requires(Model& node) { TreeAccess::binding(node); };

}  // namespace covet::detail
