// What the bulk writes accept as a field: the checks bulk_update() and
// QuerySet::update() share, with Django's rules and wording adapted.
//
//  * a field is a column member's name; a foreign key or one-to-one also by
//    its column name ("author" or "author_id");
//  * many-to-many members, reverse members and reverse accessors are not
//    columns: FieldError "... can only be used with concrete fields";
//  * bulk_update() refuses the primary key (it is what finds the rows);
//    update() may set it, as Django's does;
//  * an update() value must fit its column's kind (text cannot go into an
//    integer column): UsageError before any SQL runs, by the rule filters
//    follow (query/column_rule.hpp); a model object becomes the key the
//    column holds (its to_field value for a to_field relation).
//    bulk_update() reads its values from the objects, which always fit;
//  * a field name longer than covet::limits::max_lookup_length is a
//    FieldError before it is looked up.
#pragma once

#include <covet/model_info.hpp>
#include <covet/q.hpp>
#include <covet/value.hpp>

#include <string_view>

namespace covet::detail {

enum class UpdateKind { BulkUpdate, QueryUpdate };

// The column member `name` designates on `model`. Throws FieldError for an
// unknown name (listing the valid ones), a field without a column, and, for
// BulkUpdate, the primary key.
const MemberInfo& updatable_member(const ModelInfo& model, std::string_view name, UpdateKind kind);

// `value` -- or the key of `object`, a model object given as the value --
// as `member`'s column stores it (an integer for a real column becomes a
// real). NULL passes: the database decides whether the column takes it.
// Throws UsageError naming the model, the field, the column's type and the
// value's.
Value fitted_value(const ModelInfo& model, const MemberInfo& member, Value value, const ObjectKeys* object);

}  // namespace covet::detail
