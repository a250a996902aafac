// The model headers of the target, as covet_add_models() hands them to the plugin.
#include "graph-users.hpp"
#include "graph-orders.hpp"
