// The hand-written side of every case: what a C++ engineer writes against
// sqlite3 or libpq without an ORM. Plain structs; statements prepared once
// (per IN-list length on SQLite, where the list is spelled out); columns
// copied into the structs; nested objects put together with IN lists and an
// unordered_map from key to object. Each function is a template over
// raw::Sqlite and raw::Postgres (same interface), so both backends run the
// same code.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace covet_bench::raw {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string email;
  int age = 0;
  bool is_active = true;
};

struct Comment {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::string author_name;
  std::string body;
};

struct Post {
  std::int64_t id = 0;
  std::optional<std::int64_t> author_id;
  std::string title;
  bool published = false;
  int score = 0;
  std::vector<Comment> comments;  // filled by users_posts_comments only
};

struct PostWithAuthor {
  Post post;
  std::optional<User> author;
};

struct UserWithPosts {
  User user;
  std::vector<Post> posts;
};

struct Publisher {
  std::int64_t id = 0;
  std::string name;
  std::string country;
};

struct Author {
  std::int64_t id = 0;
  std::string name;
  int age = 0;
};

struct Tag {
  std::int64_t id = 0;
  std::string name;
};

struct Book {
  std::int64_t id = 0;
  std::string title;
  int published_year = 0;
  double price = 0;
  std::int64_t author_id = 0;
  std::optional<std::int64_t> publisher_id;
  std::vector<Tag> tags;  // filled by authors_books_tags only
};

struct BookWithRelated {
  Book book;
  Author author;
  std::optional<Publisher> publisher;
};

struct AuthorWithBooks {
  Author author;
  std::vector<Book> books;
};

// The single-table hierarchy, as plain structs told apart by a variant.
struct Vehicle {
  std::int64_t id = 0;
  std::string make;
  int wheels = 4;
};
struct Car : Vehicle {
  int num_doors = 4;
};
struct Truck : Vehicle {
  double payload = 0;
};
struct Motorcycle : Vehicle {
  bool has_sidecar = false;
};
using AnyVehicle = std::variant<Vehicle, Car, Truck, Motorcycle>;
// The multi-table hierarchy, each row as its most-derived type.
struct Member {
  std::int64_t id = 0;
  std::string name;
  int age = 0;
};
struct Staff {
  Member member;
  std::string department;
  int salary = 0;
};
struct Client {
  Member member;
  std::string tier;
  int points = 0;
};
struct Supplier {
  Member member;
  std::string company;
};
using AnyMember = std::variant<Member, Staff, Client, Supplier>;

// The generic case: five models, and remarks that point at an object of
// any of them by (content type, object id).
struct Article {
  std::int64_t id = 0;
  std::string title;
  int words = 0;
};
struct Photo {
  std::int64_t id = 0;
  std::string caption;
  int width = 0;
};
struct Video {
  std::int64_t id = 0;
  std::string title;
  int seconds = 0;
};
struct Event {
  std::int64_t id = 0;
  std::string name;
  int capacity = 0;
};
struct Product {
  std::int64_t id = 0;
  std::string name;
  double price = 0;
};
using AnyTarget =
    std::variant<std::monostate, const Article*, const Photo*, const Video*, const Event*, const Product*>;
struct Remark {
  std::int64_t id = 0;
  std::string body;
  std::int64_t content_type = 0;
  std::int64_t object_id = 0;
  AnyTarget target;  // monostate: no such object
};
// The remarks, and the objects they point at (owned here; a remark points
// into these vectors).
struct RemarksWithTargets {
  std::vector<Remark> remarks;
  std::vector<Article> articles;
  std::vector<Photo> photos;
  std::vector<Video> videos;
  std::vector<Event> events;
  std::vector<Product> products;
};

// Call sites of prepare_sized (the statement cache key with the count).
enum Site : int {
  kPostsOfUsers = 1,
  kCommentsOfPosts,
  kBooksOfAuthors,
  kTagsOfBooks,
  kInsertUsers,
  kArticlesOfRemarks,
  kPhotosOfRemarks,
  kVideosOfRemarks,
  kEventsOfRemarks,
  kProductsOfRemarks,
};

namespace detail {

// Runs `head <in-list> tail` for `keys`, as many statements as the backend
// needs (SQLite: under its parameter limit; PostgreSQL: one array), calling
// on_row(statement) for each row.
template <class Db, class OnRow>
void select_in(Db& db, int site, const char* head, const std::vector<std::int64_t>& keys, OnRow&& on_row) {
  if (keys.empty()) return;
  const std::size_t per = std::min(keys.size(), db.keys_per_statement());
  for (std::size_t begin = 0; begin < keys.size(); begin += per) {
    const std::size_t n = std::min(per, keys.size() - begin);
    auto& s = db.prepare_sized(site, n, [&](std::size_t count) { return head + Db::in_list(count); });
    s.reset();
    Db::bind_keys(s, 0, std::vector<std::int64_t>(keys.begin() + static_cast<std::ptrdiff_t>(begin),
                                                  keys.begin() + static_cast<std::ptrdiff_t>(begin + n)));
    while (s.step()) on_row(s);
  }
}

template <class S>
User read_user(const S& s, int at) {
  return User{s.get_int64(at), s.get_text(at + 1), s.get_text(at + 2), s.get_int(at + 3), s.get_bool(at + 4)};
}

template <class S>
Post read_post(const S& s, int at) {
  Post p;
  p.id = s.get_int64(at);
  if (!s.is_null(at + 1)) p.author_id = s.get_int64(at + 1);
  p.title = s.get_text(at + 2);
  p.published = s.get_bool(at + 3);
  p.score = s.get_int(at + 4);
  return p;
}

template <class S>
Book read_book(const S& s, int at) {
  Book b;
  b.id = s.get_int64(at);
  b.title = s.get_text(at + 1);
  b.published_year = s.get_int(at + 2);
  b.price = s.get_double(at + 3);
  b.author_id = s.get_int64(at + 4);
  if (!s.is_null(at + 5)) b.publisher_id = s.get_int64(at + 5);
  return b;
}

// The objects of one model the remarks point at: one IN query over their
// keys (as many as the parameter limit needs), then a map from key to object.
template <class T, class Db, class Read>
std::unordered_map<std::int64_t, const T*> load_targets(Db& db, int site, const char* head,
                                                          const std::vector<std::int64_t>& keys, std::vector<T>& into,
                                                          Read&& read) {
  into.reserve(keys.size());
  select_in(db, site, head, keys, [&](const auto& row) { into.push_back(read(row)); });
  std::unordered_map<std::int64_t, const T*> at;
  at.reserve(into.size());
  for (const T& object : into) at.emplace(object.id, &object);
  return at;
}

}  // namespace detail

// SELECT every user.
template <class Db>
std::vector<User> load_users(Db& db) {
  auto& s = db.prepare("SELECT id, username, email, age, is_active FROM bench_user");
  s.reset();
  std::vector<User> users;
  while (s.step()) users.push_back(detail::read_user(s, 0));
  return users;
}

// Posts LEFT JOIN their authors, published ones only.
template <class Db>
std::vector<PostWithAuthor> published_posts_with_authors(Db& db) {
  auto& s = db.prepare(
      "SELECT p.id, p.author_id, p.title, p.published, p.score, u.id, u.username, u.email, u.age, u.is_active "
      "FROM bench_post p LEFT JOIN bench_user u ON u.id = p.author_id WHERE p.published = ?");
  s.reset();
  s.bind(0, true);
  std::vector<PostWithAuthor> rows;
  while (s.step()) {
    PostWithAuthor row{detail::read_post(s, 0), std::nullopt};
    if (!s.is_null(5)) row.author = detail::read_user(s, 5);
    rows.push_back(std::move(row));
  }
  return rows;
}

// One multi-row INSERT ... RETURNING id per statement's worth of rows (the
// parameter limit decides), in a transaction when it takes more than one;
// fills in the keys.
template <class Db>
void insert_users(Db& db, std::vector<User>& users) {
  constexpr std::size_t kColumns = 4;
  const std::size_t per = std::min(users.size(), static_cast<std::size_t>(db.max_params()) / kColumns);
  const bool transaction = users.size() > per;
  if (transaction) db.exec("BEGIN");
  std::size_t next_key = 0;
  for (std::size_t begin = 0; begin < users.size(); begin += per) {
    const std::size_t n = std::min(per, users.size() - begin);
    auto& s = db.prepare_sized(kInsertUsers, n, [](std::size_t rows) {
      std::string sql = "INSERT INTO bench_user (username, email, age, is_active) VALUES ";
      for (std::size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)";
      return sql + " RETURNING id";
    });
    s.reset();
    int p = 0;
    for (std::size_t i = begin; i < begin + n; ++i) {
      s.bind(p++, std::string_view(users[i].username));
      s.bind(p++, std::string_view(users[i].email));
      s.bind(p++, users[i].age);
      s.bind(p++, users[i].is_active);
    }
    while (s.step()) users[next_key++].id = s.get_int64(0);
  }
  if (transaction) db.exec("COMMIT");
}

// Every user with their posts, each with its comments: three SELECTs, the
// second and third restricted to the keys the previous one found.
template <class Db>
std::vector<UserWithPosts> users_posts_comments(Db& db) {
  std::vector<UserWithPosts> users;
  std::unordered_map<std::int64_t, std::size_t> user_at;
  std::vector<std::int64_t> user_keys;
  auto& s = db.prepare("SELECT id, username, email, age, is_active FROM bench_user");
  s.reset();
  while (s.step()) {
    users.push_back(UserWithPosts{detail::read_user(s, 0), {}});
    user_at.emplace(users.back().user.id, users.size() - 1);
    user_keys.push_back(users.back().user.id);
  }

  // Posts are placed first, then comments attached through pointers that
  // stay valid because no post vector grows any more.
  detail::select_in(db, kPostsOfUsers, "SELECT id, author_id, title, published, score FROM bench_post WHERE author_id ",
                    user_keys, [&](const auto& row) {
                      Post p = detail::read_post(row, 0);
                      users[user_at.at(*p.author_id)].posts.push_back(std::move(p));
                    });
  std::unordered_map<std::int64_t, Post*> post_at;
  std::vector<std::int64_t> post_keys;
  for (UserWithPosts& u : users)
    for (Post& p : u.posts) {
      post_at.emplace(p.id, &p);
      post_keys.push_back(p.id);
    }
  detail::select_in(db, kCommentsOfPosts, "SELECT id, post_id, author_name, body FROM bench_comment WHERE post_id ",
                    post_keys, [&](const auto& row) {
                      Comment c{row.get_int64(0), row.get_int64(1), row.get_text(2), row.get_text(3)};
                      post_at.at(c.post_id)->comments.push_back(std::move(c));
                    });
  return users;
}

// One user by key: bind, step, copy. Throws when there is none.
template <class Statement>
User get_user(Statement& s, std::int64_t id) {
  s.reset();
  s.bind(0, id);
  std::optional<User> found;
  while (s.step()) found = detail::read_user(s, 0);
  if (!found) throw std::runtime_error("no user " + std::to_string(id));
  return *std::move(found);
}
inline constexpr const char* kGetUserSql = "SELECT id, username, email, age, is_active FROM bench_user WHERE id = ?";

// Every book with its author (INNER JOIN) and publisher (LEFT JOIN).
template <class Db>
std::vector<BookWithRelated> books_with_related(Db& db) {
  auto& s = db.prepare(
      "SELECT b.id, b.title, b.published_year, b.price, b.author_id, b.publisher_id, a.id, a.name, a.age, "
      "p.id, p.name, p.country FROM bench_book b INNER JOIN bench_author a ON a.id = b.author_id "
      "LEFT JOIN bench_publisher p ON p.id = b.publisher_id");
  s.reset();
  std::vector<BookWithRelated> rows;
  while (s.step()) {
    BookWithRelated row{detail::read_book(s, 0), Author{s.get_int64(6), s.get_text(7), s.get_int(8)}, std::nullopt};
    if (!s.is_null(9)) row.publisher = Publisher{s.get_int64(9), s.get_text(10), s.get_text(11)};
    rows.push_back(std::move(row));
  }
  return rows;
}

// Every author with their books, each with its tags: three SELECTs, the
// tags through the join table.
template <class Db>
std::vector<AuthorWithBooks> authors_books_tags(Db& db) {
  std::vector<AuthorWithBooks> authors;
  std::unordered_map<std::int64_t, std::size_t> author_at;
  std::vector<std::int64_t> author_keys;
  auto& s = db.prepare("SELECT id, name, age FROM bench_author");
  s.reset();
  while (s.step()) {
    authors.push_back(AuthorWithBooks{Author{s.get_int64(0), s.get_text(1), s.get_int(2)}, {}});
    author_at.emplace(authors.back().author.id, authors.size() - 1);
    author_keys.push_back(authors.back().author.id);
  }
  detail::select_in(db, kBooksOfAuthors,
                    "SELECT id, title, published_year, price, author_id, publisher_id FROM bench_book WHERE author_id ",
                    author_keys, [&](const auto& row) {
                      Book b = detail::read_book(row, 0);
                      authors[author_at.at(b.author_id)].books.push_back(std::move(b));
                    });
  std::unordered_map<std::int64_t, Book*> book_at;
  std::vector<std::int64_t> book_keys;
  for (AuthorWithBooks& a : authors)
    for (Book& b : a.books) {
      book_at.emplace(b.id, &b);
      book_keys.push_back(b.id);
    }
  detail::select_in(db, kTagsOfBooks,
                    "SELECT bt.book_id, t.id, t.name FROM bench_tag t "
                    "INNER JOIN bench_book_tags bt ON bt.tag_id = t.id WHERE bt.book_id ",
                    book_keys, [&](const auto& row) {
                      book_at.at(row.get_int64(0))->tags.push_back(Tag{row.get_int64(1), row.get_text(2)});
                    });
  return authors;
}

// Every vehicle as its own type: one SELECT of the table's columns, the
// kind column picking the struct each row fills.
template <class Db>
std::vector<AnyVehicle> load_vehicles(Db& db) {
  auto& s = db.prepare("SELECT kind, id, make, wheels, num_doors, payload, has_sidecar FROM bench_vehicle");
  s.reset();
  std::vector<AnyVehicle> rows;
  while (s.step()) {
    const std::string kind = s.get_text(0);
    auto base = [&](Vehicle& v) {
      v.id = s.get_int64(1);
      v.make = s.get_text(2);
      v.wheels = s.get_int(3);
    };
    if (kind == "car") {
      Car& c = std::get<Car>(rows.emplace_back(std::in_place_type<Car>));
      base(c);
      c.num_doors = s.get_int(4);
    } else if (kind == "truck") {
      Truck& t = std::get<Truck>(rows.emplace_back(std::in_place_type<Truck>));
      base(t);
      t.payload = s.get_double(5);
    } else if (kind == "motorcycle") {
      Motorcycle& m = std::get<Motorcycle>(rows.emplace_back(std::in_place_type<Motorcycle>));
      base(m);
      m.has_sidecar = s.get_bool(6);
    } else {
      base(std::get<Vehicle>(rows.emplace_back(std::in_place_type<Vehicle>)));
    }
  }
  return rows;
}

// Every member as its most-derived type: the member table LEFT JOINed to
// each subclass table on its key; a non-NULL subclass key says which.
template <class Db>
std::vector<AnyMember> members_polymorphic(Db& db) {
  auto& s = db.prepare(
      "SELECT m.id, m.name, m.age, st.member_ptr_id, st.department, st.salary, c.member_ptr_id, c.tier, c.points, "
      "su.member_ptr_id, su.company FROM bench_member m "
      "LEFT JOIN bench_staff st ON st.member_ptr_id = m.id "
      "LEFT JOIN bench_client c ON c.member_ptr_id = m.id "
      "LEFT JOIN bench_supplier su ON su.member_ptr_id = m.id");
  s.reset();
  std::vector<AnyMember> rows;
  while (s.step()) {
    Member m{s.get_int64(0), s.get_text(1), s.get_int(2)};
    if (!s.is_null(3))
      rows.emplace_back(Staff{std::move(m), s.get_text(4), s.get_int(5)});
    else if (!s.is_null(6))
      rows.emplace_back(Client{std::move(m), s.get_text(7), s.get_int(8)});
    else if (!s.is_null(9))
      rows.emplace_back(Supplier{std::move(m), s.get_text(10)});
    else
      rows.emplace_back(std::move(m));
  }
  return rows;
}

// Every remark with the object it points at: one SELECT of the remarks,
// then one IN query per model over the keys of that model's content type
// (`types`: the content-type ids of Article, Photo, Video, Event, Product).
template <class Db>
RemarksWithTargets remarks_with_targets(Db& db, const std::vector<std::int64_t>& types) {
  RemarksWithTargets out;
  std::array<std::vector<std::int64_t>, 5> keys;
  std::array<std::unordered_set<std::int64_t>, 5> seen;
  auto& s = db.prepare("SELECT id, body, content_type, object_id FROM bench_remark");
  s.reset();
  while (s.step()) {
    Remark r{s.get_int64(0), s.get_text(1), s.get_int64(2), s.get_int64(3), {}};
    for (std::size_t k = 0; k < types.size(); ++k)
      if (r.content_type == types[k]) {
        if (seen[k].insert(r.object_id).second) keys[k].push_back(r.object_id);
        break;
      }
    out.remarks.push_back(std::move(r));
  }
  const auto articles = detail::load_targets(
      db, kArticlesOfRemarks, "SELECT id, title, words FROM bench_article WHERE id ", keys[0], out.articles,
      [](const auto& row) { return Article{row.get_int64(0), row.get_text(1), row.get_int(2)}; });
  const auto photos = detail::load_targets(
      db, kPhotosOfRemarks, "SELECT id, caption, width FROM bench_photo WHERE id ", keys[1], out.photos,
      [](const auto& row) { return Photo{row.get_int64(0), row.get_text(1), row.get_int(2)}; });
  const auto videos = detail::load_targets(
      db, kVideosOfRemarks, "SELECT id, title, seconds FROM bench_video WHERE id ", keys[2], out.videos,
      [](const auto& row) { return Video{row.get_int64(0), row.get_text(1), row.get_int(2)}; });
  const auto events = detail::load_targets(
      db, kEventsOfRemarks, "SELECT id, name, capacity FROM bench_event WHERE id ", keys[3], out.events,
      [](const auto& row) { return Event{row.get_int64(0), row.get_text(1), row.get_int(2)}; });
  const auto products = detail::load_targets(
      db, kProductsOfRemarks, "SELECT id, name, price FROM bench_product WHERE id ", keys[4], out.products,
      [](const auto& row) { return Product{row.get_int64(0), row.get_text(1), row.get_double(2)}; });
  const auto point = [](Remark& r, const auto& at) {
    if (auto it = at.find(r.object_id); it != at.end()) r.target = it->second;
  };
  for (Remark& r : out.remarks) {
    if (r.content_type == types[0]) point(r, articles);
    else if (r.content_type == types[1]) point(r, photos);
    else if (r.content_type == types[2]) point(r, videos);
    else if (r.content_type == types[3]) point(r, events);
    else if (r.content_type == types[4]) point(r, products);
  }
  return out;
}

// Deletes a user, their posts and the posts' comments, children first, in
// one transaction: what the schema's CASCADE means, written by hand.
template <class Db>
void delete_user_cascade(Db& db, std::int64_t id) {
  db.exec("BEGIN");
  auto& comments = db.prepare(
      "DELETE FROM bench_comment WHERE post_id IN (SELECT id FROM bench_post WHERE author_id = ?)");
  comments.reset();
  comments.bind(0, id);
  comments.run();
  auto& posts = db.prepare("DELETE FROM bench_post WHERE author_id = ?");
  posts.reset();
  posts.bind(0, id);
  posts.run();
  auto& user = db.prepare("DELETE FROM bench_user WHERE id = ?");
  user.reset();
  user.bind(0, id);
  user.run();
  db.exec("COMMIT");
}

}  // namespace covet_bench::raw
