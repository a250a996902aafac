// Must-not-compile checks for the typed API, as the compiler sees them: the
// concepts of covet/concepts.hpp accept every model the plugin accepts and
// refuse what a model, a key or a related-manager item is commonly confused
// with. Each public template checks these concepts first (a static_assert
// naming the fix); lit-tests/api-misuse.cpp compiles the calls themselves and
// checks the messages. Overloads that a constraint removes (the writes of a
// manager over a non-null key) are checked here with requires-expressions.
#include "models/blog.hpp"
#include "models/deletion.hpp"
#include "models/eager.hpp"
#include "models/library.hpp"
#include "models/records.hpp"

#include <covet/covet.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace {

template <class... T>
constexpr bool all_models = (covet::Model<T> && ...);

// ---- covet::Model accepts every model of the test suite ------------------------

static_assert(all_models<blog::User, blog::Topic, blog::Tag, blog::Post, blog::Comment, blog::Membership,
                         blog::Group>);
static_assert(all_models<deletion::Owner, deletion::CascadeChild, deletion::CascadeGrandchild,
                         deletion::ProtectChild, deletion::SecondProtectChild, deletion::RestrictChild,
                         deletion::SetNullChild, deletion::SetDefaultChild, deletion::SetFnChild,
                         deletion::DoNothingChild, deletion::Badge, deletion::Level1, deletion::Level2,
                         deletion::Level3, deletion::Level4, deletion::Level5, deletion::Node, deletion::Artist,
                         deletion::Disc, deletion::Song, deletion::Player, deletion::Team, deletion::Region,
                         deletion::Office, deletion::Label, deletion::Card>);
static_assert(all_models<eager::Owner, eager::Item>);
static_assert(all_models<library::Publisher, library::Author, library::Book, library::Profile>);
static_assert(all_models<records::Musician, records::Album, records::Passport, records::Country, records::City,
                         records::Sample>);

// ---- ... and refuses what is not a model object ---------------------------------

using library::Author;

static_assert(!covet::Model<int> && !covet::Model<double> && !covet::Model<bool> &&
                  !covet::Model<library::Format>,
              "scalars and enums are column values");
static_assert(!covet::Model<std::string> && !covet::Model<std::string_view> && !covet::Model<const char*> &&
                  !covet::Model<char[6]>,
              "strings");
static_assert(!covet::Model<covet::Id> && !covet::Model<covet::Value> &&
                  !covet::Model<std::chrono::sys_days> && !covet::Model<std::chrono::sys_seconds>,
              "column values covet::FieldTraits stores");
static_assert(!covet::Model<std::vector<Author>> && !covet::Model<std::list<Author>> &&
                  !covet::Model<std::map<int, Author>> && !covet::Model<std::set<int>> &&
                  !covet::Model<std::array<Author, 2>>,
              "containers of models are not models (bulk_create takes a std::vector)");
static_assert(!covet::Model<Author*> && !covet::Model<std::optional<Author>> &&
                  !covet::Model<std::shared_ptr<Author>> && !covet::Model<std::unique_ptr<Author>> &&
                  !covet::Model<std::reference_wrapper<Author>>,
              "handles to an object are not the object");
static_assert(!covet::Model<std::pair<Author, int>> && !covet::Model<std::tuple<Author>> &&
                  !covet::Model<std::variant<Author, library::Book>>,
              "tuples and variants");
static_assert(!covet::Model<covet::Ref<Author>> && !covet::Model<covet::RefSet<blog::Tag>> &&
                  !covet::Model<covet::ReverseSet<library::Book>> && !covet::Model<covet::ReverseOne<library::Profile>> &&
                  !covet::Model<covet::RelatedManager<library::Book, covet::KeyNullability::Nullable>> &&
                  !covet::Model<covet::ManyRelatedManager<blog::Tag>> && !covet::Model<covet::QuerySet<Author>> &&
                  !covet::Model<covet::Partial<Author>> && !covet::Model<covet::Q> &&
                  !covet::Model<covet::ThroughDefaults> && !covet::Model<covet::Database>,
              "Covet's own handles");
static_assert(!covet::Model<const Author>, "cv-qualified: the writing calls check constness with their own message");

struct NotDefaultConstructible {
  explicit NotDefaultConstructible(int) {}
};
struct NotCopyable {
  NotCopyable() = default;
  NotCopyable(const NotCopyable&) = delete;
};
static_assert(!covet::Model<NotDefaultConstructible> && !covet::Model<NotCopyable>,
              "the runtime makes and copies model objects");

// A model that is also a range opts in; a struct that is not a model opts out.
struct Playlist {
  covet::Id id;
  std::vector<int> tracks;
  auto begin() const { return tracks.begin(); }
  auto end() const { return tracks.end(); }
};
struct Settings {
  int verbosity = 0;
};

}  // namespace

template <>
inline constexpr bool covet::enable_model<Playlist> = true;
template <>
inline constexpr bool covet::enable_model<Settings> = false;

namespace {

static_assert(covet::Model<Playlist>, "covet::enable_model<T> = true opts a class in");
static_assert(!covet::Model<Settings>, "covet::enable_model<T> = false opts a class out");

// ---- keys and related-manager items ------------------------------------------------

using blog::Post;
using blog::Tag;

static_assert(covet::PrimaryKeyValue<covet::Id> && covet::PrimaryKeyValue<std::int64_t> &&
              covet::PrimaryKeyValue<int> && covet::PrimaryKeyValue<unsigned> &&
              covet::PrimaryKeyValue<covet::Value>);
static_assert(!covet::PrimaryKeyValue<char> && !covet::PrimaryKeyValue<char8_t> &&
                  !covet::PrimaryKeyValue<wchar_t> && !covet::PrimaryKeyValue<bool> &&
                  !covet::PrimaryKeyValue<double> && !covet::PrimaryKeyValue<std::string>,
              "a character, a bool or a string is not a key");

static_assert(covet::RelatedArgumentOf<Tag, Tag> && covet::RelatedArgumentOf<Tag, Tag&> &&
              covet::RelatedArgumentOf<Tag, const Tag&> && covet::RelatedArgumentOf<Tag, covet::Ref<Tag>> &&
              covet::RelatedArgumentOf<Tag, covet::Id> && covet::RelatedArgumentOf<Tag, std::int64_t> &&
              covet::RelatedArgumentOf<Tag, int>);
static_assert(covet::RelatedArgumentOf<Tag, std::vector<Tag>> &&
              covet::RelatedArgumentOf<Tag, std::vector<covet::Id>> &&
              covet::RelatedArgumentOf<Tag, std::array<std::int64_t, 2>> &&
              covet::RelatedArgumentOf<Tag, std::list<covet::Ref<Tag>>> &&
              covet::RelatedArgumentOf<Tag, std::initializer_list<Tag>>);

// post.tags.add(std::string("python")) compiled, and linked the tags whose
// keys are the characters' codes.
static_assert(!covet::RelatedArgumentOf<Tag, std::string> && !covet::RelatedArgumentOf<Tag, std::string_view> &&
                  !covet::RelatedArgumentOf<Tag, const char*> && !covet::RelatedArgumentOf<Tag, const char (&)[7]> &&
                  !covet::RelatedArgumentOf<Tag, char> && !covet::RelatedArgumentOf<Tag, std::u8string> &&
                  !covet::RelatedArgumentOf<Tag, std::vector<char>> &&
                  !covet::RelatedArgumentOf<Tag, std::vector<std::string>>,
              "a string, a range of characters or a container of strings is not a list of keys");
static_assert(!covet::RelatedArgumentOf<Tag, Post> && !covet::RelatedArgumentOf<Tag, covet::Ref<Post>> &&
                  !covet::RelatedArgumentOf<Tag, std::vector<Post>> && !covet::RelatedArgumentOf<Tag, Author>,
              "an object of (or a Ref to) another model is not an item");
static_assert(!covet::RelatedArgumentOf<Tag, bool> && !covet::RelatedArgumentOf<Tag, double> &&
                  !covet::RelatedArgumentOf<Tag, std::optional<Tag>> && !covet::RelatedArgumentOf<Tag, Tag*>,
              "nor a bool, a double, an optional or a pointer");
static_assert(!covet::RelatedRangeOf<Tag, Tag> && !covet::RelatedItemOf<Tag, std::vector<Tag>>,
              "set() takes a range, and a range is not one item");

// ---- overloads removed by constraints ---------------------------------------------

using NonNullPosts = covet::RelatedManager<Post, covet::KeyNullability::NonNull>;
using NullablePosts = covet::RelatedManager<Post, covet::KeyNullability::Nullable>;

// (A requires-expression must depend on a template parameter for a failure
// to be `false` rather than an error, hence these small concepts.)
template <class M, class A>
concept CanAdd = requires(const M& m, A&& a) { m.add(std::forward<A>(a)); };
template <class M, class A>
concept CanRemove = requires(const M& m, A&& a) { m.remove(std::forward<A>(a)); };
template <class M>
concept CanClear = requires(const M& m) { m.clear(); };
template <class M, class R>
concept CanSet = requires(const M& m, R&& r) { m.set(std::forward<R>(r)); };
template <class M, class T>
concept CanSetBraced = requires(const M& m, T& t) { m.set({t}); };

static_assert(!CanAdd<NonNullPosts, Post&> && !CanRemove<NonNullPosts, Post&> && !CanClear<NonNullPosts> &&
                  !CanSet<NonNullPosts, std::vector<Post>&> && !CanSetBraced<NonNullPosts, Post>,
              "the writes of the reverse of a non-null key do not exist");
static_assert(CanAdd<NullablePosts, Post&> && CanAdd<NullablePosts, covet::Id> && CanRemove<NullablePosts, Post&> &&
              CanClear<NullablePosts> && CanSet<NullablePosts, std::vector<Post>&> &&
              CanSetBraced<NullablePosts, Post>);
static_assert(!CanSetBraced<NullablePosts, const Post>,
              "set({...}) takes the objects themselves, to update them in memory");

// db.related(owner, member) deduces the manager from the member pointer.
static_assert(std::is_same_v<decltype(std::declval<covet::Database&>().related(std::declval<const blog::Topic&>(),
                                                                              &Post::topic)),
                             NullablePosts>);
static_assert(std::is_same_v<decltype(std::declval<covet::Database&>().related(std::declval<const Tag&>(),
                                                                              &Post::tags)),
                             covet::ManyRelatedManager<Post>>);
static_assert(std::is_same_v<decltype(std::declval<covet::Database&>().related_one(
                                 std::declval<const Author&>(), &library::Profile::author)),
                             covet::ReverseOne<library::Profile>>);

}  // namespace
