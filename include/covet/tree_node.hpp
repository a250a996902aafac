// covet::TreeNode<T>: an adjacency-list tree over the model's own nullable
// foreign key `parent`. Every read of more than one level is ONE statement,
// a WITH RECURSIVE walk anchored at the node (never a walk of the whole
// forest), and comes back as an ordinary QuerySet<T>: filter, order_by,
// only/defer, select_related, prefetch_related, count and exists compose
// with it. A cycle already stored in the parent links (written by hand)
// ends the walk and raises covet::TreeCycle naming the node; a move that
// would make one raises covet::InvalidMove and writes nothing.
//
//   struct [[covet::model("categories")]] Category : covet::TreeNode<Category> {
//     covet::Id id;
//     std::string name;
//     [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
//     std::optional<covet::Ref<Category>> parent;
//     covet::ReverseSet<Category> children;   // optional: filled by get_subtree() too
//   };
//
//   Category laptops = db.objects<Category>().get("name", "Laptops");
//   auto up = laptops.get_ancestors();                  // Computers, Electronics (nearest first)
//   auto down = electronics.get_descendants().filter("name__startswith", "L");
//   int depth = laptops.get_depth();                    // 2 (a root is 0)
//   Category tree = electronics.get_subtree();          // one query: the whole subtree
//   for (const Category& c : tree.get_children()) ...   // no statement from here on
//   laptops.move_to(electronics);                       // InvalidMove under itself / a descendant
//
// Every method needs a node loaded or created through a Database (UsageError
// otherwise). docs/trees.md lists the SQL each read runs and what it costs.
#pragma once

#include <covet/database.hpp>
#include <covet/detail/lazy_load.hpp>
#include <covet/detail/tree_binding.hpp>
#include <covet/detail/tree_walk.hpp>
#include <covet/errors.hpp>
#include <covet/model_info.hpp>
#include <covet/query_set.hpp>
#include <covet/tree_order.hpp>
#include <covet/value.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace covet {

namespace detail {

// The node's `parent` key: NULL for a root.
Value tree_parent_key(const ModelInfo& model, const void* node);
// Points the node's parent at `new_parent` (NULL: a root): one check query
// (none for NULL), then one UPDATE of the parent column; the object's
// `parent` then holds it, bound. Throws InvalidMove (under itself or one of
// its descendants) before writing, TreeCycle when the target's ancestors
// loop, DoesNotExist when the node's row is gone, UsageError for an unsaved
// node. (runtime/trees/adjacency_moves.cpp)
void tree_move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* node,
               const Value& new_parent);
// For nodes listed in pre-order from one anchor (the first), the index of
// each one's parent in the list (-1 for the anchor).
std::vector<std::ptrdiff_t> subtree_parents(const ModelInfo& model, const std::vector<const void*>& nodes);
// The key of `object` (a saved `model` object), or UsageError naming `call`.
Value tree_node_key(const ModelInfo& model, const void* object, const char* call);

}  // namespace detail

template <class T>
class TreeNode {
 public:
  // The parent node, or nullopt for a root (no query then). One query,
  // none when the parent was loaded already (select_related("parent")).
  std::optional<T> get_parent() const {
    const auto& parent = self().parent;
    if (!parent || !parent->has_value()) return std::nullopt;
    if (parent->is_loaded()) return parent->get();
    return QuerySet<T>(database("get_parent")).filter("pk", parent->key()).first();
  }

  // The node's children, in key order. After get_subtree() (or on a node it
  // returned) the loaded children, without a query; otherwise a query (in
  // strict loading mode, UsageError: covet/loading.hpp).
  QuerySet<T> get_children() const {
    auto db = database("get_children");
    QuerySet<T> rows = QuerySet<T>(db).filter("parent", key("get_children")).order_by("pk");
    if (loaded_children_) return detail::QuerySetAccess::with_results(std::move(rows), loaded_children_);
    auto loaded = detail::lazy_rows(detail::LazyLoad{parent_member(), true, key("get_children"), nullptr},
                                    detail::QuerySetAccess::core(rows));
    if (loaded)
      return detail::QuerySetAccess::with_results(
          std::move(rows), std::static_pointer_cast<const std::vector<T>>(std::move(loaded)));
    return rows;
  }

  // The node's ancestors, the node excluded: one WITH RECURSIVE query up
  // its parent links, nearest first (TreeOrder::RootFirst: root first)
  // unless the query set is given an order_by. Throws TreeCycle when read
  // if the links above the node loop.
  QuerySet<T> get_ancestors(TreeOrder order = TreeOrder::NearestFirst) const {
    return walk("get_ancestors", order == TreeOrder::RootFirst ? detail::TreeWalk::AncestorsRootFirst
                                                               : detail::TreeWalk::Ancestors);
  }

  // Every node below this one, depth-first in pre-order (children in key
  // order), the node excluded: one WITH RECURSIVE query anchored here.
  // Throws TreeCycle when read if the links below the node loop.
  QuerySet<T> get_descendants() const { return walk("get_descendants", detail::TreeWalk::Descendants); }

  // The nodes with the same parent (for a root: the other roots), in key
  // order; include_self keeps this node among them.
  QuerySet<T> get_siblings(bool include_self = false) const {
    QuerySet<T> rows = QuerySet<T>(database("get_siblings"))
                           .filter("parent", detail::tree_parent_key(model_info<T>(), &self()))
                           .order_by("pk");
    return include_self ? rows : rows.exclude("pk", key("get_siblings"));
  }

  // The number of ancestors (a root is 0): one query (COUNT of the walk up).
  int get_depth() const { return static_cast<int>(get_ancestors().count()); }

  // Whether the node has no parent: no query.
  bool is_root() const noexcept {
    const auto& parent = self().parent;
    return !parent || !parent->has_value();
  }

  // Whether the node has no children: one query (EXISTS), none after
  // get_subtree().
  bool is_leaf() const {
    if (loaded_children_) return loaded_children_->empty();
    return !QuerySet<T>(database("is_leaf")).filter("parent", key("is_leaf")).exists();
  }

  // The root of the node's tree: one query (the walk up, root first,
  // LIMIT 1); a root returns itself without one. Throws TreeCycle when the
  // links above the node loop, DoesNotExist when the node's row is gone.
  T get_root() const {
    if (is_root()) return self();
    std::vector<T> top = walk("get_root", detail::TreeWalk::PathFromRoot).limit(1).fetch();
    if (top.empty())
      throw DoesNotExist(model_info<T>().name + " with key " + key("get_root").debug_string() +
                             " does not exist (get_root() of a deleted node)",
                         model_info<T>().name);
    return std::move(top.front());
  }

  // The roots of every tree of the model (parent IS NULL), in key order.
  static QuerySet<T> get_root_nodes(Database& db) {
    return db.objects<T>().filter("parent", nullptr).order_by("pk");
  }

  // The node and every node below it, loaded in ONE query (the walk down,
  // the node included) and assembled as a tree: each node's get_children()
  // and is_leaf() (and a declared ReverseSet member mirroring `parent`,
  // e.g. `children.all()`) answer from memory, so walking the result runs
  // no statement, even in strict loading mode. Throws TreeCycle if the links
  // below the node loop, DoesNotExist when its row is gone.
  T get_subtree() const {
    const ModelInfo& info = model_info<T>();
    std::vector<T> rows = walk("get_subtree", detail::TreeWalk::Subtree).fetch();
    if (rows.empty())
      throw DoesNotExist(info.name + " with key " + key("get_subtree").debug_string() +
                             " does not exist (get_subtree() of a deleted node)",
                         info.name);
    std::vector<const void*> nodes;
    nodes.reserve(rows.size());
    for (const T& row : rows) nodes.push_back(&row);
    const std::vector<std::ptrdiff_t> parents = detail::subtree_parents(info, nodes);
    const MemberInfo* declared = children_member();
    // Bottom-up, so that each child is complete before its parent copies it.
    std::vector<std::vector<T>> children(rows.size());
    for (std::size_t i = rows.size(); i-- > 0;) {
      std::vector<T>& mine = children[i];
      std::reverse(mine.begin(), mine.end());
      if (declared) *static_cast<std::vector<T>*>(declared->open_cache(&rows[i])) = mine;
      static_cast<TreeNode&>(rows[i]).loaded_children_ = std::make_shared<const std::vector<T>>(std::move(mine));
      if (parents[i] >= 0) children[static_cast<std::size_t>(parents[i])].push_back(std::move(rows[i]));
    }
    return std::move(rows.front());
  }

  // Makes the node a child of `new_parent` (a saved node of the same
  // tree model): one check query, then one UPDATE of its parent key; the
  // node's `parent` then refers to new_parent. Throws InvalidMove when
  // new_parent is the node itself or one of its descendants, TreeCycle when
  // new_parent's ancestors loop: nothing is written then. Other objects
  // already loaded (the old and new parents' children) are not updated.
  void move_to(const T& new_parent) {
    const ModelInfo& info = model_info<T>();
    detail::tree_move(database("move_to"), info, &self(), detail::tree_node_key(info, &new_parent, "move_to"));
  }
  // Makes the node a root: one UPDATE.
  void move_to(std::nullptr_t) { detail::tree_move(database("move_to"), model_info<T>(), &self(), Value()); }

 private:
  friend struct detail::TreeAccess;
  detail::TreeBinding tree_binding_;
  // The children get_subtree() loaded (null: not loaded). Not a column:
  // the plugin leaves a tree mixin's non-public members out.
  std::shared_ptr<const std::vector<T>> loaded_children_;

  const T& self() const { return static_cast<const T&>(*this); }
  T& self() { return static_cast<T&>(*this); }
  std::shared_ptr<detail::DatabaseState> database(const char* call) const {
    return tree_binding_.database(model_info<T>().name, call);
  }
  Value key(const char* call) const { return detail::tree_node_key(model_info<T>(), &self(), call); }
  QuerySet<T> walk(const char* call, detail::TreeWalk how) const {
    return detail::QuerySetAccess::from_core<T>(
        detail::tree_walk(database(call), model_info<T>(), key(call), how));
  }
  static const MemberInfo* parent_member() { return model_info<T>().member("parent"); }
  // A declared reverse member mirroring `parent` (e.g. ReverseSet<T> children).
  static const MemberInfo* children_member() {
    const ModelInfo& info = model_info<T>();
    for (const ReverseRelation& r : info.reverse)
      if (r.member == parent_member()) {
        const MemberInfo* m = info.member(r.accessor);
        return m && m->kind == MemberKind::ReverseMember && m->open_cache ? m : nullptr;
      }
    return nullptr;
  }
};

}  // namespace covet
