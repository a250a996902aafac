#include "backends.hpp"

#include <covet/database.hpp>
#include <covet/errors.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <utility>
#include <vector>

namespace covet::test {

namespace {

constexpr const char* kPostgresEnv = "COVET_TEST_POSTGRES_URL";

// The catalog rows that describe what a schema holds (relations, columns,
// defaults, constraints, triggers, functions, types), reduced to one md5.
// Object ids are in it, so dropping and recreating an object changes it too.
// One query; a few milliseconds on a catalog of a few schemas.
std::string fingerprint_sql(const std::string& schema) {
  const std::string ns = "'" + schema + "'::regnamespace";
  // A count and a sum of row hashes: no sort, no long string.
  return "SELECT count(*) || ':' || coalesce(sum(hashtextextended(x, 0)), 0) FROM ("
         "SELECT concat_ws(' ', 'r', c.oid, c.relname, c.relkind) AS x FROM pg_class c WHERE c.relnamespace = " + ns +
         " UNION ALL SELECT concat_ws(' ', 'a', a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, "
         "a.attnotnull, a.attisdropped) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
         "WHERE c.relnamespace = " + ns + " AND a.attnum > 0"
         " UNION ALL SELECT concat_ws(' ', 'd', d.oid) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid "
         "WHERE c.relnamespace = " + ns +
         " UNION ALL SELECT concat_ws(' ', 'c', oid, conname) FROM pg_constraint WHERE connamespace = " + ns +
         " UNION ALL SELECT concat_ws(' ', 't', t.oid, t.tgenabled) FROM pg_trigger t JOIN pg_class c ON "
         "c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = " + ns +
         " UNION ALL SELECT concat_ws(' ', 'p', oid) FROM pg_proc WHERE pronamespace = " + ns +
         " UNION ALL SELECT concat_ws(' ', 'y', oid) FROM pg_type WHERE typnamespace = " + ns + ") s";
}

std::string quote_name(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The schemas this process created, dropped at exit; and the one schema the
// DatabaseTest fixtures share (database_fixture.hpp).
class SchemaRegistry {
 public:
  ~SchemaRegistry() {
    if (schemas_.empty()) return;
    try {
      if (admin_ == nullptr) admin_ = covet::detail::open_connection(postgres_base_url());
      for (const std::string& s : schemas_) admin_->execute("DROP SCHEMA IF EXISTS " + s + " CASCADE", {});
    } catch (const std::exception&) {
      // The server is a throwaway; a leftover schema does no harm.
    }
  }

  std::string create() {
    std::lock_guard lock(mutex_);
    return create_locked();
  }

  // The shared schema, holding every model's table (create_all), each empty,
  // each sequence fresh. A schema whose structure changed since create_all
  // made it (a test ran DDL, or drop_all), or that cannot be emptied, is
  // dropped and a new one takes its place.
  std::string shared() {
    std::lock_guard lock(mutex_);
    if (!shared_.empty()) {
      try {
        admin().execute(reset_sql_, {});
        return shared_;
      } catch (const covet::Error& e) {
        if (std::getenv("COVET_TEST_DEBUG_SCHEMA") != nullptr)
          std::fprintf(stderr, "covet test support: a new shared schema: %s\n", e.what());
        abandon_shared();
      }
    }
    shared_ = create_locked();
    const std::string url = url_of(shared_);
    covet::connect(url).create_all();
    prepare_reset();
    return shared_;
  }

  static std::string url_of(const std::string& schema) {
    const std::string base = postgres_base_url();
    // libpq applies "options" as server settings for the session.
    if (base.find("://") != std::string::npos)
      return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
    return base + " options='-csearch_path=" + schema + "'";
  }

 private:
  covet::detail::Connection& admin() {
    if (admin_ == nullptr || !admin_->connected()) {
      admin_ = covet::detail::open_connection(postgres_base_url());
      // A test that left a transaction open on a table must not hang the
      // next one: the reset gives up and the schema is replaced.
      admin_->execute("SET lock_timeout = '5s'", {});
    }
    return *admin_;
  }

  std::string create_locked() {
    std::string name = "covet_t" + std::to_string(::getpid()) + "_" + std::to_string(++counter_);
    // One long-lived connection makes the schemas (connecting costs tens of ms).
    for (int attempt = 0;; ++attempt) {
      try {
        admin().execute("CREATE SCHEMA " + name, {});
        break;
      } catch (const covet::OperationalError&) {
        admin_.reset();  // e.g. a test restarted the server: connect afresh once
        if (attempt > 0) throw;
      }
    }
    schemas_.push_back(name);
    return name;
  }

  void abandon_shared() {
    try {
      admin().execute("DROP SCHEMA IF EXISTS " + shared_ + " CASCADE", {});
      schemas_.erase(std::find(schemas_.begin(), schemas_.end(), shared_));
    } catch (const covet::Error&) {
      admin_.reset();  // left for the exit, which tries again
    }
    shared_.clear();
  }

  // Builds reset_sql_, one statement (a function call) that empties the shared
  // schema: it refuses (raises) when the schema's fingerprint is not the one
  // recorded after create_all; finds the tables holding rows (in one query);
  // DELETEs them, referencing tables first (a DELETE is a fraction of a
  // millisecond on a small table, a TRUNCATE tens: it makes new files),
  // retrying one a foreign key still blocks and, failing that, TRUNCATE ...
  // CASCADE of the rest; TRUNCATEs them all at once instead when one holds
  // more than 200 rows; and restarts every sequence that was used (setval to
  // its start, not called), so the next key is 1 again.
  void prepare_reset() {
    covet::detail::Connection& conn = admin();
    const std::string ns = "'" + shared_ + "'::regnamespace";
    std::vector<std::string> tables;
    conn.execute("SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace = " + ns +
                     " ORDER BY relname",
                 {}, [&](const covet::detail::Row& row) { tables.push_back(row.value(0).as_text()); });
    std::vector<std::pair<std::string, std::string>> references;  // (referencing, referenced)
    conn.execute("SELECT c.relname, p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                 "JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f' AND k.connamespace = " + ns,
                 {}, [&](const covet::detail::Row& row) {
                   references.emplace_back(row.value(0).as_text(), row.value(1).as_text());
                 });
    // Referencing tables before the tables they reference (a cycle is cut
    // anywhere: the retry below handles it).
    std::vector<std::string> order;
    std::vector<std::string> left = tables;
    while (!left.empty()) {
      std::vector<std::string> next;
      for (const std::string& t : left) {
        const bool referenced_by_pending = std::any_of(references.begin(), references.end(), [&](const auto& r) {
          return r.second == t && r.first != t && std::find(left.begin(), left.end(), r.first) != left.end();
        });
        (referenced_by_pending ? next : order).push_back(t);
      }
      if (next.size() == left.size()) {  // a cycle: take one out
        order.push_back(next.front());
        next.erase(next.begin());
      }
      left = std::move(next);
    }
    std::string fingerprint;
    conn.execute(fingerprint_sql(shared_), {},
                 [&](const covet::detail::Row& row) { fingerprint = row.value(0).as_text(); });

    // The tables holding rows, in deletion order, and whether one holds more
    // than a few hundred (a DELETE then costs more than a TRUNCATE: each row
    // deleted checks the tables that reference it).
    std::string dirty = "SELECT coalesce(array_agg(t ORDER BY n), '{}'), coalesce(bool_or(r > 200), false) FROM (";
    for (std::size_t i = 0; i < order.size(); ++i) {
      const std::string table = quote_name(shared_) + "." + quote_name(order[i]);
      dirty += (i == 0 ? "" : " UNION ALL ") + std::string("SELECT ") + std::to_string(i) + " AS n, text '" + table +
               "' AS t, (SELECT count(*) FROM (SELECT FROM " + table + " LIMIT 201) l) AS r";
    }
    dirty += ") d WHERE r > 0";
    // A function of the support connection's temporary schema: PostgreSQL
    // plans its queries once per session, not once per test (planning the
    // query that finds the tables with rows costs more than running it).
    conn.execute("CREATE OR REPLACE FUNCTION pg_temp.covet_reset_shared_schema() RETURNS void "
                 "LANGUAGE plpgsql AS $covet_reset$ "
                 "DECLARE pending text[]; blocked text[]; covet_table text; big boolean; BEGIN "
                 "IF (" + fingerprint_sql(shared_) + ") IS DISTINCT FROM '" + fingerprint +
                 "' THEN RAISE EXCEPTION 'the shared test schema % changed', '" + shared_ + "'; END IF; "
                 + dirty + " INTO pending, big; "
                 "IF big THEN EXECUTE 'TRUNCATE ' || array_to_string(pending, ', ') || ' CASCADE'; pending := '{}'; "
                 "END IF; "
                 "WHILE cardinality(pending) > 0 LOOP "
                 "blocked := '{}'; "
                 "FOREACH covet_table IN ARRAY pending LOOP "
                 "BEGIN EXECUTE 'DELETE FROM ' || covet_table; "
                 "EXCEPTION WHEN foreign_key_violation THEN blocked := blocked || covet_table; END; "
                 "END LOOP; "
                 "IF cardinality(blocked) = cardinality(pending) THEN "
                 "EXECUTE 'TRUNCATE ' || array_to_string(blocked, ', ') || ' CASCADE'; EXIT; END IF; "
                 "pending := blocked; "
                 "END LOOP; "
                 // OFFSET 0 keeps pg_sequence_last_value (it locks the
                 // sequence) off other schemas' sequences: other test
                 // processes drop theirs.
                 "PERFORM setval(q.seqrelid, q.seqstart, false) FROM (SELECT s.seqrelid, s.seqstart FROM "
                 "pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relnamespace = " + ns +
                 " OFFSET 0) q WHERE pg_sequence_last_value(q.seqrelid) IS NOT NULL; "
                 "END $covet_reset$",
                 {});
    reset_sql_ = "SELECT pg_temp.covet_reset_shared_schema()";
  }

  std::mutex mutex_;
  std::unique_ptr<covet::detail::Connection> admin_;
  std::vector<std::string> schemas_;
  std::string shared_;     // empty until a DatabaseTest asks for it
  std::string reset_sql_;  // empties shared_ (prepare_reset)
  int counter_ = 0;
};

SchemaRegistry& schemas() {
  static SchemaRegistry registry;
  return registry;
}

}  // namespace

std::vector<std::string> backend_names() { return {"sqlite", "postgresql"}; }

std::string postgres_base_url() {
  const char* url = std::getenv(kPostgresEnv);
  return url != nullptr ? url : "";
}

std::string skip_reason(std::string_view name) {
  if (name == "postgresql" && postgres_base_url().empty())
    return std::string(kPostgresEnv) +
           " is not set, so the PostgreSQL tests are skipped; start a server with "
           "`export COVET_TEST_POSTGRES_URL=$(scripts/pg-test-server.sh start /tmp/covet-pg)`";
  return {};
}

std::string backend_url(std::string_view name) {
  if (name == "sqlite") return "sqlite::memory:";
  if (name != "postgresql") throw std::runtime_error("unknown test backend '" + std::string(name) + "'");
  if (postgres_base_url().empty()) throw std::runtime_error(skip_reason(name));
  return SchemaRegistry::url_of(schemas().create());
}

std::string shared_backend_url(std::string_view name) {
  if (name == "sqlite") return "sqlite::memory:";
  if (name != "postgresql") throw std::runtime_error("unknown test backend '" + std::string(name) + "'");
  if (postgres_base_url().empty()) throw std::runtime_error(skip_reason(name));
  return SchemaRegistry::url_of(schemas().shared());
}

std::unique_ptr<covet::detail::Connection> open_backend(std::string_view name) {
  return covet::detail::open_connection(backend_url(name));
}

std::string backend_test_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace covet::test
