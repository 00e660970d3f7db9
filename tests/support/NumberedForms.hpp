#pragma once
/// Many distinct, valid form documents for multi-node tests and benchmarks, made with formgen:
/// lex_sarah (diarium, SN) for even, ekonomiskt_bistand (personakt, PA) for odd indexes, each with
/// its own name so every file has its own SHA-256.

#include <filesystem>
#include <vector>

namespace inkorg::test {

/// The `index`th form in `folder`: born-digital (a PDF with text), or `scanned` (a 300-dpi PNG of
/// the printed form, slightly skewed and noisy, that must go through OCR). Throws
/// std::runtime_error when formgen fails.
std::filesystem::path makeForm(const std::filesystem::path& folder, int index, bool scanned);

inline std::filesystem::path makeFormPdf(const std::filesystem::path& folder, int index)
{
    return makeForm(folder, index, false);
}

inline std::filesystem::path makeFormScan(const std::filesystem::path& folder, int index)
{
    return makeForm(folder, index, true);
}

/// Forms 0 … count-1, born-digital or scanned.
std::vector<std::filesystem::path> makeForms(const std::filesystem::path& folder, int count, bool scanned);

inline std::vector<std::filesystem::path> makeFormPdfs(const std::filesystem::path& folder, int count)
{
    return makeForms(folder, count, false);
}

} // namespace inkorg::test
