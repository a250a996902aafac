#include "inheritance/subclass_fields.hpp"

#include <vector>

namespace covet::detail {

std::string subclass_field_hint(const ModelInfo& model, std::string_view name,
                                const std::function<bool(const ModelInfo&, std::string_view)>& has) {
  std::vector<const ModelInfo*> found;
  std::vector<const ModelInfo*> pending(model.children.begin(), model.children.end());
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const ModelInfo* child = pending[i];
    if (child->inheritance != Inheritance::SingleTable) continue;  // proxies add no field
    if (has(*child, name)) {
      found.push_back(child);  // its subclasses inherit it: name the topmost
      continue;
    }
    pending.insert(pending.end(), child->children.begin(), child->children.end());
  }
  if (found.empty()) return {};
  std::string models, queries;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const char* sep = i == 0 ? "" : i + 1 == found.size() ? " and " : ", ";
    models += sep + found[i]->name;
    queries += (i == 0 ? "" : i + 1 == found.size() ? " or " : ", ") + ("db.objects<" + found[i]->name + ">()");
  }
  return std::string(name) + " is a field of " + models + ", not of " + model.name + ": query " + queries;
}

}  // namespace covet::detail
