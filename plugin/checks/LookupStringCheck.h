// Rule: a string literal naming fields in the query API is a valid path on
// the query's model, checked as the runtime would check it
// (runtime/query/lookup_path.cpp):
//   * the lookup of filter / exclude / get on covet::QuerySet<T>,
//     covet::RelatedManager<T> and covet::ReverseSet<T>, and the first
//     argument of a covet::Q constructed inside such a call's arguments
//     (Q("a", 1) | ~Q("b", 2) included): "field__field__lookup", where a
//     segment names a column, a forward foreign key / one-to-one (followed
//     into its target), "<relation>_id", "pk", or a reverse relation by its
//     query name (related_query_name, else related_name, else the lower-case
//     model name: "order", not the accessor "order_set"), and the last
//     segment may be one of the lookups exact, iexact, gt, gte, lt, lte, in,
//     contains, icontains, startswith, istartswith, endswith, iendswith,
//     isnull, range; a many-to-many (forward by member name, backward by
//     reverse query name) is a to-many step;
//   * each field of order_by: the same path with an optional leading '-', no
//     lookup, not across a to-many relation (reverse foreign key or many-to-many);
//   * each field of select_related: a chain of foreign keys, one-to-ones and
//     reverse one-to-ones, the latter by their query name (Django's
//     get_related_selections matches related_query_name());
//   * each lookup of prefetch_related (a string or covet::Prefetch("...")): a
//     chain of any relations, reverse ones by their accessor ("order_set"), as
//     Django's prefetch_related_objects and runtime/prefetch/relation_step.cpp;
//   * each field of only / defer: a column of the model itself, "pk" or
//     "<relation>_id" (runtime/query/deferred_fields.cpp);
//   * the value of a filter / exclude / get / Q lookup whose type is known at
//     compile time (checks/LookupValueCheck.h).
// The model is the T of the class the member function belongs to. A string
// that is not a literal stays checked at run time. A literal inside a
// template is checked in each instantiation and reported once.
//
// The models are the translation unit's; a file checked in check-only mode
// with -fplugin-arg-covet-graph=<json> also sees the models of that graph
// (LookupGraph.h), so it need not include every model header.
//
// Why: a typo in a lookup string is otherwise a covet::FieldError at run
// time, on the code path that happens to build that query.
//
// Fix: correct the name (the "did you mean" note has a fix-it); the notes
// list the valid field names or lookups.
#pragma once

#include "LookupGraph.h"
#include "checks/Check.h"

namespace covet {

class LookupStringCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

// The same check against a lookup graph (the plugin's check-only mode merges
// the translation unit's models with a model graph JSON).
void checkLookupStrings(const LookupGraph &Graph, CheckContext &Ctx);

// Checks Field, a field of an order_by() on Root written as a string
// literal ("-age", "owner__name"), and reports what is wrong with it as
// order_by() would; true when it is valid or not a string literal.
// (checks/OrderingFieldCheck.h checks covet::ordering with it.)
bool checkOrderField(const LookupGraph &Graph, CheckContext &Ctx, const LookupModel &Root,
                     const clang::Expr *Field);

}  // namespace covet
