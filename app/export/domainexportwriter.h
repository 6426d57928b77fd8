#pragma once

#include "domainconsequences.h"
#include "migrationplan.h"

#include <QByteArray>
#include <QString>

// The Domain name step's consequences table for people and spreadsheets (issue 16): CSV (RFC 4180, formula
// cells defused) with one row per group (space, environment or "(workers)", polling targets, polling
// workers), and Markdown with the decision, the public and server URLs, the summary counts (must act,
// polling total, scripts naming the old server when the audit has run) and the table.
class DomainExportWriter
{
public:
    enum class Format
    {
        Csv,
        Markdown
    };

    struct Context
    {
        DomainDecision decision; // the choice and both public URLs
        QString oldServer;       // the URLs the wizard reaches the servers at
        QString newServer;
    };

    DomainExportWriter(const DomainConsequences &consequences, const Context &context);

    QByteArray render(Format format) const;
    QByteArray toCsv() const;
    QByteArray toMarkdown() const;

    // Renders `format` and writes it atomically (QSaveFile) to `path`. False with *error when it cannot.
    bool writeFile(const QString &path, Format format, QString *error) const;

    // The environment cell of a group: its name, or "(workers)" for workers (translated).
    static QString environmentText(const DomainConsequences::Group &group);

private:
    DomainConsequences m_consequences;
    Context m_context;
};
