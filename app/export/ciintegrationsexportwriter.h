#pragma once

#include "ciintegrations.h"
#include "migrationplan.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

// The CI integrations table with the lead's decisions, for people and spreadsheets: CSV (RFC 4180, formula
// cells defused) and Markdown. Columns: id, system, location, service account, API key (its purpose, never
// the key), last seen on the old and the new server, evidence status, decision, owner, status, repointed,
// verified, verified by, notes, where the URL and key live. Times are UTC ISO 8601.
class CiIntegrationsExportWriter
{
public:
    enum class Format
    {
        Csv,
        Markdown
    };

    CiIntegrationsExportWriter(const QList<CiIntegrations::Integration> &rows,
                               const QMap<QString, CiIntegrationRecord> &records);

    QByteArray render(Format format) const;
    QByteArray toCsv() const;
    QByteArray toMarkdown() const;

    // Renders `format` and writes it atomically (QSaveFile) to `path`. False with *error when it cannot.
    bool writeFile(const QString &path, Format format, QString *error) const;

private:
    CiIntegrationRecord recordFor(const CiIntegrations::Integration &row) const;

    QList<CiIntegrations::Integration> m_rows;
    QMap<QString, CiIntegrationRecord> m_records;
};
