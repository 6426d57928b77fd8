#include "ciintegrationsexportwriter.h"

#include "auditreportwriter.h"
#include "exporttext.h"

#include <QCoreApplication>

namespace {

using ExportText::iso;

QString cell(const QString &text)
{
    return ExportText::markdownCell(text);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("CiIntegrationsExportWriter", text);
}

} // namespace

CiIntegrationsExportWriter::CiIntegrationsExportWriter(const QList<CiIntegrations::Integration> &rows,
                                                       const QMap<QString, CiIntegrationRecord> &records)
    : m_rows(rows)
    , m_records(records)
{}

CiIntegrationRecord CiIntegrationsExportWriter::recordFor(const CiIntegrations::Integration &row) const
{
    return m_records.value(row.id);
}

QByteArray CiIntegrationsExportWriter::render(Format format) const
{
    return format == Format::Csv ? toCsv() : toMarkdown();
}

QByteArray CiIntegrationsExportWriter::toCsv() const
{
    QString out =
        QStringLiteral("id,system,location,serviceAccount,apiKeyPurpose,lastSeenOld,lastSeenNew,"
                       "evidenceStatus,decision,owner,status,repointedAt,verifiedAt,verifiedBy,notes\r\n");
    for (const CiIntegrations::Integration &row : m_rows) {
        const CiIntegrationRecord r = recordFor(row);
        const QStringList fields{row.id,
                                 row.system,
                                 row.location,
                                 row.serviceAccount,
                                 row.apiKeyPurpose,
                                 iso(row.lastSeenOld),
                                 iso(row.lastSeenNew),
                                 row.status(),
                                 CiIntegrationRecord::decisionName(r.decision),
                                 r.owner,
                                 CiIntegrationRecord::statusName(r.status),
                                 iso(r.repointedAt),
                                 iso(r.verifiedAt),
                                 r.verifiedBy,
                                 r.notes};
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(AuditReportWriter::csvField(field));
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray CiIntegrationsExportWriter::toMarkdown() const
{
    QString out = QStringLiteral("# %1\n\n").arg(tr("CI integrations and other callers of the old server"));
    int verified = 0;
    for (const CiIntegrations::Integration &row : m_rows)
        verified += recordFor(row).status == CiIntegrationRecord::Status::Verified ? 1 : 0;
    out += tr("%1 integrations, %2 verified on the new server.").arg(m_rows.size()).arg(verified) +
           QStringLiteral("\n\n");
    out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n")
               .arg(tr("System"), tr("Where"), tr("Account and key"), tr("Last seen (old)"),
                    tr("Last seen (new)"), tr("Decision"), tr("Owner"), tr("Status"), tr("Notes"));
    out += QStringLiteral("|---|---|---|---|---|---|---|---|---|\n");
    for (const CiIntegrations::Integration &row : m_rows) {
        const CiIntegrationRecord r = recordFor(row);
        QString account = row.serviceAccount;
        if (!row.apiKeyPurpose.isEmpty())
            account += QStringLiteral(" (") + tr("key '%1'").arg(row.apiKeyPurpose) + QLatin1Char(')');
        QString status = CiIntegrationRecord::statusName(r.status);
        if (r.status == CiIntegrationRecord::Status::Verified)
            status += QLatin1Char(' ') + iso(r.verifiedAt) + QStringLiteral(": ") + r.verifiedBy;
        else if (r.status == CiIntegrationRecord::Status::Repointed)
            status += QLatin1Char(' ') + iso(r.repointedAt);
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n")
                   .arg(cell(row.system), cell(row.location), cell(account), cell(iso(row.lastSeenOld)),
                        cell(iso(row.lastSeenNew)), cell(CiIntegrationRecord::decisionName(r.decision)),
                        cell(r.owner), cell(status), cell(r.notes));
    }
    out += QStringLiteral("\n## %1\n\n").arg(tr("Where each system keeps the Octopus URL and key"));
    QStringList systems;
    for (const CiIntegrations::Integration &row : m_rows) {
        if (!systems.contains(row.system))
            systems.append(row.system);
    }
    for (const QString &system : std::as_const(systems))
        out += QStringLiteral("* **%1**: %2\n").arg(system, CiIntegrations::repointRecipe(system));
    return out.toUtf8();
}

bool CiIntegrationsExportWriter::writeFile(const QString &path, Format format, QString *error) const
{
    return ExportText::writeAtomically(path, render(format), error);
}
