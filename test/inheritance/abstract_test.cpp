// Abstract bases (covet::abstract), Django's `abstract = True`, end to end:
// an abstract model has no table; each concrete model deriving from it gets
// the base's columns (base first), options and relations in its own table,
// through several levels of abstract bases; a relation of the base gives
// each concrete model its own reverse side (default names, or "{model}"
// placeholders), its own join table for a many-to-many, and its own
// cascades; and the abstract model itself is refused by name wherever a
// table is needed.
#include "inheritance/abstract_models.hpp"
#include "models/inh_abstract.hpp"
#include "relations/join_table.hpp"
#include "support/database_fixture.hpp"
#include "support/schema_probe.hpp"
#include "support/error_message.hpp"

#include <covet/detail/naming.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace inh_abstract;

namespace {

const std::string kAnimalIsAbstract =
    "Animal is abstract (covet::abstract): it has no table; ";

class AbstractBaseTest : public covet::test::DatabaseTest {
 protected:
  // The columns of `table` in table order, from the database's catalog.
  std::vector<std::string> columns_of(const std::string& table) {
    std::vector<std::vector<covet::Value>> rows =
        is_sqlite() ? database->query("SELECT name FROM pragma_table_info(?) ORDER BY cid", {covet::Value(table)})
                    : database->query("SELECT column_name FROM information_schema.columns WHERE table_name = $1 "
                                      "AND table_schema = current_schema() ORDER BY ordinal_position",
                                      {covet::Value(table)});
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(row.at(0).as_text());
    return out;
  }
  bool table_exists(const std::string& table) { return !columns_of(table).empty(); }
  bool index_exists(const std::string& index) { return covet::test::index_exists(*database, is_sqlite(), index); }
  // The CREATE TABLE statements create_all runs on an empty database.
  std::vector<std::string> create_table_statements() {
    database->drop_all();
    covet::QueryLog& log = database->query_log();
    log.start();
    database->create_all();
    log.stop();
    std::vector<std::string> out;
    for (const covet::QueryLogEntry& e : log.entries())
      if (e.sql.rfind("CREATE TABLE", 0) == 0) out.push_back(e.sql);
    return out;
  }

  Owner owner(const std::string& name) { return database->create(Owner{.name = name}); }
  Dog dog(const std::string& name, const Owner& of) { return database->create(Dog{{.name = name, .owner = of}}); }
  Cat cat(const std::string& name, const Owner& of) { return database->create(Cat{{.name = name, .owner = of}}); }
};

// --- the table layout ------------------------------------------------------

TEST_P(AbstractBaseTest, AnAbstractModelHasNoTable) {
  for (const char* table : {"animal", "creature", "bird"}) EXPECT_FALSE(table_exists(table)) << table;
  for (const std::string& sql : create_table_statements())
    for (const char* table : {"\"animal\"", "\"creature\"", "\"bird\""})
      EXPECT_EQ(sql.find(std::string("CREATE TABLE ") + table), std::string::npos) << sql;
}

TEST_P(AbstractBaseTest, EachConcreteChildHasItsOwnTable) {
  for (const char* table : {"inh_abstract_dog", "inh_abstract_cat", "inh_abstract_parrot", "inh_abstract_owl"})
    EXPECT_TRUE(table_exists(table)) << table;
}

TEST_P(AbstractBaseTest, ChildTableHasTheBaseColumnsFirst) {
  EXPECT_EQ(columns_of("inh_abstract_dog"), (std::vector<std::string>{"id", "name", "age", "owner_id", "good"}));
  EXPECT_EQ(columns_of("inh_abstract_cat"), (std::vector<std::string>{"id", "name", "age", "owner_id", "lives"}));
}

TEST_P(AbstractBaseTest, AbstractBasesComposeBaseFirst) {
  const std::vector<std::string> bird{"id", "species", "keeper_id", "wingspan", "shelter_id"};
  std::vector<std::string> parrot = bird, owl = bird;
  parrot.push_back("phrase");
  owl.push_back("nocturnal");
  EXPECT_EQ(columns_of("inh_abstract_parrot"), parrot) << "Creature's columns, then Bird's, then Parrot's";
  EXPECT_EQ(columns_of("inh_abstract_owl"), owl);
}

TEST_P(AbstractBaseTest, CreateTableListsTheBaseColumnsFirst) {
  std::string parrot;
  for (const std::string& sql : create_table_statements())
    if (sql.rfind("CREATE TABLE \"inh_abstract_parrot\" (", 0) == 0) parrot = sql;
  ASSERT_FALSE(parrot.empty()) << "create_all creates inh_abstract_parrot";
  std::size_t at = 0;
  for (const char* column : {"\"id\"", "\"species\"", "\"keeper_id\"", "\"wingspan\"", "\"shelter_id\"", "\"phrase\""}) {
    const std::size_t next = parrot.find(column, at);
    ASSERT_NE(next, std::string::npos) << column << " after position " << at << " in " << parrot;
    at = next;
  }
}

TEST_P(AbstractBaseTest, UniqueTogetherOfTheBaseConstrainsEachChildTable) {
  Owner ann = owner("Ann");
  dog("Rex", ann);
  EXPECT_THROW(dog("Rex", ann), covet::UniqueViolation);
  EXPECT_NO_THROW(cat("Rex", ann)) << "a cat is in another table: (owner, name) is unique per child";
}

TEST_P(AbstractBaseTest, UniqueTogetherComposesThroughAbstractLevels) {
  Keeper kim = database->create(Keeper{.name = "Kim"});
  database->create(Parrot{{{.species = "macaw", .keeper = kim}}});
  EXPECT_THROW(database->create(Parrot{{{.species = "macaw", .keeper = kim}}}), covet::UniqueViolation)
      << "Creature's unique_together reaches Parrot through Bird";
  EXPECT_NO_THROW(database->create(Owl{{{.species = "macaw", .keeper = kim}}}));
}

TEST_P(AbstractBaseTest, IndexesOfTheBaseAreCreatedOnEachChildTable) {
  for (const char* index : {"inh_abstract_dog_age_idx", "inh_abstract_cat_age_idx", "inh_abstract_dog_owner_id_idx",
                            "inh_abstract_cat_owner_id_idx", "inh_abstract_parrot_keeper_id_idx",
                            "inh_abstract_owl_shelter_id_idx"})
    EXPECT_TRUE(index_exists(index)) << index;
}

TEST_P(AbstractBaseTest, ForeignKeyOfTheBaseIsConstrainedInEachChildTable) {
  EXPECT_THROW(database->create(Cat{{.name = "Tom", .owner = covet::Ref<Owner>(424242)}}), covet::ForeignKeyViolation);
}

TEST_P(AbstractBaseTest, ChildRowsRoundTripWithTheBaseFields) {
  Owner ann = owner("Ann");
  Dog rex = database->create(Dog{{.name = "Rex", .age = 3, .owner = ann}, false});
  Dog loaded = database->objects<Dog>().get("id", rex.id);
  EXPECT_EQ(loaded.name, "Rex");
  EXPECT_EQ(loaded.age, 3);
  EXPECT_EQ(loaded.owner.id(), ann.id.value());
  EXPECT_FALSE(loaded.good);
}

// --- relations of an abstract base -----------------------------------------

TEST_P(AbstractBaseTest, EachChildGetsItsOwnDefaultReverseSide) {
  std::vector<std::string> accessors, query_names;
  for (const covet::ReverseRelation& r : covet::model_info<Owner>().reverse) {
    accessors.push_back(r.accessor);
    query_names.push_back(r.query_name);
  }
  EXPECT_EQ(accessors, (std::vector<std::string>{"cat_set", "dog_set"}));
  EXPECT_EQ(query_names, (std::vector<std::string>{"cat", "dog"}));
}

TEST_P(AbstractBaseTest, ModelPlaceholderIsTheChildsLowerCaseName) {
  std::vector<std::string> accessors, query_names;
  for (const covet::ReverseRelation& r : covet::model_info<Keeper>().reverse) {
    accessors.push_back(r.accessor);
    query_names.push_back(r.query_name);
  }
  EXPECT_EQ(accessors, (std::vector<std::string>{"owl_items", "parrot_items"}));
  EXPECT_EQ(query_names, (std::vector<std::string>{"owl_item", "parrot_item"}));
  ASSERT_NE(covet::model_info<Shelter>().reverse_relation("parrots"), nullptr);
  EXPECT_EQ(covet::model_info<Shelter>().reverse_relation("parrots")->query_name, "parrots")
      << "the expanded related_name is the query name too";
}

TEST_P(AbstractBaseTest, FilterThroughTheDefaultQueryNameOfEachChild) {
  Owner ann = owner("Ann"), bob = owner("Bob");
  dog("Rex", ann);
  cat("Rex", bob);
  std::vector<Owner> with_dog = database->objects<Owner>().filter("dog__name", "Rex").fetch();
  ASSERT_EQ(with_dog.size(), 1u);
  EXPECT_EQ(with_dog[0].name, "Ann");
  std::vector<Owner> with_cat = database->objects<Owner>().filter("cat__name", "Rex").fetch();
  ASSERT_EQ(with_cat.size(), 1u);
  EXPECT_EQ(with_cat[0].name, "Bob");
}

TEST_P(AbstractBaseTest, FilterThroughAPlaceholderQueryName) {
  Keeper kim = database->create(Keeper{.name = "Kim"}), lee = database->create(Keeper{.name = "Lee"});
  database->create(Parrot{{{.species = "macaw", .keeper = kim}}, "hello"});
  database->create(Owl{{{.species = "barn owl", .keeper = lee}}});
  EXPECT_EQ(database->objects<Keeper>().filter("parrot_item__phrase", "hello").get().name, "Kim");
  EXPECT_EQ(database->objects<Keeper>().filter("owl_item__species", "barn owl").get().name, "Lee");
  EXPECT_EQ(database->objects<Keeper>().filter("owl_item__species", "macaw").count(), 0);
}

TEST_P(AbstractBaseTest, ChildQueriesFollowTheBaseRelation) {
  Owner ann = owner("Ann"), bob = owner("Bob");
  dog("Rex", ann);
  dog("Fido", bob);
  std::vector<Dog> dogs = database->objects<Dog>().filter("owner__name", "Bob").select_related("owner").fetch();
  ASSERT_EQ(dogs.size(), 1u);
  EXPECT_EQ(dogs[0].name, "Fido");
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(dogs[0].owner.get().name, "Bob"); });
}

TEST_P(AbstractBaseTest, ReverseManagerOfEachChild) {
  Owner ann = owner("Ann");
  dog("Rex", ann);
  dog("Fido", ann);
  cat("Tom", ann);
  EXPECT_EQ(database->related<Dog>(ann, &Dog::owner).count(), 2);
  EXPECT_EQ(database->related<Cat>(ann, &Cat::owner).count(), 1);
  EXPECT_EQ(database->related<Dog>(ann, "dog_set").count(), 2);
  Cat kitty = database->related<Cat>(ann, &Cat::owner).create(Cat{{.name = "Kitty"}});
  EXPECT_EQ(kitty.owner.id(), ann.id.value());
  EXPECT_EQ(database->objects<Cat>().filter("owner", ann.id).count(), 2);
}

TEST_P(AbstractBaseTest, ReverseManagerWithoutTheChildNamesTheChildren) {
  Owner ann = owner("Ann");
  const std::string what = covet::test::error_message<covet::UsageError>([&] { database->related(ann, &Dog::owner); });
  EXPECT_EQ(what, kAnimalIsAbstract + "call db.related<Model>(owner, &Model::member) with a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, DeclaredReverseMemberFindsThePlaceholderRelation) {
  Keeper kim = database->create(Keeper{.name = "Kim"});
  database->create(Parrot{{{.species = "macaw", .keeper = kim}}, "hello"});
  database->create(Parrot{{{.species = "grey", .keeper = kim}}, "bye"});
  database->create(Owl{{{.species = "barn owl", .keeper = kim}}});
  Keeper loaded = database->objects<Keeper>().get("id", kim.id);
  EXPECT_EQ(loaded.parrot_items.count(), 2) << "Keeper::parrot_items is the reverse of Parrot::keeper only";
}

TEST_P(AbstractBaseTest, PrefetchThroughThePlaceholderAccessor) {
  Keeper kim = database->create(Keeper{.name = "Kim"});
  database->create(Parrot{{{.species = "macaw", .keeper = kim}}, "hello"});
  database->create(Owl{{{.species = "barn owl", .keeper = kim}}});
  std::vector<Keeper> keepers;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { keepers = database->objects<Keeper>().prefetch_related("parrot_items").fetch(); });
  ASSERT_EQ(keepers.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    std::vector<Parrot> parrots = keepers[0].parrot_items.all().fetch();
    ASSERT_EQ(parrots.size(), 1u);
    EXPECT_EQ(parrots[0].phrase, "hello");
  });
}

TEST_P(AbstractBaseTest, PrefetchIntoTheChildFollowsTheBaseRelation) {
  Owner ann = owner("Ann");
  dog("Rex", ann);
  dog("Fido", ann);
  std::vector<Dog> dogs;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { dogs = database->objects<Dog>().prefetch_related("owner").fetch(); });
  ASSERT_EQ(dogs.size(), 2u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    for (const Dog& d : dogs) EXPECT_EQ(d.owner.get().name, "Ann");
  });
}

// --- many-to-many of an abstract base ---------------------------------------

TEST_P(AbstractBaseTest, EachChildGetsItsOwnJoinTable) {
  const covet::detail::JoinTable parrot =
      covet::detail::join_table_of(covet::model_info<Parrot>(), *covet::model_info<Parrot>().member("tags"));
  const covet::detail::JoinTable owl =
      covet::detail::join_table_of(covet::model_info<Owl>(), *covet::model_info<Owl>().member("tags"));
  EXPECT_EQ(parrot.table, "inh_abstract_parrot_tags");
  EXPECT_EQ(parrot.source_column, "parrot_id");
  EXPECT_EQ(owl.table, "inh_abstract_owl_tags");
  EXPECT_EQ(owl.source_column, "owl_id");
  EXPECT_EQ(columns_of("inh_abstract_parrot_tags"), (std::vector<std::string>{"id", "parrot_id", "tag_id"}));
  EXPECT_EQ(columns_of("inh_abstract_owl_tags"), (std::vector<std::string>{"id", "owl_id", "tag_id"}));
}

TEST_P(AbstractBaseTest, ManyToManyAddRemoveSetArePerChild) {
  Tag loud = database->create(Tag{.name = "loud"}), green = database->create(Tag{.name = "green"});
  Parrot polly = database->create(Parrot{{{.species = "macaw"}}});
  Owl hoot = database->create(Owl{{{.species = "barn owl"}}});
  polly.tags.add(loud, green);
  hoot.tags.add(loud);
  EXPECT_EQ(polly.tags.count(), 2);
  EXPECT_EQ(hoot.tags.count(), 1);
  polly.tags.remove(loud);
  EXPECT_EQ(polly.tags.count(), 1);
  EXPECT_EQ(hoot.tags.count(), 1) << "the owl's pair is in its own join table";
  hoot.tags.set({green});
  EXPECT_EQ(hoot.tags.all().get().name, "green");
  EXPECT_EQ(polly.tags.all().get().name, "green");
  EXPECT_EQ(database->related<Parrot>(green, &Parrot::tags).count(), 1);
  EXPECT_EQ(database->objects<Tag>().filter("owl__species", "barn owl").get().name, "green");
}

TEST_P(AbstractBaseTest, ManyToManyPrefetchIsPerChild) {
  Tag loud = database->create(Tag{.name = "loud"});
  Parrot polly = database->create(Parrot{{{.species = "macaw"}}});
  Owl hoot = database->create(Owl{{{.species = "barn owl"}}});
  polly.tags.add(loud);
  std::vector<Owl> owls;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { owls = database->objects<Owl>().prefetch_related("tags").fetch(); });
  ASSERT_EQ(owls.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(owls[0].tags.all().count(), 0); });
  std::vector<Parrot> parrots = database->objects<Parrot>().prefetch_related("tags").fetch();
  ASSERT_EQ(parrots.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    std::vector<Tag> tags = parrots[0].tags.all().fetch();
    ASSERT_EQ(tags.size(), 1u);
    EXPECT_EQ(tags[0].name, "loud");
  });
}

// --- deletion ---------------------------------------------------------------

TEST_P(AbstractBaseTest, CascadeFromTheBaseRelationReachesEveryChildTable) {
  Owner ann = owner("Ann"), bob = owner("Bob");
  dog("Rex", ann);
  dog("Fido", ann);
  cat("Tom", ann);
  cat("Felix", bob);
  covet::DeleteResult r = database->erase(ann);
  EXPECT_EQ(r, (covet::DeleteResult{4, {{"Cat", 1}, {"Dog", 2}, {"Owner", 1}}}));
  EXPECT_EQ(database->objects<Dog>().count(), 0);
  EXPECT_EQ(database->objects<Cat>().count(), 1);
}

TEST_P(AbstractBaseTest, SetNullFromTheBaseRelationReachesEveryChildTable) {
  Keeper kim = database->create(Keeper{.name = "Kim"});
  Parrot polly = database->create(Parrot{{{.species = "macaw", .keeper = kim}}});
  Owl hoot = database->create(Owl{{{.species = "barn owl", .keeper = kim}}});
  database->erase(kim);
  EXPECT_FALSE(database->objects<Parrot>().get("id", polly.id).keeper.has_value());
  EXPECT_FALSE(database->objects<Owl>().get("id", hoot.id).keeper.has_value());
}

TEST_P(AbstractBaseTest, ProtectFromTheBaseRelationBlocksFromAnyChild) {
  Shelter home = database->create(Shelter{.name = "Home"});
  database->create(Owl{{{.species = "barn owl"}, 0, {}, home}});
  try {
    database->erase(home);
    FAIL() << "an owl protects its shelter";
  } catch (const covet::ProtectedError& e) {
    ASSERT_EQ(e.protected_objects().size(), 1u);
    EXPECT_EQ(e.protected_objects()[0].model, "Owl");
  }
  EXPECT_EQ(database->objects<Shelter>().count(), 1);
  EXPECT_EQ(database->objects<Owl>().count(), 1);
}

TEST_P(AbstractBaseTest, ErasingAChildDeletesItsOwnJoinRows) {
  Tag loud = database->create(Tag{.name = "loud"});
  Parrot polly = database->create(Parrot{{{.species = "macaw"}}});
  Owl hoot = database->create(Owl{{{.species = "barn owl"}}});
  polly.tags.add(loud);
  hoot.tags.add(loud);
  covet::DeleteResult r = database->erase(polly);
  EXPECT_EQ(r, (covet::DeleteResult{2, {{"Parrot", 1}, {"Parrot_tags", 1}}}));
  EXPECT_EQ(database->related<Owl>(loud, &Owl::tags).count(), 1);
}

// --- an abstract model is refused where a table is needed -------------------

TEST_P(AbstractBaseTest, QueryingAnAbstractModelNamesItsConcreteModels) {
  const std::string what = covet::test::error_message<covet::UsageError>([&] { database->objects<Animal>(); });
  EXPECT_EQ(what, kAnimalIsAbstract + "query a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, QueryingAnAbstractModelNamesModelsBelowFurtherAbstractLevels) {
  const std::string what = covet::test::error_message<covet::UsageError>([&] { database->objects<Creature>(); });
  EXPECT_EQ(what, "Creature is abstract (covet::abstract): it has no table; query a concrete model: Owl, Parrot");
}

TEST_P(AbstractBaseTest, CreatingAnAbstractModelIsAUsageError) {
  Owner ann = owner("Ann");
  const std::string what = covet::test::error_message<covet::UsageError>(
      [&] { database->create(Animal{.name = "Rex", .owner = ann}); });
  EXPECT_EQ(what, kAnimalIsAbstract + "create objects of a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, SavingAnAbstractModelIsAUsageError) {
  Animal animal{.name = "Rex"};
  const std::string what = covet::test::error_message<covet::UsageError>([&] { database->save(animal); });
  EXPECT_EQ(what, kAnimalIsAbstract + "save objects of a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, SavingAChildThroughTheBaseTypeIsAUsageError) {
  Dog rex = dog("Rex", owner("Ann"));
  Animal& animal = rex;
  rex.name = "Max";
  EXPECT_THROW(database->save(animal), covet::UsageError);
  EXPECT_EQ(database->objects<Dog>().get("id", rex.id).name, "Rex") << "nothing was written";
}

TEST_P(AbstractBaseTest, UpdatingAnAbstractModelIsAUsageError) {
  const Animal animal{.id = covet::Id(1), .name = "Rex"};
  const std::string what = covet::test::error_message<covet::UsageError>([&] { database->update(animal); });
  EXPECT_EQ(what, kAnimalIsAbstract + "update objects of a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, ErasingAnAbstractModelIsAUsageError) {
  Dog rex = dog("Rex", owner("Ann"));
  Animal& animal = rex;
  const std::string what = covet::test::error_message<covet::UsageError>([&] { database->erase(animal); });
  EXPECT_EQ(what, kAnimalIsAbstract + "erase objects of a concrete model: Cat, Dog");
  EXPECT_EQ(database->objects<Dog>().count(), 1) << "nothing was deleted";
}

TEST_P(AbstractBaseTest, BulkCreatingAnAbstractModelIsAUsageError) {
  const std::string what = covet::test::error_message<covet::UsageError>(
      [&] { database->bulk_create(std::vector<Animal>{Animal{.name = "Rex"}}); });
  EXPECT_EQ(what, kAnimalIsAbstract + "bulk_create objects of a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, BulkUpdatingAnAbstractModelIsAUsageError) {
  const std::string what = covet::test::error_message<covet::UsageError>(
      [&] { database->bulk_update(std::vector<Animal>{Animal{.id = covet::Id(1)}}, {"name"}); });
  EXPECT_EQ(what, kAnimalIsAbstract + "bulk_update objects of a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, RefreshingAnAbstractModelIsAUsageError) {
  Animal animal{.id = covet::Id(1)};
  const std::string what = covet::test::error_message<covet::UsageError>([&] { database->refresh(animal); });
  EXPECT_EQ(what, kAnimalIsAbstract + "refresh objects of a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, PrefetchingForAnAbstractModelIsAUsageError) {
  std::vector<Animal> animals{Animal{.id = covet::Id(1)}};
  const std::string what = covet::test::error_message<covet::UsageError>([&] { database->prefetch(animals, "owner"); });
  EXPECT_EQ(what, kAnimalIsAbstract + "prefetch for objects of a concrete model: Cat, Dog");
}

TEST_P(AbstractBaseTest, ReferringToAnAbstractModelIsAUsageError) {
  Animal animal{.id = covet::Id(1)};
  const std::string what = covet::test::error_message<covet::UsageError>([&] { covet::Ref<Animal> ref(animal); });
  EXPECT_EQ(what, kAnimalIsAbstract + "refer to objects of a concrete model: Cat, Dog");
}

COVET_INSTANTIATE_BACKENDS(AbstractBaseTest);

// --- the registry -------------------------------------------------------------

TEST(AbstractBaseRegistry, AbstractModelsAreRegisteredWithTheirConcreteChildren) {
  const covet::ModelInfo& animal = covet::model_info<Animal>();
  EXPECT_TRUE(animal.abstract);
  EXPECT_TRUE(animal.table.empty());
  std::vector<const covet::ModelInfo*> cat_dog{&covet::model_info<Cat>(), &covet::model_info<Dog>()};
  EXPECT_EQ(animal.children, cat_dog);
}

TEST(AbstractBaseRegistry, ChildrenOfAnAbstractBaseIncludeThoseThroughFurtherAbstractLevels) {
  std::vector<const covet::ModelInfo*> owl_parrot{&covet::model_info<Owl>(), &covet::model_info<Parrot>()};
  EXPECT_EQ(covet::model_info<Creature>().children, owl_parrot);
  EXPECT_EQ(covet::model_info<Bird>().children, owl_parrot);
}

TEST(AbstractBaseRegistry, AllModelsLeavesAbstractModelsOut) {
  for (const covet::ModelInfo* m : covet::all_models()) EXPECT_FALSE(m->abstract) << m->name;
  const std::vector<const covet::ModelInfo*> models = covet::all_models();
  EXPECT_NE(std::find(models.begin(), models.end(), &covet::model_info<Dog>()), models.end());
}

TEST(AbstractBaseRegistry, InheritedMembersBelongToTheChild) {
  for (const covet::MemberInfo& m : covet::model_info<Parrot>().members)
    EXPECT_EQ(m.declared_by, &covet::model_info<Parrot>()) << m.name;
}

TEST(ModelPlaceholder, EveryOccurrenceIsTheLowerCaseModelName) {
  namespace names = covet::detail::naming;
  EXPECT_EQ(names::expand_model_placeholder("{model}_items", "Parrot"), "parrot_items");
  EXPECT_EQ(names::expand_model_placeholder("{model}s_of_{model}", "OwlChick"), "owlchicks_of_owlchick");
  EXPECT_EQ(names::expand_model_placeholder("books", "Parrot"), "books");
  EXPECT_EQ(names::expand_model_placeholder("", "Parrot"), "") << "an undeclared name stays undeclared";
  EXPECT_EQ(names::expand_model_placeholder("{mod}{model", "Parrot"), "{mod}{model") << "only the whole placeholder";
}

// A relation to an abstract model has no table to reference: the plugin
// rejects it at compile time (relation-target.cpp); metadata that bypassed
// the plugin gets this message from the registry.
TEST(AbstractBaseRegistry, RelationToAnAbstractModelNamesItsConcreteModels) {
  covet::ModelInfo source;
  source.name = "Vet";
  covet::MemberInfo patient;
  patient.name = "patient";
  const std::string what = covet::test::error_message<covet::UsageError>(
      [&] { covet::detail::concrete_relation_target(source, patient, covet::model_info<Animal>()); });
  EXPECT_EQ(what,
            "Vet.patient refers to Animal, which is abstract (covet::abstract): it has no table; refer to a "
            "concrete model: Cat, Dog");
}

TEST(AbstractBaseRegistry, AnAbstractModelWithoutChildrenSaysSo) {
  covet::ModelInfo lonely;
  lonely.name = "Lonely";
  lonely.abstract = true;
  EXPECT_EQ(covet::detail::abstract_model_message(lonely, "query"),
            "Lonely is abstract (covet::abstract): it has no table; derive a concrete model from it");
}

}  // namespace
