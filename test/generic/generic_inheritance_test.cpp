// A GenericRelation inherited by a multi-table child, as Django copies it
// to the child (a private field of the parent, `mti_inherited`): the
// child's objects hold the child's content type, so a child's relation is
// the rows on the child, not those on its parent row with the same key;
// and erasing a child erases the rows on it and on its parent row (both
// content types), in the delete's one transaction, counted per model.
#include "models/generic.hpp"
#include "generic/generic_fixture.hpp"

#include <covet/covet.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using covet::ContentType;
using gen::Note;
using gen::Place;
using gen::Restaurant;

class GenericInheritanceTest : public covet::test::GenericTest {
 protected:
  Restaurant restaurant(const std::string& name) {
    Restaurant r;
    r.name = name;
    r.seats = 20;
    return db().create(r);
  }

  std::vector<std::string> bodies(covet::QuerySet<Note> rows) {
    std::vector<std::string> out;
    for (const Note& n : rows.order_by("body")) out.push_back(n.body);
    return out;
  }

  // A restaurant, a note on it and one on its parent row (the same key,
  // Place's content type), and a note on another place.
  void make_notes() {
    rest = restaurant("bistro");
    parent = db().objects<Place>().get("id", rest.id);
    other = db().create(Place{.name = "park"});
    db().create(Note{.body = "on the restaurant", .content_object = rest});
    db().create(Note{.body = "on its place", .content_object = parent});
    db().create(Note{.body = "on the park", .content_object = other});
  }

  Restaurant rest;
  Place parent;
  Place other;
};

TEST_P(GenericInheritanceTest, ChildsInheritedRelationWritesTheChildsContentType) {
  Restaurant r = restaurant("bistro");
  Note n = r.notes.create({.body = "good"});
  EXPECT_EQ(n.content_type.value(), ContentType::for_model<Restaurant>(db()).id());
  EXPECT_NE(n.content_type.value(), ContentType::for_model<Place>(db()).id());
  EXPECT_EQ(n.object_id, r.id.value());
  EXPECT_EQ(n.content_object.get<Restaurant>().seats, 20);
}

TEST_P(GenericInheritanceTest, ChildsRelationIsTheRowsOnTheChildNotOnItsParentRow) {
  make_notes();
  EXPECT_EQ(bodies(rest.notes.all()), (std::vector<std::string>{"on the restaurant"}));
  EXPECT_EQ(bodies(parent.notes.all()), (std::vector<std::string>{"on its place"}));
  EXPECT_EQ(rest.notes.count(), 1);
}

TEST_P(GenericInheritanceTest, ErasingAChildErasesTheRowsOnItAndOnItsParentRow) {
  make_notes();
  covet::DeleteResult result = db().erase(rest);
  EXPECT_EQ(result.per_model["Note"], 2);
  EXPECT_EQ(result.per_model["Restaurant"], 1);
  EXPECT_EQ(result.per_model["Place"], 1);
  EXPECT_EQ(bodies(db().objects<Note>()), (std::vector<std::string>{"on the park"}));
}

TEST_P(GenericInheritanceTest, ErasingTheParentRowErasesTheChildAndTheRowsOnBoth) {
  make_notes();
  covet::DeleteResult result = db().erase(parent);
  EXPECT_EQ(result.per_model["Note"], 2);
  EXPECT_EQ(result.per_model["Restaurant"], 1);
  EXPECT_EQ(db().objects<Restaurant>().count(), 0);
  EXPECT_EQ(bodies(db().objects<Note>()), (std::vector<std::string>{"on the park"}));
}

TEST_P(GenericInheritanceTest, PrefetchOfTheChildsRelationIsOneQuery) {
  make_notes();
  Restaurant second = restaurant("diner");
  db().create(Note{.body = "on the diner", .content_object = second});
  std::vector<Restaurant> restaurants;
  COVET_EXPECT_NUM_QUERIES(db(), 2, [&] {
    restaurants = db().objects<Restaurant>().order_by("name").prefetch_related("notes").fetch();
  });
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    ASSERT_EQ(restaurants.size(), 2u);
    EXPECT_EQ(restaurants[0].notes.all().fetch().at(0).body, "on the restaurant");
    EXPECT_EQ(restaurants[1].notes.all().fetch().at(0).body, "on the diner");
  });
}

TEST_P(GenericInheritanceTest, GenericReferenceToAChildReadsTheChild) {
  make_notes();
  const Note n = db().objects<Note>().get("body", "on the restaurant");
  EXPECT_EQ(n.content_object.get<Restaurant>().name, "bistro");
  EXPECT_EQ(n.content_object.get<Restaurant>().seats, 20);
}

COVET_INSTANTIATE_BACKENDS(GenericInheritanceTest);

}  // namespace
