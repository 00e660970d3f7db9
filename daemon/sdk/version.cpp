#include <inkorg/plugin.hpp>
