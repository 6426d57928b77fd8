#include "runbookdocument.h"

// Placeholder until the HTML writer lands (issue 16, in progress): the Markdown text in a <pre>.
namespace RunbookDocument {

QByteArray toHtml(const Document &document)
{
    return "<!DOCTYPE html><html><body><pre>" + QString::fromUtf8(toMarkdown(document)).toHtmlEscaped().toUtf8() + "</pre></body></html>";
}

} // namespace RunbookDocument
