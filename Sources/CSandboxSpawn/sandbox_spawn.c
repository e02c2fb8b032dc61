#include "sandbox_spawn.h"
