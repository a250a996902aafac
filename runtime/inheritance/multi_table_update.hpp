// QuerySet::update() of a model whose rows span several tables (a
// multi-table child): each assigned column is written in the table of the
// level that holds it, the rows chosen by the key of the query's rows, as
// Django's related_updates do.
//
//   db.objects<Employee>().filter("name", "Ann").update({{"department", "R&D"}})
//     UPDATE "employee" SET "department" = ? WHERE "person_ptr_id" IN
//       (SELECT "t0"."person_ptr_id" FROM "employee" AS "t0"
//        INNER JOIN "person" AS "t1" ON "t1"."id" = "t0"."person_ptr_id" WHERE "t1"."name" = ?)
//   ... .update({{"name", "Bea"}})
//     UPDATE "person" SET "name" = ? WHERE "id" IN (SELECT "t0"."person_ptr_id" FROM ...)
//
// Columns of several levels at once: the keys are read first (one SELECT),
// then each table is updated by key list (batched under the parameter
// limit), all in one transaction scope, so an assignment to a column the
// conditions read cannot change which rows the next table's UPDATE sees
// (Django reads the keys first too). Returns the rows matched.
#pragma once

#include "database_state.hpp"
#include "query/query_state.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <memory>
#include <vector>

namespace covet::detail {

// `columns` (members of state.model, checked) get `values`, in order.
std::int64_t update_multi_table(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                                const std::vector<const MemberInfo*>& columns, std::vector<Value> values);

}  // namespace covet::detail
