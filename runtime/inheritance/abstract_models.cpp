#include "inheritance/abstract_models.hpp"

#include <covet/errors.hpp>

namespace covet::detail {

namespace {

// "abstract (covet::abstract): it has no table; <instead> a concrete model:
// Cat, Dog".
std::string why_abstract(const ModelInfo& model, std::string_view instead) {
  std::string message = "abstract (covet::abstract): it has no table; ";
  if (model.children.empty()) return message + "derive a concrete model from it";
  message.append(instead).append(" a concrete model: ");
  for (std::size_t i = 0; i < model.children.size(); ++i)
    message += (i ? ", " : "") + model.children[i]->name;
  return message;
}

}  // namespace

std::string abstract_model_message(const ModelInfo& model, std::string_view instead) {
  return model.name + " is " + why_abstract(model, instead);
}

void throw_abstract_model(const ModelInfo& model, std::string_view instead) {
  throw UsageError(abstract_model_message(model, instead), model.name);
}

const ModelInfo& concrete_relation_target(const ModelInfo& source, const MemberInfo& member,
                                          const ModelInfo& target) {
  if (!target.abstract) return target;
  throw UsageError(source.name + "." + member.name + " refers to " + target.name + ", which is " +
                       why_abstract(target, "refer to"),
                   source.name);
}

}  // namespace covet::detail
