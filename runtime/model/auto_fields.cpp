#include "model/auto_fields.hpp"

#include <covet/uuid.hpp>

#include <chrono>

namespace covet::detail {

Timestamp current_time() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp{std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count()};
}

void assign_generated_key(const ModelInfo& model, void* object) {
  const MemberInfo& key = *model.primary_key;
  if (key.type == ColumnType::Uuid && key.get(object).is_null()) key.set(object, Value(Uuid::random()));
}

void stamp_auto_now(const ModelInfo& model, void* object, AutoWrite write, Timestamp now,
                    const std::vector<bool>* only) {
  for (std::size_t i = 0; i < model.columns.size(); ++i) {
    const MemberInfo& m = *model.columns[i];
    const bool stamp = write == AutoWrite::Create ? m.auto_now || m.auto_now_add : m.auto_now;
    if (stamp && (!only || (*only)[i])) m.set(object, Value(now));
  }
}

bool has_auto_now(const ModelInfo& model) {
  for (const MemberInfo* m : model.columns)
    if (m->auto_now) return true;
  return false;
}

}  // namespace covet::detail
