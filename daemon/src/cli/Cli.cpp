#include "cli/Cli.hpp"

#include "cli/Arguments.hpp"
#include "cli/Commands.hpp"
#include "cli/DeadLettersCommand.hpp"

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
         [--post NAME=BEVILJAT/SÖKT[:SKÄL]]... [--lagrum 12:1|12:2] [--period YYYY-MM]
         [--roll ROLE] [--beslutsfattare NAME] [--ersatter DECISION-ID] [--datum YYYY-MM-DD]
         [--adress LINE]... [--anslag-datum YYYY-MM-DD]
         --handlaggare NAME -o FILE.pdf
                                decide and write a beslutsbrev (exit 3: beyond the role's delegation);
                                --adress: the mottagare's postal address when the record has none
                                (refused without one); --anslag-datum: the protocol's anslag (KL 13:5)
  rapport delegationsbeslut --from YYYY-MM-DD --to YYYY-MM-DD -o FILE.pdf
                                the anmälan av delegationsbeslut for the nämnd
  rapport ej-verkstallda --kvartal YYYY-Q -o FILE.pdf
                                gynnande beslut not carried out within three months (SoL 34 kap.),
                                for IVO, the revisorer and kommunfullmäktige; no names or personnummer
  expediera DECISION-ID --handlaggare NAME
                                register the beslutsbrev in its ärende and record it expedierat today
                                (sent by post: inkorg does not send letters)
  overklagande DECISION-ID --inkom YYYY-MM-DD --delfatt YYYY-MM-DD [--felaktig-hanvisning] [--handling DNR]
               --handlaggare NAME
                                an incoming överklagande, checked against FL 44 § (three weeks from delfåendet)
  overklagande DECISION-ID --utfall omprovat|overlamnat|avvisat [--datum YYYY-MM-DD] --handlaggare NAME
               [-o FILE.pdf [--omprovning ingen|delvis]]
                                how it was handled (FL 39, 46 or 45 §); overlamnat -o writes the
                                överlämnande to förvaltningsrätten with the handlingar and the day it is due
  verkstall DECISION-ID [--datum YYYY-MM-DD] [--skal TEXT] [--insats TEXT] --handlaggare NAME
                                a gynnande beslut carried out (--datum), or why not yet (--skal)
  verkstall DECISION-ID --avbruten YYYY-MM-DD [--skal TEXT] | --aterupptagen YYYY-MM-DD --handlaggare NAME
                                its verkställighet interrupted, or carried out again (SoL 34:1)
  verkstall DECISION-ID --avslutat YYYY-MM-DD --skal TEXT --handlaggare NAME
                                ended without verkställighet (declined, moved, died): waits no more,
                                reported while late up to the kvartal it ended
  lex-sarah bedomning DIARIENUMMER|ID --allvarlig ja|nej [--avser missforhallande|risk] --motivering TEXT
            [--datum YYYY-MM-DD] --handlaggare NAME
                                the bedömning; allvarligt opens the IVO-anmälan deadline (14 days)
  lex-sarah ivo-anmalan DIARIENUMMER|ID [--datum YYYY-MM-DD] [--ivo-diarienummer NR] --handlaggare NAME
                                the anmälan sent to IVO (closes the deadline)
  fetch [URL...] [--json]       fetch mail once from maildir:/path, pop3[s]://user:pass@host:port,
                                imap[s]://user:pass@host:port/INBOX (default: inkorg.mail.sources)
  dead-letters [--json]         mails the e-mail intake gave up on (left in their mailbox), with the reason
  quarantine list | release ID [--beskrivning TEXT] | discard ID --reason TEXT
  users add NAME --role ROLE [--unit UNIT] [--expires-days N] --token-file FILE
      | token NAME [--expires-days N] --token-file FILE | list
                                users; the one-time login token goes into FILE (new, mode 0600),
                                never to the terminal; `token` replaces a user's tokens
  deadlines [--until YYYY-MM-DD]
  arenden [--sok TEXT] [--arende ID]
                                the ärenden, newest first, or one ärende's handlingar
  kvitto DIARIENUMMER|ID -o FILE.pdf | --text
                                the mottagningsbekräftelse of a registered document
  blankett ID -o FILE.pdf [--layout NAME]
                                print the blank form
  config keys                   list the configuration file's keys
  status [--json] [--alive-seconds N]
                                nodes sharing the diarium, queue depth, oldest waiting document
                                (exit 1 when jobs wait and no node is alive)
  verify [--json]               check every original in the store against its SHA-256 (exit 1 if any is
                                missing or damaged)
)";

} // namespace

int run(int argc, char** argv)
{
    static const std::map<std::string, std::function<int(const Words&)>> commands = {
        {"serve", serve},       {"process", process},       {"text", text},
        {"forms", forms},       {"decide", decide},         {"quarantine", quarantine},
        {"users", users},       {"deadlines", deadlines},   {"worker", worker},
        {"config", configuration},
        {"status", status},     {"verify", verify},         {"fetch", fetch},
        {"rapport", report},    {"blankett", blankett},
        {"kvitto", kvitto},
        {"lex-sarah", lexSarah}, {"verkstall", verkstall}, {"expediera", expediera},
        {"overklagande", overklagande}, {"arenden", arenden},
        {"dead-letters", deadLetters}};
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
