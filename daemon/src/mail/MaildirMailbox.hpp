#pragma once
/// A Maildir (maildir:/var/mail/socialnamnden): new mail is read from new/; a registered mail
/// is moved to cur/ with the seen flag (":2,S"). The delivery time is the file's modification
/// time (when the MTA delivered it).

#include "mail/Mailbox.hpp"

#include <filesystem>

namespace inkorg::mail {

class MaildirMailbox : public Mailbox {
public:
    explicit MaildirMailbox(std::filesystem::path root);
    std::vector<MailboxEntry> list() override;
    std::string headers(const MailboxEntry& entry) override;
    std::string fetch(const MailboxEntry& entry) override;
    void markHandled(const MailboxEntry& entry) override;

private:
    std::filesystem::path root_;
};

} // namespace inkorg::mail
