#include "support/TestCertificate.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <stdexcept>
#include <string>

namespace inkorg::test {

namespace fs = std::filesystem;

void makeSelfSignedCertificate(const fs::path& folder)
{
    fs::create_directories(folder);
    Poco::Pipe output;
    Poco::ProcessHandle openssl = Poco::Process::launch(
        "/usr/bin/openssl",
        {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1", "-addext",
         "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", (folder / "key.pem").string(), "-out",
         (folder / "cert.pem").string()},
        nullptr, &output, &output);
    Poco::PipeInputStream stream(output);
    const std::string said{std::istreambuf_iterator<char>(stream), {}};
    if (openssl.wait() != 0 || !fs::exists(folder / "cert.pem"))
        throw std::runtime_error("openssl could not make a test certificate: " + said);
}

} // namespace inkorg::test
