#include "runbookdocument.h"

#include <QCoreApplication>

// Placeholder until the PDF writer lands (issue 16, in progress).
namespace RunbookDocument {

bool paint(const Document &, QPagedPaintDevice *, QString *error)
{
    if (error)
        *error = QStringLiteral("the PDF writer is not built yet");
    return false;
}

bool writePdf(const Document &document, const QString &, Paper, QString *error)
{
    return paint(document, nullptr, error);
}

} // namespace RunbookDocument
