#include "prefetch/related_rows.hpp"

#include "query/query_runner.hpp"

#include <algorithm>
#include <functional>
#include <string>

namespace covet::detail {

std::size_t ValueHash::operator()(const Value& v) const {
  switch (v.kind()) {
    case Value::Kind::Integer: return std::hash<std::int64_t>{}(v.as_integer());
    case Value::Kind::Text: return std::hash<std::string>{}(v.as_text());
    case Value::Kind::Uuid: return std::hash<Uuid>{}(v.as_uuid());
    default: return std::hash<std::string>{}(v.debug_string());
  }
}

std::size_t load_related_rows(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                              const std::vector<Value>& keys, const QueryState* custom,
                              const std::function<void*(const Value& key)>& emplace) {
  if (keys.empty()) return 0;
  QueryState state;
  if (custom) {
    state = *custom;
  } else {
    state.model = step.related;
  }
  state.prefetch.clear();  // the engine runs the custom query set's own lookups on the result
  // The custom query set's conditions are bound after the keys; leave them room.
  const std::size_t per_statement = keys_per_statement(*db, step.restriction.key_type, 64);
  std::size_t statements = 0;
  for (std::size_t begin = 0; begin < keys.size(); begin += per_statement) {
    auto restriction = std::make_shared<KeyRestriction>(step.restriction);
    const std::size_t end = std::min(keys.size(), begin + per_statement);
    restriction->keys.assign(keys.begin() + static_cast<std::ptrdiff_t>(begin),
                             keys.begin() + static_cast<std::ptrdiff_t>(end));
    state.key_restriction = std::move(restriction);
    run_rows(db, state, [&](const Row& row) -> void* { return emplace(row.value(row.size() - 1)); });
    ++statements;
  }
  return statements;
}

}  // namespace covet::detail
