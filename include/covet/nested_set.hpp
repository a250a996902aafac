// covet::NestedSetNode<T>: a tree stored as nested sets (django-mptt's and
// treebeard's NS_Node): every node holds the bounds `lft` < `rgt` of its
// subtree within its tree `tree_id`, and its `level` (root = 0). Reads of
// ancestors, descendants, children, siblings and the root are one query
// each (descendants one range of the (tree_id, lft) index, ancestors a walk
// up the parent links); depth, leafness and descendant
// counts need none. Writes shift the bounds of what follows with one UPDATE,
// in one transaction under a lock on the tree (docs/trees.md, "Nested sets").
//
//   struct [[covet::model("regions")]] Region : covet::NestedSetNode<Region> {
//     covet::Id id;
//     std::string name;
//     [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
//     std::optional<covet::Ref<Region>> parent;   // required: Covet keeps it in step
//   };
//
//   Region earth = Region::add_root(db, Region{.name = "Earth"});
//   Region europe = earth.add_child(Region{.name = "Europe"});
//   Region asia = europe.add_sibling(Region{.name = "Asia"});   // right of Europe
//   db.refresh(earth);                      // earth's rgt moved: reload it
//   auto all = earth.get_descendants().all();   // pre-order: Europe, Asia
//
// lft, rgt, tree_id and level are covet::ReadOnly<int> (covet/read_only.hpp):
// `node.lft = 3` does not compile, and save(), create(), update() never write
// them from the object. A write leaves the other objects the caller holds
// stale (their bounds moved in the database): db.refresh(node) reloads one.
// Writes never trust an object's bounds: they read the current ones inside
// their transaction.
#pragma once

#include <covet/database.hpp>
#include <covet/detail/nested_set_ops.hpp>
#include <covet/detail/tree_binding.hpp>
#include <covet/detail/tree_walk.hpp>
#include <covet/errors.hpp>
#include <covet/model_info.hpp>
#include <covet/query_set.hpp>
#include <covet/read_only.hpp>
#include <covet/tree_order.hpp>

#include <cstddef>
#include <optional>

namespace covet {

template <class T>
class NestedSetNode {
 public:
  // Maintained by Covet alone (see above). lft/rgt: the subtree's bounds,
  // 1 .. 2n within a tree; tree_id: the tree (roots are ordered by it);
  // level: the depth, root = 0.
  ReadOnly<int> lft, rgt, tree_id, level;

  // The parent, one query; nullopt without a query for a root.
  std::optional<T> get_parent() const {
    if (!self().parent) return std::nullopt;
    return objects("get_parent").filter("pk", self().parent->key()).first();
  }
  // The children, in tree order: one query (the indexed parent key).
  QuerySet<T> get_children() const {
    return objects("get_children").filter("parent", key()).order_by("lft");
  }
  // The ancestors, nearest first (the parent first) or root first: one
  // query, a walk up the parent links (detail/tree_walk.hpp): one indexed
  // lookup per level, where `lft < ? AND rgt > ?` scans half a tree.
  QuerySet<T> get_ancestors(TreeOrder order = TreeOrder::NearestFirst) const {
    return detail::QuerySetAccess::from_core<T>(detail::tree_walk(
        database("get_ancestors"), model_info<T>(), key(),
        order == TreeOrder::RootFirst ? detail::TreeWalk::AncestorsRootFirst : detail::TreeWalk::Ancestors));
  }
  // Every descendant, self excluded, in pre-order (depth-first): one query,
  // one range of the (tree_id, lft) index (a descendant's lft lies inside
  // the node's bounds).
  QuerySet<T> get_descendants() const {
    return objects("get_descendants")
        .filter("tree_id", tree_id.get())
        .filter("lft__gt", lft.get())
        .filter("lft__lt", rgt.get())
        .order_by("lft");
  }
  // The nodes sharing the parent (for a root: the other roots), in tree
  // order: one query.
  QuerySet<T> get_siblings(bool include_self = false) const {
    QuerySet<T> all = self().parent ? objects("get_siblings").filter("parent", self().parent->key()).order_by("lft")
                                    : objects("get_siblings").filter("parent__isnull", true).order_by("tree_id");
    return include_self ? all : all.exclude("pk", key());
  }
  // The root of the node's tree: one query (a root's own row, reloaded).
  T get_root() const {
    return objects("get_root").filter("tree_id", tree_id.get()).filter("lft", 1).get();
  }
  // Every root, ordered by tree_id: one query.
  static QuerySet<T> get_root_nodes(Database& db) {
    return db.objects<T>().filter("parent__isnull", true).order_by("tree_id");
  }

  // No query: what the node's own columns say (as fresh as the object).
  int get_depth() const noexcept { return level.get(); }
  bool is_root() const noexcept { return !self().parent.has_value(); }
  bool is_leaf() const noexcept { return rgt.get() - lft.get() == 1; }
  int descendant_count() const noexcept { return (rgt.get() - lft.get() - 1) / 2; }
  bool is_descendant_of(const T& other) const noexcept {
    const NestedSetNode& o = other;
    return tree_id.get() == o.tree_id.get() && lft.get() > o.lft.get() && rgt.get() < o.rgt.get();
  }

  // Saves `node` as the root of a new tree and returns it, bound to db.
  // Throws IntegrityError subclasses as db.create does.
  static T add_root(Database& db, T node) {
    detail::nested_set_add_root(db, model_info<T>(), &node);
    return node;
  }
  // Saves `child` as this node's last (or first) child and returns it.
  // `pos` is LastChild or FirstChild (InvalidMove otherwise). This object's
  // rgt is stale afterwards: db.refresh(*this) reloads it.
  T add_child(T child, TreePosition pos = TreePosition::LastChild) const {
    detail::nested_set_insert_at(database("add_child"), model_info<T>(), key(), &child, pos,
                                 detail::NestedSetCall::AddChild);
    return child;
  }
  // Saves `sibling` beside this node: Right / Left of it, or the
  // FirstSibling / LastSibling of its parent's children. A root's siblings
  // are roots: LastSibling makes a new tree; the other positions are
  // InvalidMove (tree ids are never renumbered, see docs/trees.md).
  T add_sibling(T sibling, TreePosition pos = TreePosition::Right) const {
    detail::nested_set_insert_at(database("add_sibling"), model_info<T>(), key(), &sibling, pos,
                                 detail::NestedSetCall::AddSibling);
    return sibling;
  }
  // Moves this node and its subtree to `pos` relative to `target`, and
  // updates this object (bounds, level, tree_id, parent); `target` and other
  // objects held are stale afterwards. Throws InvalidMove, writing nothing,
  // for a target that is this node or one of its descendants, or a position
  // a root's siblings do not have.
  void move_to(const T& target, TreePosition pos = TreePosition::LastChild) {
    detail::nested_set_move(database("move_to"), model_info<T>(), &self(), &target, pos);
  }
  // Makes this node the root of a new tree (with its subtree).
  void move_to(std::nullptr_t) {
    detail::nested_set_move(database("move_to"), model_info<T>(), &self(), nullptr, TreePosition::LastChild);
  }

  // Recomputes every node's lft, rgt, level and tree_id from the parent
  // links (one tree per root, children in their current order), in one
  // transaction. Throws TreeCycle naming a node whose parent links loop.
  static void rebuild(Database& db) { detail::nested_set_rebuild(db, model_info<T>()); }
  // Reads every node (one query) and reports each violated invariant.
  static NestedSetReport check(Database& db) { return detail::nested_set_check(db, model_info<T>()); }

 private:
  friend struct detail::TreeAccess;
  detail::TreeBinding tree_binding_;

  const T& self() const noexcept { return static_cast<const T&>(*this); }
  T& self() noexcept { return static_cast<T&>(*this); }
  Value key() const { return model_info<T>().primary_key->get(&self()); }
  std::shared_ptr<detail::DatabaseState> database(const char* call) const {
    return tree_binding_.database(model_info<T>().name, call);
  }
  QuerySet<T> objects(const char* call) const { return QuerySet<T>(database(call)); }
};

}  // namespace covet
