// Erasing the target of generic relations fails at any statement and writes
// nothing: the generic CASCADE of its comments, the chain that follows it
// (the comments' replies, a foreign-key CASCADE), and the generic SET_NULL
// of its tags, in batches of two keys (a parameter limit of 3).
#include "models/generic.hpp"
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

class GenericFaultTest : public covet::test::FaultTest {
 protected:
  // Two doomed photos, each with three comments (each with a reply) and two
  // tags; a kept photo with one of each, and a post sharing a doomed key.
  void seed() {
    for (const char* table : {"gen_reply", "gen_comment", "gen_tag", "gen_note", "gen_photo", "gen_post", "gen_link",
                              "gen_page"})
      database->execute(std::string("DELETE FROM \"") + table + "\"");
    for (const char* caption : {"doomed 1", "doomed 2", "kept"}) {
      const gen::Photo photo = database->create(gen::Photo{.caption = caption});
      const int comments = std::string(caption) == "kept" ? 1 : 3;
      for (int i = 0; i < comments; ++i) {
        const gen::Comment c =
            database->create(gen::Comment{.text = std::string(caption) + " #" + std::to_string(i), .content_object = photo});
        database->create(gen::Reply{.text = "re: " + c.text, .comment = c});
        if (i < 2) database->create(gen::Tag{.label = std::string(caption) + " tag", .target = photo});
      }
      if (std::string(caption) == "doomed 1") doomed = photo;
    }
    const gen::Post post = database->create(gen::Post{.title = "same key as a photo"});
    database->create(gen::Comment{.text = "on the post", .content_object = post});
  }

  gen::Photo doomed;
};

TEST_P(GenericFaultTest, EraseOfAGenericTargetWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            gen::Photo p = doomed;
            database->erase(p);
          },
      .max_params = 3,
  });
}

TEST_P(GenericFaultTest, EraseOfGenericTargetsByQueryWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { database->objects<gen::Photo>().filter("caption__startswith", "doomed").erase(); },
      .max_params = 3,
  });
}

COVET_INSTANTIATE_BACKENDS(GenericFaultTest);

}  // namespace
