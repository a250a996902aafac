// covet::enum_text goes on an enum's declaration (every member of the enum
// type is then stored by name); elsewhere it is an error, and on a member of
// an enum type a note points at the enum, with a fix-it.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <optional>

enum class [[covet::enum_text]] Status { draft, paid };
enum class Color { red, green };  // expected-note {{write 'covet::enum_text' on the declaration of 'Color', which every member of that type then follows}}
// CHECK: fix-it:"{{.*}}enum-text.cpp":{12:12-12:12}:"{{\[\[}}covet::enum_text]] "

// expected-error@+1 {{enum 'Empty' is stored by name ('covet::enum_text') but has no enumerators to name its values}}
enum class [[covet::enum_text]] Empty {};

struct [[covet::model]] Item {
  covet::Id id;
  Status status = Status::draft;
  // expected-error@+1 {{'covet::enum_text' attribute only applies to enum declarations}}
  [[covet::enum_text]] Color color = Color::red;
  // expected-error@+1 {{'covet::enum_text' attribute only applies to enum declarations}}
  [[covet::enum_text]] int number = 0;
  // expected-error@+1 {{'covet::enum_text' takes no arguments}}
  enum class [[covet::enum_text(1)]] Inner { a } inner = Inner::a;
};

// expected-error@+1 {{'covet::enum_text' attribute only applies to enum declarations}}
struct [[covet::enum_text]] NotAnEnum {};
