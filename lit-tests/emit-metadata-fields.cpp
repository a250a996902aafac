// The metadata emitted for the field types follows include/covet/generated.hpp:
// a covet::Uuid key is `.primary_key = true`, auto_now / auto_now_add and
// enum_text members say so in their FieldSpec, Decimal and Uuid columns need
// nothing (their types carry it), and every covet::enum_text enum the
// headers declare gets one EnumRegistration with its enumerators' values
// and names, after the models.
// RUN: rm -f %t.cpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp %s
// RUN: FileCheck %s --input-file %t.cpp --match-full-lines --strict-whitespace

#include <covet/covet.hpp>

#include <chrono>
#include <optional>

namespace shop {

enum class [[covet::enum_text]] Status { draft, paid = 5 };
enum class Level { low, high };

struct [[covet::model]] Customer {
  [[covet::primary_key]] covet::Uuid id;
  covet::Decimal<10, 2> balance;
  [[covet::auto_now_add]] std::chrono::sys_time<std::chrono::microseconds> joined{};
  [[covet::auto_now]] std::optional<std::chrono::sys_seconds> seen;
  Status status = Status::draft;
  std::optional<Status> previous;
  Level level = Level::low;
  covet::Uuid token;
};

struct [[covet::model]] Order {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Customer> customer;
};

}  // namespace shop

//      CHECK:const covet::ModelInfo& covet_model_0() {  // ::shop::Customer
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::Customer>(
// CHECK-NEXT:      {.name = "Customer", .table = "customer", .content_type = "shop.customer"},
// CHECK-NEXT:      {
// CHECK-NEXT:          covet::meta::field<::shop::Customer, &::shop::Customer::id>({.name = "id", .column = "id", .primary_key = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Customer, &::shop::Customer::balance>({.name = "balance", .column = "balance"}),
// CHECK-NEXT:          covet::meta::field<::shop::Customer, &::shop::Customer::joined>({.name = "joined", .column = "joined", .has_default = true, .auto_now_add = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Customer, &::shop::Customer::seen>({.name = "seen", .column = "seen", .auto_now = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Customer, &::shop::Customer::status>({.name = "status", .column = "status", .has_default = true, .enum_text = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Customer, &::shop::Customer::previous>({.name = "previous", .column = "previous", .enum_text = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Customer, &::shop::Customer::level>({.name = "level", .column = "level", .has_default = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Customer, &::shop::Customer::token>({.name = "token", .column = "token"}),
// CHECK-NEXT:      });
//      CHECK:const covet::meta::Registration covet_registration_1{typeid(::shop::Order), &covet_model_1};
// CHECK-NEXT:const covet::meta::EnumRegistration covet_enum_0{typeid(::shop::Status), "shop::Status",
// CHECK-NEXT:      {{[{][{]}}static_cast<std::int64_t>(::shop::Status::draft), "draft"},
// CHECK-NEXT:       {static_cast<std::int64_t>(::shop::Status::paid), "paid"}}};
// CHECK-NEXT:}  // namespace
