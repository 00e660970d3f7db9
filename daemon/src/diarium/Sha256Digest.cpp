#include "diarium/Sha256Digest.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace inkorg::diarium {

void Sha256Digest::Free::operator()(evp_md_ctx_st* context) const
{
    EVP_MD_CTX_free(context);
}

Sha256Digest::Sha256Digest() : context_(EVP_MD_CTX_new())
{
    if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL could not start a SHA-256");
}

void Sha256Digest::update(const void* bytes, std::size_t count)
{
    if (EVP_DigestUpdate(context_.get(), bytes, count) != 1) throw std::runtime_error("OpenSSL SHA-256 update failed");
}

std::string Sha256Digest::hex()
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context_.get(), digest.data(), &length) != 1)
        throw std::runtime_error("OpenSSL SHA-256 final failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0f]);
    }
    return hex;
}

} // namespace inkorg::diarium
