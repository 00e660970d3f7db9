#pragma once
/// The letter template format (forms/<id>/letters/*.tmpl, UTF-8). Line based:
///
///   {{! a comment }}            a line that is only a comment is dropped
///   @sidfot text                the footer's left text (variables allowed)
///   @include name               another template: forms/<id>/letters/name.tmpl, else
///                               forms/_common/letters/name.tmpl
///   # Title                     the letter's title
///   ## Heading                  a section heading; ### a subheading
///   Label:: value               a key–value line
///   left || right               two columns (consecutive lines form one block)
///   > text                      a block in the right half (the address field)
///   | text                      a line kept as its own line (consecutive lines: one block)
///   @poster Post | Sökt | Beviljat | Summa
///                               the table of per-post lines with a total row
///   ---                         a little vertical space
///   other lines                 paragraph text; lines until a blank line form one paragraph
///
/// Inline, anywhere: {{name}} inserts a value; {{#name}}…{{/name}} keeps its content only when
/// the value is set (non-empty), {{^name}}…{{/name}} only when it is not. Sections are resolved
/// first, then the lines are parsed, then values are inserted verbatim into each block — a
/// value can never turn into template markup. An unknown {{name}} is an error, except names
/// under "field." (the record's fields; a field not read is simply empty) and "beviljat." (what a
/// decision grants, declared per form in form.json beslut.beslutstyper[].beviljat).

#include "pdf/FlowLayout.hpp"

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace inkorg::letters {

/// A form has no letter template of the kind asked for.
class MissingTemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A template that cannot be read or expanded (syntax, unknown variable, include loop).
class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using TemplateValues = std::map<std::string, std::string>;

/// A table the template asks for with @poster; the renderer supplies the rows.
struct TemplateTable {
    std::vector<std::vector<std::string>> rows;  ///< the last row is the total
};

class LetterTemplate {
public:
    /// Reads forms/<formId>/letters/<name>.tmpl, falling back to forms/_common/letters/ when
    /// `commonFallback`; resolves @include. Throws MissingTemplateError when absent.
    static LetterTemplate load(const std::filesystem::path& formsDir, const std::string& formId,
                               const std::string& name, bool commonFallback);

    /// From text (tests); includes are not resolved.
    explicit LetterTemplate(std::string text, std::string sourceName = "mall");

    struct Rendered {
        pdf::FlowLayout layout;
        std::string title;   ///< the "# " line with values inserted
        std::string footer;  ///< the @sidfot text with values inserted
    };
    /// Expands the template with `values` into layout blocks.
    Rendered render(const TemplateValues& values, const TemplateTable& poster) const;

private:
    std::string text_;
    std::string sourceName_;
};

} // namespace inkorg::letters
