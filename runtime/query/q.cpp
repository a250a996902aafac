// Q construction and combination. Combining flattens nested nodes of the same
// kind, so Q(a) & Q(b) & Q(c) is one AND of three leaves; that keeps compiled
// SQL readable and lets the compiler see every condition of one filter() call
// side by side (it groups those on the same to-many relation).
#include "query/q_node.hpp"

#include <covet/limits.hpp>
#include <covet/q.hpp>

#include <algorithm>
#include <utility>

namespace covet {

namespace {

using detail::QNode;

std::shared_ptr<const QNode> combine(QNode::Kind kind, std::shared_ptr<const QNode> a,
                                     std::shared_ptr<const QNode> b) {
  auto node = std::make_shared<QNode>();
  node->kind = kind;
  for (auto* side : {&a, &b}) {
    if ((*side)->kind == kind) {
      node->children.insert(node->children.end(), (*side)->children.begin(),
                            (*side)->children.end());
    } else {
      node->children.push_back(std::move(*side));
    }
  }
  for (const auto& child : node->children) node->depth = std::max(node->depth, child->depth + 1);
  return node;
}

// Below this depth a rendering shows "...": the text is for messages, and a
// tree this deep is refused by every query anyway.
constexpr std::size_t kRenderDepth = limits::max_q_depth;

std::string render(const QNode& node, bool nested, std::size_t level) {
  if (level > kRenderDepth) return "...";
  switch (node.kind) {
    case QNode::Kind::Leaf: {
      std::string out = node.lookup + "=";
      if (node.value.is_list) {
        out += "[";
        for (std::size_t i = 0; i < node.value.values.size(); ++i) {
          if (i) out += ", ";
          out += node.value.values[i].debug_string();
        }
        out += "]";
      } else {
        out += node.value.values.front().debug_string();
      }
      return out;
    }
    case QNode::Kind::Not:
      return "NOT (" + render(*node.children.front(), false, level + 1) + ")";
    case QNode::Kind::And:
    case QNode::Kind::Or: {
      std::string out;
      for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (i) out += node.kind == QNode::Kind::And ? " AND " : " OR ";
        out += render(*node.children[i], true, level + 1);
      }
      return nested ? "(" + out + ")" : out;
    }
  }
  return {};
}

}  // namespace

Q::Q(std::string_view lookup, detail::FilterValue value) {
  auto node = std::make_shared<QNode>();
  node->kind = QNode::Kind::Leaf;
  node->lookup = std::string(lookup);
  if (!value.is_list && value.values.size() != 1) value.values.resize(1);
  node->value = std::move(value);
  node_ = std::move(node);
}

Q operator&(Q a, Q b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Q(combine(detail::QNode::Kind::And, std::move(a.node_), std::move(b.node_)));
}

Q operator|(Q a, Q b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Q(combine(detail::QNode::Kind::Or, std::move(a.node_), std::move(b.node_)));
}

Q operator~(Q q) {
  if (q.empty()) return q;
  auto node = std::make_shared<detail::QNode>();
  node->kind = detail::QNode::Kind::Not;
  node->depth = q.node_->depth + 1;
  node->children.push_back(std::move(q.node_));
  return Q(std::move(node));
}

std::string Q::to_string() const { return node_ ? render(*node_, false, 1) : std::string(); }

namespace detail {

QNode::~QNode() {
  // Take over every child this node is the last owner of, iteratively, so
  // that no destructor below runs with children left to destroy.
  std::vector<std::shared_ptr<const QNode>> pending = std::move(children);
  while (!pending.empty()) {
    std::shared_ptr<const QNode> node = std::move(pending.back());
    pending.pop_back();
    if (node.use_count() != 1) continue;  // another owner keeps it
    // The last owner: the node was made non-const (make_shared<QNode>).
    auto& grandchildren = const_cast<QNode&>(*node).children;
    for (auto& child : grandchildren) pending.push_back(std::move(child));
    grandchildren.clear();
  }
}

std::string describe_condition(const QNode& node) { return render(node, false, 1); }

std::shared_ptr<const ObjectKeys> object_keys(const ModelInfo& model, const void* object) {
  auto out = std::make_shared<ObjectKeys>();
  out->model = &model;
  Value key = model.primary_key->get(object);
  if (key.is_null())
    throw UsageError("an unsaved " + model.name +
                         " was used as a filter value: save it first so it has a key",
                     model.name);
  out->keys.emplace_back(model.primary_key, std::move(key));
  for (const MemberInfo* m : model.columns)
    if (m->unique && !m->primary_key && m->get) out->keys.emplace_back(m, m->get(object));
  return out;
}

}  // namespace detail

}  // namespace covet
