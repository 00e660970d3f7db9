#pragma once
/// A POP3 mailbox (pop3:// or pop3s://) through Poco::Net::POP3ClientSession. The key of a
/// message is its UIDL (asked with sendCommand("UIDL n"), which Poco has no call for), kept in
/// the ledger: POP3 has no "seen" flag, so the default post-action is to remember the UIDL and
/// keep the mail; with delete=true a registered mail is deleted (committed at QUIT, close()).
/// Headers come first (TOP n 0, Poco::Net::POP3ClientSession::retrieveHeader).

#include "mail/Mailbox.hpp"

#include <Poco/Net/POP3ClientSession.h>

#include <memory>

namespace inkorg::mail {

class Pop3Mailbox : public Mailbox {
public:
    /// Connects and logs in; throws Poco::Net exceptions (with the server's answer) on failure.
    explicit Pop3Mailbox(MailSource source);
    ~Pop3Mailbox() override;
    std::vector<MailboxEntry> list() override;
    std::string headers(const MailboxEntry& entry) override;
    std::string fetch(const MailboxEntry& entry) override;
    void markHandled(const MailboxEntry& entry) override;
    void close() override;
    bool handledOnClose() const override { return source_.deleteAfter; }

private:
    MailSource source_;
    std::unique_ptr<Poco::Net::POP3ClientSession> session_;
};

} // namespace inkorg::mail
