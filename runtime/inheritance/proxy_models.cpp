#include "inheritance/proxy_models.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <tuple>

namespace covet::detail {

namespace {

ModelInfo& writable(const ModelInfo* model) { return const_cast<ModelInfo&>(*model); }

const ModelInfo* concrete_of(const ModelInfo* model) {
  while (model->inheritance == Inheritance::Proxy && model->parent_model) model = model->parent_model;
  return model;
}

// The registry's order of reverse relations: by source model name, then
// the relation's position among the source's members (each relation gives
// one reverse side: the order is total).
bool registry_order(const ReverseRelation& a, const ReverseRelation& b) {
  auto key = [](const ReverseRelation& r) {
    return std::make_tuple(std::string_view(r.source->name), r.source,
                           static_cast<std::ptrdiff_t>(r.member - r.source->members.data()));
  };
  return key(a) < key(b);
}

}  // namespace

void link_proxies(const std::vector<const ModelInfo*>& models) {
  for (const ModelInfo* model : models) writable(model).concrete_model = concrete_of(model);

  // Each proxy gathers from the models' own lists, read before any changes.
  std::map<const ModelInfo*, std::vector<ReverseRelation>> own;
  for (const ModelInfo* model : models) own[model] = model->reverse;
  for (const ModelInfo* model : models) {
    if (model->concrete_model == model) continue;
    std::vector<ReverseRelation> reverse;
    for (const ModelInfo* m = model; m != model->concrete_model; m = m->parent_model)
      reverse.insert(reverse.end(), own[m].begin(), own[m].end());
    const std::vector<ReverseRelation>& rows = own[model->concrete_model];
    reverse.insert(reverse.end(), rows.begin(), rows.end());
    std::sort(reverse.begin(), reverse.end(), registry_order);
    writable(model).reverse = std::move(reverse);
    if (!model->concrete_model->identities.empty())
      writable(model).identities = model->concrete_model->identities;
  }
}

}  // namespace covet::detail
