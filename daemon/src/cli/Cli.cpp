#include "cli/Cli.hpp"

#include <iostream>

namespace inkorg::cli {

int run(int argc, char** argv)
{
    (void)argc; (void)argv;
    std::cerr << "inkorg: under construction\n";
    return 2;
}

} // namespace inkorg::cli
