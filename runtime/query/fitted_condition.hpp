// What a condition becomes when it is added to a query (filter, exclude,
// get, a Q tree), before any SQL exists: its size checked against
// covet/limits.hpp, every lookup resolved against the model, every value's
// shape checked against its lookup (check_lookup_value), and every value
// fitted to the column it meets:
//
//  * a model object, or a Ref holding one, becomes the key that column holds:
//    the to_field value for a to_field relation, the primary key otherwise;
//    an object of another model is a UsageError;
//  * a value of the wrong kind for the column (column_rule.hpp) is a
//    UsageError naming the field, its type and the value's type; an integer
//    for a real column becomes a real;
//  * pattern lookups (contains, icontains, startswith, istartswith,
//    endswith, iendswith, iexact) take text or a number and compare any
//    column by its text, as Django does; a NUL byte in their value is a
//    UsageError on both backends (SQLite's LIKE and GLOB stop at NUL,
//    PostgreSQL text cannot hold one).
//
// The query stores the fitted tree, so the SQL compiler binds values that
// already fit, and a mistake surfaces where it is written.
#pragma once

#include "query/q_node.hpp"

#include <covet/model_info.hpp>

#include <memory>
#include <string_view>

namespace covet::detail {

// The fitted copy of `root` for a query of `model`. `call` names the entry
// ("filter", "exclude", "get") in messages. Throws FieldError (limits,
// unknown names) and UsageError (values).
std::shared_ptr<const QNode> fit_condition(const ModelInfo& model, const QNode& root, std::string_view call);

// `value` -- or, when `object` is set, the object's key -- as `column` (a
// column member of `owner`, possibly a relation) compares or stores it.
// NULL passes. Throws UsageError naming `call` and `owner.column`.
Value fit_to_column(const ModelInfo& owner, const MemberInfo& column, Value value, const ObjectKeys* object,
                    std::string_view call);

}  // namespace covet::detail
