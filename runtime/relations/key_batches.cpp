#include "relations/key_batches.hpp"

#include <covet/errors.hpp>

#include <algorithm>

namespace covet::detail {

bool ValueLess::operator()(const Value& a, const Value& b) const {
  if (a.kind() != b.kind()) return a.kind() < b.kind();
  switch (a.kind()) {
    case Value::Kind::Null: return false;
    case Value::Kind::Bool: return a.as_bool() < b.as_bool();
    case Value::Kind::Integer: return a.as_integer() < b.as_integer();
    case Value::Kind::Real: return a.as_real() < b.as_real();
    case Value::Kind::Text: return a.as_text() < b.as_text();
    case Value::Kind::Blob: return a.as_blob() < b.as_blob();
    case Value::Kind::Timestamp: return a.as_timestamp() < b.as_timestamp();
    case Value::Kind::Date: return a.as_date() < b.as_date();
    case Value::Kind::Decimal: {  // by representation, as Value's == is
      const DecimalValue x = a.as_decimal(), y = b.as_decimal();
      return x.places != y.places ? x.places < y.places : x.units < y.units;
    }
    case Value::Kind::Uuid: return a.as_uuid() < b.as_uuid();
  }
  return false;
}

KeyChange key_change(const std::vector<Value>& current, const std::vector<Value>& wanted) {
  const KeySet have(current.begin(), current.end());
  const KeySet want(wanted.begin(), wanted.end());
  KeyChange change;
  for (const Value& k : current)
    if (!want.count(k)) change.removed.push_back(k);
  for (const Value& k : wanted)
    if (!have.count(k)) change.added.push_back(k);
  return change;
}

std::vector<Value> distinct_keys(const std::vector<Value>& keys, const ModelInfo& model,
                                 const std::string& label) {
  std::vector<Value> out;
  out.reserve(keys.size());
  KeySet seen;
  for (const Value& k : keys) {
    if (k.is_null())
      throw UsageError(label + ": a NULL key does not name a " + model.name, model.name);
    if (seen.insert(k).second) out.push_back(k);
  }
  return out;
}

std::size_t rows_per_statement(const DatabaseState& db, std::size_t width, std::size_t fixed) {
  const int limit = db.connection->max_params();
  const std::size_t max = limit > 0 ? static_cast<std::size_t>(limit) : 999;
  if (width == 0 || max <= fixed + width) return 1;
  return std::max<std::size_t>(1, (max - fixed) / width);
}

}  // namespace covet::detail
