// Covet: models as plain structs, relations checked at compile time, SQL on
// SQLite and PostgreSQL. This header is all a user includes.
//
//   #include <covet/covet.hpp>
//
//   struct [[covet::model]] Author {
//     covet::Id id;
//     [[covet::max_length(100)]] std::string name;
//   };
//   struct [[covet::model]] Book {
//     covet::Id id;
//     std::string title;
//     [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
//     covet::Ref<Author> author;
//   };
//
//   covet::Database db = covet::connect("sqlite::memory:");
//   db.create_all();
//   Author alice = db.create(Author{.name = "Alice"});
//   db.create(Book{.title = "Python Guide", .author = alice});
//   for (const Book& b : db.objects<Book>().filter("author__name__startswith", "Al"))
//     std::cout << b.title << " by " << b.author.get().name << '\n';
//
// The model headers go through covet_add_models() in CMake, which runs the
// plugin and compiles the generated metadata into the program.
#pragma once

#include <covet/atomic.hpp>
#include <covet/bulk.hpp>
#include <covet/content_type.hpp>
#include <covet/database.hpp>
#include <covet/decimal.hpp>
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/generic_ref.hpp>
#include <covet/generic_relation.hpp>
#include <covet/id.hpp>
#include <covet/limits.hpp>
#include <covet/loading.hpp>
#include <covet/many_to_many.hpp>
#include <covet/model_info.hpp>
#include <covet/on_delete.hpp>
#include <covet/partial.hpp>
#include <covet/polymorphic.hpp>
#include <covet/prefetch.hpp>
#include <covet/prefetched.hpp>
#include <covet/q.hpp>
#include <covet/query_set.hpp>
#include <covet/ref.hpp>
#include <covet/ref_set.hpp>
#include <covet/reverse.hpp>
#include <covet/tree.hpp>
#include <covet/uuid.hpp>
#include <covet/value.hpp>
