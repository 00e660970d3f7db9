// The PostgreSQL URL's TLS parameters reach libpq: ?sslmode=require against the test server
// (which has no TLS) is refused by libpq itself, ?sslmode=disable connects; an unknown parameter
// or sslmode value is refused at once instead of being dropped silently.
#include "diarium/Database.hpp"
#include "support/PostgresServer.hpp"

#include <Poco/Exception.h>

#include <gtest/gtest.h>

namespace inkorg::diarium {
namespace {

std::string withQuery(const std::string& url, const std::string& query)
{
    return url + (url.find('?') == std::string::npos ? "?" : "&") + query;
}

TEST(DatabaseUrl, SslModeAndTheOtherTlsParametersReachLibpq)
{
    test::TestDatabase scratch{test::Backend::postgresql};

    Database plain(withQuery(scratch.url(), "sslmode=disable&application_name=inkorg-test"));
    EXPECT_NO_THROW(plain.migrate());

    try {
        Database required(withQuery(scratch.url(), "sslmode=require"));
        required.migrate();
        FAIL() << "sslmode=require connected to a server without TLS";
    } catch (const Poco::Exception& e) {
        EXPECT_NE(e.displayText().find("SSL"), std::string::npos) << e.displayText();
    }
    try {
        Database verified(withQuery(scratch.url(), "sslmode=verify-full&sslrootcert=/nonexistent/ca.pem"));
        verified.migrate();
        FAIL() << "sslmode=verify-full connected without its root certificate";
    } catch (const Poco::Exception& e) {
        EXPECT_NE(e.displayText().find("SSL"), std::string::npos) << e.displayText();
    }

    EXPECT_THROW(Database(withQuery(scratch.url(), "sslmode=sometimes")), std::invalid_argument);
    EXPECT_THROW(Database(withQuery(scratch.url(), "sslmod=require")), std::invalid_argument);
}

} // namespace
} // namespace inkorg::diarium
