// create_all() with no registered model: the program was linked without the
// plugin's metadata (its target never went through covet_add_models), and
// would otherwise "succeed" having created no table. This binary has models,
// so the decision is tested on the list create_all() passes it.
#include "schema/schema_builder.hpp"
#include "support/error_message.hpp"

#include <covet/errors.hpp>
#include <covet/model_info.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

TEST(CreateAllRegistry, NoRegisteredModelIsAUsageErrorNamingCovetAddModels) {
  const std::string what =
      covet::test::error_message<covet::UsageError>([] { covet::detail::require_models({}); });
  EXPECT_NE(what.find("no registered model"), std::string::npos) << what;
  EXPECT_NE(what.find("covet_add_models("), std::string::npos) << "the message names the fix: " << what;
}

TEST(CreateAllRegistry, TheRegistryOfThisProgramPasses) {
  const std::vector<const covet::ModelInfo*> models = covet::all_models();
  ASSERT_FALSE(models.empty()) << "the test models are registered";
  EXPECT_NO_THROW(covet::detail::require_models(models));
}

}  // namespace
