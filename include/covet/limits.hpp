// The bounds Covet puts on what a query may ask for, so that a hostile or
// generated string costs a FieldError, not a crash, gigabytes of memory or a
// statement that runs for minutes. Django has none; these are far above what a
// model graph needs (a few dozen relations in a row is already unusual).
//
//   #include <covet/limits.hpp>
//   static_assert(covet::limits::max_lookup_parts >= 8);
//   db.objects<Book>().filter("author__publisher__name", "Orbit");   // 3 parts, 23 bytes
//
// Every call taking a lookup, a field name or a relation path checks them
// before doing any work -- filter / exclude / get / Q (each lookup of the
// tree, and the tree's nesting), order_by, select_related, prefetch_related
// and covet::Prefetch lookups, only / defer, the fields of update and
// bulk_update -- and throws covet::FieldError naming the model, the limit and
// the size it found. docs/queries.md lists them.
#pragma once

#include <cstddef>

namespace covet::limits {

// Bytes of one lookup, field name or relation path ("author__name__startswith"
// is 24). A longer string is refused before it is split.
inline constexpr std::size_t max_lookup_length = 4096;

// Parts of one lookup, ordering or path, separated by "__": the relations it
// crosses, then the field, then the lookup name. "books__author__name__startswith"
// has 4. Bounds the joins and nested subqueries one lookup can make.
inline constexpr std::size_t max_lookup_parts = 32;

// Nesting of one condition tree: a lookup is 1, and each ~, or each & / |
// over a different operator than its operands, adds one level
// (Q(a) & Q(b) & Q(c) is 2, ~(Q(a) | Q(b)) & Q(c) is 4). Bounds the
// compiler's recursion and the nesting of the SQL it writes, which SQLite's
// parser limits (about 40 nested NOTs).
inline constexpr std::size_t max_q_depth = 32;

}  // namespace covet::limits
