#pragma once

#include <QDateTime>
#include <QString>

// Small text helpers the table writers share.
namespace ExportText {

// UTC ISO 8601 to the second; empty for an invalid time.
inline QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

// A Markdown table cell: backslashes and pipes escaped, line breaks folded.
inline QString markdownCell(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return text;
}

} // namespace ExportText
