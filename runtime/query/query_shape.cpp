#include "query/query_shape.hpp"

#include "query/deferred_fields.hpp"

#include <cstdint>
#include <cstring>

namespace covet::detail {

namespace {

// Beyond these, a query is compiled each time: a key as long as the
// statement buys little, and a shape with so many conditions rarely repeats.
constexpr std::size_t kMaxLeaves = 64;
constexpr std::size_t kMaxKeyBytes = 4096;

class ShapeWriter {
 public:
  ShapeWriter(std::string& key, std::vector<const QNode*>& leaves) : key_(key), leaves_(leaves) {}

  void byte(std::uint8_t b) { key_.push_back(static_cast<char>(b)); }
  void number(std::uint64_t n) {
    // Short numbers in one byte: most counts are small.
    do {
      byte(static_cast<std::uint8_t>((n & 0x7f) | (n > 0x7f ? 0x80 : 0)));
      n >>= 7;
    } while (n != 0);
  }
  void pointer(const void* p) {
    const auto v = reinterpret_cast<std::uintptr_t>(p);
    key_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void text(const std::string& s) {
    number(s.size());
    key_ += s;
  }
  void texts(const std::vector<std::string>& v) {
    number(v.size());
    for (const std::string& s : v) text(s);
  }

  // A value as the compiler sees it: its kind, and a boolean's truth (isnull).
  void value(const Value& v) {
    byte(static_cast<std::uint8_t>(v.kind()));
    if (v.is_bool()) byte(v.as_bool() ? 1 : 0);
  }

  bool node(const QNode& n) {
    byte(static_cast<std::uint8_t>(n.kind));
    if (n.kind == QNode::Kind::Leaf) {
      if (leaves_.size() == kMaxLeaves) return false;
      leaves_.push_back(&n);
      text(n.lookup);
      byte(n.value.is_list ? 1 : 0);
      number(n.value.values.size());
      for (const Value& v : n.value.values) value(v);
      number(n.value.objects.size());
      return true;
    }
    number(n.children.size());
    for (const auto& c : n.children)
      if (!node(*c)) return false;
    return true;
  }

 private:
  std::string& key_;
  std::vector<const QNode*>& leaves_;
};

void collect(const QNode& n, std::vector<const QNode*>& out) {
  if (n.kind == QNode::Kind::Leaf) {
    out.push_back(&n);
    return;
  }
  for (const auto& c : n.children) collect(*c, out);
}

}  // namespace

void collect_leaves(const QueryState& state, std::vector<const QNode*>& out) {
  for (const auto& n : state.where) collect(*n, out);
}

bool query_shape(const QueryState& state, SelectKind kind, std::string& key, std::vector<const QNode*>& leaves) {
  key.clear();
  leaves.clear();
  if (state.tree || state.key_restriction) return false;
  ShapeWriter w(key, leaves);
  w.byte(static_cast<std::uint8_t>(kind));
  w.pointer(state.model);
  w.byte(static_cast<std::uint8_t>((state.default_ordering ? 1 : 0) | (state.select_related_all ? 2 : 0) |
                                   (state.low != 0 ? 4 : 0) | (state.high ? 8 : 0)));
  w.texts(state.order_by);
  w.texts(state.select_related);
  if (state.loaded_fields) {
    w.byte(1);
    for (bool loaded : state.loaded_fields->loaded) w.byte(loaded ? 1 : 0);
    w.byte(2);
  } else {
    w.byte(0);
  }
  if (state.selected_columns) {
    w.byte(1);
    w.texts(*state.selected_columns);
  } else {
    w.byte(0);
  }
  w.number(state.where.size());
  for (const auto& n : state.where)
    if (!w.node(*n) || key.size() > kMaxKeyBytes) return false;
  return key.size() <= kMaxKeyBytes;
}

}  // namespace covet::detail
