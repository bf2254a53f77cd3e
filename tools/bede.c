#include "bede.h"
int main(void) { return 0; }
