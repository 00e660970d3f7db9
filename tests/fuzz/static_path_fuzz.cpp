// Untrusted input: the path of an HTTP request line below the web folder's URL, which
// http::staticFileBelow decodes once and maps to a file of the web folder — or refuses.
// A scratch web folder holds index.html, app.js, sidor/granska.html, a symlink to a file outside
// the folder and a file beside the folder that must never be served.
// Contract checked: nothing, or the canonical path of a regular file below the folder that is
// not the secret; nothing throws.

#include "http/StaticPath.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct ScratchWebFolder {
    fs::path base;
    fs::path root;
    fs::path secret;

    ScratchWebFolder()
    {
        std::string pattern = (fs::temp_directory_path() / "inkorg-fuzz-static.XXXXXX").string();
        if (!mkdtemp(pattern.data())) std::abort();
        base = fs::canonical(pattern);
        root = base / "web";
        secret = base / "hemlig.txt";
        fs::create_directories(root / "sidor");
        for (const fs::path& file : {root / "index.html", root / "app.js", root / "sidor" / "granska.html", secret})
            std::ofstream(file) << "x";
        fs::create_symlink(secret, root / "ut.html");
        fs::create_directory_symlink(base, root / "upp");
    }
    ~ScratchWebFolder() { fs::remove_all(base); }
};

const ScratchWebFolder& folder()
{
    static const ScratchWebFolder folder;
    return folder;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto& web = folder();
    const auto file = inkorg::http::staticFileBelow(web.root, std::string(reinterpret_cast<const char*>(data), size));
    if (!file) return 0;
    const auto [rootEnd, rest] = std::mismatch(web.root.begin(), web.root.end(), file->begin(), file->end());
    if (rootEnd != web.root.end() || rest == file->end() || *file == web.secret || !fs::is_regular_file(*file) ||
        fs::canonical(*file) != *file)
        std::abort();
    return 0;
}
