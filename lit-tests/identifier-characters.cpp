// Table and column names holding what no backend can store in a name
// (checks/IdentifierCharactersCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 %s 2>&1 | %FileCheck %s

#include <covet/covet.hpp>

#include <string>

struct [[covet::model]] Gadget {
  covet::Id id;
  // A NUL byte would end the name in the emitted metadata: "a\0b" became "a".
  // The caret points at the NUL byte.
  // expected-error@+1 {{column name 'a\0b' of 'Gadget::first' contains a NUL byte, which names in SQLite and PostgreSQL cannot hold}}
  [[covet::column("a\0b")]] std::string first;
  // CHECK: identifier-characters.cpp:[[@LINE-1]]:21: error: column name 'a\0b'
  // expected-error@+1 {{column name 'c\0' of 'Gadget::second' contains a NUL byte}}
  [[covet::column("c\x00")]] std::string second;
  // Found in any piece of a concatenated literal, and in a u8 literal.
  // expected-error@+1 {{column name 'de\0f' of 'Gadget::third' contains a NUL byte}}
  [[covet::column("de" "\0" "f")]] std::string third;
  // CHECK: identifier-characters.cpp:[[@LINE-1]]:25: error: column name 'de\0f'
  // expected-error@+1 {{column name 'g\0h' of 'Gadget::fourth' contains a NUL byte}}
  [[covet::column(u8"g\0h")]] std::string fourth;

  // Bytes that are not UTF-8: PostgreSQL refuses the name (22021).
  // expected-error@+1 {{column name 'price\xff' of 'Gadget::price' is not valid UTF-8 (byte 0xff at offset 5), which PostgreSQL refuses in a name}}
  [[covet::column("price\xff")]] double price = 0;
  // An overlong encoding of '/'.
  // expected-error@+1 {{column name '\xc0\xaf' of 'Gadget::slash' is not valid UTF-8 (byte 0xc0 at offset 0)}}
  [[covet::column("\xc0\xaf")]] int slash = 0;
  // A UTF-16 surrogate.
  // expected-error@+1 {{column name 'x\xed\xa0\x80' of 'Gadget::half' is not valid UTF-8 (byte 0xed at offset 1)}}
  [[covet::column("x\xed\xa0\x80")]] int half = 0;
  // A sequence cut short.
  // expected-error@+1 {{column name 'euro\xe2\x82' of 'Gadget::euro' is not valid UTF-8 (byte 0xe2 at offset 4)}}
  [[covet::column("euro\xe2\x82")]] int euro = 0;
};

// A table name is an unevaluated string: Clang itself refuses escapes there,
// so "a\0b" cannot reach covet::model.
// expected-error@+1 {{invalid escape sequence '\0' in an unevaluated string literal}}
struct [[covet::model("a\0b")]] Escaped {
  covet::Id id;
};
