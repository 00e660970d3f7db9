#pragma once
/// A real SMTP receiver on loopback for mail tests: Debian's python3-aiosmtpd
/// (`/usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c aiosmtpd.handlers.Mailbox DIR`), which
/// stores every message it accepts in a Maildir, with the envelope added as X-MailFrom and
/// X-RcptTo headers. Started on a free port in a temporary folder; stopped (and the folder
/// removed) when the object goes. With Tls::starttls it offers STARTTLS and requires it before
/// any mail (aiosmtpd's --tlscert/--tlskey), with a self-signed certificate for 127.0.0.1 made at
/// start (support/TestCertificate).

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace Poco { class ProcessHandle; }

namespace inkorg::test {

class SmtpReceiver {
public:
    enum class Tls { off, starttls };

    /// Starts the receiver and waits until it accepts connections; throws std::runtime_error
    /// with its output when it does not within 15 s.
    explicit SmtpReceiver(Tls tls = Tls::off);
    ~SmtpReceiver();
    SmtpReceiver(const SmtpReceiver&) = delete;
    SmtpReceiver& operator=(const SmtpReceiver&) = delete;

    /// /usr/bin/python3 can import aiosmtpd.
    static bool available();

    int port() const { return port_; }
    /// The server's self-signed certificate (PEM), the CA file a client must trust (Tls::starttls).
    std::filesystem::path certificateFile() const { return root_ / "tls" / "cert.pem"; }
    /// Every message received so far (raw RFC 5322 bytes), oldest first.
    std::vector<std::string> messages() const;
    /// Waits until at least `count` messages are in, or `timeout`; returns how many there are.
    std::size_t waitFor(std::size_t count, std::chrono::milliseconds timeout) const;

private:
    std::filesystem::path root_;
    int port_ = 0;
    std::unique_ptr<Poco::ProcessHandle> process_;
};

} // namespace inkorg::test
