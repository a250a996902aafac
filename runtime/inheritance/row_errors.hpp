// The errors a row of a single-table hierarchy can raise while it loads
// (covet/errors.hpp: UnknownIdentity, NullSubclassField), with messages
// that name the row and say what to do.
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <string>
#include <vector>

namespace covet::detail {

// A NULL in the column of `member` (of `model`, not std::optional) in the
// row whose key is `key`. `identity`: the row's discriminator value, when
// the query selected it; null: one of model's identities.
[[noreturn]] void throw_null_subclass_field(const ModelInfo& model, const MemberInfo& member, const Value& key,
                                            const std::string* identity);

// A row of a polymorphic load of `queried` with discriminator value
// `identity`, which none of `models` declares.
[[noreturn]] void throw_unknown_identity(const ModelInfo& queried, const Value& key, const std::string& identity,
                                         const std::vector<const ModelInfo*>& models);

}  // namespace covet::detail
