#include "mail/Mailbox.hpp"

#include "mail/ImapMailbox.hpp"
#include "mail/MaildirMailbox.hpp"
#include "mail/Pop3Mailbox.hpp"

#include <stdexcept>

namespace inkorg::mail {

std::unique_ptr<Mailbox> openMailbox(const MailSource& source)
{
    if (source.scheme == "maildir") return std::make_unique<MaildirMailbox>(source.folder);
    if (source.scheme == "pop3" || source.scheme == "pop3s") return std::make_unique<Pop3Mailbox>(source);
    if (source.scheme == "imap" || source.scheme == "imaps") return std::make_unique<ImapMailbox>(source);
    throw std::invalid_argument("unknown mail source scheme: " + source.scheme);
}

} // namespace inkorg::mail
