// The compile errors of api-misuse.cpp read the same with g++-12, the
// compiler of the README's default flow (no plugin: the attributes are
// ignored there, the static_asserts are not).
//
// REQUIRES: gxx12
// RUN: %not %gxx12 -fsyntax-only -Wno-attributes -DCREATE_INT %s 2>&1 | %FileCheck %s --check-prefix=CREATE-INT --implicit-check-not=error:
// RUN: %not %gxx12 -fsyntax-only -Wno-attributes -DOBJECTS_INT %s 2>&1 | %FileCheck %s --check-prefix=OBJECTS-INT --implicit-check-not=error:
// RUN: %not %gxx12 -fsyntax-only -Wno-attributes -DADD_STRING %s 2>&1 | %FileCheck %s --check-prefix=ADD-STRING --implicit-check-not=error:
// RUN: %not %gxx12 -fsyntax-only -Wno-attributes -DREVERSE_ADD_CONST %s 2>&1 | %FileCheck %s --check-prefix=REVERSE-ADD-CONST --implicit-check-not=error:
// RUN: %gxx12 -fsyntax-only -Wall -Wextra -Wno-missing-field-initializers -Wno-attributes -Werror %s

#include "Inputs/blog.hpp"

#include <string>
#include <utility>

using namespace blog;

void misuse(covet::Database& db, Book& book, Author& author, Tag& tag) {
#if defined(CREATE_INT)
  // CREATE-INT: api-misuse-gcc.cpp:[[@LINE+2]]:{{[0-9]+}}: required from here
  // CREATE-INT: error: static assertion failed: covet: a scalar is not a model object
  db.create(42);
#elif defined(OBJECTS_INT)
  // OBJECTS-INT: api-misuse-gcc.cpp:[[@LINE+2]]:{{[0-9]+}}: required from here
  // OBJECTS-INT: error: static assertion failed: covet: a scalar is not a model object
  db.objects<int>();
#elif defined(ADD_STRING)
  // ADD-STRING: api-misuse-gcc.cpp:[[@LINE+2]]:{{[0-9]+}}: required from here
  // ADD-STRING: error: static assertion failed: covet: a string is not a key of the related model
  book.tags.add(std::string("python"));
#elif defined(REVERSE_ADD_CONST)
  // REVERSE-ADD-CONST: api-misuse-gcc.cpp:[[@LINE+2]]:{{[0-9]+}}: required from here
  // REVERSE-ADD-CONST: error: static assertion failed: covet: add() / remove() / set() on the reverse side of a foreign key set the key of the objects passed
  author.books.add(std::as_const(book));
#else
  db.create(Tag{.label = "python"});
  db.objects<Tag>().count();
  book.tags.add(tag, tag.id);
  author.books.add(book);
#endif
}
