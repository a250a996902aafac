// Polymorphic loads: the rows of a model of an inheritance hierarchy, each
// as its most-derived model, in a std::variant the caller visits. The
// variant's alternatives are the queried model and the models listed, which
// must be exactly the concrete, non-proxy models deriving from it (the
// plugin knows the hierarchy and checks the list; so does the runtime):
//
//   auto rows = db.objects<Vehicle>()
//                   .filter("make__startswith", "B")
//                   .order_by("make")
//                   .polymorphic<Car, SportsCar, Motorcycle>();
//   for (const auto& row : rows)     // std::vector<std::variant<Vehicle, Car, SportsCar, Motorcycle>>
//     std::visit([](const auto& v) { std::cout << v.make << '\n'; }, row);
//
// A single-table hierarchy loads in one query: the discriminator says which
// model each row is, and the row's columns fill that model's object (no
// query per row). Conditions, order, slices and select_related apply as in
// fetch(); prefetch_related loads the queried model's relations for every
// row, whatever its model (one query per lookup, as always). A multi-table
// hierarchy loads through runtime/inheritance/multi_table_rows.cpp.
//
// Throws UsageError (before any query) when the listed models are not
// exactly the concrete non-proxy models below the queried one, naming the
// missing and the extra ones; UnknownIdentity for a row whose discriminator
// no model declares; NullSubclassField for a row with NULL in a column its
// model's member cannot hold. Included by query_set.hpp.
#pragma once

#include <covet/query_set.hpp>

#include <cstddef>
#include <type_traits>
#include <variant>
#include <vector>

namespace covet {

namespace detail {

// The rows of a polymorphic load of T listing Ts.
template <class T, class... Ts>
struct PolymorphicRows {
  using Result = std::variant<T, Ts...>;

  // A new value-initialized row of `model`'s alternative; nullptr for a
  // model that is none of them.
  template <std::size_t I = 0>
  static void* emplace(std::vector<Result>& out, const ModelInfo& model) {
    if constexpr (I < std::variant_size_v<Result>) {
      if (&model == &model_info<std::variant_alternative_t<I, Result>>())
        return &std::get<I>(out.emplace_back(std::in_place_index<I>));
      return emplace<I + 1>(out, model);
    } else {
      return nullptr;
    }
  }

  // The row's T: what T's prefetch lookups fill.
  static void* queried_part(Result& row) {
    return std::visit(
        [](auto& object) -> void* {
          using U = std::remove_reference_t<decltype(object)>;
          if constexpr (std::is_base_of_v<T, U>) {
            return static_cast<T*>(&object);
          } else {
            return nullptr;  // refused by the list check before any row loads
          }
        },
        row);
  }
};

}  // namespace detail

template <class T, class Row>
template <class... Ts>
std::vector<std::variant<T, Ts...>> QuerySet<T, Row>::polymorphic() const {
  static_assert(std::is_same_v<Row, T>,
                "covet: polymorphic() loads whole objects: call it on a query set without only() / defer()");
  (detail::require_model<Ts>(), ...);
  using Rows = detail::PolymorphicRows<T, Ts...>;
  std::vector<typename Rows::Result> out;
  core().fetch_polymorphic({&model_info<Ts>()...},
                          [&out](const ModelInfo& model) -> void* { return Rows::emplace(out, model); });
  if (core().has_prefetch()) {
    std::vector<void*> objects;
    objects.reserve(out.size());
    for (typename Rows::Result& row : out) objects.push_back(Rows::queried_part(row));
    core().prefetch(objects);
  }
  return out;
}

}  // namespace covet
