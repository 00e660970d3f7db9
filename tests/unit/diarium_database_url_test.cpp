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

    // libpq refuses both before any query: the test server has no TLS.
    for (const char* query : {"sslmode=require", "sslmode=verify-full&sslrootcert=/nonexistent/ca.pem"}) {
        try {
            Database secured(withQuery(scratch.url(), query));
            secured.migrate();
            ADD_FAILURE() << query << " connected to a server without TLS";
        } catch (const Poco::Exception& e) {
            EXPECT_NE(e.displayText().find("SSL"), std::string::npos) << query << ": " << e.displayText();
        }
    }

    EXPECT_THROW(Database(withQuery(scratch.url(), "sslmode=sometimes")), std::invalid_argument);
    EXPECT_THROW(Database(withQuery(scratch.url(), "sslmod=require")), std::invalid_argument);
}

} // namespace
} // namespace inkorg::diarium
