// What a loaded object's relation handles (covet::Ref, covet::ReverseSet,
// covet::ReverseOne) hold of where they came from, in as few bytes as will
// do: the handles of every object of one result share one Binding (the
// Database it was read from and, while that database auto-prefetches, the
// objects read with it), and a reverse handle keeps its owner's key in an
// OwnerKey. The runtime makes one Binding per result set
// (runtime/object_loader.hpp), or per object created or bound alone.
//
//   sizeof(covet::ReverseSet<Post>): 96 bytes with a weak database handle,
//   a peer-group pointer and a covet::Value key of its own; 56 with these.
#pragma once

#include <covet/value.hpp>

#include <cstdint>
#include <memory>
#include <utility>
#include <variant>

namespace covet::detail {

struct DatabaseState;
struct PeerGroup;

struct Binding {
  std::weak_ptr<DatabaseState> database;
  std::shared_ptr<PeerGroup> peers;  // null unless auto-prefetching
};

using SharedBinding = std::shared_ptr<const Binding>;

inline SharedBinding make_binding(std::weak_ptr<DatabaseState> database, std::shared_ptr<PeerGroup> peers = nullptr) {
  return std::make_shared<const Binding>(Binding{std::move(database), std::move(peers)});
}
// The binding's database and peers; empty ones for an unbound handle.
inline const std::weak_ptr<DatabaseState>& bound_database(const SharedBinding& binding) {
  static const std::weak_ptr<DatabaseState> none;
  return binding ? binding->database : none;
}
inline const std::shared_ptr<PeerGroup>& bound_peers(const SharedBinding& binding) {
  static const std::shared_ptr<PeerGroup> none;
  return binding ? binding->peers : none;
}

// A reverse handle's owner key: NULL, an integer (the usual key) in place,
// or any other value (a text to_field, a UUID key) in a copy of its own.
// 16 bytes, where a covet::Value takes 40.
class OwnerKey {
 public:
  OwnerKey() noexcept = default;
  OwnerKey(const Value& key) {  // NOLINT(google-explicit-constructor): a key is a Value
    if (key.is_integer()) {
      key_.emplace<std::int64_t>(key.as_integer());
    } else if (!key.is_null()) {
      key_.emplace<Boxed>(Boxed{std::make_unique<const Value>(key)});
    }
  }

  bool is_null() const noexcept { return std::holds_alternative<std::monostate>(key_); }
  Value value() const {
    if (const auto* i = std::get_if<std::int64_t>(&key_)) return Value(*i);
    if (const auto* b = std::get_if<Boxed>(&key_)) return *b->value;
    return Value();
  }

 private:
  // A deep-copying box, so that OwnerKey copies as a Value does.
  struct Boxed {
    std::unique_ptr<const Value> value;
    Boxed(std::unique_ptr<const Value> v) : value(std::move(v)) {}  // NOLINT(google-explicit-constructor)
    Boxed(const Boxed& other) : value(std::make_unique<const Value>(*other.value)) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) {
      value = std::make_unique<const Value>(*other.value);
      return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
  };
  std::variant<std::monostate, std::int64_t, Boxed> key_;
};

}  // namespace covet::detail
