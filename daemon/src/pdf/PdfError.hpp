#pragma once
/// A libharu failure as a C++ exception. libharu reports errors through a C callback; the
/// writer records them there and throws PdfError from its own (C++) frame, never through C code.

#include <stdexcept>
#include <string>

namespace inkorg::pdf {

class PdfError : public std::runtime_error {
public:
    /// `code` is libharu's HPDF_* error number (hpdf_error.h), `detail` its detail number,
    /// `operation` says what the writer was doing ("TTF-typsnitt laddas", "PDF sparas").
    PdfError(unsigned long code, unsigned long detail, const std::string& operation);

    unsigned long code() const noexcept { return code_; }
    unsigned long detail() const noexcept { return detail_; }

private:
    unsigned long code_;
    unsigned long detail_;
};

} // namespace inkorg::pdf
