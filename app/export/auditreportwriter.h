#pragma once

#include "auditfinding.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

// Renders findings as JSON, CSV, Markdown or plain text, for the CLI (stdout) and the wizard (a file).
// Snippets are already masked by the rules; the writer masks them again (defence in depth) so no output can
// carry a real-looking API key.
//
// JSON (the CLI's public contract):
//   {"files":N,"bytes":N,"findings":[{"file","line","column","category","severity","snippet","hint"}]}
class AuditReportWriter
{
public:
    enum class Format
    {
        Text,
        Json,
        Csv,
        Markdown
    };

    // Optional per-finding status ("fixed", "accepted", ""); adds a "status" field/column when set.
    using StatusFunction = std::function<QString(const AuditFinding &)>;

    AuditReportWriter(qint64 files, qint64 bytes, const QList<AuditFinding> &findings);

    void setStatusFunction(StatusFunction status) { m_status = std::move(status); }

    QByteArray render(Format format) const;
    QByteArray toJson() const;
    QByteArray toCsv() const;
    QByteArray toMarkdown() const;
    QByteArray toText() const;

    // Renders `format` and writes it atomically (QSaveFile) to `path`. False with *error (the file's
    // error string, untranslated from Qt) when it cannot.
    bool writeFile(const QString &path, Format format, QString *error) const;

    static QString jsonString(const QString &text);
    static QString csvField(const QString &text); // RFC 4180 quoting, formula cells defused

private:
    qint64 m_files;
    qint64 m_bytes;
    const QList<AuditFinding> &m_findings;
    StatusFunction m_status;
};
