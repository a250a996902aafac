// The front-end of polymorphic loads: the list check and the dispatch on
// the hierarchy's strategy (see polymorphic_rows.hpp).
#include "inheritance/polymorphic_rows.hpp"

#include "query/query_runner.hpp"

#include <covet/errors.hpp>
#include <covet/query_set.hpp>

#include <algorithm>
#include <string>

namespace covet::detail {

namespace {

// The concrete, non-proxy models below `model`, at any depth.
void concrete_below(const ModelInfo& model, std::vector<const ModelInfo*>& out) {
  for (const ModelInfo* child : model.children) {
    if (!child->abstract && child->inheritance != Inheritance::Proxy) out.push_back(child);
    concrete_below(*child, out);
  }
}

bool contains(const std::vector<const ModelInfo*>& models, const ModelInfo* m) {
  return std::find(models.begin(), models.end(), m) != models.end();
}

std::string names(std::vector<std::string> list) {
  std::sort(list.begin(), list.end());
  std::string out;
  for (const std::string& n : list) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::vector<const ModelInfo*> polymorphic_models(const ModelInfo& queried,
                                                 const std::vector<const ModelInfo*>& listed) {
  std::vector<const ModelInfo*> expected;
  concrete_below(queried, expected);
  std::vector<std::string> missing, extra, repeated;
  for (const ModelInfo* m : expected)
    if (!contains(listed, m)) missing.push_back(m->name);
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const ModelInfo* m = listed[i];
    const bool seen = std::find(listed.begin(), listed.begin() + static_cast<std::ptrdiff_t>(i), m) !=
                      listed.begin() + static_cast<std::ptrdiff_t>(i);
    if (seen) {
      if (std::find(repeated.begin(), repeated.end(), m->name) == repeated.end()) repeated.push_back(m->name);
    } else if (!contains(expected, m)) {
      extra.push_back(m->name + (m == &queried                          ? " (the queried model itself)"
                                 : m->inheritance == Inheritance::Proxy ? " (a proxy: its rows load as its parent)"
                                                                        : " (not a model below " + queried.name + ")"));
    }
  }
  if (missing.empty() && extra.empty() && repeated.empty()) {
    std::vector<const ModelInfo*> models{&queried};
    models.insert(models.end(), listed.begin(), listed.end());
    return models;
  }
  std::vector<std::string> all;
  for (const ModelInfo* m : expected) all.push_back(m->name);
  std::string message = "polymorphic<...>() on " + queried.name + " must list exactly the concrete models below " +
                        queried.name + " (" + (all.empty() ? "there are none" : names(all)) + "), in any order";
  if (!missing.empty()) message += "; missing: " + names(missing);
  if (!extra.empty()) message += "; extra: " + names(extra);
  if (!repeated.empty()) message += "; listed twice: " + names(repeated);
  throw UsageError(message, queried.name);
}

void QueryCore::fetch_polymorphic(const std::vector<const ModelInfo*>& listed,
                                  const std::function<void*(const ModelInfo&)>& emplace) const {
  const ModelInfo& queried = *state_->model;
  const std::vector<const ModelInfo*> models = polymorphic_models(queried, listed);
  if (!queried.discriminator.empty()) {
    load_single_table_rows(db_, *state_, models, emplace);
  } else if (std::any_of(models.begin(), models.end(),
                         [](const ModelInfo* m) { return m->inheritance == Inheritance::MultiTable; })) {
    load_multi_table_rows(db_, *state_, models, emplace);
  } else {
    // No subclass: every row is the queried model's.
    run_rows(db_, *state_, [&](const Row&) { return emplace(queried); });
  }
}

}  // namespace covet::detail
