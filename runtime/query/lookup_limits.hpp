// The checks behind covet/limits.hpp, run by every call that takes a lookup,
// a field name or a relation path, before that string is split or resolved:
// what they cost afterwards is then bounded and linear in the string's
// length. Each throws FieldError naming the model, the call, the limit (by
// its value and its name in covet::limits) and the size found, quoting only
// the start of the string.
#pragma once

#include "query/q_node.hpp"

#include <covet/model_info.hpp>

#include <string_view>

namespace covet::detail {

// A lookup, ordering field or relation path: at most max_lookup_length
// bytes and max_lookup_parts "__"-separated parts. `call` names the entry
// for the message ("filter", "order_by", "select_related", ...).
void check_lookup_limits(const ModelInfo& model, std::string_view lookup, std::string_view call);

// A single field name (only, defer, update, bulk_update): at most
// max_lookup_length bytes.
void check_field_name_limits(const ModelInfo& model, std::string_view name, std::string_view call);

// A condition tree: at most max_q_depth levels (checked on the root's
// recorded depth, without walking the tree), then every leaf's lookup.
void check_condition_limits(const ModelInfo& model, const QNode& root, std::string_view call);

}  // namespace covet::detail
