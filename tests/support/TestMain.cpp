// The main() of every test executable: GoogleTest, plus the database per test that
// support/BackendUnderTest gives the binary under test when INKORG_TEST_BACKEND=postgresql.
#include "support/BackendUnderTest.hpp"

#include <gtest/gtest.h>

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    try {
        const auto backend = inkorg::test::backendUnderTest();
        if (backend == inkorg::test::Backend::postgresql)
            ::testing::UnitTest::GetInstance()->listeners().Append(new inkorg::test::DatabasePerTest(backend));
    } catch (const std::exception& e) {
        std::cerr << "test set-up: " << e.what() << "\n";
        return 2;
    }
    return RUN_ALL_TESTS();
}
