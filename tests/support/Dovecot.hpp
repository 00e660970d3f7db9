#pragma once
/// A real Dovecot (Debian's) for mail tests: IMAP and POP3 on free loopback ports, one user
/// with a plain password and a Maildir, a throwaway configuration in a temporary folder. With
/// Tls::on also IMAPS and POP3S, with a self-signed certificate for 127.0.0.1/localhost made by
/// `openssl req -x509` at start (valid one day), whose file clients trust as their CA. Needs root (Dovecot's master drops to the `nobody` user for the mail); available()
/// says whether it can run here. Mail is delivered by writing into the Maildir.

#include <filesystem>
#include <string>

namespace inkorg::test {

class Dovecot {
public:
    enum class Tls { off, on };

    /// Writes the configuration and starts the server; throws std::runtime_error with Dovecot's
    /// log (or openssl's output) when it does not listen within 10 s.
    explicit Dovecot(Tls tls = Tls::off);
    ~Dovecot();
    Dovecot(const Dovecot&) = delete;
    Dovecot& operator=(const Dovecot&) = delete;

    /// Root, and /usr/sbin/dovecot installed.
    static bool available();

    int imapPort() const { return imapPort_; }
    int pop3Port() const { return pop3Port_; }
    int imapsPort() const { return imapsPort_; }   ///< 0 without Tls::on
    int pop3sPort() const { return pop3sPort_; }   ///< 0 without Tls::on
    /// The server's self-signed certificate (PEM): the CA file a client must trust.
    std::filesystem::path certificateFile() const { return root_ / "tls" / "cert.pem"; }
    std::string user() const { return "registrator"; }
    std::string password() const { return "hemligt-123"; }
    std::filesystem::path maildir() const { return root_ / "home" / "Maildir"; }

    /// Puts a message in new/ as the MTA would (owned by the mail user); returns its file.
    /// `folder` is an IMAP folder ("Inkommande", made when missing); empty: INBOX.
    std::filesystem::path deliver(const std::string& uniqueName, const std::string& raw,
                                  const std::string& folder = "") const;
    /// The files in the Maildir's new/ or cur/ (e.g. "cur") and the subfolder `.Behandlat`.
    std::size_t count(const std::string& subfolder) const;

private:
    std::filesystem::path root_;
    int imapPort_ = 0, pop3Port_ = 0, imapsPort_ = 0, pop3sPort_ = 0;
};

} // namespace inkorg::test
