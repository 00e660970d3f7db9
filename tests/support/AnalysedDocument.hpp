#pragma once
/// A document taken through every form stage as the daemon takes it (classify, extract, review,
/// plugin, schema; no reread: no OCR workers), with the source tree's forms, schemas and the
/// build's plugins: the record and the issues a registrator sees.

#include "forms/FormAnalysis.hpp"

#include <inkorg/document.hpp>

#include <string>

namespace inkorg::test {

/// `document` analysed with today as its received date and Vetlanda kommun's norms.
forms::Analysis analysedDocument(const Document& document);

/// The issues `analysis` has on the field `key`, as "error:required warning:field.unread ".
std::string issuesOn(const forms::Analysis& analysis, const std::string& key);

} // namespace inkorg::test
