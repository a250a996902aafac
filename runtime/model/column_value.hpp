// What a member writes to its column, shared by every INSERT and UPDATE that
// reads objects (object_store.cpp, runtime/bulk/), and the check that the
// column can hold it.
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <span>
#include <string_view>

namespace covet::detail {

// The value `m` (a column or a foreign key / one-to-one member of the model
// `object` is an instance of) writes to its column. A relation with to_field
// takes the key from the object its Ref holds, since Ref(obj) records only
// the primary key.
Value column_value(const MemberInfo& m, const void* object);

// After an INSERT: makes every to_field relation member hold what its column
// now holds (the to_field value), like a Ref loaded later.
void store_to_field_keys(const ModelInfo& model, void* object);

// Throws DataError naming the model, the field and what is wrong when
// `value` cannot go into `member`'s column, the same on every backend and
// before any statement runs (SQLite would store it, PostgreSQL refuse it):
//  * text longer than the member's max_length, counted in characters
//    (Unicode code points of the UTF-8 text, as Django and PostgreSQL's
//    VARCHAR(n) count them, not bytes);
//  * text that is not valid UTF-8 (the encoding both databases are opened
//    with), or holds a NUL character (PostgreSQL text cannot, and libpq
//    would cut the value there).
// Other values pass: the column's type is the database's to check.
void check_fits(const ModelInfo& model, const MemberInfo& member, const Value& value);
// The same for a text value.
void check_text_fits(const ModelInfo& model, const MemberInfo& member, std::string_view text);

// column_value(m, object), checked with check_fits.
Value checked_column_value(const ModelInfo& model, const MemberInfo& m, const void* object);

// check_values for each of `objects`, the members that need a check (text,
// and those read through a Value) found once for them all.
void check_all_values(const ModelInfo& model, std::span<void* const> objects);

// check_fits for every column of `object` except its primary key (declared
// in covet/many_to_many.hpp as well, for through_defaults). A member with a
// typed getter is read through it: a text member in place, without a copy;
// a bool or number member not at all (only text can fail).
void check_values(const ModelInfo& model, const void* object);

}  // namespace covet::detail
