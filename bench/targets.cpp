#include "targets.hpp"

#include "models.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>

namespace covet_bench {

namespace {

constexpr const char* kCovetSchema = "bench_covet";
constexpr const char* kRawSchema = "bench_raw";

std::unique_ptr<World> current;
std::filesystem::path work_dir;  // the WAL target's files; made on first use
bool postgres_touched = false;

const std::filesystem::path& files() {
  if (work_dir.empty()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "covet-bench.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a directory under /tmp");
    work_dir = pattern;
  }
  return work_dir;
}

void remove_database_files(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(file.string() + suffix);
}

bool is_uri(const std::string& url) { return url.starts_with("postgresql://") || url.starts_with("postgres://"); }

// The URL with the schema first on the search path (libpq's `options`).
std::string with_schema(const std::string& url, const std::string& schema) {
  if (is_uri(url))
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
  return url + " options='-csearch_path=" + schema + "'";
}

// Recreates the two PostgreSQL schemas empty.
void reset_postgres_schemas() {
  raw::Postgres admin(postgres_url());
  for (const char* schema : {kCovetSchema, kRawSchema})
    admin.exec(std::string("DROP SCHEMA IF EXISTS ") + schema + " CASCADE; CREATE SCHEMA " + schema);
  postgres_touched = true;
}

// Covet's side: connected, with the target's settings, its tables created.
// Returns the CREATE statements create_all ran, for the other side.
std::vector<std::string> open_covet(World& w) {
  switch (w.target) {
    case Target::SqliteMemory: w.db.emplace(covet::connect("sqlite::memory:")); break;
    case Target::SqliteWal: {
      const auto file = files() / "covet.db";
      remove_database_files(file);
      w.db.emplace(covet::connect("sqlite:///" + file.string()));
      w.db->query("PRAGMA journal_mode = WAL");
      w.db->execute("PRAGMA synchronous = NORMAL");
      break;
    }
    case Target::Postgres: w.db.emplace(covet::connect(with_schema(postgres_url(), kCovetSchema))); break;
  }
  covet::QueryLog& log = w.db->query_log();
  log.start();
  w.db->create_all();
  log.stop();
  std::vector<std::string> ddl;
  for (const covet::QueryLogEntry& e : log.entries())
    if (e.sql.starts_with("CREATE") || e.sql.starts_with("ALTER")) ddl.push_back(e.sql);
  log.clear();
  return ddl;
}

void open_raw(World& w, const std::vector<std::string>& ddl) {
  switch (w.target) {
    case Target::SqliteMemory: w.sqlite = std::make_unique<raw::Sqlite>(":memory:"); break;
    case Target::SqliteWal: {
      const auto file = files() / "raw.db";
      remove_database_files(file);
      w.sqlite = std::make_unique<raw::Sqlite>(file.string());
      w.sqlite->exec("PRAGMA journal_mode = WAL");
      w.sqlite->exec("PRAGMA synchronous = NORMAL");
      break;
    }
    case Target::Postgres: w.postgres = std::make_unique<raw::Postgres>(postgres_url(), kRawSchema); break;
  }
  w.with_raw([&](auto& raw) {
    raw.exec("BEGIN");
    for (const std::string& sql : ddl) raw.exec(sql);
    raw.exec("COMMIT");
  });
}

// The generic case's models, in the order of World::content_types.
constexpr const char* kGenericModels[] = {"article", "photo", "video", "event", "product"};

// The content-type rows create_all wrote on Covet's side, copied with their
// ids to the other side (its create_all-made table is empty), and the
// targets' ids; Covet's side reads its content types once, as a program
// does at its first generic query, so the case measures the prefetch alone.
void share_content_types(World& w) {
  const auto rows = w.db->query("SELECT id, app_label, model FROM covet_content_type");
  w.with_raw([&](auto& raw) {
    raw.exec("BEGIN");
    for (const auto& row : rows)
      raw.exec("INSERT INTO covet_content_type (id, app_label, model) VALUES (" +
               std::to_string(row[0].as_integer()) + ", '" + row[1].as_text() + "', '" + row[2].as_text() + "')");
    raw.exec("COMMIT");
  });
  for (const char* model : kGenericModels) {
    std::int64_t id = 0;
    for (const auto& row : rows)
      if (row[1].as_text() == "covet_bench" && row[2].as_text() == model) id = row[0].as_integer();
    if (id == 0) throw std::runtime_error(std::string("no content type covet_bench.") + model);
    w.content_types.push_back(id);
  }
  (void)covet::ContentType::for_model<Article>(*w.db);
}

void populate(World& w) {
  if (w.dataset == Dataset::Generic) share_content_types(w);
  const std::vector<std::string> statements = population(w.dataset);
  {
    auto tx = w.db->atomic();
    for (const std::string& sql : statements) w.exec_covet(sql);
  }
  w.with_raw([&](auto& raw) {
    raw.exec("BEGIN");
    for (const std::string& sql : statements) raw.exec(sql);
    raw.exec("COMMIT");
  });
  // PostgreSQL: fresh statistics now, rather than whenever autovacuum gets
  // to it, so both sides' plans are settled before timing. SQLite is left
  // without statistics, as applications leave it (with them, its planner
  // drives the tags query from the 50 tags and probes the IN list 500,000
  // times: 3x slower on both sides).
  if (w.target == Target::Postgres) {
    w.exec_covet("ANALYZE");
    w.with_raw([](auto& raw) { raw.exec("ANALYZE"); });
  }
}

// "WITH RECURSIVE n(i) AS (...)": the integers 0 .. count-1, to generate rows
// with INSERT ... SELECT on both backends.
std::string numbers(int count) {
  return "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(count - 1) +
         ") ";
}

std::string users(int count) {
  return numbers(count) +
         "INSERT INTO bench_user (username, email, age, is_active) "
         "SELECT 'user' || i, 'user' || i || '@example.com', 18 + i % 60, i % 7 <> 0 FROM n ORDER BY i";
}

}  // namespace

std::string_view target_name(Target target) {
  switch (target) {
    case Target::SqliteMemory: return "sqlite-memory";
    case Target::SqliteWal: return "sqlite-wal";
    case Target::Postgres: return "postgresql";
  }
  return "?";
}

const std::string& postgres_url() {
  static const std::string url = [] {
    const char* v = std::getenv("COVET_BENCH_POSTGRES_URL");
    return std::string(v != nullptr ? v : "");
  }();
  return url;
}

std::vector<std::string> population(Dataset dataset) {
  switch (dataset) {
    case Dataset::Users1: return {users(1)};
    case Dataset::Users100: return {users(100)};
    case Dataset::Users10000: return {users(10000)};
    case Dataset::Empty: return {};
    case Dataset::Blog: {
      const int posts = kBlogUsers * kPostsPerUser;
      return {
          users(kBlogUsers),
          numbers(posts) +
              "INSERT INTO bench_post (author_id, title, published, score) "
              "SELECT 1 + i / " + std::to_string(kPostsPerUser) + ", 'post ' || i, i % 2 = 0, i % 100 FROM n ORDER BY i",
          numbers(kAnonymousPosts) +
              "INSERT INTO bench_post (author_id, title, published, score) "
              "SELECT CAST(NULL AS BIGINT), 'anonymous post ' || i, i % 2 = 0, i % 100 FROM n ORDER BY i",
          numbers(posts * kCommentsPerPost) +
              "INSERT INTO bench_comment (post_id, author_name, body) "
              "SELECT 1 + i / " + std::to_string(kCommentsPerPost) +
              ", 'reader' || (i % 37), 'comment number ' || i || ' on a post' FROM n ORDER BY i",
      };
    }
    case Dataset::Vehicles:
      return {numbers(kVehicles) +
              "INSERT INTO bench_vehicle (make, wheels, num_doors, payload, has_sidecar, kind) "
              "SELECT 'make ' || (i % 97), CASE i % 3 WHEN 0 THEN 4 WHEN 1 THEN 6 ELSE 2 END, "
              "CASE WHEN i % 3 = 0 THEN 2 + i % 4 END, CASE WHEN i % 3 = 1 THEN (i % 50) * 100.5 END, "
              "CASE WHEN i % 3 = 2 THEN i % 2 = 0 END, "
              "CASE i % 3 WHEN 0 THEN 'car' WHEN 1 THEN 'truck' ELSE 'motorcycle' END FROM n ORDER BY i"};
    case Dataset::Library: {
      const int books = kAuthors * kBooksPerAuthor;
      return {
          numbers(kPublishers) +
              "INSERT INTO bench_publisher (name, country) "
              "SELECT 'publisher ' || i, CASE WHEN i % 2 = 0 THEN 'GB' ELSE 'US' END FROM n ORDER BY i",
          numbers(kAuthors) + "INSERT INTO bench_author (name, age) SELECT 'author ' || i, 20 + i % 60 FROM n ORDER BY i",
          numbers(kTags) + "INSERT INTO bench_tag (name) SELECT 'tag ' || i FROM n ORDER BY i",
          numbers(books) +
              "INSERT INTO bench_book (title, published_year, price, author_id, publisher_id) "
              "SELECT 'book ' || i, 1950 + i % 70, (i % 500) / 10.0 + 0.99, 1 + i / " +
              std::to_string(kBooksPerAuthor) + ", CASE WHEN i % 10 = 0 THEN NULL ELSE 1 + i % " +
              std::to_string(kPublishers) + " END FROM n ORDER BY i",
          numbers(books * kTagsPerBook) +
              "INSERT INTO bench_book_tags (book_id, tag_id) "
              "SELECT 1 + i / 3, 1 + ((i / 3) * 7 + (i % 3) * 13) % " + std::to_string(kTags) + " FROM n ORDER BY i",
      };
    }
    case Dataset::Generic: {
      std::vector<std::string> out;
      const std::pair<const char*, const char*> targets[] = {
          {"bench_article (title, words)", "'article ' || i, 100 + i % 900"},
          {"bench_photo (caption, width)", "'photo ' || i, 640 + (i % 7) * 160"},
          {"bench_video (title, seconds)", "'video ' || i, 30 + i % 600"},
          {"bench_event (name, capacity)", "'event ' || i, 10 + i % 490"},
          {"bench_product (name, price)", "'product ' || i, (i % 1000) / 4.0 + 0.5"},
      };
      for (const auto& [table, values] : targets)
        out.push_back(numbers(kGenericTargets) + "INSERT INTO " + table + " SELECT " + values + " FROM n ORDER BY i");
      std::string type = "CASE i % 5";
      for (int k = 0; k < 5; ++k)
        type += " WHEN " + std::to_string(k) +
                " THEN (SELECT id FROM covet_content_type WHERE app_label = 'covet_bench' AND model = '" +
                kGenericModels[k] + "')";
      type += " END";
      out.push_back(numbers(kRemarks) + "INSERT INTO bench_remark (body, content_type, object_id) SELECT 'remark ' || i, " +
                    type + ", 1 + (i / 5) % " + std::to_string(kGenericTargets) + " FROM n ORDER BY i");
      return out;
    }
    case Dataset::MultiTable: {
      // The multi-table layout (each subclass table keyed by its parent
      // link, holding its own columns), written out until create_all makes
      // it: the same text on both sides.
      std::vector<std::string> out;
      for (const char* table : {"bench_staff", "bench_client", "bench_supplier"})
        out.push_back(std::string("DROP TABLE IF EXISTS ") + table);
      const std::string link = "member_ptr_id BIGINT NOT NULL PRIMARY KEY REFERENCES bench_member (id)";
      out.push_back("CREATE TABLE bench_staff (" + link + ", department VARCHAR(50) NOT NULL, salary INTEGER NOT NULL)");
      out.push_back("CREATE TABLE bench_client (" + link + ", tier VARCHAR(20) NOT NULL, points INTEGER NOT NULL)");
      out.push_back("CREATE TABLE bench_supplier (" + link + ", company VARCHAR(100) NOT NULL)");
      out.push_back(numbers(kMembers) +
                    "INSERT INTO bench_member (name, age) SELECT 'member ' || i, 18 + i % 60 FROM n ORDER BY i");
      out.push_back("INSERT INTO bench_staff (member_ptr_id, department, salary) "
                    "SELECT id, 'dept ' || (id % 17), 1000 + id % 500 FROM bench_member WHERE id % 4 = 1");
      out.push_back("INSERT INTO bench_client (member_ptr_id, tier, points) "
                    "SELECT id, CASE WHEN id % 3 = 0 THEN 'gold' ELSE 'silver' END, id % 1000 "
                    "FROM bench_member WHERE id % 4 = 2");
      out.push_back("INSERT INTO bench_supplier (member_ptr_id, company) "
                    "SELECT id, 'company ' || (id % 101) FROM bench_member WHERE id % 4 = 3");
      return out;
    }
  }
  return {};
}

World& world(Target target, Dataset dataset) {
  if (current && current->target == target && current->dataset == dataset) return *current;
  current.reset();
  if (target == Target::Postgres) reset_postgres_schemas();
  auto w = std::make_unique<World>();
  w->target = target;
  w->dataset = dataset;
  const std::vector<std::string> ddl = open_covet(*w);
  open_raw(*w, ddl);
  populate(*w);
  current = std::move(w);
  return *current;
}

void drop_worlds() {
  current.reset();
  if (!work_dir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(work_dir, ignored);
    work_dir.clear();
  }
  if (postgres_touched) {
    try {
      raw::Postgres admin(postgres_url());
      admin.exec(std::string("DROP SCHEMA IF EXISTS ") + kCovetSchema + " CASCADE; DROP SCHEMA IF EXISTS " +
                 kRawSchema + " CASCADE");
    } catch (const std::exception&) {
      // The server is throwaway; a schema left behind does no harm.
    }
    postgres_touched = false;
  }
}

}  // namespace covet_bench
