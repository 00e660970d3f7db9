#pragma once
/// SHA-256 of a stream of bytes, computed by OpenSSL (several times faster than Poco's own on CPUs
/// with SHA instructions; every original is hashed when it is stored).
///
/// It calls OpenSSL's EVP interface directly, which since OpenSSL 1.1 needs no initialisation and
/// is safe from many threads at once. Poco::Crypto's DigestEngine is not: each one holds a
/// reference on a process-wide OpenSSL initializer, and threads hashing at once took that count
/// from 1 to 0 and back — one thread tearing OpenSSL's state down while another set it up, a rare
/// SIGSEGV at a digest's end (seen under `inkorg process` with its workers).

#include <cstddef>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace inkorg::diarium {

class Sha256Digest {
public:
    /// Throws std::runtime_error when OpenSSL cannot start a SHA-256 (out of memory).
    Sha256Digest();

    void update(const void* bytes, std::size_t count);

    /// The digest of everything updated so far, as 64 lowercase hex digits. Call once.
    std::string hex();

private:
    struct Free { void operator()(evp_md_ctx_st* context) const; };
    std::unique_ptr<evp_md_ctx_st, Free> context_;
};

} // namespace inkorg::diarium
