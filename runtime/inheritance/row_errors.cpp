#include "inheritance/row_errors.hpp"

#include "inheritance/single_table.hpp"

#include <covet/errors.hpp>

#include <algorithm>

namespace covet::detail {

namespace {

std::string quoted_list(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "'" : ", '") + v + "'";
  return out;
}

}  // namespace

void throw_null_subclass_field(const ModelInfo& model, const MemberInfo& member, const Value& key,
                               const std::string* identity) {
  const std::vector<std::string>* own = restricted_identities(model);
  const std::string which =
      identity ? model.discriminator + " '" + *identity + "'"
               : model.discriminator + " " + (own && own->size() > 1 ? "one of " + quoted_list(*own)
                                                                     : "'" + model.identity + "'");
  throw NullSubclassField(model.name + " with " + model.primary_key->name + " " + key.debug_string() + " (" +
                              which + ") has NULL in column '" + member.column + "', which " + model.name + "." +
                              member.name +
                              " cannot hold: the shared table '" + model.table +
                              "' allows NULL in a subclass's columns, and this row has no value there. Store a "
                              "value in that column of the row, or declare the member std::optional to accept "
                              "rows without one",
                          model.name, key, member.name, identity ? *identity : model.identity);
}

void throw_unknown_identity(const ModelInfo& queried, const Value& key, const std::string& identity,
                            const std::vector<const ModelInfo*>& models) {
  std::vector<std::string> known;
  for (const ModelInfo* m : models)
    if (std::find(known.begin(), known.end(), m->identity) == known.end()) known.push_back(m->identity);
  std::sort(known.begin(), known.end());
  throw UnknownIdentity("the " + queried.table + " row with " + queried.primary_key->name + " " +
                            key.debug_string() + " has " + queried.discriminator + " '" + identity +
                            "', which no model of " + queried.name + "'s hierarchy declares (known: " +
                            quoted_list(known) + "): declare that model, with covet::polymorphic_identity(\"" +
                            identity + "\") and list it in polymorphic<...>(), or correct the row's " +
                            queried.discriminator,
                        queried.name, identity, known);
}

}  // namespace covet::detail
