// The message of the error a call throws, for tests that check what an error
// says (the model, the field, the valid alternatives):
//
//   std::string what = covet::test::error_message<covet::FieldError>([&] { qs.filter("nmae", 1); });
//   EXPECT_NE(what.find("Choices are"), std::string::npos) << what;
//
// When `fn` throws no error of type E, the test fails there and the result is
// empty; another exception propagates.
#pragma once

#include <covet/errors.hpp>

#include <gtest/gtest.h>

#include <string>
#include <typeinfo>

namespace covet::test {

template <class E = covet::Error, class F>
std::string error_message(F&& fn) {
  try {
    fn();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception of type " << typeid(E).name();
  return {};
}

}  // namespace covet::test
