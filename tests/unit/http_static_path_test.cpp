// The web folder's path check as an attacker would probe it: absolute paths, encoded slashes and
// backslashes, ".." in any encoding, hidden files, symlinks out of the folder.
#include "http/StaticPath.hpp"

#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace inkorg::test {
namespace {

class StaticPath : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::filesystem::create_directories(web());
        std::filesystem::create_directories(web() / "img");
        for (const char* name : {"index.html", "granska.html", "app.js", "img/logo.png", ".hidden"})
            std::ofstream(web() / name) << name;
        std::ofstream(dir_ / "secret.db") << "diarium";
        std::filesystem::create_symlink(dir_ / "secret.db", web() / "link.db");
        std::filesystem::create_directory_symlink(dir_.path(), web() / "up");
    }
    std::filesystem::path web() const { return dir_ / "web"; }
    std::optional<std::string> served(const std::string& rawPath) const
    {
        const auto file = http::staticFileBelow(web(), rawPath);
        if (!file) return std::nullopt;
        return std::filesystem::relative(*file, std::filesystem::canonical(web())).string();
    }
    TempDir dir_;
};

TEST_F(StaticPath, ServesTheFilesOfTheWebFolder)
{
    EXPECT_EQ(served("/"), "index.html");
    EXPECT_EQ(served("/app.js"), "app.js");
    EXPECT_EQ(served("/granska"), "granska.html");
    EXPECT_EQ(served("/granska.html"), "granska.html");
    EXPECT_EQ(served("/img/logo.png"), "img/logo.png");
    EXPECT_EQ(served("/img/"), std::nullopt) << "no index.html in img/";
    EXPECT_EQ(served("/%61pp.js"), "app.js") << "percent-encoded letters are decoded once";
}

TEST_F(StaticPath, RefusesEveryWayOut)
{
    for (const std::string probe :
         {"//etc/hostname", "/%2Fetc/hostname", "/%2fetc/hostname", "//proc/self/cwd/var/inkorg.db",
          "/%2Fproc/self/environ", "/../secret.db", "/img/../../secret.db", "/%2e%2e/secret.db", "/%2E%2E/secret.db",
          "/.%2e/secret.db", "/img/..%2Fsecret.db", "/img%2F..%2F..%2Fsecret.db", "/..\\secret.db", "/%5c..%5csecret.db",
          "/img%5C..%5C..%5Csecret.db", "/%252e%252e/secret.db", "/./app.js", "/img//logo.png", "/.hidden",
          "/link.db", "/up/secret.db", "/app.js%00.png", "/app.js\n", "/%", "/%zz", "app.js", "", "/secret.db",
          "/C:/Windows/win.ini", "/app.js/"}) {
        EXPECT_EQ(served(probe), std::nullopt) << probe;
    }
}

} // namespace
} // namespace inkorg::test
