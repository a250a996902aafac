#include "inheritance/table_chain.hpp"

#include <covet/detail/naming.hpp>


namespace covet::detail {

const ModelInfo& table_level(const ModelInfo& model) {
  const ModelInfo* m = &model;
  while (m->parent_model &&
         (m->inheritance == Inheritance::Proxy || m->inheritance == Inheritance::SingleTable))
    m = m->parent_model;
  return *m;
}

bool spans_tables(const ModelInfo& model) { return table_level(model).inheritance == Inheritance::MultiTable; }

const ModelInfo* parent_level(const ModelInfo& level) {
  if (level.inheritance != Inheritance::MultiTable || !level.parent_model) return nullptr;
  return &table_level(*level.parent_model);
}

const std::string& level_key_column(const ModelInfo& level) {
  return level.inheritance == Inheritance::MultiTable ? level.parent_link : level.primary_key->column;
}

const ModelInfo& column_level(const ModelInfo& model, const MemberInfo& member) {
  if (member.primary_key || !member.declared_by) return table_level(model);
  return table_level(*member.declared_by);
}

const std::string& column_in_level(const ModelInfo& model, const MemberInfo& member) {
  if (member.primary_key) return level_key_column(table_level(model));
  return member.column;
}

const ModelInfo* child_named(const ModelInfo& model, std::string_view name) {
  for (const ModelInfo* child : model.children)
    if (child->inheritance == Inheritance::MultiTable && naming::model_name(child->name) == name) return child;
  return nullptr;
}

std::string child_names(const ModelInfo& model) {
  std::string out;
  for (const ModelInfo* child : model.children)
    if (child->inheritance == Inheritance::MultiTable) out += (out.empty() ? "" : ", ") + naming::model_name(child->name);
  return out;
}

bool derives_from(const ModelInfo& model, const ModelInfo& ancestor) {
  for (const ModelInfo* m = &model; m; m = m->parent_model)
    if (m == &ancestor) return true;
  return false;
}

const ReverseRelation* inherited_reverse(const ModelInfo& model, std::string_view name, bool by_accessor) {
  for (const ModelInfo* m = &model; m; m = m->parent_model)
    for (const ReverseRelation& r : m->reverse)
      if ((by_accessor ? r.accessor : r.query_name) == name) return &r;
  return nullptr;
}

}  // namespace covet::detail
