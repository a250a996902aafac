// Well-formed uses of the field-type attributes compile with no diagnostic.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// expected-no-diagnostics

#include "Inputs/fields.hpp"
