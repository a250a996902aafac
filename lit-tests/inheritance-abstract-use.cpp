// Code using an abstract model as if it had a table
// (checks/AbstractModelUseCheck.h): over the model headers, and in
// check-only mode over a source that sees only the abstract model, against
// the model graph JSON (which names the concrete models).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/inheritance-pets.hpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -DANIMALS_ONLY -ferror-limit=0 -Xclang -verify %s

#ifdef ANIMALS_ONLY
#include "Inputs/inheritance-animals.hpp"
#else
#include "Inputs/inheritance-pets.hpp"
#endif

#include <optional>
#include <vector>

void uses(covet::Database &db, zoo::Animal &animal, std::vector<zoo::Animal> &animals) {
  // expected-error@+1 {{'objects' on abstract model 'Animal': an abstract model has no table, so there are no rows to query; use a concrete model such as 'Dog' or 'Cat'}}
  auto all = db.objects<zoo::Animal>();
  // expected-error@+1 {{'create' on abstract model 'Animal': an abstract model has no table, so there are no rows to insert; use a concrete model such as 'Dog' or 'Cat'}}
  db.create(zoo::Animal{.name = "Rex"});
  // expected-error@+1 {{'save' on abstract model 'Animal': an abstract model has no table, so there are no rows to update}}
  db.save(animal);
  // expected-error@+1 {{'erase' on abstract model 'Animal': an abstract model has no table, so there are no rows to delete}}
  db.erase(animal);
  // expected-error@+1 {{'bulk_create' on abstract model 'Animal': an abstract model has no table, so there are no rows to insert}}
  db.bulk_create(animals);
  // expected-error@+1 {{'refresh' on abstract model 'Animal': an abstract model has no table, so there are no rows to load}}
  db.refresh(animal);
  // expected-error@+1 {{'objects' on abstract model 'Unborn': an abstract model has no table, so there are no rows to query; declare a concrete model deriving from it and use that}}
  db.objects<zoo::Unborn>();
}

// References to an abstract model outside the models.
void references() {
  covet::Ref<zoo::Animal> one;  // expected-error {{'covet::Ref<zoo::Animal>' refers to abstract model 'Animal', which has no table; refer to a concrete model such as 'Dog' or 'Cat'}}
  std::optional<covet::Ref<zoo::Animal>> maybe;  // expected-error {{'std::optional<covet::Ref<zoo::Animal>>' refers to abstract model 'Animal'}}
  (void)one;
  (void)maybe;
}
struct Shelter {
  covet::RefSet<zoo::Animal> residents;  // expected-error {{'covet::RefSet<zoo::Animal>' refers to abstract model 'Animal', which has no table}}
};
void adopt(covet::Ref<zoo::Unborn> who);  // expected-error {{'covet::Ref<zoo::Unborn>' refers to abstract model 'Unborn', which has no table; declare a concrete model deriving from it and refer to that}}

// In a template: reported once, at the call, for the instantiation with an
// abstract model; the other instantiations are fine.
template <class T>
void count(covet::Database &db) {
  db.objects<T>().count();  // expected-error {{'objects' on abstract model 'Animal'}}
}
template void count<zoo::Animal>(covet::Database &);
struct Reporter {
  void run(covet::Database &db) {
    count<zoo::Animal>(db);
    count<zoo::Animal>(db);
  }
};
