// The naming rules the Covet plugin and the runtime both apply: the default
// reverse accessor and query name of a relation, when a reverse side is
// hidden, the automatic join table of a many-to-many and its two key columns,
// and the identifier length PostgreSQL keeps. Not user API: an implementation
// detail shared by plugin/ReverseRelations.cpp (and the plugin's checks),
// runtime/model/registry.cpp and runtime/relations/join_table.cpp, so that a
// name the compiler accepts is the name the runtime answers to. Change a rule
// here and both sides change together; test/model/naming_test.cpp and the
// plugin's lit tests pin the results.
//
// The rules are Django's (django/db/models/fields/related.py and
// reverse_related.py):
//
//   model name      Options.model_name: the class name lower-cased
//   reverse accessor  related_name, else "<model name>_set" ("<model name>"
//                   for a one-to-one): what prefetch_related() and declared
//                   reverse members use
//   reverse query name  related_query_name, else related_name, else
//                   "<model name>": what filter()/exclude()/order_by() lookups use
//   hidden          a related_name ending in '+'; a symmetrical many-to-many
//                   of a model to itself has no reverse side either
//   placeholder     "{model}" in a related_name or related_query_name is the
//                   lower-case name of the model the relation belongs to
//                   (Django's %(class)s): a relation of an abstract base
//                   gives each concrete model its own reverse name
//   parent link     "<parent model name>_ptr_id": a multi-table child's key
//   join table      "<source table>_<member>", keys "<source>_id" and
//                   "<target>_id", or "from_<m>_id" and "to_<m>_id" when both
//                   model names are equal (create_many_to_many_intermediary_model)
//   content type    "<app label>.<model name>" (django.contrib.contenttypes'
//                   app_label.model): the app label is the model's enclosing
//                   named namespaces, outermost first, lower-cased, joined
//                   with '_' ("default" for a model outside any namespace);
//                   covet::content_type("app.model") overrides the whole name.
//                   The plugin computes it (plugin/ModelGraph.cpp), checks
//                   that no two models share one, and emits it into
//                   ModelInfo::content_type; the runtime's content-type
//                   table (runtime/generic/) keys its rows by it
//   generic fields  a covet::GenericRef, and a covet::GenericRelation to it,
//                   read the members "content_type" and "object_id" of the
//                   model declaring the GenericRef unless
//                   covet::generic_fields("ct", "id") names others (Django's
//                   GenericForeignKey(ct_field="content_type",
//                   fk_field="object_id") and GenericRelation's defaults)
//
// Header-only and std-only: the plugin compiles it with -fno-exceptions
// -fno-rtti against Clang's headers, the runtime with GCC or Clang.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace covet::detail::naming {

// PostgreSQL keeps the first NAMEDATALEN - 1 = 63 bytes of an identifier and
// silently drops the rest; Covet rejects longer table and column names.
inline constexpr std::size_t max_identifier_bytes = 63;

// Django's Options.model_name: str.lower() of the class name. C++ class names
// that Covet models carry are ASCII in practice; bytes outside ASCII (UTF-8
// identifiers) are kept as they are rather than lower-cased by a locale.
inline std::string model_name(std::string_view class_name) {
  std::string out(class_name);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// `name` (a related_name or related_query_name) with every "{model}"
// replaced by the model name of `class_name`, the concrete model the
// relation belongs to: Django's %(class)s, for relations of abstract bases.
inline std::string expand_model_placeholder(std::string_view name, std::string_view class_name) {
  static constexpr std::string_view placeholder = "{model}";
  std::string out;
  out.reserve(name.size());
  std::size_t from = 0;
  for (std::size_t at = name.find(placeholder); at != std::string_view::npos; at = name.find(placeholder, from)) {
    out.append(name.substr(from, at - from)).append(model_name(class_name));
    from = at + placeholder.size();
  }
  out.append(name.substr(from));
  return out;
}

// A related_name ending in '+' ("+", "tags+") hides the reverse side.
inline bool hides_reverse(std::string_view related_name) {
  return !related_name.empty() && related_name.back() == '+';
}

// A many-to-many of a model to itself is symmetrical unless declared
// covet::symmetrical(false) (`symmetrical`: -1 undeclared, 0 false, 1 true).
inline bool is_symmetrical(bool many_to_many, bool to_self, int symmetrical) {
  return many_to_many && to_self && symmetrical != 0;
}

// Whether a relation gives its target a reverse side at all.
inline bool has_reverse_side(std::string_view related_name, bool symmetrical_self) {
  return !hides_reverse(related_name) && !symmetrical_self;
}

// The reverse accessor of a relation declared on `source_class` (its C++
// class name): related_name, else "<model name>_set", or "<model name>" for
// a one-to-one. An empty related_name means "not declared".
inline std::string reverse_accessor(std::string_view source_class, std::string_view related_name,
                                    bool one_to_one) {
  if (!related_name.empty()) return std::string(related_name);
  std::string name = model_name(source_class);
  if (!one_to_one) name += "_set";
  return name;
}

// The reverse query name: related_query_name, else related_name, else
// "<model name>". Empty strings mean "not declared".
inline std::string reverse_query_name(std::string_view source_class, std::string_view related_name,
                                      std::string_view related_query_name) {
  if (!related_query_name.empty()) return std::string(related_query_name);
  if (!related_name.empty()) return std::string(related_name);
  return model_name(source_class);
}

// The column of a multi-table child's table that holds its parent's key and
// is its primary key: Django's parent link "<parent model name>_ptr", with
// the "_id" every key column gets.
inline std::string parent_link_column(std::string_view parent_class) {
  return model_name(parent_class) + "_ptr_id";
}

// The table Covet creates for a many-to-many without covet::through, and its
// two key columns.
struct JoinTableNames {
  std::string table;          // "<source table>_<member>"
  std::string source_column;  // the key to the declaring model
  std::string target_column;  // the key to the related model
};

inline JoinTableNames automatic_join_table(std::string_view source_table, std::string_view member,
                                           std::string_view source_class, std::string_view target_class) {
  JoinTableNames names;
  names.table.reserve(source_table.size() + 1 + member.size());
  names.table.append(source_table).append("_").append(member);
  std::string from = model_name(source_class);
  std::string to = model_name(target_class);
  if (from == to) {  // Django compares model names, not models
    from = "from_" + from;
    to = "to_" + to;
  }
  names.source_column = from + "_id";
  names.target_column = to + "_id";
  return names;
}

// The app label of a model declared outside any namespace. Django requires
// every model to belong to an app; "default" cannot be a C++ namespace (it
// is a keyword), so no namespaced model's label can equal it by accident.
inline constexpr std::string_view default_app_label = "default";

// The two columns of the content-type table are VARCHAR(100), Django's
// ContentType.app_label and ContentType.model: each part of a name fits.
inline constexpr std::size_t max_content_type_part_bytes = 100;

// The app label of a model whose enclosing named namespaces are
// `namespaces`, outermost first ({"shop", "Billing"} -> "shop_billing").
// Anonymous and inline namespaces are left out by the caller: the first has
// no name, the second is a versioning device (`inline namespace v2`) that
// must not change the stable name of every model inside it.
inline std::string app_label(const std::vector<std::string>& namespaces) {
  if (namespaces.empty()) return std::string(default_app_label);
  std::string out;
  for (const std::string& ns : namespaces) {
    if (!out.empty()) out += '_';
    out += model_name(ns);  // the same lower-casing as model names
  }
  return out;
}

// "<app label>.<model name>" of a class named `class_name` inside
// `namespaces` (outermost first): the default content-type name.
inline std::string content_type_name(const std::vector<std::string>& namespaces, std::string_view class_name) {
  return app_label(namespaces) + "." + model_name(class_name);
}

// The app label and model of a content-type name: what precedes and what
// follows its first dot (the model part is empty when there is no dot).
struct ContentTypeParts {
  std::string_view app_label;
  std::string_view model;
};

inline ContentTypeParts split_content_type(std::string_view name) {
  const std::size_t dot = name.find('.');
  if (dot == std::string_view::npos) return {name, {}};
  return {name.substr(0, dot), name.substr(dot + 1)};
}

// Whether `name` is a well-formed covet::content_type("app.model") override:
// exactly one dot between two non-empty parts of lower-case identifier
// characters ([a-z0-9_], not starting with a digit), each at most
// max_content_type_part_bytes long. A name the runtime stores and users
// type into lookups, so nothing that needs quoting or case folding.
inline bool is_valid_content_type(std::string_view name) {
  const auto part_ok = [](std::string_view part) {
    if (part.empty() || part.size() > max_content_type_part_bytes) return false;
    if (part.front() >= '0' && part.front() <= '9') return false;
    for (char c : part)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
  };
  const std::size_t dot = name.find('.');
  if (dot == std::string_view::npos || name.find('.', dot + 1) != std::string_view::npos) return false;
  const ContentTypeParts parts = split_content_type(name);
  return part_ok(parts.app_label) && part_ok(parts.model);
}

// The members a covet::GenericRef reads and writes, and a
// covet::GenericRelation filters on, when covet::generic_fields names none.
inline constexpr std::string_view default_content_type_field = "content_type";
inline constexpr std::string_view default_object_id_field = "object_id";

}  // namespace covet::detail::naming
