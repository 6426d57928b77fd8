#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSaveFile>
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

// Writes `bytes` to `path` atomically (QSaveFile: an old file stays as it was when anything fails). False
// with *error (QSaveFile's words, when given) otherwise.
inline bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace ExportText
