// inkorg: one binary, subcommands. The work lives in inkorg_core; this only dispatches.
#include "cli/Cli.hpp"

int main(int argc, char** argv)
{
    return inkorg::cli::run(argc, argv);
}
