#pragma once

#include "drift.h"

#include <QByteArray>
#include <QString>

// The drift meter's changed objects for people and spreadsheets (issue 16): CSV (RFC 4180, formula cells
// defused) with one row per object changed since the clone on either server (side, object, id, kind,
// document type, project, changes, structural changes, last change, by whom, last category and event), and
// Markdown with the summary (state and why, clone time and its source, the changes on both servers, the
// structural changes, the budget) and a table per server, pipes escaped. Every object of the report is
// written, also past what the view lists. Times are UTC ISO 8601.
class DriftExportWriter
{
public:
    enum class Format
    {
        Csv,
        Markdown
    };

    struct Context
    {
        QString oldServer; // URLs, for the heading
        QString newServer;
    };

    DriftExportWriter(const Drift::Report &report, const Context &context);

    QByteArray render(Format format) const;
    QByteArray toCsv() const;
    QByteArray toMarkdown() const;

    // Renders `format` and writes it atomically (QSaveFile) to `path`. False with *error when it cannot.
    bool writeFile(const QString &path, Format format, QString *error) const;

private:
    Drift::Report m_report;
    Context m_context;
};
