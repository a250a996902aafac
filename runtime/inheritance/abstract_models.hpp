// Abstract models (covet::abstract) at run time: they are registered, so the
// runtime knows them by name, but they have no table. Everything that needs
// one refuses them with a UsageError that says why and names the concrete
// models to use instead (Django's "Manager isn't available; 'Animal' is
// abstract", and its models.E300 for a relation to one).
#pragma once

#include <covet/model_info.hpp>

#include <string>
#include <string_view>

namespace covet::detail {

// "Animal is abstract (covet::abstract): it has no table; <instead> a
// concrete model: Cat, Dog" (its children, by name), or, when no registered
// model derives from it, "...; derive a concrete model from it".
std::string abstract_model_message(const ModelInfo& model, std::string_view instead);

// The target of relation `member` of `source`, when it is concrete. Throws
// UsageError for an abstract target: a foreign key needs a table to
// reference, a many-to-many a table to join.
const ModelInfo& concrete_relation_target(const ModelInfo& source, const MemberInfo& member,
                                          const ModelInfo& target);

}  // namespace covet::detail
