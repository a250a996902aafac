// A multi-table parent's child row, Django's person.employee: the child's
// query by the key every level shares (see Database::child).
#include "inheritance/table_chain.hpp"

#include <covet/detail/child_row.hpp>
#include <covet/detail/naming.hpp>
#include <covet/errors.hpp>

#include <string>

namespace covet::detail {

Value child_row_key(const ModelInfo& child, const ModelInfo& parent, const void* parent_object) {
  if (&child == &parent || !derives_from(child, parent))
    throw UsageError("db.child<" + child.name + ">(" + naming::model_name(parent.name) + "): " + child.name +
                         " does not derive from " + parent.name,
                     child.name);
  if (&table_owner(child) == &table_owner(parent))
    throw UsageError("db.child<" + child.name + ">(" + naming::model_name(parent.name) + "): " + child.name +
                         " shares its table with " + parent.name +
                         " (a proxy or single-table subclass), so every row of one is a row of the other: query "
                         "db.objects<" + child.name + ">() instead",
                     child.name);
  Value key = parent.primary_key->get(parent_object);
  if (key.is_null())
    throw UsageError("db.child<" + child.name + ">(" + naming::model_name(parent.name) + "): the " + parent.name +
                         " is unsaved (its " + parent.primary_key->name + " is 0), so it has no " + child.name +
                         " row: create or save it first",
                     child.name);
  return key;
}

void throw_no_child(const ModelInfo& child, const ModelInfo& parent, const Value& key) {
  const ModelInfo& level = table_owner(child);
  throw DoesNotExist(parent.name + " " + key.debug_string() + " has no " + child.name + " (no row of " +
                         level.table + " has " + level.parent_link + " " + key.debug_string() + "), so it is no " +
                         child.name + ". Use db.find_child<" + child.name + ">(" + naming::model_name(parent.name) +
                         ") to test, or load each row as its most-derived model with polymorphic<...>()",
                     child.name);
}

}  // namespace covet::detail
