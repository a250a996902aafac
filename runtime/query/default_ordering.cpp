#include "query/default_ordering.hpp"

#include "query/lookup_limits.hpp"

#include <covet/errors.hpp>

#include <algorithm>
#include <string_view>

namespace covet::detail {

namespace {

struct Expansion {
  const ModelInfo& root;
  const std::string& written;  // the field as the query or ordering names it
  // The relations whose targets' orderings are being expanded, outermost
  // first. Expanding one that is already here would repeat forever.
  std::vector<const MemberInfo*> through;
  std::vector<OrderTerm>& out;
};

// Appends the columns `field` (no leading '-') of `e.root` orders by.
void expand(Expansion& e, const std::string& field, bool descending) {
  ResolvedPath path = resolve_order_field(e.root, field);
  const MemberInfo& column = *path.column;
  // "owner" names the relation; "owner_id" and "owner__id" resolve to the
  // same member but name its key column.
  const std::size_t split = field.rfind("__");
  const std::string_view last = split == std::string::npos ? std::string_view(field)
                                                           : std::string_view(field).substr(split + 2);
  const bool names_relation = column.kind == MemberKind::Relation && column.relation &&
                              column.relation->kind != RelationKind::ManyToMany && last == column.name;
  const ModelInfo* target = names_relation ? column.relation->target : nullptr;
  if (!target || target->ordering.empty()) {
    e.out.push_back(OrderTerm{std::move(path), descending});
    return;
  }
  if (std::find(e.through.begin(), e.through.end(), &column) != e.through.end()) {
    const MemberInfo& outermost = *e.through.front();
    const std::string top = e.written.substr(e.written.front() == '-' ? 1 : 0);
    throw FieldError("Infinite loop caused by ordering: ordering " + e.root.name + " by '" + e.written +
                         "' follows the default ordering (covet::ordering) of " + target->name + " through '" +
                         field + "' back to the relation " + path.model->name + "." + column.name +
                         " it is expanding; order by a column instead, e.g. '" + top + "__" +
                         referenced_member(outermost)->name + "', or give " + target->name +
                         " an ordering that does not name " + column.name,
                     e.root.name);
  }
  e.through.push_back(&column);
  for (const std::string& item : target->ordering) {
    const bool flip = !item.empty() && item.front() == '-';
    expand(e, field + "__" + (flip ? item.substr(1) : item), descending != flip);
  }
  e.through.pop_back();
}

void expand_written(const ModelInfo& model, const std::string& written, std::vector<OrderTerm>& out) {
  const bool descending = !written.empty() && written.front() == '-';
  Expansion e{model, written, {}, out};
  expand(e, descending ? written.substr(1) : written, descending);
}

}  // namespace

const std::vector<std::string>& effective_order(const QueryState& state) {
  if (!state.order_by.empty() || !state.default_ordering) return state.order_by;
  return state.model->ordering;
}

std::vector<OrderTerm> order_terms(const QueryState& state) {
  std::vector<OrderTerm> out;
  for (const std::string& written : effective_order(state)) expand_written(*state.model, written, out);
  return out;
}

void check_default_ordering(const ModelInfo& model) {
  for (const std::string& written : model.ordering) {
    std::string_view field = written;
    if (!field.empty() && field.front() == '-') field.remove_prefix(1);
    try {
      if (field.empty())
        throw FieldError("a '-' has no field name after it", model.name);
      check_lookup_limits(model, field, "ordering");
      resolve_order_field(model, field);
    } catch (const FieldError& e) {
      throw FieldError("The default ordering of " + model.name + " (covet::ordering) names '" + written +
                           "', which order_by() does not take: " + e.what(),
                       model.name);
    }
    // A loop, or a bad field in a related model's ordering, says so itself.
    std::vector<OrderTerm> terms;
    expand_written(model, written, terms);
  }
}

}  // namespace covet::detail
