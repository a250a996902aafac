// The columns Covet maintains on a nested-set model, and what the generic
// writes do about them: update() / bulk_update() refuse them, create_all
// indexes them.
#include "trees/nested_set_hooks.hpp"

#include "schema/identifier_names.hpp"
#include "sql/dialect.hpp"

#include <covet/errors.hpp>

#include <string>

namespace covet::detail {

bool nested_set_maintained(const ModelInfo& model, const MemberInfo& member) {
  if (model.tree != TreeKind::NestedSet) return false;
  return member.name == "lft" || member.name == "rgt" || member.name == "tree_id" || member.name == "level" ||
         member.name == "parent";
}

void throw_nested_set_field(const ModelInfo& model, const MemberInfo& member, std::string_view call) {
  const bool is_parent = member.name == "parent";
  throw FieldError(std::string(call) + " cannot write " + model.name + "." + member.name + ": " +
                       (is_parent ? "changing a nested-set node's parent moves its subtree; use move_to(), or "
                                    "assign parent and save() the node"
                                  : "Covet maintains the nested-set columns lft, rgt, tree_id and level; "
                                    "add_root, add_child, add_sibling, move_to, erase and rebuild write them"),
                   model.name);
}

std::vector<std::string> nested_set_index_sql(Dialect dialect, const ModelInfo& model) {
  if (model.tree != TreeKind::NestedSet) return {};
  const MemberInfo* tree_id = model.member("tree_id");
  std::vector<std::string> out;
  for (const char* bound : {"lft", "rgt"}) {
    const MemberInfo* m = model.member(bound);
    if (!tree_id || !m) continue;
    out.push_back("CREATE INDEX " +
                  quote_identifier(dialect, truncate_name(model.table + "_tree_id_" + m->column + "_idx")) + " ON " +
                  quote_identifier(dialect, model.table) + " (" + quote_identifier(dialect, tree_id->column) + ", " +
                  quote_identifier(dialect, m->column) + ")");
  }
  return out;
}

}  // namespace covet::detail
