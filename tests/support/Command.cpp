#include "support/Command.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <sstream>
#include <thread>

namespace inkorg::test {

CommandResult run(const std::vector<std::string>& argv)
{
    Poco::Pipe outPipe, errPipe;
    std::vector<std::string> args(argv.begin() + 1, argv.end());
    Poco::ProcessHandle handle = Poco::Process::launch(argv[0], args, nullptr, &outPipe, &errPipe);
    CommandResult result;
    std::thread errReader([&] {
        Poco::PipeInputStream stream(errPipe);
        Poco::StreamCopier::copyToString(stream, result.err);
    });
    Poco::PipeInputStream outStream(outPipe);
    Poco::StreamCopier::copyToString(outStream, result.out);
    errReader.join();
    result.exitCode = handle.wait();
    return result;
}

CommandResult inkorg(const std::vector<std::string>& arguments)
{
    std::vector<std::string> argv{INKORG_BINARY};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return run(argv);
}

} // namespace inkorg::test
