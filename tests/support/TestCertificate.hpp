#pragma once
/// A self-signed certificate for test servers on loopback (Dovecot, aiosmtpd): made by
/// `openssl req -x509` for 127.0.0.1 and localhost, valid one day. Its cert.pem is the CA file a
/// client must trust.

#include <filesystem>

namespace inkorg::test {

/// Writes `folder`/cert.pem and `folder`/key.pem (creating the folder); throws
/// std::runtime_error with openssl's output when it cannot.
void makeSelfSignedCertificate(const std::filesystem::path& folder);

} // namespace inkorg::test
