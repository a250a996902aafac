// libFuzzer target: connection URLs. Each input is a URL for
// covet::detail::open_connection (and mask_password, which every error
// message uses), and the oracle is that no message echoes the password
// libpq reads from it.
//
// It never reaches a network, and never a real server:
//  * at start-up it makes a fresh temp dir and points libpq's
//    defaults (PGHOST, PGSERVICEFILE, PGSYSCONFDIR, PGPASSFILE) into it,
//    at names that do not exist, with PGCONNECT_TIMEOUT=1;
//  * a PostgreSQL URL libpq can parse that names a host, hostaddr or
//    service is rewritten, before Covet sees it, into keyword form with
//    every parsed option kept but host set to a directory with no socket
//    in it and hostaddr and service dropped (checked again by parsing the
//    rewrite); one libpq cannot parse connects nowhere and is passed as is;
//  * a SQLite path is moved into the temp dir (leading '/' dropped, ".."
//    defused, the temp dir prepended, also after "file:"), and the files it
//    creates are removed after each input.
#include "backend/connection.hpp"
#include "backend/url.hpp"

#include <covet/errors.hpp>

#include <libpq-fe.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace {

std::string g_dir;        // the temp dir
std::string g_no_socket;  // a directory in it with no server socket

[[noreturn]] void bug(const char* what, std::string_view detail) {
  std::fprintf(stderr, "url_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

struct Options {
  PQconninfoOption* list = nullptr;
  ~Options() { PQconninfoFree(list); }
  std::string get(const char* keyword) const {
    for (PQconninfoOption* o = list; o && o->keyword; ++o)
      if (std::string_view(o->keyword) == keyword && o->val) return o->val;
    return {};
  }
};

bool parse(const std::string& conninfo, Options& out) {
  char* error = nullptr;
  out.list = PQconninfoParse(conninfo.c_str(), &error);
  PQfreemem(error);
  return out.list != nullptr;
}

std::string conninfo_quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The parsed options in keyword form, host forced into the temp dir.
std::string rewritten(const Options& options, bool with_password) {
  std::string out = "host=" + conninfo_quoted(g_no_socket);
  for (PQconninfoOption* o = options.list; o && o->keyword; ++o) {
    const std::string_view k = o->keyword;
    if (!o->val || k == "host" || k == "hostaddr" || k == "service") continue;
    if (k == "password" && !with_password) continue;
    out += " " + std::string(k) + "=" + conninfo_quoted(o->val);
  }
  return out;
}

std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// A password worth looking for: long enough not to be a word of the
// messages' own text by chance, and with no '*' (which masking writes).
bool distinctive(const std::string& password) {
  return password.size() >= 4 && password.find('*') == std::string::npos;
}

std::string message_of(const std::string& url) {
  try {
    std::unique_ptr<covet::detail::Connection> c = covet::detail::open_connection(url);
    c->execute("SELECT 1", {});
  } catch (const covet::Error& e) {
    return e.what();
  } catch (const std::exception& e) {
    bug("an exception that is not a covet::Error", e.what());
  }
  return {};
}

void remove_created_files() {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(g_dir, ec))
    if (entry.path() != g_no_socket) std::filesystem::remove_all(entry.path(), ec);
}

// sqlite:///<path> with the path inside the temp dir (absolute: sqlite:////tmp/...).
std::string contained_sqlite(std::string_view url) {
  static constexpr std::string_view kPrefix = "sqlite:///";
  if (!url.starts_with(kPrefix)) return std::string(url);  // refused before any file is touched
  std::string path(url.substr(kPrefix.size()));
  std::string head;
  if (path.starts_with("file:")) {
    head = "file:";
    path.erase(0, 5);
  }
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  for (std::size_t at = path.find(".."); at != std::string::npos; at = path.find("..", at)) path.replace(at, 2, "__");
  return std::string(kPrefix) + head + g_dir + "/" + path;
}

bool goes_to_libpq(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://") ||
         (url.find("://") == std::string_view::npos && url.find('=') != std::string_view::npos && !url.starts_with("="));
}

// mask_password(url) keeps none of the password's occurrences that are the
// password itself (checked where the URL writes it verbatim: no percent
// escapes, no backslash escapes).
void check_mask(const std::string& url, const std::string& password) {
  if (!distinctive(password) || url.find('%') != std::string::npos || url.find('\\') != std::string::npos) return;
  const std::size_t before = occurrences(url, password);
  if (before == 0) return;  // written in a way this check does not follow
  const std::string masked = covet::detail::mask_password(url);
  if (occurrences(masked, password) >= before) bug("mask_password() leaves the password in", masked);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // One dir per process, named by its pid: a run that crashed (libFuzzer's
  // fork mode crashes jobs on purpose) cannot remove its own, so the next
  // one removes those whose process is gone.
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/tmp", ec)) {
    const std::string name = entry.path().filename().string();
    static constexpr std::string_view kPrefix = "covet-url-fuzz.";
    if (!name.starts_with(kPrefix)) continue;
    const long pid = std::strtol(name.c_str() + kPrefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
      std::filesystem::remove_all(entry.path(), ec);
  }
  g_dir = "/tmp/covet-url-fuzz." + std::to_string(::getpid());
  std::filesystem::remove_all(g_dir, ec);
  if (!std::filesystem::create_directory(g_dir, ec)) bug("cannot create the temp dir", g_dir);
  g_no_socket = g_dir + "/no-server-here";
  std::filesystem::create_directory(g_no_socket);
  ::setenv("PGHOST", g_no_socket.c_str(), 1);
  ::setenv("PGSERVICEFILE", (g_dir + "/no-service-file").c_str(), 1);
  ::setenv("PGSYSCONFDIR", (g_dir + "/no-sysconf").c_str(), 1);
  ::setenv("PGPASSFILE", (g_dir + "/no-passfile").c_str(), 1);
  ::setenv("PGCONNECT_TIMEOUT", "1", 1);
  for (const char* v : {"PGHOSTADDR", "PGSERVICE", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGOPTIONS"}) ::unsetenv(v);
  std::atexit([] {
    std::error_code ec;
    std::filesystem::remove_all(g_dir, ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string url(reinterpret_cast<const char*>(data), size);
  (void)covet::detail::sql_excerpt(url);

  if (url.starts_with("sqlite:")) {
    (void)message_of(contained_sqlite(url));
    remove_created_files();
    return 0;
  }
  if (!goes_to_libpq(url)) {
    (void)covet::detail::mask_password(url);
    (void)message_of(url);  // refused by its scheme
    return 0;
  }

  Options options;
  if (!parse(url, options)) {
    (void)covet::detail::mask_password(url);
    (void)message_of(url);  // libpq refuses it before connecting
    return 0;
  }
  const std::string password = options.get("password");
  check_mask(url, password);

  const bool names_a_server = !options.get("host").empty() || !options.get("hostaddr").empty() ||
                              !options.get("service").empty();
  const std::string target = names_a_server ? rewritten(options, true) : url;
  if (names_a_server) {
    Options again;
    if (!parse(target, again) || again.get("host") != g_no_socket || !again.get("hostaddr").empty() ||
        !again.get("service").empty())
      bug("the rewrite would leave the temp dir", target);
  }
  const std::string message = message_of(target);
  if (distinctive(password)) {
    // The same URL without its password says how often the text has it anyway.
    const std::string control = message_of(rewritten(options, false));
    if (occurrences(message, password) > occurrences(control, password)) bug("an error message echoes the password", message);
  }
  return 0;
}
