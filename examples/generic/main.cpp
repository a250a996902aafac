// The generic relations example: the guide's comments on posts and photos,
// on an in-memory SQLite database (pass another URL as the first argument,
// e.g. "postgresql:///mydb"). Each step prints what it found and the
// statements it ran, and checks its result; the program exits with 1 when
// one is wrong.
#include "models.hpp"

#include <covet/covet.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace {

int failed_checks = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    ++failed_checks;
    std::cout << "  CHECK FAILED: " << what << '\n';
  }
}

// What a comment is on, whichever model it is.
struct Describe {
  std::string operator()(const blog::Post& p) const { return "post '" + p.title + "'"; }
  std::string operator()(const blog::Photo& p) const { return "photo '" + p.caption + "'"; }
};

template <class F>
std::size_t statements(covet::Database& db, F&& step) {
  covet::QueryCounter counter(db);
  step();
  return counter.count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace blog;
  covet::Database db = covet::connect(argc > 1 ? argv[1] : "sqlite::memory:");
  db.drop_all();
  db.create_all();

  Post post = db.create(Post{.title = "My Post"});
  Photo photo = db.create(Photo{.caption = "Sunset"});

  // Comments can attach to any model: create fills content_type and object_id.
  Comment comment1 = db.create(Comment{.text = "Great post!", .content_object = post});
  Comment comment2 = db.create(Comment{.text = "Beautiful photo!", .content_object = photo});
  post.comments.create({.text = "Second!"});
  std::cout << "comment1 is on " << comment1.content_object.visit(Describe{}) << " (content type "
            << covet::ContentType::for_id(db, comment1.content_type.value()).name() << ")\n";
  check(comment1.content_object.is<Post>() && comment2.content_object.is<Photo>(), "content objects");

  // Access generic FK: one query for the object, typed.
  Comment loaded = db.objects<Comment>().get("text", "Beautiful photo!");
  std::size_t n = statements(db, [&] { check(loaded.content_object.get<Photo>().caption == "Sunset", "get<Photo>"); });
  std::cout << "loaded.content_object.get<Photo>(): " << loaded.content_object.get<Photo>().caption << "  (" << n
            << " statement)\n";

  // Reverse access.
  std::cout << "post.comments.count() = " << post.comments.count() << ", photo.comments.count() = "
            << photo.comments.count() << '\n';
  check(post.comments.count() == 2 && photo.comments.count() == 1, "reverse managers");

  // Use in queries: by content type, by object, and through the relation.
  covet::ContentType ct = covet::ContentType::for_model<Post>(db);
  auto on_posts = db.objects<Comment>().filter("content_type", ct).count();
  auto on_photo = db.objects<Comment>().for_object(photo).count();
  auto posts_praised = db.objects<Post>().filter("comments__text__icontains", "great").count();
  auto via_post = db.objects<Comment>().filter("post__title", "My Post").count();
  std::cout << "comments on posts: " << on_posts << ", on the photo: " << on_photo
            << ", posts with a 'great' comment: " << posts_praised << ", comments of 'My Post': " << via_post << '\n';
  check(on_posts == 2 && on_photo == 1 && posts_praised == 1 && via_post == 2, "generic queries");

  // Prefetch: 1 query for the comments + 1 per content type present.
  std::vector<Comment> all;
  n = statements(db, [&] { all = db.objects<Comment>().order_by("id").prefetch_related("content_object").fetch(); });
  std::size_t later = statements(db, [&] {
    for (const Comment& c : all) std::cout << "  " << c.text << " -> " << c.content_object.visit(Describe{}) << '\n';
  });
  std::cout << "prefetch_related(\"content_object\"): " << n << " statements, then " << later << '\n';
  check(n == 3 && later == 0, "generic prefetch");

  // Erasing a post erases its comments (GenericRelation cascades).
  covet::DeleteResult erased = db.erase(post);
  std::cout << "erase(post): " << erased.per_model["Post"] << " post, " << erased.per_model["Comment"]
            << " comments\n";
  check(erased.per_model["Comment"] == 2 && db.objects<Comment>().count() == 1, "cascade");

  db.drop_all();
  if (failed_checks) std::cout << failed_checks << " check(s) failed\n";
  return failed_checks ? 1 : 0;
}
