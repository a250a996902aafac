// The rows prefetch_related (or auto-prefetch) left in one related manager:
// while present, the manager's all(), fetch(), count() and exists() answer
// from them without a query, as Django's prefetch cache does. Copies of the
// owner object share the rows; a write through the manager (add, remove,
// clear, set, create) drops them, so the next read queries again.
#pragma once

#include <memory>
#include <vector>

namespace covet::detail {

template <class T>
class PrefetchCache {
 public:
  // A fresh, empty list that replaces the current one; filled by the
  // prefetch engine before any reader sees it.
  std::vector<T>* open() {
    rows_ = std::make_shared<std::vector<T>>();
    return rows_.get();
  }
  void assign(std::shared_ptr<std::vector<T>> rows) { rows_ = std::move(rows); }
  bool has_rows() const noexcept { return rows_ != nullptr; }
  std::shared_ptr<const std::vector<T>> rows() const { return rows_; }
  void clear() noexcept { rows_.reset(); }

 private:
  std::shared_ptr<std::vector<T>> rows_;
};

}  // namespace covet::detail
