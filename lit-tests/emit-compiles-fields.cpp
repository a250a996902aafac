// The metadata emitted for the field types (Decimal, Uuid keys, auto_now,
// enum_text name tables) compiles warning-free without the plugin.
//
// RUN: rm -f %t.cpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp %S/Inputs/fields.hpp
// RUN: %clangxx_noplugin -fsyntax-only -Wall -Wextra -Werror %t.cpp
