#include "inheritance/table_chain.hpp"

#include <covet/detail/naming.hpp>

#include <algorithm>

namespace covet::detail {

namespace {

bool shares_parent_table(const ModelInfo& model) {
  return model.parent_model &&
         (model.inheritance == Inheritance::Proxy || model.inheritance == Inheritance::SingleTable);
}

}  // namespace

const ModelInfo& table_owner(const ModelInfo& model) {
  const ModelInfo* m = &model;
  while (shares_parent_table(*m)) m = m->parent_model;
  return *m;
}

const std::string& key_column(const ModelInfo& model) {
  const ModelInfo& owner = table_owner(model);
  return owner.inheritance == Inheritance::MultiTable ? owner.parent_link : owner.primary_key->column;
}

bool spans_tables(const ModelInfo& model) {
  return table_owner(model).inheritance == Inheritance::MultiTable;
}

const ModelInfo& column_owner(const ModelInfo& model, const MemberInfo& member) {
  return table_owner(member.declared_by ? *member.declared_by : model);
}

std::vector<TablePart> table_chain(const ModelInfo& model) {
  std::vector<TablePart> parts;
  for (const ModelInfo* m = &table_owner(model);; m = &table_owner(*m->parent_model)) {
    TablePart part;
    part.model = m;
    part.key = &key_column(*m);
    parts.push_back(std::move(part));
    if (m->inheritance != Inheritance::MultiTable) break;
  }
  std::reverse(parts.begin(), parts.end());
  for (std::size_t i = 0; i < model.columns.size(); ++i) {
    const MemberInfo* c = model.columns[i];
    if (c->primary_key) continue;
    const ModelInfo* owner = &column_owner(model, *c);
    for (TablePart& part : parts)
      if (part.model == owner) {
        part.columns.push_back(c);
        part.positions.push_back(i);
      }
  }
  return parts;
}

const ModelInfo* parent_level(const ModelInfo& level) {
  if (level.inheritance != Inheritance::MultiTable || !level.parent_model) return nullptr;
  return &table_owner(*level.parent_model);
}

const ModelInfo& column_level(const ModelInfo& model, const MemberInfo& member) {
  if (member.primary_key) return table_owner(model);
  return column_owner(model, member);
}

const std::string& column_in_level(const ModelInfo& model, const MemberInfo& member) {
  if (member.primary_key) return key_column(model);
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
