// The model headers of a target with trees, as covet_add_models() hands them
// to the plugin.
#include "tree-models.hpp"
#include "tree-shelf.hpp"
