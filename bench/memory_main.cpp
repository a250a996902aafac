// covet_memory_bench: the peak memory of reading 1,000,000 users from an
// SQLite file (docs/performance.md "Memory"), three ways: Covet's fetch()
// into a std::vector<User>, Covet's iterate() (one row at a time), and the
// hand-written sqlite3 loop into a std::vector of a plain struct.
//
//   covet_memory_bench [--rows=N]
//
// Each way runs in a child process of its own, so that one's freed memory is
// not the next one's baseline. A child clears its resident-set peak
// (/proc/self/clear_refs), reads its resident set, runs, and reports how far
// the peak rose above it. The result's own size is what the objects hold:
// the vector's capacity times sizeof(User), plus the text members' heap
// blocks; SQLite's page cache (2 MB by default) is counted apart.
#include "models.hpp"
#include "raw_cases.hpp"
#include "raw_sqlite.hpp"

#include <covet/covet.hpp>
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace covet_bench {
namespace {

// A /proc/self/status field in kB ("VmRSS", "VmHWM").
long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
  return -1;
}

void reset_peak() {
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";  // VmHWM := VmRSS
}

// The heap block a std::string holds, if any (glibc rounds requests up to
// 16 bytes, plus 8 of header).
std::size_t text_heap(const std::string& s) {
  if (s.capacity() <= 15) return 0;  // in the object (small-string buffer)
  return (s.capacity() + 1 + 8 + 15) / 16 * 16;
}

template <class U>
std::size_t result_bytes(const std::vector<U>& v) {
  std::size_t n = v.capacity() * sizeof(U);
  for (const U& u : v) n += text_heap(u.username) + text_heap(u.email);
  return n;
}

struct Measure {
  long peak_kb = 0;            // above the baseline
  std::size_t result_kb = 0;   // what the objects hold (0 when none are kept)
  std::int64_t checksum = 0;   // rows read, summed ids: the same on every way
};

std::int64_t sum(std::int64_t id, const std::string& name, const std::string& email, int age) {
  return id + static_cast<std::int64_t>(name.size() + email.size()) + age;
}

Measure run_fetch(const std::string& url) {
  covet::Database db = covet::connect(url);
  reset_peak();
  const long base = status_kb("VmRSS");
  std::vector<User> users = db.objects<User>().fetch();
  Measure m;
  m.peak_kb = status_kb("VmHWM") - base;
  m.result_kb = result_bytes(users) / 1024;
  for (const User& u : users) m.checksum += sum(u.id, u.username, u.email, u.age);
  return m;
}

Measure run_iterate(const std::string& url) {
  covet::Database db = covet::connect(url);
  reset_peak();
  const long base = status_kb("VmRSS");
  Measure m;
  for (const User& u : db.objects<User>().iterate()) m.checksum += sum(u.id, u.username, u.email, u.age);
  m.peak_kb = status_kb("VmHWM") - base;
  return m;
}

Measure run_raw(const std::string& path) {
  raw::Sqlite db(path);
  reset_peak();
  const long base = status_kb("VmRSS");
  std::vector<raw::User> users = raw::load_users(db);
  Measure m;
  m.peak_kb = status_kb("VmHWM") - base;
  m.result_kb = result_bytes(users) / 1024;
  for (const raw::User& u : users) m.checksum += sum(u.id, u.username, u.email, u.age);
  return m;
}

// Runs `fn` in a child process and reads its Measure back through a pipe.
template <class F>
Measure in_child(F fn) {
  int fds[2];
  if (pipe(fds) != 0) std::exit(2);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    Measure m{};
    try {
      m = fn();
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      _exit(3);
    }
    const ssize_t w = write(fds[1], &m, sizeof m);
    _exit(w == static_cast<ssize_t>(sizeof m) ? 0 : 4);
  }
  close(fds[1]);
  Measure m{};
  const ssize_t r = read(fds[0], &m, sizeof m);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (r != static_cast<ssize_t>(sizeof m) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "a measurement failed\n";
    std::exit(1);
  }
  return m;
}

void populate(const std::string& path, std::int64_t rows) {
  {
    covet::Database db = covet::connect("sqlite:///" + path);
    db.create_all();
  }
  raw::Sqlite db(path);
  db.exec("BEGIN");
  db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(rows) +
          ") INSERT INTO bench_user (username, email, age, is_active) "
          "SELECT 'user ' || i, 'user' || i || '@example.com', 20 + i % 50, i % 3 != 0 FROM n");
  db.exec("COMMIT");
}

}  // namespace
}  // namespace covet_bench

int main(int argc, char** argv) {
  using namespace covet_bench;
  std::int64_t rows = 1000000;
  for (int i = 1; i < argc; ++i)
    if (std::string a = argv[i]; a.rfind("--rows=", 0) == 0) rows = std::stoll(a.substr(7));
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("covet-memory-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "users.db").string();
  populate(path, rows);
  const std::string url = "sqlite:///" + path;

  const Measure raw = in_child([&] { return run_raw(path); });
  const Measure fetch = in_child([&] { return run_fetch(url); });
  const Measure stream = in_child([&] { return run_iterate(url); });
  std::filesystem::remove_all(dir);

  const bool same = raw.checksum == fetch.checksum && fetch.checksum == stream.checksum;
  std::printf("memory: reading %lld users from an SQLite file (sizeof(User) = %zu bytes, hand-written struct %zu)\n\n",
              static_cast<long long>(rows), sizeof(User), sizeof(raw::User));
  std::printf("| way | peak RSS above baseline | the result holds | peak / result |\n");
  std::printf("| --- | ----------------------: | ---------------: | ------------: |\n");
  auto line = [](const char* way, const Measure& m) {
    if (m.result_kb > 0)
      std::printf("| %s | %.1f MB | %.1f MB | %.2fx |\n", way, m.peak_kb / 1024.0, m.result_kb / 1024.0,
                  static_cast<double>(m.peak_kb) / static_cast<double>(m.result_kb));
    else
      std::printf("| %s | %.1f MB | (one row) | — |\n", way, m.peak_kb / 1024.0);
  };
  line("hand-written sqlite3, std::vector<struct>", raw);
  line("Covet fetch(), std::vector<User>", fetch);
  line("Covet iterate()", stream);
  std::printf("\nSQLite's page cache: up to 2 MB per connection (cache_size -2000), inside each figure.\n");
  std::printf("checksums %s\n", same ? "agree" : "DIFFER");
  return same ? 0 : 1;
}
