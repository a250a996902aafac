// Single-table inheritance: which rows of the shared table a model reads,
// and the discriminator value a model writes.
//
// A hierarchy whose root declares covet::polymorphic_on("vehicle_type")
// keeps every row in the root's table; the discriminator column says which
// model wrote each row (ModelInfo::identity). Every statement that reads or
// changes rows *as* a subclass restricts them to the identities of that
// subclass and of its descendants (ModelInfo::identities):
//
//   db.objects<Car>()     ... WHERE "t0"."vehicle_type" IN (?, ?)   'car', 'sportscar'
//   db.objects<Vehicle>() ... (every row: the root reads the whole table)
//
// Where a key already names the row (a Ref<Car>, a many-to-many to Car, a
// lookup by primary key of an object the caller holds) no restriction is
// needed: the key is a car's. Where rows are found by a column of the shared
// table (a reverse foreign key or one-to-one to a subclass, a query's
// conditions) the restriction is added; those columns may be shared by
// sibling subclasses, and any row can hold a value a program wrote by hand.
// Identities are bound like every other value.
#pragma once

#include "query/lookups.hpp"

#include <covet/model_info.hpp>

#include <string>
#include <vector>

namespace covet::detail {

// The identities the rows of a query of `model` must have; nullptr when it
// reads every row of its table (no single-table hierarchy, or its root). A
// proxy reads the rows of the concrete model it stands for.
const std::vector<std::string>* restricted_identities(const ModelInfo& model);

// The model whose table holds the rows of `model`: the root of its
// single-table hierarchy, or `model` itself.
const ModelInfo& table_model(const ModelInfo& model);

// `column` = ? for one identity, `column` IN (?, ?, ...) for several,
// binding them through `sink`. `column` is qualified and quoted.
std::string identity_condition(ParamSink& sink, const std::string& column,
                               const std::vector<std::string>& identities);

// The restriction of a query of `model` whose table has the (quoted) alias
// `alias` (empty: the table's own name, unqualified); empty when there is
// none.
std::string row_restriction(ParamSink& sink, const std::string& alias, const ModelInfo& model);

// The parent whose rows include `model`'s, in the same table: reverse
// relations to it are reverse relations to `model` too (a Ticket of a Car
// is a ticket of the SportsCar it may be). Null unless `model` is a
// single-table subclass.
inline const ModelInfo* single_table_parent(const ModelInfo& model) {
  return model.inheritance == Inheritance::SingleTable ? model.parent_model : nullptr;
}

// The models whose rows may be rows of `model`: itself, its single-table
// ancestors and its single-table descendants (a Car row is a Vehicle row,
// and may be a SportsCar row). Deleting rows of `model` must deal with the
// relations pointing at any of them. {&model} outside such a hierarchy.
std::vector<const ModelInfo*> same_rows_models(const ModelInfo& model);

// Whether `model`'s rows live in a table of another model's: a
// single-table subclass has no table of its own.
inline bool in_parent_table(const ModelInfo& model) { return model.inheritance == Inheritance::SingleTable; }

// Whether rows of `model` write a discriminator value (every model of a
// single-table hierarchy, the root included): create() writes `identity`.
inline bool writes_identity(const ModelInfo& model) { return !model.discriminator.empty(); }

}  // namespace covet::detail
