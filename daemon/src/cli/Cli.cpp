#include "cli/Cli.hpp"

#include "cli/Arguments.hpp"
#include "cli/Commands.hpp"

#include <functional>
#include <iostream>
#include <map>

namespace inkorg::cli {

namespace {

const char* kUsage = R"(usage: inkorg <command> [options]   (every command takes --data-dir DIR, --config FILE, --db URL)

  serve                         run the daemon: inbox folder, OCR workers, diarium, HTTP on 127.0.0.1:8080
  process FILE... [--json] [--dry-run]
                                run the pipeline once per file; one JSON object per file
  text FILE... [--json]         print the text of each document as inkorg reads it
  forms                         list the loaded form plugins
  decide DIARIENUMMER|ID --beslut bifall|avslag|delvis --motivering TEXT [--belopp KR]
         [--period YYYY-MM] --handlaggare NAME -o FILE.pdf
                                write a beslutsbrev
  quarantine list | release ID [--beskrivning TEXT] | discard ID --reason TEXT
  users add NAME --role ROLE [--unit UNIT] | list
  deadlines [--until YYYY-MM-DD]
  config keys                   list the configuration file's keys
)";

} // namespace

int run(int argc, char** argv)
{
    static const std::map<std::string, std::function<int(const Words&)>> commands = {
        {"serve", serve},       {"process", process},       {"text", text},
        {"forms", forms},       {"decide", decide},         {"quarantine", quarantine},
        {"users", users},       {"deadlines", deadlines},   {"worker", worker},
        {"config", configuration}};
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    auto command = commands.find(argv[1]);
    if (command == commands.end()) {
        std::cerr << "inkorg: unknown command '" << argv[1] << "'\n" << kUsage;
        return 2;
    }
    try {
        return command->second(Words(argv + 2, argv + argc));
    } catch (const UsageError& e) {
        std::cerr << "inkorg " << argv[1] << ": " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "inkorg " << argv[1] << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace inkorg::cli
