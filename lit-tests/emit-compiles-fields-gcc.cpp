// The metadata emitted for the field types compiles warning-free with g++-12.
//
// REQUIRES: gxx12
// RUN: rm -f %t.cpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp %S/Inputs/fields.hpp
// RUN: %gxx12 -fsyntax-only -Wall -Wextra -Werror %t.cpp
