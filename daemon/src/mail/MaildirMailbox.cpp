#include "mail/MaildirMailbox.hpp"

#include "intake/FolderWatcher.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace inkorg::mail {

namespace fs = std::filesystem;

MaildirMailbox::MaildirMailbox(fs::path root) : root_(std::move(root))
{
    if (!fs::is_directory(root_ / "new"))
        throw std::runtime_error("Maildir " + root_.string() + " has no new/ folder");
    fs::create_directories(root_ / "cur");
}

std::vector<MailboxEntry> MaildirMailbox::list()
{
    std::vector<MailboxEntry> entries;
    for (const auto& file : fs::directory_iterator(root_ / "new")) {
        if (!file.is_regular_file()) continue;
        const std::string name = file.path().filename().string();
        if (name.empty() || name.front() == '.') continue;
        MailboxEntry entry;
        entry.key = name.substr(0, name.find(':'));
        entry.handle = file.path().string();
        entry.size = static_cast<std::size_t>(file.file_size());
        entry.deliveredAt = intake::isoUtc(file.last_write_time());
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.deliveredAt != b.deliveredAt ? a.deliveredAt < b.deliveredAt : a.key < b.key;
    });
    return entries;
}

std::string MaildirMailbox::headers(const MailboxEntry& entry)
{
    std::ifstream in(entry.handle, std::ios::binary);
    std::string block, line;
    while (std::getline(in, line)) {
        if (line.empty() || line == "\r") break;
        block += line + "\n";
    }
    return block;
}

std::string MaildirMailbox::fetch(const MailboxEntry& entry)
{
    std::ifstream in(entry.handle, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + entry.handle);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void MaildirMailbox::markHandled(const MailboxEntry& entry)
{
    const fs::path from = entry.handle;
    const std::string name = from.filename().string();
    fs::rename(from, root_ / "cur" / (name.substr(0, name.find(':')) + ":2,S"));
}

} // namespace inkorg::mail
