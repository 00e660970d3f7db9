#include "pdf/PdfError.hpp"

#include <cstdio>

namespace inkorg::pdf {
namespace {

std::string describe(unsigned long code, unsigned long detail, const std::string& operation) {
    char hex[32];
    std::snprintf(hex, sizeof hex, "0x%04lX", code);
    return "PDF-fel (libharu " + std::string(hex) + ", detalj " + std::to_string(detail) +
           ") när " + operation;
}

} // namespace

PdfError::PdfError(unsigned long code, unsigned long detail, const std::string& operation)
    : std::runtime_error(describe(code, detail, operation)), code_(code), detail_(detail) {}

} // namespace inkorg::pdf
