#include "inheritance/single_table.hpp"

#include "sql/dialect.hpp"

namespace covet::detail {

const std::vector<std::string>* restricted_identities(const ModelInfo& model) {
  const ModelInfo* m = &model;
  while (m->inheritance == Inheritance::Proxy && m->parent_model) m = m->parent_model;
  if (m->inheritance != Inheritance::SingleTable || m->identities.empty()) return nullptr;
  return &m->identities;
}

const ModelInfo& table_model(const ModelInfo& model) {
  if (model.inheritance == Inheritance::SingleTable && model.root_model) return *model.root_model;
  return model;
}

std::vector<const ModelInfo*> same_rows_models(const ModelInfo& model) {
  std::vector<const ModelInfo*> out{&model};
  for (const ModelInfo* p = single_table_parent(model); p; p = single_table_parent(*p)) out.push_back(p);
  std::vector<const ModelInfo*> below{&model};
  for (std::size_t i = 0; i < below.size(); ++i)
    for (const ModelInfo* child : below[i]->children)
      if (child->inheritance == Inheritance::SingleTable) {
        below.push_back(child);
        out.push_back(child);
      }
  return out;
}

std::string identity_condition(ParamSink& sink, const std::string& column,
                               const std::vector<std::string>& identities) {
  if (identities.size() == 1) return column + " = " + sink.bind_constant(Value(identities.front()));
  std::string out = column + " IN (";
  for (std::size_t i = 0; i < identities.size(); ++i) out += (i ? ", " : "") + sink.bind_constant(Value(identities[i]));
  return out + ")";
}

std::string row_restriction(ParamSink& sink, const std::string& alias, const ModelInfo& model) {
  const std::vector<std::string>* identities = restricted_identities(model);
  if (!identities) return {};
  const std::string column = quote_identifier(sink.dialect, model.discriminator);
  return identity_condition(sink, alias.empty() ? column : alias + "." + column, *identities);
}

}  // namespace covet::detail
