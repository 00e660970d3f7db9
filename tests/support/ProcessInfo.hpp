#pragma once
/// What /proc tells about a process, for tests of the worker boundary: its environment, its open
/// descriptors, its status lines and its children.

#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace inkorg::test {

/// The environment of `pid` as NAME=value entries (/proc/<pid>/environ).
std::vector<std::string> environmentOf(pid_t pid);

/// Descriptor number → what it points to (/proc/<pid>/fd: "/dev/null", "socket:[123]", a path).
std::map<int, std::string> descriptorsOf(pid_t pid);

/// The value of a line of /proc/<pid>/status, e.g. "Uid" → "65534\t65534\t65534\t65534"; empty
/// when the process (or the line) is gone.
std::string statusLine(pid_t pid, const std::string& name);

/// True while `pid` exists and is not a zombie.
bool isAlive(pid_t pid);

/// The children of `pid`, over all its threads (/proc/<pid>/task/*/children).
std::vector<pid_t> childrenOf(pid_t pid);

} // namespace inkorg::test
