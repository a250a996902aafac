// A stand-in for covet::QuerySet<T>::polymorphic<Ts...>(), declared as the
// single-table branch (i-sti, include/covet/query_set.hpp) declares it, until
// that branch is merged: PolymorphicListCheck matches a member function
// template named `polymorphic` of covet::QuerySet, so the lit tests declare
// the least that has one, with covet::Id for the models.
#pragma once

#include <covet/id.hpp>

#include <variant>
#include <vector>

namespace covet {

template <class T, class Row = T>
class QuerySet {
 public:
  template <class... Ts>
  std::vector<std::variant<T, Ts...>> polymorphic() const;
};

}  // namespace covet
