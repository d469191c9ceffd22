// Keeps the testing folder a source directory; the helpers are header-only.
#include "custos/testing/detect_helpers.h"
