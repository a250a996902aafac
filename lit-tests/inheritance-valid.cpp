// Well-formed inheritance compiles with no diagnostic: one section per rule
// of the inheritance checks (checks/*Check.h named in each), and the metadata
// it emits compiles without the plugin.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: rm -f %t.cpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp %s
// RUN: %clangxx_noplugin -fsyntax-only -Wall -Wextra -Werror %t.cpp
// expected-no-diagnostics

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace identities {  // DuplicateIdentityCheck
// Distinct identities; one is compared exactly ('Car' is not 'car'); two
// hierarchies may reuse each other's identities; a proxy has its parent's.
struct [[covet::model, covet::polymorphic_on("kind")]] Vehicle {
  covet::Id id;
};
struct [[covet::model]] Car : Vehicle {};
struct [[covet::model, covet::polymorphic_identity("Car")]] Limousine : Car {};
struct [[covet::model, covet::proxy]] FastCar : Car {};
struct [[covet::model, covet::polymorphic_on("kind")]] Toy {
  covet::Id id;
};
struct [[covet::model, covet::polymorphic_identity("car")]] ToyCar : Toy {};
}  // namespace identities

namespace placement {  // IdentityPlacementCheck, DiscriminatorPlacementCheck
// The root names the discriminator and may have an identity of its own; an
// abstract base above the root is fine; identities on models at any depth.
struct [[covet::model, covet::abstract]] Stamped {
  covet::Id id;
  long created = 0;
};
struct [[covet::model, covet::polymorphic_on("kind"), covet::polymorphic_identity("any")]] Animal : Stamped {};
struct [[covet::model, covet::polymorphic_identity("dog")]] Dog : Animal {};
struct [[covet::model, covet::polymorphic_identity("puppy")]] Puppy : Dog {};
struct [[covet::model, covet::abstract]] Furry {
  bool shedding = false;
};
struct [[covet::model, covet::polymorphic_identity("cat")]] Cat : Animal, Furry {};
}  // namespace placement

namespace discriminators {  // DiscriminatorClashCheck
// The discriminator is Covet's column, apart from every member's; a model
// outside the hierarchy may have a column of that name.
struct [[covet::model, covet::polymorphic_on("kind")]] Machine {
  covet::Id id;
  std::string type;
};
struct [[covet::model]] Robot : Machine {
  int doors = 0;
};
struct [[covet::model]] Worker {
  covet::Id id;
  std::string kind;
};
struct [[covet::model]] Welder : Worker {};
}  // namespace discriminators

namespace siblings {  // SiblingColumnCheck
// Siblings share a column declared alike; nullability does not count (a
// subclass's column is nullable in the shared table anyway); a column of an
// abstract base both carry is one member.
struct [[covet::model]] Brand {
  covet::Id id;
};
struct [[covet::model, covet::abstract]] Priced {
  long cents = 0;
};
struct [[covet::model, covet::polymorphic_on("kind")]] Product {
  covet::Id id;
};
struct [[covet::model]] Shoe : Product, Priced {
  int size = 0;
  [[covet::max_length(10)]] std::string code;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Brand> brand;
};
struct [[covet::model]] Shirt : Product, Priced {
  std::optional<int> size;
  [[covet::max_length(10)]] std::optional<std::string> code;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("+")]] std::optional<covet::Ref<Brand>> brand;
};
}  // namespace siblings

namespace proxies {  // ProxyShapeCheck, MultipleParentsCheck
// A proxy with functions and static members, through an abstract base with
// no data member; a proxy of a proxy; a concrete parent reached through an
// abstract base, beside another abstract base.
struct [[covet::model]] Human {
  covet::Id id;
  int age = 0;
};
struct [[covet::model, covet::abstract]] Greeter {
  static constexpr const char *greeting = "hello";
};
struct [[covet::model, covet::proxy]] Grownup : Human, Greeter {
  static constexpr int threshold = 18;
  bool grown() const { return age >= threshold; }
};
struct [[covet::model, covet::proxy]] Senior : Grownup {};
struct [[covet::model, covet::abstract]] HumanPart : Human {};
struct [[covet::model, covet::abstract]] Badged {
  int badge = 0;
};
struct [[covet::model]] Staff : Badged, HumanPart {};
}  // namespace proxies

namespace mixed {  // MixedInheritanceCheck
// multi_table on a root without polymorphic_on, on a child, or on both.
struct [[covet::model, covet::multi_table]] Place {
  covet::Id id;
};
struct [[covet::model]] Restaurant : Place {};
struct [[covet::model, covet::multi_table]] Pizzeria : Restaurant {};
struct [[covet::model, covet::multi_table]] Shop : Place {};
}  // namespace mixed

namespace hiding {  // HiddenMemberCheck
// Distinct names at every level; a multi-table child may give a member the
// column name of one of its parent's (its table is its own); single-table
// siblings may declare one name (one shared column, declared alike).
struct [[covet::model]] Author {
  covet::Id id;
};
struct [[covet::model]] Member {
  covet::Id id;
  std::string address;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Author> mentor;
};
struct [[covet::model]] Clerk : Member {
  [[covet::column("address")]] std::string desk;
  int mentor_rank = 0;
};
struct [[covet::model, covet::polymorphic_on("kind")]] Gadget {
  covet::Id id;
};
struct [[covet::model]] Phone : Gadget {
  int battery = 0;
};
struct [[covet::model]] Watch : Gadget {
  int battery = 0;
};
}  // namespace hiding

namespace targets {  // AbstractTargetCheck
// Relations declared on an abstract base, to concrete models; relations to
// the concrete models deriving from an abstract one.
struct [[covet::model]] Owner {
  covet::Id id;
};
struct [[covet::model, covet::abstract]] Pet {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Owner> owner;  // hamster_set, rabbit_set
};
struct [[covet::model]] Hamster : Pet {};
struct [[covet::model]] Rabbit : Pet {};
struct [[covet::model]] Vet {
  covet::Id id;
  [[covet::many_to_many]] covet::RefSet<Hamster> hamsters;
  [[covet::foreign_key(covet::PROTECT), covet::related_name("+")]] std::optional<covet::Ref<Rabbit>> favourite;
};
}  // namespace targets

namespace plain_bases {  // NonModelBaseCheck
// Plain bases without data members (an interface of functions, a tag, a
// CRTP helper) are fine.
struct Tag {};
template <class Derived>
struct Printable {
  static const char *label() { return "printable"; }
};
struct Auditable {
  static constexpr int version = 2;
  int audit_level() const { return version; }
};
struct [[covet::model]] Ledger : Tag, Printable<Ledger>, Auditable {
  covet::Id id;
  long total = 0;
};
}  // namespace plain_bases

namespace options {  // ModelOptionCheck
// Table names on the models that own a table: a root, a multi-table child.
struct [[covet::model("opt_people")]] Citizen {
  covet::Id id;
};
struct [[covet::model("opt_voters"), covet::multi_table]] Voter : Citizen {};
struct [[covet::model, covet::proxy]] Resident : Citizen {};
}  // namespace options

namespace uses {  // AbstractModelUseCheck
// Queries, writes and references of the concrete models deriving from an
// abstract one.
struct [[covet::model, covet::abstract]] Creature {
  covet::Id id;
  std::string name;
};
struct [[covet::model]] Fox : Creature {};
struct [[covet::model]] Owl : Creature {};
inline void use(covet::Database &db, Fox &fox) {
  db.objects<Fox>().filter("name", "Foxy").count();
  Owl hoot;
  hoot.name = "Hoot";
  db.create(hoot);
  db.save(fox);
  covet::Ref<Owl> owl;
  (void)owl;
}
}  // namespace uses

namespace inherited_relations {  // ReverseNameClashCheck, RelatedNameCheck
// "{model}" gives each child of an abstract base reverse names of its own;
// a relation of a concrete parent has one reverse side, its declarer's.
struct [[covet::model]] Keeper {
  covet::Id id;
};
struct [[covet::model, covet::abstract]] Kept {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("{model}_set_of_keeper"),
    covet::related_query_name("kept_{model}")]] covet::Ref<Keeper> keeper;
};
struct [[covet::model]] Goat : Kept {};
struct [[covet::model]] Sheep : Kept {};
struct [[covet::model]] Barn {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("barns")]] covet::Ref<Keeper> keeper;
};
struct [[covet::model]] BigBarn : Barn {};
}  // namespace inherited_relations
