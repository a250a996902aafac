// Two single-table subclasses, neither deriving from the other, declaring one
// column unlike (checks/SiblingColumnCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Brand {
  covet::Id id;
};
struct [[covet::model]] Maker {
  covet::Id id;
};

struct [[covet::model, covet::polymorphic_on("kind")]] Product {
  covet::Id id;
};
struct [[covet::model]] Shoe : Product {
  int size = 0;  // expected-note {{column 'size' of 'Shoe::size' is declared here, for 'Shoe'}}
  [[covet::max_length(10)]] std::string code;  // expected-note {{column 'code' of 'Shoe::code' is declared here, for 'Shoe'}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Brand> brand;  // expected-note {{column 'brand_id' of 'Shoe::brand' is declared here, for 'Shoe'}}
  double weight = 0;  // expected-note {{column 'weight' of 'Shoe::weight' is declared here, for 'Shoe'}}
};
struct [[covet::model]] Shirt : Product {
  // expected-error@+1 {{column 'size' of 'Shirt::size' is of type 'std::string', but the same column of 'Shoe::size' is of type 'int': the single-table subclasses of 'Product' share one column of that name; give one of them another 'covet::column("name")', or declare them alike}}
  std::string size;
  // expected-error@+1 {{column 'code' of 'Shirt::code' is of type 'std::string' with 'covet::max_length(20)', but the same column of 'Shoe::code' is of type 'std::string' with 'covet::max_length(10)'}}
  [[covet::max_length(20)]] std::string code;
  // expected-error@+1 {{column 'brand_id' of 'Shirt::brand' is a foreign key to 'Maker', but the same column of 'Shoe::brand' is a foreign key to 'Brand'}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Maker> brand;
};
// A subclass of a sibling is a sibling too; the name is compared
// case-insensitively, and covet::column counts.
struct [[covet::model]] Polo : Shirt {
  // expected-error@+1 {{column 'WEIGHT' of 'Polo::grams' is of type 'int', but the same column of 'Shoe::weight' is of type 'double'}}
  [[covet::column("WEIGHT")]] int grams = 0;
};
