#include "inheritance/single_table_schema.hpp"

#include "inheritance/table_chain.hpp"

#include <algorithm>
#include <functional>

namespace covet::detail {

std::vector<const ModelInfo*> table_models(const ModelInfo& model) {
  std::vector<const ModelInfo*> out{&model};
  if (in_parent_table(model) || model.discriminator.empty()) return out;
  // Breadth first: parents before children, as the columns are listed.
  for (std::size_t i = 0; i < out.size(); ++i)
    for (const ModelInfo* child : out[i]->children)
      if (child->inheritance == Inheritance::SingleTable) out.push_back(child);
  return out;
}

std::vector<TableColumn> table_columns(const ModelInfo& model) {
  std::vector<TableColumn> out;
  if (spans_tables(model)) {
    // A multi-table child's table: the columns it declares, keyed by its
    // parent link (no member: the schema writes it).
    const std::vector<TablePart> chain = table_chain(model);
    for (const MemberInfo* m : chain.back().columns) out.push_back(TableColumn{m, m->nullable});
    return out;
  }
  for (const MemberInfo* m : model.columns) out.push_back(TableColumn{m, m->nullable});
  const std::vector<const ModelInfo*> models = table_models(model);
  for (std::size_t i = 1; i < models.size(); ++i)
    for (const MemberInfo* m : models[i]->columns) {
      if (m->declared_by != models[i]) continue;  // an ancestor's: listed with it
      const bool listed = std::any_of(out.begin(), out.end(),
                                      [&](const TableColumn& c) { return c.member->column == m->column; });
      if (!listed) out.push_back(TableColumn{m, true});
    }
  return out;
}

}  // namespace covet::detail
