#include "support/ProcessInfo.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace inkorg::test {

namespace fs = std::filesystem;

namespace {

fs::path procOf(pid_t pid)
{
    return fs::path("/proc") / std::to_string(pid);
}

} // namespace

std::vector<std::string> environmentOf(pid_t pid)
{
    std::ifstream in(procOf(pid) / "environ", std::ios::binary);
    std::vector<std::string> entries;
    for (std::string entry; std::getline(in, entry, '\0');)
        if (!entry.empty()) entries.push_back(entry);
    return entries;
}

std::map<int, std::string> descriptorsOf(pid_t pid)
{
    std::map<int, std::string> descriptors;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(procOf(pid) / "fd", error)) {
        std::error_code unreadable;
        const auto target = fs::read_symlink(entry.path(), unreadable);
        descriptors[std::stoi(entry.path().filename().string())] = unreadable ? "?" : target.string();
    }
    return descriptors;
}

std::string statusLine(pid_t pid, const std::string& name)
{
    std::ifstream in(procOf(pid) / "status");
    for (std::string line; std::getline(in, line);)
        if (line.starts_with(name + ":")) {
            const auto first = line.find_first_not_of(" \t", name.size() + 1);
            if (first == std::string::npos) return "";
            return line.substr(first, line.find_last_not_of(" \t") + 1 - first);
        }
    return "";
}

bool isAlive(pid_t pid)
{
    const auto state = statusLine(pid, "State");
    return !state.empty() && !state.starts_with("Z") && !state.starts_with("X");
}

std::vector<pid_t> childrenOf(pid_t pid)
{
    std::vector<pid_t> children;
    std::error_code error;
    for (const auto& task : fs::directory_iterator(procOf(pid) / "task", error)) {
        std::ifstream in(task.path() / "children");
        for (pid_t child; in >> child;) children.push_back(child);
    }
    return children;
}

} // namespace inkorg::test
