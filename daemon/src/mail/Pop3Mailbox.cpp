#include "mail/Pop3Mailbox.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/DialogSocket.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

#include <sstream>
#include <stdexcept>

namespace inkorg::mail {

namespace {

/// Verifies the server against the configured CA file or the system's CAs, and its name.
Poco::Net::Context::Ptr clientContext(const MailSource& source)
{
    Poco::Net::Context::Params params;
    params.caLocation = source.caFile;
    params.loadDefaultCAs = source.caFile.empty();
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

bool positive(const std::string& response) { return response.rfind("+OK", 0) == 0; }

/// pop3://: the greeting and STLS (RFC 2595) in clear, then the same connection as TLS. Poco's
/// POP3ClientSession knows no STLS: it gets the connection after the switch, and the login is
/// sent by hand (its login() would wait for a second greeting).
Poco::Net::SecureStreamSocket afterStls(const MailSource& source, const Poco::Net::SocketAddress& address)
{
    Poco::Net::DialogSocket dialog(address);
    dialog.setReceiveTimeout(Poco::Timespan(60, 0));
    std::string response;
    dialog.receiveMessage(response);
    if (!positive(response)) throw std::runtime_error("POP3 " + source.name + ": the server is not ready: " + response);
    dialog.sendMessage("STLS");
    dialog.receiveMessage(response);
    if (!positive(response)) throw std::runtime_error("POP3 " + source.shown + ": " + plaintextRefusal("STLS"));
    return Poco::Net::SecureStreamSocket::attach(dialog, source.host, clientContext(source));
}

} // namespace

Pop3Mailbox::Pop3Mailbox(MailSource source) : source_(std::move(source))
{
    const Poco::Net::SocketAddress address(source_.host, static_cast<Poco::UInt16>(source_.port));
    switch (source_.transport) {
        case MailTransport::implicitTls:
            session_ = std::make_unique<Poco::Net::POP3ClientSession>(
                Poco::Net::SecureStreamSocket(address, source_.host, clientContext(source_)));
            break;
        case MailTransport::startTls:
            session_ = std::make_unique<Poco::Net::POP3ClientSession>(afterStls(source_, address));
            break;
        case MailTransport::plain:
            session_ = std::make_unique<Poco::Net::POP3ClientSession>(Poco::Net::StreamSocket(address));
            break;
    }
    session_->setTimeout(Poco::Timespan(60, 0));
    if (source_.transport != MailTransport::startTls) {
        session_->login(source_.user, source_.password);
        return;
    }
    std::string response;
    if (!session_->sendCommand("USER " + source_.user, response) ||
        !session_->sendCommand("PASS " + source_.password, response))
        throw Poco::Net::POP3Exception("Login rejected for user", response);
}

Pop3Mailbox::~Pop3Mailbox()
{
    if (!session_) return;
    try {
        session_->close();
    } catch (const Poco::Exception&) {
        // The server went away: deletions not committed by QUIT are undone by the server, as intended.
    }
}

std::vector<MailboxEntry> Pop3Mailbox::list()
{
    Poco::Net::POP3ClientSession::MessageInfoVec messages;
    session_->listMessages(messages);
    std::vector<MailboxEntry> entries;
    for (const auto& message : messages) {
        std::string response;
        if (!session_->sendCommand("UIDL " + std::to_string(message.id), response))
            throw std::runtime_error("POP3 " + source_.name + ": the server does not give UIDL: " + response);
        std::istringstream words(response);
        std::string ok, number, uidl;
        words >> ok >> number >> uidl;
        if (uidl.empty()) throw std::runtime_error("POP3 " + source_.name + ": unreadable UIDL answer: " + response);
        MailboxEntry entry;
        entry.key = uidl;
        entry.handle = std::to_string(message.id);
        entry.size = static_cast<std::size_t>(message.size);
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::string Pop3Mailbox::headers(const MailboxEntry& entry)
{
    Poco::Net::MessageHeader header;
    session_->retrieveHeader(std::stoi(entry.handle), header);   // TOP n 0
    std::ostringstream block;
    header.write(block);
    return block.str();
}

std::string Pop3Mailbox::fetch(const MailboxEntry& entry)
{
    std::ostringstream bytes;
    session_->retrieveMessage(std::stoi(entry.handle), bytes);
    return bytes.str();
}

void Pop3Mailbox::markHandled(const MailboxEntry& entry)
{
    if (source_.deleteAfter) session_->deleteMessage(std::stoi(entry.handle));
}

void Pop3Mailbox::close()
{
    if (session_) session_->close();
    session_.reset();
}

} // namespace inkorg::mail
