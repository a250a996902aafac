// One row of a PostgreSQL result in the text protocol, read as the Row
// interface says (backend/connection.hpp): each column by its type's OID,
// integers and floats parsed, NUMERIC as an exact Decimal, uuid as a Uuid,
// bytea decoded, everything else as its text.
#pragma once

#include "backend/connection.hpp"

#include <libpq-fe.h>

#include <cstdint>
#include <string_view>

namespace covet::detail {

class PostgresRow final : public Row {
 public:
  // `rows`: the whole result's rows when `r` holds them all (-1: a row of
  // a streamed result).
  PostgresRow(const PGresult* r, int row, std::int64_t rows = -1)
      : r_(r), row_(row), size_(PQnfields(r)), rows_(rows) {}
  int size() const override { return size_; }
  std::int64_t result_rows() const override { return rows_; }
  bool is_null(int column) const override;
  Value value(int column) const override;
  // The kinds value() gives, read without it: the column's type says which.
  bool read_int64(int column, std::int64_t& out) const override;
  bool read_real(int column, double& out) const override;
  bool read_text(int column, std::string_view& out) const override;

 private:
  void check(int column) const;
  const PGresult* r_;
  int row_;
  int size_;
  std::int64_t rows_;
};

}  // namespace covet::detail
