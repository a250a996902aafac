// Compiles a condition tree (covet::Q), already fitted by fit_condition
// (fitted_condition.hpp), into a SQL boolean expression over a scope, adding
// the joins its paths need.
//
// Contract (Django's semantics):
//  * single-valued paths (forward foreign keys and one-to-ones, reverse
//    one-to-ones) become joins of the scope, shared with every other use of
//    the same path;
//  * a to-many path (the reverse of a foreign key, a many-to-many in either
//    direction) becomes EXISTS (SELECT 1 FROM child WHERE child.fk =
//    parent.key AND ...); a many-to-many's subquery reads its join table,
//    joined to the related table only when a condition needs more than the
//    related key. Whatever the path crosses after its first to-many step is
//    joined inside that one subquery (LEFT OUTER, see sql_scope.hpp), so the
//    SQL nests one level per to-many relation of the main query, never one
//    per step. Subqueries never produce duplicate rows, so no DISTINCT is
//    needed;
//  * same row: the leaves of one AND node that cross the same to-many
//    relation share one subquery (and its joins), so filter(Q("books__title",
//    t) & Q("books__year", y)) needs a single book with both; separate
//    filter() calls compile separately and may match different books;
//  * under a negation (exclude(), ~Q, an odd number of them) every leaf
//    gets its own subquery instead, as Django's split_exclude does:
//    exclude(Q("books__title", t) & Q("books__year", y)) is NOT (EXISTS
//    (... t) AND EXISTS (... y)), which excludes an author with one book
//    titled t and another from year y;
//  * a to-many group whose every condition holds on NULL (isnull=True, exact
//    NULL) also matches owners with no related row at all -- Django's LEFT
//    OUTER join gives them one row of NULLs: (NOT EXISTS (...) OR EXISTS
//    (... cond)); its exclude() is the exact complement. "books__isnull"
//    itself tests whether any related row exists;
//  * under a negation, a leaf whose column can be NULL (a nullable column, or
//    one reached through an outer join) becomes (cond AND col IS NOT NULL):
//    SQL's NOT NULL is NULL, which would drop the row, while Django's
//    exclude() keeps rows whose column is NULL.
#pragma once

#include "query/q_node.hpp"
#include "query/sql_scope.hpp"

#include <covet/model_info.hpp>

#include <string>

namespace covet::detail {

// The SQL for `node` in `scope`; parameters go to the scope's context.
std::string compile_condition(CompileContext& ctx, SqlScope& scope, const QNode& node);

}  // namespace covet::detail
