// Every way a file is queued for the job runners wakes them (Services::workSignal): the inbox
// folder and an upload (Processor::accept). Without it the document waits for the runners' poll.
#include "config/Settings.hpp"
#include "intake/FolderIntake.hpp"
#include "pipeline/Processor.hpp"
#include "pipeline/Services.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<pipeline::Services> servicesIn(const TempDir& dir)
{
    config::Overrides overrides;
    overrides.dataDir = dir / "data";
    return std::make_unique<pipeline::Services>(config::load(overrides));
}

fs::path writeScan(const fs::path& path)
{
    std::ofstream(path, std::ios::binary) << "%PDF-1.7 not really a scan";
    return path;
}

} // namespace

TEST(IntakeWakesRunners, AnUploadWakesThem)
{
    TempDir dir;
    auto services = servicesIn(dir);
    const auto before = services->workSignal().ticket();
    pipeline::Processor(*services).accept(writeScan(dir / "upload.pdf"), "ansökan.pdf", "uppladdning:anna",
                                         "2026-11-22T10:00:00Z");
    EXPECT_NE(services->workSignal().ticket(), before);
}

TEST(IntakeWakesRunners, AFileTakenFromTheInboxWakesThem)
{
    TempDir dir;
    auto services = servicesIn(dir);
    intake::FolderIntake intake(*services);
    const auto before = services->workSignal().ticket();
    writeScan(services->settings().inboxDir() / "skanning.pdf");   // closed after writing: taken at once
    intake.pollOnce();
    EXPECT_NE(services->workSignal().ticket(), before);
    EXPECT_FALSE(fs::exists(services->settings().inboxDir() / "skanning.pdf"));
}

} // namespace inkorg::test
