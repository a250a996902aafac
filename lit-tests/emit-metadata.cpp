// The emitted metadata follows include/covet/generated.hpp.
// RUN: rm -f %t.cpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp %s
// RUN: FileCheck %s --input-file %t.cpp --match-full-lines --strict-whitespace

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace shop {

struct [[covet::model]] Author {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  std::optional<std::string> bio;
  covet::ReverseSet<struct Book> books;
  covet::Prefetched<struct Book> recent_books;  // no column, no metadata: filled by a typed Prefetch
};

covet::Ref<Author> nobody();

struct [[covet::model, covet::abstract]] Base {
  covet::Id id;
  [[covet::unique, covet::column("sl\"ug")]] std::string slug;
};

struct [[covet::model("books")]] Book : Base {
  int published_year = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
  covet::Ref<Author> author;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("edited_books")]]
  std::optional<covet::Ref<Author>> editor;
  [[covet::one_to_one(covet::SET(nobody)), covet::db_index(false)]] covet::Ref<Author> owner;
  [[covet::many_to_many, covet::symmetrical(false)]] covet::RefSet<Book> similar;
};

struct [[covet::model, covet::multi_table]] EBook : Book {
  [[covet::db_index]] int size = 0;
};

// Single table: the root's discriminator on every model of the hierarchy,
// each model's identity (the lower-case model name by default), a proxy with
// its parent's identity and table.
struct [[covet::model, covet::polymorphic_on("kind")]] Vehicle {
  covet::Id id;
  int wheels = 0;
};
struct [[covet::model, covet::polymorphic_identity("auto")]] Car : Vehicle {
  int doors = 0;
};
struct [[covet::model]] Truck : Vehicle {};
struct [[covet::model, covet::proxy]] FastCar : Car {};

}  // namespace shop

//      CHECK:#include "{{.*}}emit-metadata.cpp"
//      CHECK:#include <covet/generated.hpp>
// CHECK-NEXT:namespace {
// CHECK-NEXT:const covet::ModelInfo& covet_model_0() {  // ::shop::Author
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::Author>(
// CHECK-NEXT:      {.name = "Author", .table = "author", .content_type = "shop.author"},
// CHECK-NEXT:      {
// CHECK-NEXT:          covet::meta::field<::shop::Author, &::shop::Author::id>({.name = "id", .column = "id", .primary_key = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Author, &::shop::Author::name>({.name = "name", .column = "name", .max_length = 100}),
// CHECK-NEXT:          covet::meta::field<::shop::Author, &::shop::Author::bio>({.name = "bio", .column = "bio"}),
// CHECK-NEXT:          covet::meta::reverse<::shop::Author, &::shop::Author::books>({.name = "books"}),
// The Prefetched member emits nothing:
// CHECK-NEXT:      });
// CHECK-NEXT:  return info;
// CHECK-NEXT:}
// CHECK-NEXT:const covet::meta::Registration covet_registration_0{typeid(::shop::Author), &covet_model_0};
// The abstract base is registered without members (the runtime names it in
// its errors); its members are inherited, and Book names it among its bases.
// CHECK-NEXT:const covet::ModelInfo& covet_abstract_model_0() {  // ::shop::Base
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::Base>(
// CHECK-NEXT:      {.name = "Base", .abstract = true},
// CHECK-NEXT:      {});
// CHECK-NEXT:  return info;
// CHECK-NEXT:}
// CHECK-NEXT:const covet::meta::Registration covet_abstract_registration_0{typeid(::shop::Base), &covet_abstract_model_0};
// CHECK-NEXT:const covet::ModelInfo& covet_model_1() {  // ::shop::Book
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::Book>(
// CHECK-NEXT:      {.name = "Book", .table = "books", .abstract_bases = {&typeid(::shop::Base)}, .content_type = "shop.book"},
// CHECK-NEXT:      {
// CHECK-NEXT:          covet::meta::field<::shop::Book, &::shop::Base::id>({.name = "id", .column = "id", .primary_key = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Book, &::shop::Base::slug>({.name = "slug", .column = "sl\"ug", .unique = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Book, &::shop::Book::published_year>({.name = "published_year", .column = "published_year", .has_default = true}),
// CHECK-NEXT:          covet::meta::relation<::shop::Book, &::shop::Book::author>({.name = "author", .column = "author_id", .related_name = "books"}),
// CHECK-NEXT:          covet::meta::relation<::shop::Book, &::shop::Book::editor>({.name = "editor", .column = "editor_id", .on_delete = covet::OnDelete::SetNull, .related_name = "edited_books"}),
// CHECK-NEXT:          covet::meta::relation<::shop::Book, &::shop::Book::owner>({.name = "owner", .column = "owner_id", .kind = covet::meta::RelationKind::OneToOne, .on_delete = covet::OnDelete::Set, .set_fn = &covet::meta::set_value<&::shop::nobody>, .db_index = false}),
// CHECK-NEXT:          covet::meta::relation<::shop::Book, &::shop::Book::similar>({.name = "similar", .kind = covet::meta::RelationKind::ManyToMany, .symmetrical = 0}),
// CHECK-NEXT:      });
// CHECK-NEXT:  return info;
// CHECK-NEXT:}
// CHECK-NEXT:const covet::meta::Registration covet_registration_1{typeid(::shop::Book), &covet_model_1};
// A multi-table child: its parent link, and the members its parent declares.
// CHECK-NEXT:const covet::ModelInfo& covet_model_2() {  // ::shop::EBook
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::EBook>(
// CHECK-NEXT:      {.name = "EBook", .table = "ebook", .multi_table = true, .parent = &typeid(::shop::Book), .inheritance = covet::Inheritance::MultiTable, .parent_link = "book_ptr_id", .content_type = "shop.ebook"},
// CHECK-NEXT:      {
// CHECK-NEXT:          covet::meta::field<::shop::EBook, &::shop::Base::id>({.name = "id", .column = "id", .primary_key = true, .declared_by = &typeid(::shop::Book)}),
// CHECK-NEXT:          covet::meta::field<::shop::EBook, &::shop::Base::slug>({.name = "slug", .column = "sl\"ug", .unique = true, .declared_by = &typeid(::shop::Book)}),
// CHECK-NEXT:          covet::meta::field<::shop::EBook, &::shop::Book::published_year>({.name = "published_year", .column = "published_year", .has_default = true, .declared_by = &typeid(::shop::Book)}),
// CHECK-NEXT:          covet::meta::relation<::shop::EBook, &::shop::Book::author>({.name = "author", .column = "author_id", .related_name = "books", .declared_by = &typeid(::shop::Book)}),
// CHECK-NEXT:          covet::meta::relation<::shop::EBook, &::shop::Book::editor>({.name = "editor", .column = "editor_id", .on_delete = covet::OnDelete::SetNull, .related_name = "edited_books", .declared_by = &typeid(::shop::Book)}),
// CHECK-NEXT:          covet::meta::relation<::shop::EBook, &::shop::Book::owner>({.name = "owner", .column = "owner_id", .kind = covet::meta::RelationKind::OneToOne, .on_delete = covet::OnDelete::Set, .set_fn = &covet::meta::set_value<&::shop::nobody>, .db_index = false, .declared_by = &typeid(::shop::Book)}),
// CHECK-NEXT:          covet::meta::relation<::shop::EBook, &::shop::Book::similar>({.name = "similar", .kind = covet::meta::RelationKind::ManyToMany, .symmetrical = 0, .declared_by = &typeid(::shop::Book)}),
// CHECK-NEXT:          covet::meta::field<::shop::EBook, &::shop::EBook::size>({.name = "size", .column = "size", .db_index = true, .has_default = true}),
// CHECK-NEXT:      });
// CHECK-NEXT:  return info;
// CHECK-NEXT:}
// CHECK-NEXT:const covet::meta::Registration covet_registration_2{typeid(::shop::EBook), &covet_model_2};
// Single table: the discriminator and identities; a proxy shares its parent's.
// CHECK-NEXT:const covet::ModelInfo& covet_model_3() {  // ::shop::Vehicle
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::Vehicle>(
// CHECK-NEXT:      {.name = "Vehicle", .table = "vehicle", .polymorphic_on = "kind", .discriminator = "kind", .identity = "vehicle", .content_type = "shop.vehicle"},
// CHECK-NEXT:      {
// CHECK-NEXT:          covet::meta::field<::shop::Vehicle, &::shop::Vehicle::id>({.name = "id", .column = "id", .primary_key = true}),
// CHECK-NEXT:          covet::meta::field<::shop::Vehicle, &::shop::Vehicle::wheels>({.name = "wheels", .column = "wheels", .has_default = true}),
// CHECK-NEXT:      });
// CHECK-NEXT:  return info;
// CHECK-NEXT:}
// CHECK-NEXT:const covet::meta::Registration covet_registration_3{typeid(::shop::Vehicle), &covet_model_3};
// CHECK-NEXT:const covet::ModelInfo& covet_model_4() {  // ::shop::Car
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::Car>(
// CHECK-NEXT:      {.name = "Car", .table = "vehicle", .polymorphic_identity = "auto", .parent = &typeid(::shop::Vehicle), .inheritance = covet::Inheritance::SingleTable, .discriminator = "kind", .identity = "auto", .content_type = "shop.car"},
// CHECK-NEXT:      {
// CHECK-NEXT:          covet::meta::field<::shop::Car, &::shop::Vehicle::id>({.name = "id", .column = "id", .primary_key = true, .declared_by = &typeid(::shop::Vehicle)}),
// CHECK-NEXT:          covet::meta::field<::shop::Car, &::shop::Vehicle::wheels>({.name = "wheels", .column = "wheels", .has_default = true, .declared_by = &typeid(::shop::Vehicle)}),
// CHECK-NEXT:          covet::meta::field<::shop::Car, &::shop::Car::doors>({.name = "doors", .column = "doors", .has_default = true}),
// CHECK-NEXT:      });
// CHECK-NEXT:  return info;
// CHECK-NEXT:}
// CHECK-NEXT:const covet::meta::Registration covet_registration_4{typeid(::shop::Car), &covet_model_4};
// CHECK-NEXT:const covet::ModelInfo& covet_model_5() {  // ::shop::Truck
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::Truck>(
// CHECK-NEXT:      {.name = "Truck", .table = "vehicle", .parent = &typeid(::shop::Vehicle), .inheritance = covet::Inheritance::SingleTable, .discriminator = "kind", .identity = "truck", .content_type = "shop.truck"},
// CHECK-NEXT:      {
// CHECK-NEXT:          covet::meta::field<::shop::Truck, &::shop::Vehicle::id>({.name = "id", .column = "id", .primary_key = true, .declared_by = &typeid(::shop::Vehicle)}),
// CHECK-NEXT:          covet::meta::field<::shop::Truck, &::shop::Vehicle::wheels>({.name = "wheels", .column = "wheels", .has_default = true, .declared_by = &typeid(::shop::Vehicle)}),
// CHECK-NEXT:      });
// CHECK-NEXT:  return info;
// CHECK-NEXT:}
// CHECK-NEXT:const covet::meta::Registration covet_registration_5{typeid(::shop::Truck), &covet_model_5};
// CHECK-NEXT:const covet::ModelInfo& covet_model_6() {  // ::shop::FastCar
// CHECK-NEXT:  static const covet::ModelInfo info = covet::meta::model<::shop::FastCar>(
// CHECK-NEXT:      {.name = "FastCar", .table = "vehicle", .proxy = true, .parent = &typeid(::shop::Car), .inheritance = covet::Inheritance::Proxy, .discriminator = "kind", .identity = "auto", .content_type = "shop.fastcar"},
// CHECK-NEXT:      {
// CHECK-NEXT:          covet::meta::field<::shop::FastCar, &::shop::Vehicle::id>({.name = "id", .column = "id", .primary_key = true, .declared_by = &typeid(::shop::Vehicle)}),
// CHECK-NEXT:          covet::meta::field<::shop::FastCar, &::shop::Vehicle::wheels>({.name = "wheels", .column = "wheels", .has_default = true, .declared_by = &typeid(::shop::Vehicle)}),
// CHECK-NEXT:          covet::meta::field<::shop::FastCar, &::shop::Car::doors>({.name = "doors", .column = "doors", .has_default = true, .declared_by = &typeid(::shop::Car)}),
// CHECK-NEXT:      });
// CHECK-NEXT:  return info;
// CHECK-NEXT:}
// CHECK-NEXT:const covet::meta::Registration covet_registration_6{typeid(::shop::FastCar), &covet_model_6};
// CHECK-NEXT:}  // namespace
