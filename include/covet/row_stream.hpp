// Rows streamed one at a time, for results too large to hold: QuerySet's
// iterate() runs the same SELECT as fetch(), but loads each row into one
// object as the loop reaches it, so memory stays at one row (SQLite steps
// the statement; PostgreSQL reads in libpq's single-row mode).
//
//   for (const User& u : db.objects<User>().filter("is_active", true).iterate())
//     write_csv_line(out, u);
//
// One pass (an input range). While the loop runs the Database runs nothing
// else: a lazy load, a write or another query inside the loop throws
// UsageError (PostgreSQL's connection is busy until the rows end; SQLite
// refuses the same, so code that works on one backend works on the other).
// Load what the loop needs with select_related(); prefetch_related() is
// refused (it needs every row first: use fetch()). Leaving the loop early
// ends the statement (PostgreSQL cancels it, or reads the rest inside a
// transaction, which a cancel would abort). Close the Database only after
// the stream has ended.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>

namespace covet {

namespace detail {

class QueryCore;
template <class Row>
struct RowTraits;

// The runtime's side of a stream (runtime/query/row_stream.cpp).
class RowReader {
 public:
  virtual ~RowReader() = default;
  // Loads the next row into `object` (a new object of the query's model);
  // false, loading nothing, once the rows have ended.
  virtual bool next(void* object) = 0;
};

}  // namespace detail

template <class Row>
class RowStream {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Row;
    using difference_type = std::ptrdiff_t;
    using reference = Row&;
    using pointer = Row*;

    iterator() = default;
    Row& operator*() const { return *stream_->current_; }
    Row* operator->() const { return &*stream_->current_; }
    iterator& operator++() {
      if (!stream_->advance()) stream_ = nullptr;
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept { return it.stream_ == nullptr; }

   private:
    friend class RowStream;
    explicit iterator(RowStream* stream) : stream_(stream) {}
    RowStream* stream_ = nullptr;
  };

  // (QuerySet::iterate makes it.)
  RowStream(std::unique_ptr<detail::QueryCore> core, std::unique_ptr<detail::RowReader> reader)
      : core_(std::move(core)), reader_(std::move(reader)) {}

  // Reads the first row. A stream is read once: begin() again continues
  // where the loop left off.
  iterator begin() {
    if (!started_) {
      started_ = true;
      if (!advance()) return iterator();
    }
    return current_ ? iterator(this) : iterator();
  }
  std::default_sentinel_t end() const noexcept { return {}; }

 private:
  bool advance() {
    if (!reader_) return false;
    current_.emplace();
    if (!reader_->next(detail::RowTraits<Row>::object(*current_))) {
      current_.reset();
      reader_.reset();  // the statement ends with its rows
      return false;
    }
    detail::RowTraits<Row>::finish(*current_, *core_);
    return true;
  }

  std::unique_ptr<detail::QueryCore> core_;  // the query's own (complete where a stream is made)
  std::unique_ptr<detail::RowReader> reader_;
  std::optional<Row> current_;
  bool started_ = false;
};

}  // namespace covet
