#include "cases.hpp"

#include "models.hpp"
#include "raw_cases.hpp"

#include <covet/covet.hpp>

// The multi-table loader's detail API (runtime/).
#include "database_access.hpp"
#include "inheritance/multi_table_polymorphic.hpp"

#include <cstdint>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace covet_bench {

namespace {

constexpr int kGets = 10000;
constexpr int kVictimPosts = 1000;
constexpr int kVictimCommentsPerPost = 9;

// ---- checksums: the same arithmetic over both sides' objects ----------------

std::int64_t size(const std::string& s) { return static_cast<std::int64_t>(s.size()); }

std::int64_t user_sum(std::int64_t id, const std::string& username, const std::string& email, int age,
                      bool active) {
  return id + size(username) + size(email) + age + (active ? 1 : 0);
}
std::int64_t sum(const User& u) { return user_sum(u.id, u.username, u.email, u.age, u.is_active); }
std::int64_t sum(const raw::User& u) { return user_sum(u.id, u.username, u.email, u.age, u.is_active); }

std::int64_t post_sum(std::int64_t id, const std::string& title, bool published, int score) {
  return id + size(title) + (published ? 1 : 0) + score;
}
std::int64_t sum(const Post& p) { return post_sum(p.id, p.title, p.published, p.score); }
std::int64_t sum(const raw::Post& p) { return post_sum(p.id, p.title, p.published, p.score); }

std::int64_t comment_sum(std::int64_t id, const std::string& author, const std::string& body) {
  return id + size(author) + size(body);
}

std::int64_t book_sum(std::int64_t id, const std::string& title, int year, double price) {
  return id + size(title) + year + static_cast<std::int64_t>(price);
}
std::int64_t sum(const Book& b) { return book_sum(b.id, b.title, b.published_year, b.price); }
std::int64_t sum(const raw::Book& b) { return book_sum(b.id, b.title, b.published_year, b.price); }

// A vehicle: its base columns and the column of its own model.
std::int64_t vehicle_sum(std::int64_t id, const std::string& make, int wheels) { return id + size(make) + wheels; }
template <class V>
std::int64_t sum_vehicle(const V& v) {
  std::int64_t s = vehicle_sum(v.id, v.make, v.wheels);
  if constexpr (requires { v.num_doors; }) s += v.num_doors;
  if constexpr (requires { v.payload; }) s += static_cast<std::int64_t>(v.payload);
  if constexpr (requires { v.has_sidecar; }) s += v.has_sidecar ? 7 : 3;
  return s;
}

// The polymorphic load's checksum: the type (1..4) and every column.
std::int64_t member_sum(int type, std::int64_t id, const std::string& name, int age) {
  return type + id + size(name) + age;
}
std::int64_t sum(const Member& m) { return member_sum(1, m.id, m.name, m.age); }
std::int64_t sum(const Staff& m) { return member_sum(2, m.id, m.name, m.age) + size(m.department) + m.salary; }
std::int64_t sum(const Client& m) { return member_sum(3, m.id, m.name, m.age) + size(m.tier) + m.points; }
std::int64_t sum(const Supplier& m) { return member_sum(4, m.id, m.name, m.age) + size(m.company); }
std::int64_t sum(const raw::Member& m) { return member_sum(1, m.id, m.name, m.age); }
std::int64_t sum(const raw::Staff& m) {
  return member_sum(2, m.member.id, m.member.name, m.member.age) + size(m.department) + m.salary;
}
std::int64_t sum(const raw::Client& m) {
  return member_sum(3, m.member.id, m.member.name, m.member.age) + size(m.tier) + m.points;
}
std::int64_t sum(const raw::Supplier& m) {
  return member_sum(4, m.member.id, m.member.name, m.member.age) + size(m.company);
}

// The generic case: a remark, and the object it points at.
std::int64_t remark_sum(std::int64_t id, const std::string& body) { return id + size(body); }
std::int64_t sum(const Article& a) { return a.id + size(a.title) + a.words; }
std::int64_t sum(const Photo& p) { return p.id + size(p.caption) + p.width; }
std::int64_t sum(const Video& v) { return v.id + size(v.title) + v.seconds; }
std::int64_t sum(const Event& e) { return e.id + size(e.name) + e.capacity; }
std::int64_t sum(const Product& p) { return p.id + size(p.name) + static_cast<std::int64_t>(p.price); }
std::int64_t sum(const raw::Article& a) { return a.id + size(a.title) + a.words; }
std::int64_t sum(const raw::Photo& p) { return p.id + size(p.caption) + p.width; }
std::int64_t sum(const raw::Video& v) { return v.id + size(v.title) + v.seconds; }
std::int64_t sum(const raw::Event& e) { return e.id + size(e.name) + e.capacity; }
std::int64_t sum(const raw::Product& p) { return p.id + size(p.name) + static_cast<std::int64_t>(p.price); }

// Every member as its most-derived model: the public polymorphic load (one
// SELECT joining the subclass tables), or the other loader strategy (a
// SELECT per table) through the loader's detail API.
std::int64_t polymorphic_members(World& w, covet::detail::MultiTableStrategy strategy) {
  using AnyMember = std::variant<Member, Staff, Client, Supplier>;
  std::vector<AnyMember> rows;
  if (strategy == covet::detail::MultiTableStrategy::Joined) {
    rows = w.db->objects<Member>().polymorphic<Staff, Client, Supplier>();
  } else {
    static const std::vector<const covet::ModelInfo*> models{
        &covet::model_info<Member>(), &covet::model_info<Staff>(), &covet::model_info<Client>(),
        &covet::model_info<Supplier>()};
    const auto query = w.db->objects<Member>();
    covet::detail::load_multi_table_rows(
        covet::detail::DatabaseAccess::state(*w.db), *covet::detail::QuerySetAccess::state(query), models,
        [&](const covet::ModelInfo& m) -> void* {
          if (&m == models[1]) return &rows.emplace_back(std::in_place_type<Staff>).emplace<Staff>();
          if (&m == models[2]) return &rows.emplace_back(std::in_place_type<Client>).emplace<Client>();
          if (&m == models[3]) return &rows.emplace_back(std::in_place_type<Supplier>).emplace<Supplier>();
          return &rows.emplace_back(std::in_place_type<Member>).emplace<Member>();
        },
        strategy);
  }
  std::int64_t s = 0;
  for (const AnyMember& row : rows) s += std::visit([](const auto& m) { return sum(m); }, row);
  return s;
}

std::int64_t polymorphic_members_raw(World& w) {
  std::int64_t s = 0;
  for (const raw::AnyMember& row : w.with_raw([](auto& db) { return raw::members_polymorphic(db); }))
    s += std::visit([](const auto& m) { return sum(m); }, row);
  return s;
}

// ---- the ids a get-by-key pass asks for: every user once, shuffled ---------

const std::vector<std::int64_t>& get_order() {
  static const std::vector<std::int64_t> ids = [] {
    std::vector<std::int64_t> v(kGets);
    std::iota(v.begin(), v.end(), 1);
    std::shuffle(v.begin(), v.end(), std::mt19937_64(42));
    return v;
  }();
  return ids;
}

// ---- the users an insert batch writes ----------------------------------------

std::string new_username(std::int64_t i) { return "new user " + std::to_string(i); }
std::string new_email(std::int64_t i) { return "new" + std::to_string(i) + "@example.com"; }

std::int64_t insert_covet(World& w, int n) {
  std::vector<User> users(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    users[static_cast<std::size_t>(i)].username = new_username(i);
    users[static_cast<std::size_t>(i)].email = new_email(i);
    users[static_cast<std::size_t>(i)].age = 20 + i % 50;
    users[static_cast<std::size_t>(i)].is_active = i % 3 != 0;
  }
  std::vector<User> saved = w.db->bulk_create(std::move(users));
  return saved.back().id - saved.front().id;
}

std::int64_t insert_raw(World& w, int n) {
  std::vector<raw::User> users(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    users[static_cast<std::size_t>(i)].username = new_username(i);
    users[static_cast<std::size_t>(i)].email = new_email(i);
    users[static_cast<std::size_t>(i)].age = 20 + i % 50;
    users[static_cast<std::size_t>(i)].is_active = i % 3 != 0;
  }
  w.with_raw([&](auto& db) { raw::insert_users(db, users); });
  return users.back().id - users.front().id;
}

// Statements of a bulk insert of n users: one per parameter limit's worth of
// rows, plus BEGIN and COMMIT when there is more than one.
std::size_t insert_statements(World& w, int n) {
  const auto per = static_cast<std::size_t>(w.with_raw([](auto& db) { return db.max_params(); })) / 4;
  const std::size_t statements = (static_cast<std::size_t>(n) + per - 1) / per;
  return statements + (statements > 1 ? 2 : 0);
}

// ---- the cascade case: a user with 1,000 posts of 9 comments (10,001 rows) --

std::optional<User> covet_victim;
std::int64_t raw_victim = 0;

std::vector<std::string> victim_rows(std::int64_t user) {
  const std::string id = std::to_string(user);
  return {
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kVictimPosts - 1) +
          ") INSERT INTO bench_post (author_id, title, published, score) "
          "SELECT " + id + ", 'doomed post ' || i, i % 2 = 0, i % 100 FROM n ORDER BY i",
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " +
          std::to_string(kVictimCommentsPerPost - 1) +
          ") INSERT INTO bench_comment (post_id, author_name, body) "
          "SELECT p.id, 'reader' || n.i, 'doomed comment ' || n.i FROM bench_post p CROSS JOIN n "
          "WHERE p.author_id = " + id + " ORDER BY p.id, n.i",
  };
}

void prepare_victim(World& w, Side side) {
  if (side == Side::Covet) {
    User u;
    u.username = "victim";
    u.email = "victim@example.com";
    u.age = 40;
    covet_victim = w.db->create(std::move(u));
    auto tx = w.db->atomic();
    for (const std::string& sql : victim_rows(covet_victim->id)) w.exec_covet(sql);
    return;
  }
  w.with_raw([&](auto& db) {
    auto& insert = db.prepare(
        "INSERT INTO bench_user (username, email, age, is_active) VALUES ('victim', 'victim@example.com', 40, ?) "
        "RETURNING id");
    insert.reset();
    insert.bind(0, true);
    while (insert.step()) raw_victim = insert.get_int64(0);
    db.exec("BEGIN");
    for (const std::string& sql : victim_rows(raw_victim)) db.exec(sql);
    db.exec("COMMIT");
  });
}

std::vector<Case> make_cases() {
  std::vector<Case> cases;
  const auto one = [](World&) -> std::size_t { return 1; };

  // Load all users: one SELECT, every row into an object.
  for (auto [n, dataset] : {std::pair{1, Dataset::Users1}, std::pair{100, Dataset::Users100},
                            std::pair{10000, Dataset::Users10000}}) {
    cases.push_back(Case{
        .id = "load_users/" + std::to_string(n),
        .title = "load all users, " + std::to_string(n) + (n == 1 ? " row" : " rows"),
        .dataset = dataset,
        .goal = Goal::Load,
        .promised = one,
        .covet =
            [](World& w) {
              std::int64_t s = 0;
              for (const User& u : w.db->objects<User>().fetch()) s += sum(u);
              return s;
            },
        .raw =
            [](World& w) {
              std::int64_t s = 0;
              for (const raw::User& u : w.with_raw([](auto& db) { return raw::load_users(db); })) s += sum(u);
              return s;
            },
    });
  }

  // Get by primary key, 10,000 times: one prepared SELECT each.
  cases.push_back(Case{
      .id = "get_by_key",
      .title = "get by primary key x10,000",
      .dataset = Dataset::Users10000,
      .goal = Goal::GetByKey,
      .promised = [](World&) -> std::size_t { return kGets; },
      .covet =
          [](World& w) {
            std::int64_t s = 0;
            for (std::int64_t id : get_order()) {
              const User u = w.db->objects<User>().get("id", id);
              s += sum(u);
            }
            return s;
          },
      .raw =
          [](World& w) {
            return w.with_raw([](auto& db) {
              auto& statement = db.prepare(raw::kGetUserSql);
              std::int64_t s = 0;
              for (std::int64_t id : get_order()) s += sum(raw::get_user(statement, id));
              return s;
            });
          },
  });

  // Posts LEFT JOIN users, filtered: select_related over a nullable key.
  cases.push_back(Case{
      .id = "join_filter",
      .title = "posts LEFT JOIN users, filtered",
      .dataset = Dataset::Blog,
      .goal = Goal::Load,
      .promised = one,
      .covet =
          [](World& w) {
            std::int64_t s = 0;
            for (const Post& p : w.db->objects<Post>().select_related("author").filter("published", true).fetch()) {
              s += sum(p);
              if (p.author) s += sum(p.author->get());
            }
            return s;
          },
      .raw =
          [](World& w) {
            std::int64_t s = 0;
            for (const raw::PostWithAuthor& row :
                 w.with_raw([](auto& db) { return raw::published_posts_with_authors(db); })) {
              s += sum(row.post);
              if (row.author) s += sum(*row.author);
            }
            return s;
          },
  });

  // Users -> posts -> comments as nested objects (100 x 10 x 10).
  cases.push_back(Case{
      .id = "nested_prefetch",
      .title = "users > posts > comments, 100x10x10",
      .dataset = Dataset::Blog,
      .goal = Goal::Load,
      .promised = [](World&) -> std::size_t { return 3; },
      .covet =
          [](World& w) {
            std::int64_t s = 0;
            for (const User& u : w.db->objects<User>().prefetch_related("posts", "posts__comments").fetch()) {
              s += sum(u);
              for (const Post& p : u.posts.all()) {
                s += sum(p);
                for (const Comment& c : p.comments.all()) s += comment_sum(c.id, c.author_name, c.body);
              }
            }
            return s;
          },
      .raw =
          [](World& w) {
            std::int64_t s = 0;
            for (const raw::UserWithPosts& u : w.with_raw([](auto& db) { return raw::users_posts_comments(db); })) {
              s += sum(u.user);
              for (const raw::Post& p : u.posts) {
                s += sum(p);
                for (const raw::Comment& c : p.comments) s += comment_sum(c.id, c.author_name, c.body);
              }
            }
            return s;
          },
  });

  // Cascade delete of 10,001 rows: a user, their posts, the posts' comments.
  cases.push_back(Case{
      .id = "cascade_delete",
      .title = "cascade delete, 10,001 rows",
      .dataset = Dataset::Blog,
      .goal = Goal::None,
      .same_checksum = false,
      // BEGIN, SELECT the posts' keys, DELETE the comments (a fast delete),
      // DELETE the posts, DELETE the user, COMMIT (docs/cascades.md).
      .promised = [](World&) -> std::size_t { return 6; },
      .prepare = prepare_victim,
      .covet = [](World& w) { return w.db->erase(*covet_victim).total; },
      .raw =
          [](World& w) {
            w.with_raw([](auto& db) { raw::delete_user_cascade(db, raw_victim); });
            return raw_victim;
          },
  });

  // select_related over 10,000 books: author (INNER) and publisher (LEFT).
  cases.push_back(Case{
      .id = "select_related",
      .title = "select_related, 10,000 books",
      .dataset = Dataset::Library,
      .goal = Goal::Load,
      .promised = one,
      .covet =
          [](World& w) {
            std::int64_t s = 0;
            for (const Book& b : w.db->objects<Book>().select_related("author", "publisher").fetch()) {
              s += sum(b) + b.author.get().id + size(b.author.get().name) + b.author.get().age;
              if (b.publisher) s += b.publisher->get().id + size(b.publisher->get().name);
            }
            return s;
          },
      .raw =
          [](World& w) {
            std::int64_t s = 0;
            for (const raw::BookWithRelated& b : w.with_raw([](auto& db) { return raw::books_with_related(db); })) {
              s += sum(b.book) + b.author.id + size(b.author.name) + b.author.age;
              if (b.publisher) s += b.publisher->id + size(b.publisher->name);
            }
            return s;
          },
  });

  // Prefetch books and their tags for 1,000 authors (10,000 books, 30,000 tags).
  cases.push_back(Case{
      .id = "prefetch_m2m",
      .title = "authors > books > tags, 1,000 authors",
      .dataset = Dataset::Library,
      .goal = Goal::Load,
      .promised = [](World&) -> std::size_t { return 3; },
      .covet =
          [](World& w) {
            std::int64_t s = 0;
            for (const Author& a : w.db->objects<Author>().prefetch_related("books", "books__tags").fetch()) {
              s += a.id + size(a.name) + a.age;
              for (const Book& b : a.books.all()) {
                s += sum(b);
                for (const Tag& t : b.tags.all()) s += t.id + size(t.name);
              }
            }
            return s;
          },
      .raw =
          [](World& w) {
            std::int64_t s = 0;
            for (const raw::AuthorWithBooks& a : w.with_raw([](auto& db) { return raw::authors_books_tags(db); })) {
              s += a.author.id + size(a.author.name) + a.author.age;
              for (const raw::Book& b : a.books) {
                s += sum(b);
                for (const raw::Tag& t : b.tags) s += t.id + size(t.name);
              }
            }
            return s;
          },
  });

  // Polymorphic load of a single-table hierarchy: 10,000 rows, a third
  // each of three subclasses, every row as its own model, in one SELECT.
  cases.push_back(Case{
      .id = "polymorphic_sti",
      .title = "polymorphic load, 10,000 STI rows",
      .dataset = Dataset::Vehicles,
      .goal = Goal::Load,
      .promised = one,
      .covet =
          [](World& w) {
            std::int64_t s = 0;
            for (const auto& row : w.db->objects<Vehicle>().polymorphic<Car, Truck, Motorcycle>())
              s += std::visit([](const auto& v) { return sum_vehicle(v); }, row);
            return s;
          },
      .raw =
          [](World& w) {
            std::int64_t s = 0;
            for (const raw::AnyVehicle& row : w.with_raw([](auto& db) { return raw::load_vehicles(db); }))
              s += std::visit([](const auto& v) { return sum_vehicle(v); }, row);
            return s;
          },
  });

  // Polymorphic load of a multi-table hierarchy: 10,000 members over 3
  // subclass tables, each row as its most-derived model. The chosen loader
  // (one SELECT with a LEFT JOIN per subclass table) and the other one (a
  // SELECT per table), both against the hand-written LEFT JOINs.
  cases.push_back(Case{
      .id = "polymorphic_mti",
      .title = "polymorphic load, 10,000 MTI rows, 3 subclasses",
      .dataset = Dataset::MultiTable,
      .goal = Goal::Load,
      .promised = one,
      .covet = [](World& w) { return polymorphic_members(w, covet::detail::MultiTableStrategy::Joined); },
      .raw = polymorphic_members_raw,
  });
  cases.push_back(Case{
      .id = "polymorphic_mti_per_table",
      .title = "polymorphic load, 10,000 MTI rows, a SELECT per table",
      .dataset = Dataset::MultiTable,
      .goal = Goal::None,
      .promised = [](World&) -> std::size_t { return 4; },
      .covet = [](World& w) { return polymorphic_members(w, covet::detail::MultiTableStrategy::PerTable); },
      .raw = polymorphic_members_raw,
  });

  // Remarks on objects of five models through one generic reference:
  // prefetch_related("content_object") is one query for the remarks and
  // one per content type, against the same by hand (docs/generic.md).
  cases.push_back(Case{
      .id = "generic_prefetch",
      .title = "remarks > content_object, 10,000 over 5 models",
      .dataset = Dataset::Generic,
      .goal = Goal::Load,
      .promised = [](World&) -> std::size_t { return 6; },
      .covet =
          [](World& w) {
            std::int64_t s = 0;
            for (const Remark& r : w.db->objects<Remark>().prefetch_related("content_object").fetch()) {
              s += remark_sum(r.id, r.body);
              s += r.content_object.visit([](const auto& target) { return sum(target); });
            }
            return s;
          },
      .raw =
          [](World& w) {
            std::int64_t s = 0;
            const raw::RemarksWithTargets loaded =
                w.with_raw([&](auto& db) { return raw::remarks_with_targets(db, w.content_types); });
            for (const raw::Remark& r : loaded.remarks) {
              s += remark_sum(r.id, r.body);
              std::visit(
                  [&](const auto& target) {
                    if constexpr (std::is_pointer_v<std::decay_t<decltype(target)>>) s += sum(*target);
                  },
                  r.target);
            }
            return s;
          },
  });

  // Insert batches: bulk_create against one multi-row INSERT per batch.
  for (int n : {1, 100, 10000}) {
    cases.push_back(Case{
        .id = "insert/" + std::to_string(n),
        .title = "insert a batch of " + std::string(n == 10000 ? "10,000" : std::to_string(n)) +
                 (n == 1 ? " row" : " rows"),
        .dataset = Dataset::Empty,
        .goal = Goal::Insert,
        .rows_written = n,
        .same_checksum = false,
        .promised = [n](World& w) { return insert_statements(w, n); },
        .covet = [n](World& w) { return insert_covet(w, n); },
        .raw = [n](World& w) { return insert_raw(w, n); },
    });
  }
  return cases;
}

}  // namespace

const std::vector<Case>& all_cases() {
  static const std::vector<Case> cases = make_cases();
  return cases;
}

}  // namespace covet_bench
