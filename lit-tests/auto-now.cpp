// covet::auto_now / covet::auto_now_add go on timestamps only
// (std::chrono::sys_time<D>, or a std::optional of one), never both at once.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <chrono>
#include <optional>
#include <string>

struct [[covet::model]] Post {
  covet::Id id;
  [[covet::auto_now_add]] std::chrono::sys_time<std::chrono::microseconds> created_at{};
  [[covet::auto_now]] std::chrono::system_clock::time_point updated_at;
  [[covet::auto_now]] std::optional<std::chrono::sys_seconds> touched;

  // expected-error@+1 {{'covet::auto_now' applies to timestamp members ('std::chrono::sys_time<Duration>' or a 'std::optional' of one), but 'count' has type 'int'}}
  [[covet::auto_now]] int count = 0;
  // expected-error@+1 {{'covet::auto_now_add' applies to timestamp members ('std::chrono::sys_time<Duration>' or a 'std::optional' of one), but 'day' has type 'std::chrono::sys_days'}}
  [[covet::auto_now_add]] std::chrono::sys_days day{};
  // expected-error@+1 {{'covet::auto_now_add' applies to timestamp members}}
  [[covet::auto_now_add]] std::string stamp;
  // expected-error@+1 {{'covet::auto_now' applies to timestamp members}}
  [[covet::auto_now]] std::chrono::steady_clock::time_point monotonic;

  // expected-note@+1 {{previous 'covet::auto_now' is here}}
  [[covet::auto_now, covet::auto_now_add]] std::chrono::sys_seconds both{};
  // expected-error@-1 {{'covet::auto_now' and 'covet::auto_now_add' cannot both be given: 'covet::auto_now' also sets 'both' on create}}

  // expected-error@+1 {{'covet::auto_now' takes no arguments}}
  [[covet::auto_now(true)]] std::chrono::sys_seconds with_argument{};
};
