// A fixture base for end-to-end tests that run the wirelint binary (WIRELINT_BINARY, defined for
// every test target) on a data folder of their own, data_, which SetUp builds: copies or links
// of the shipped rules/ and dictionaries/.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/process.h"

namespace wirelint::testing_support {

class DataFolderTest : public SandboxTest {
 protected:
  // The binary with `--data-dir data_` and `args`, in work_, without the caller's
  // WIRELINT_DATA_DIR and NO_COLOR.
  ProcessResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", data_.string()});
    return run_process(WIRELINT_BINARY, args, work_, io_, std::nullopt, {"WIRELINT_DATA_DIR=", "NO_COLOR="});
  }
  // The line of `wirelint models` that starts with `prefix` ("rules\t"), or "" when none does.
  std::string models_line(std::string_view prefix) {
    auto r = run({"models"});
    EXPECT_EQ(r.code, 0) << r.err;
    for (const auto& line : split_lines(r.out))
      if (line.rfind(prefix, 0) == 0) return line;
    return "";
  }

  std::filesystem::path data_;
};

}  // namespace wirelint::testing_support
