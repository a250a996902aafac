// Calls of the typed API that used to compile and fail at run time (or give a
// wrong answer) are compile errors whose message names the fix, reported as
// the one error of the file, with a note at the user's call. The concepts
// behind them are checked by test/model/concepts_test.cpp; the valid calls
// compile silently (the last RUN line).
//
// RUN: %not %clangxx -fplugin=%covet_plugin -DCREATE_INT %s 2>&1 | %FileCheck %s --check-prefix=CREATE-INT --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DOBJECTS_INT %s 2>&1 | %FileCheck %s --check-prefix=OBJECTS-INT --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DCREATE_STRING %s 2>&1 | %FileCheck %s --check-prefix=CREATE-STRING --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DCREATE_VECTOR %s 2>&1 | %FileCheck %s --check-prefix=CREATE-VECTOR --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DCREATE_REF %s 2>&1 | %FileCheck %s --check-prefix=CREATE-REF --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DSAVE_CONST %s 2>&1 | %FileCheck %s --check-prefix=SAVE-CONST --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DBULK_CREATE_INT %s 2>&1 | %FileCheck %s --check-prefix=BULK-CREATE-INT --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DADD_STRING %s 2>&1 | %FileCheck %s --check-prefix=ADD-STRING --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DADD_LITERAL %s 2>&1 | %FileCheck %s --check-prefix=ADD-LITERAL --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DREMOVE_CHARS %s 2>&1 | %FileCheck %s --check-prefix=REMOVE-CHARS --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DADD_OTHER_MODEL %s 2>&1 | %FileCheck %s --check-prefix=ADD-OTHER-MODEL --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DADD_OTHER_REF %s 2>&1 | %FileCheck %s --check-prefix=ADD-OTHER-REF --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DADD_BOOL %s 2>&1 | %FileCheck %s --check-prefix=ADD-BOOL --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DSET_ONE %s 2>&1 | %FileCheck %s --check-prefix=SET-ONE --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DMANAGER_CREATE_OTHER %s 2>&1 | %FileCheck %s --check-prefix=MANAGER-CREATE-OTHER --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DREVERSE_ADD_CONST %s 2>&1 | %FileCheck %s --check-prefix=REVERSE-ADD-CONST --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DREVERSE_SET_CONST %s 2>&1 | %FileCheck %s --check-prefix=REVERSE-SET-CONST --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DREVERSE_THROUGH %s 2>&1 | %FileCheck %s --check-prefix=REVERSE-THROUGH --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DRELATED_WRONG_OWNER %s 2>&1 | %FileCheck %s --check-prefix=RELATED-WRONG-OWNER --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DRELATED_NOT_RELATION %s 2>&1 | %FileCheck %s --check-prefix=RELATED-NOT-RELATION --implicit-check-not=error:
// RUN: %not %clangxx -fplugin=%covet_plugin -DREF_NOT_MODEL %s 2>&1 | %FileCheck %s --check-prefix=REF-NOT-MODEL --implicit-check-not=error:
// RUN: %clangxx -fplugin=%covet_plugin -Wall -Wextra -Wno-missing-field-initializers -Werror %s

#include "Inputs/blog.hpp"

#include <string>
#include <utility>
#include <vector>

using namespace blog;

void misuse(covet::Database& db, Book& book, Author& author, Tag& tag) {
#if defined(CREATE_INT)
  // CREATE-INT: error: static assertion failed{{.*}}covet: a scalar is not a model object: pass an object of a {{\[\[}}covet::model]] struct whose header is passed to covet_add_models()
  // CREATE-INT: note: in instantiation of function template specialization 'covet::Database::create<int>' requested here
  db.create(42);
#elif defined(OBJECTS_INT)
  // OBJECTS-INT: error: static assertion failed{{.*}}covet: a scalar is not a model object
  // OBJECTS-INT: note: in instantiation of function template specialization 'covet::Database::objects<int>' requested here
  db.objects<int>();
#elif defined(CREATE_STRING)
  // CREATE-STRING: error: static assertion failed{{.*}}covet: a string is not a model object
  // CREATE-STRING: note: in instantiation of function template specialization 'covet::Database::create<std::basic_string<char>>' requested here
  db.create(std::string("Alice"));
#elif defined(CREATE_VECTOR)
  // CREATE-VECTOR: error: static assertion failed{{.*}}covet: a container is not a model object: pass its objects one at a time, or a std::vector of them to bulk_create()
  db.create(std::vector<Tag>{tag});
#elif defined(CREATE_REF)
  // CREATE-REF: error: static assertion failed{{.*}}covet: a covet::Ref is not a model object: pass the object it refers to (ref.get())
  db.create(book.author);
#elif defined(SAVE_CONST)
  // SAVE-CONST: error: static assertion failed{{.*}}covet: this call writes into the object (its key, its relation members): pass a non-const object
  // SAVE-CONST: note: in instantiation of function template specialization 'covet::Database::save<const blog::Tag>' requested here
  db.save(std::as_const(tag));
#elif defined(BULK_CREATE_INT)
  // BULK-CREATE-INT: error: static assertion failed{{.*}}covet: a scalar is not a model object
  // BULK-CREATE-INT: note: in instantiation of function template specialization 'covet::Database::bulk_create<int>' requested here
  db.bulk_create(std::vector<int>{1, 2});
#elif defined(ADD_STRING)
  // The string used to be taken as a range of integer keys (its characters' codes).
  // ADD-STRING: error: static assertion failed{{.*}}covet: a string is not a key of the related model: add() / remove() / set() take its saved objects, covet::Ref to them, covet::Id or integer keys; find the object first
  // ADD-STRING: note: in instantiation of function template specialization 'covet::ManyRelatedManager<blog::Tag>::add<std::basic_string<char>>' requested here
  book.tags.add(std::string("python"));
#elif defined(ADD_LITERAL)
  // ADD-LITERAL: error: static assertion failed{{.*}}covet: a string is not a key of the related model
  book.tags.add("python");
#elif defined(REMOVE_CHARS)
  // REMOVE-CHARS: error: static assertion failed{{.*}}covet: a string is not a key of the related model
  // REMOVE-CHARS: note: in instantiation of function template specialization 'covet::ManyRelatedManager<blog::Tag>::remove<std::vector<char>>' requested here
  book.tags.remove(std::vector<char>{'p', 'y'});
#elif defined(ADD_OTHER_MODEL)
  // ADD-OTHER-MODEL: error: static assertion failed{{.*}}covet: this object is of another model than the manager's: pass objects of the manager's model (its value_type), Refs to it or their keys
  // ADD-OTHER-MODEL: note: in instantiation of function template specialization 'covet::detail::require_related_argument<blog::Tag, blog::Author>' requested here
  book.tags.add(tag, author);
#elif defined(ADD_OTHER_REF)
  // ADD-OTHER-REF: error: static assertion failed{{.*}}covet: this covet::Ref refers to another model than the manager's
  book.tags.add(book.author);
#elif defined(ADD_BOOL)
  // ADD-BOOL: error: static assertion failed{{.*}}covet: keys are covet::Id or integers: a bool, a floating-point number or an enum is not a key
  book.tags.add(true);
#elif defined(SET_ONE)
  // SET-ONE: error: static assertion failed{{.*}}covet: set() takes a container of items: set({item, ...})
  book.tags.set(tag);
#elif defined(MANAGER_CREATE_OTHER)
  // MANAGER-CREATE-OTHER: error: static assertion failed{{.*}}covet: create() makes an object of the manager's model (its value_type)
  book.tags.create(author);
#elif defined(REVERSE_ADD_CONST)
  // REVERSE-ADD-CONST: error: static assertion failed{{.*}}covet: add() / remove() / set() on the reverse side of a foreign key set the key of the objects passed, so pass them (or the container of them) non-const, or pass their keys (obj.id)
  // REVERSE-ADD-CONST: note: in instantiation of function template specialization 'covet::RelatedManager<blog::Book>::add<const blog::Book &>' requested here
  author.books.add(std::as_const(book));
#elif defined(REVERSE_SET_CONST)
  // REVERSE-SET-CONST: error: static assertion failed{{.*}}covet: add() / remove() / set() on the reverse side of a foreign key set the key of the objects passed
  const std::vector<Book> books{book};
  db.related(author, &Book::editor).set(books);
#elif defined(REVERSE_THROUGH)
  // REVERSE-THROUGH: error: static assertion failed{{.*}}covet: through_defaults apply to a many-to-many; this manager is the reverse of a foreign key
  db.related(author, &Book::editor).add(book, covet::through_defaults(Tagging{}));
#elif defined(RELATED_WRONG_OWNER)
  // RELATED-WRONG-OWNER: error: static assertion failed{{.*}}covet: db.related(owner, &Model::member): the owner is an object of another model than the member refers to
  db.related(book, &Book::editor);
#elif defined(RELATED_NOT_RELATION)
  // RELATED-NOT-RELATION: error: static assertion failed{{.*}}covet: db.related(owner, &Model::member) takes a relation member of Model
  db.related(author, &Book::title);
#elif defined(REF_NOT_MODEL)
  // REF-NOT-MODEL: error: static assertion failed{{.*}}covet: a string is not a model object
  // REF-NOT-MODEL: note: in instantiation of member function 'covet::Ref<std::basic_string<char>>::Ref' requested here
  covet::Ref<std::string> ref{std::string("x")};
  (void)ref;
#else
  // The same calls, written as intended, compile without a diagnostic.
  db.create(Tag{.label = "python"});
  db.save(tag);
  db.objects<Tag>().count();
  db.bulk_create(std::vector<Tag>{Tag{.label = "cpp"}});
  book.tags.add(tag, tag.id, covet::Ref<Tag>(tag), 7);
  book.tags.add(std::vector<covet::Id>{tag.id}, covet::through_defaults(Tagging{}));
  book.tags.remove(std::vector<Tag>{tag});
  book.tags.set(std::vector<std::int64_t>{1, 2});
  book.tags.create(Tag{.label = "new"});
  author.books.add(book, book.id);
  std::vector<Book> books{book};
  db.related(author, &Book::editor).set(books);
  db.related(author, &Book::editor).set({book});
  db.related(author, &Book::editor).remove(book);
  db.related<Book>(author, "books").count();
  covet::Ref<Author> ref(author);
  (void)ref;
#endif
}
