#pragma once
/// Files for text-stage tests, made at test time: the shared OCR test pages, born-digital PDFs,
/// damaged and oversized images, and a text extractor wired to build/tools/ocr_worker.

#include "text/TextExtractor.hpp"

#include <filesystem>
#include <string>

namespace inkorg::test {

/// <testdata>/tesseract-ocr-test/testing
std::filesystem::path ocrTestPages();

/// The whole content of a file as bytes.
std::string readBytes(const std::filesystem::path& file);
void writeBytes(const std::filesystem::path& file, const std::string& bytes);

/// Options for tests: workers run build/tools/ocr_worker, `workers` of them.
text::TextOptions testTextOptions(int workers = 1);

/// A one-page A4 PDF made with libharu: each line of `lines` (Latin-1 text) at 12 pt from the top
/// left margin (72 pt), 20 pt apart. A non-empty `userPassword` encrypts it.
void writeTextPdf(const std::filesystem::path& file, const std::vector<std::string>& latin1Lines,
                  const std::string& userPassword = {});

/// A PDF of `pages` A4 pages, each showing the same `width` × `height` 8-bit grey image over the
/// whole page (stored once): white when `noise` is 0, else that share of random black pixels —
/// pages Tesseract labours over. Made with libharu.
void writeImagePdf(const std::filesystem::path& file, int pages, int width, int height, double noise = 0.0);

/// A PNG whose header claims width × height (8-bit grey) followed by a tiny, useless IDAT.
std::string pngHeaderClaiming(std::uint32_t width, std::uint32_t height);

} // namespace inkorg::test
