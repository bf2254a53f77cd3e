#include "harness.h"
static void t_placeholder(void) { CHECK(1); }
TEST_MAIN(TEST(t_placeholder))
