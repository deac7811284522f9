// Linked into the targets that lint: the engine (rules, dictionaries, models) loads once, before
// the first input, so no input's time includes it.
#include <cstdint>

#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)wirelint::fuzz::engine();
  return 0;
}
