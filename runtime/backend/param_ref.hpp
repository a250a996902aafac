// A statement parameter that refers to its value instead of holding it, for
// the statements that bind thousands of them: a bulk INSERT binds the
// objects' members through these (runtime/bulk/bulk_insert.cpp), so no
// covet::Value is built, and no text member copied, per column.
//
// A ParamRef stands for exactly the Value to_value() gives: the same kind,
// bound the same way. Whatever it refers to (a text, a Value) must outlive
// the Connection::execute_refs() it is passed to.
#pragma once

#include <covet/value.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace covet::detail {

class ParamRef {
 public:
  enum class Kind : std::uint8_t { Null, Bool, Integer, Real, Text, Value };

  ParamRef() = default;  // NULL
  static ParamRef boolean(bool b) {
    ParamRef p(Kind::Bool);
    p.integer_ = b ? 1 : 0;
    return p;
  }
  static ParamRef integer(std::int64_t i) {
    ParamRef p(Kind::Integer);
    p.integer_ = i;
    return p;
  }
  static ParamRef real(double d) {
    ParamRef p(Kind::Real);
    p.real_ = d;
    return p;
  }
  static ParamRef text(std::string_view s) {
    ParamRef p(Kind::Text);
    p.text_ = s.data();
    p.size_ = s.size();
    return p;
  }
  // Any Value, by reference (the kinds above have their own forms).
  static ParamRef value(const covet::Value& v) {
    ParamRef p(Kind::Value);
    p.value_ = &v;
    return p;
  }

  Kind kind() const noexcept { return kind_; }
  // Each requires its kind (Bool: as_bool; Integer: as_integer; ...).
  bool as_bool() const noexcept { return integer_ != 0; }
  std::int64_t as_integer() const noexcept { return integer_; }
  double as_real() const noexcept { return real_; }
  std::string_view as_text() const noexcept { return {text_, size_}; }
  const covet::Value& as_value() const noexcept { return *value_; }

  // The Value it stands for (a copy of what it refers to).
  covet::Value to_value() const;

 private:
  explicit ParamRef(Kind kind) : kind_(kind) {}

  Kind kind_ = Kind::Null;
  union {
    std::int64_t integer_ = 0;
    double real_;
    const char* text_;
    const covet::Value* value_;
  };
  std::size_t size_ = 0;  // Text: its length in bytes
};

// Every parameter as the Value it stands for: how a connection without a
// by-reference path of its own runs execute_refs().
std::vector<covet::Value> to_values(std::span<const ParamRef> params);

}  // namespace covet::detail
