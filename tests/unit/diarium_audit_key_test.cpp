// What the audit keeps of a search: the personnummer masked (whole or in part) and keyed with a
// key from a private file, the same key for every way of writing the same number.
#include "support/TempDir.hpp"

#include "diarium/AuditKey.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace inkorg::diarium {
namespace {

TEST(AuditKey, MasksEveryPersonnummerWholeOrInPart)
{
    EXPECT_EQ(maskedSearch("19800101-2384"), "19800101-****");
    EXPECT_EQ(maskedSearch("198001012384"), "19800101-****");
    EXPECT_EQ(maskedSearch("800101-2384"), "800101-****");
    EXPECT_EQ(maskedSearch("Anna 8001012384"), "Anna 800101-****");
    EXPECT_EQ(maskedSearch("800101-23"), "800101-**");
    EXPECT_EQ(maskedSearch("19800101+2"), "19800101+*");
    EXPECT_EQ(maskedSearch("800101238"), "800101***");
    EXPECT_EQ(maskedSearch("SN 2026/17-2"), "SN 2026/17-2") << "a diarienummer is no personnummer";
    EXPECT_EQ(maskedSearch("Andersson"), "Andersson");
    EXPECT_EQ(maskedSearch("19800101"), "19800101") << "a birth date alone stays";
}

TEST(AuditKey, KeysTheSamePersonTheSameWayAndIsKeptInAPrivateFile)
{
    test::TempDir dir;
    const auto path = dir.path() / "audit-key";
    const AuditKey key(path);
    struct stat status {};
    ASSERT_EQ(::stat(path.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u);

    const std::string neighbour = key.keyOf("19800101-2384");
    EXPECT_EQ(neighbour.size(), 64u);
    EXPECT_EQ(key.keyOf("198001012384"), neighbour);
    EXPECT_EQ(key.keyOf("800101-2384"), neighbour);
    EXPECT_EQ(key.keyOf("Granne 8001012384"), neighbour);
    EXPECT_NE(key.keyOf("19121212-1212"), neighbour);
    EXPECT_EQ(key.keyOf("Andersson"), "");
    EXPECT_EQ(key.keyOf("800101-23"), "") << "a part of a number names nobody";
    EXPECT_EQ(key.keyOf("19800101-23845"), "");

    EXPECT_EQ(AuditKey(path).keyOf("19800101-2384"), neighbour) << "the key is read back, not made anew";
    test::TempDir other;
    EXPECT_NE(AuditKey(other.path() / "audit-key").keyOf("19800101-2384"), neighbour) << "the hash is keyed";
}

} // namespace
} // namespace inkorg::diarium
