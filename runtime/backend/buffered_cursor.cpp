// Connection::open_cursor's default: the rows read through execute() and kept
// as values, for decorators that have no streaming of their own.
#include "backend/connection.hpp"

#include <utility>

namespace covet::detail {

namespace {

class ValueRow final : public Row {
 public:
  explicit ValueRow(const std::vector<Value>* values) : values_(values) {}
  int size() const override { return static_cast<int>(values_->size()); }
  bool is_null(int column) const override { return at(column).is_null(); }
  Value value(int column) const override { return at(column); }
  bool read_text(int column, std::string_view& out) const override {
    const Value& v = at(column);
    if (!v.is_text()) return false;
    out = v.as_text();
    return true;
  }
  void point_at(const std::vector<Value>* values) { values_ = values; }

 private:
  const Value& at(int column) const { return values_->at(static_cast<std::size_t>(column)); }
  const std::vector<Value>* values_;
};

class BufferedCursor final : public Cursor {
 public:
  explicit BufferedCursor(std::vector<std::vector<Value>> rows) : rows_(std::move(rows)), row_(nullptr) {}
  const Row* next() override {
    if (next_ == rows_.size()) return nullptr;
    row_.point_at(&rows_[next_++]);
    return &row_;
  }

 private:
  std::vector<std::vector<Value>> rows_;
  std::size_t next_ = 0;
  ValueRow row_;
};

}  // namespace

std::unique_ptr<Cursor> Connection::open_cursor(std::string_view sql, std::vector<Value> params) {
  std::vector<std::vector<Value>> rows;
  execute(sql, params, [&](const Row& row) {
    std::vector<Value>& values = rows.emplace_back();
    values.reserve(static_cast<std::size_t>(row.size()));
    for (int i = 0; i < row.size(); ++i) values.push_back(row.value(i));
  });
  return std::make_unique<BufferedCursor>(std::move(rows));
}

}  // namespace covet::detail
