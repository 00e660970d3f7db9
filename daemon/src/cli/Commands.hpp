#pragma once
/// The subcommands of `inkorg`. Each takes the words after its name and returns the exit code;
/// a UsageError thrown from one is reported by the dispatcher with exit code 2.

#include <string>
#include <vector>

namespace inkorg::cli {

using Words = std::vector<std::string>;

int serve(const Words& words);
int process(const Words& words);
int text(const Words& words);
int forms(const Words& words);
int decide(const Words& words);
int quarantine(const Words& words);
int users(const Words& words);
int deadlines(const Words& words);
int worker(const Words& words);
int configuration(const Words& words);
int report(const Words& words);
int fetch(const Words& words);
int blankett(const Words& words);
int kvitto(const Words& words);
int status(const Words& words);
int verify(const Words& words);
int lexSarah(const Words& words);
int verkstall(const Words& words);
int expediera(const Words& words);
int overklagande(const Words& words);
int arenden(const Words& words);

} // namespace inkorg::cli
