#include "testplanexportwriter.h"

#include "auditreportwriter.h"
#include "exporttext.h"

#include <QCoreApplication>

namespace {

using ExportText::iso;
using ExportText::markdownCell;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TestPlanExportWriter", text, nullptr, n);
}

QString statusText(TestPlanRow::Status status)
{
    switch (status) {
    case TestPlanRow::Status::Untested:
        return tr("untested");
    case TestPlanRow::Status::Passed:
        return tr("passed");
    case TestPlanRow::Status::Failed:
        return tr("failed");
    case TestPlanRow::Status::Skipped:
        return tr("skipped");
    }
    return {};
}

QString countText(qint64 count)
{
    return count < 0 ? tr("n/a") : QString::number(count);
}

} // namespace

TestPlanExportWriter::TestPlanExportWriter(const TestPlanSection &section, const Context &context)
    : m_section(section)
    , m_context(context)
{}

QByteArray TestPlanExportWriter::render(Format format) const
{
    return format == Format::Csv ? toCsv() : toMarkdown();
}

QByteArray TestPlanExportWriter::toCsv() const
{
    auto f = &AuditReportWriter::csvField;
    QString out =
        QStringLiteral("id,kind,title,why,evidence,evidenceUrl,owner,status,notes,changedAt,stale\r\n");
    for (const TestPlanRow &row : m_section.rows) {
        out += QStringList{f(row.id),
                           f(row.kind),
                           f(row.title),
                           f(row.why),
                           f(row.evidence.join(QStringLiteral("; "))),
                           f(row.evidenceUrl.toString()),
                           f(row.owner),
                           f(TestPlanRow::statusName(row.status)),
                           f(row.notes),
                           f(iso(row.changedAt)),
                           row.stale ? QStringLiteral("true") : QStringLiteral("false")}
                   .join(QLatin1Char(','));
        out += QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray TestPlanExportWriter::toMarkdown() const
{
    QString out = QStringLiteral("# %1\n\n").arg(tr("Test plan"));
    if (!m_context.newServer.isEmpty())
        out += tr("Old server %1 (%2), new server %3 (%4).")
                   .arg(m_context.oldServer,
                        m_context.oldVersion.isEmpty() ? tr("version unknown") : m_context.oldVersion,
                        m_context.newServer,
                        m_context.newVersion.isEmpty() ? tr("version unknown") : m_context.newVersion) +
               QStringLiteral("\n\n");
    int passed = 0;
    int failed = 0;
    for (const TestPlanRow &row : m_section.rows) {
        passed += row.status == TestPlanRow::Status::Passed ? 1 : 0;
        failed += row.status == TestPlanRow::Status::Failed ? 1 : 0;
    }
    out += tr("%n test(s)", int(m_section.rows.size())) + QStringLiteral(": ") + tr("%n passed", passed) +
           QStringLiteral(", ") + tr("%n failed", failed) + QStringLiteral(".");
    if (m_section.generatedAt.isValid())
        out += QLatin1Char(' ') +
               tr("Generated from the old server's usage at %1 (window %n day(s)).", m_section.windowDays)
                   .arg(iso(m_section.generatedAt));
    out += QStringLiteral("\n\n");
    for (const TestPlanRow &row : m_section.rows) {
        // GitHub and GitLab render "[ ]" and "[x]" only: a skipped test is struck through.
        const bool done = row.status == TestPlanRow::Status::Passed;
        const bool skipped = row.status == TestPlanRow::Status::Skipped;
        out += QStringLiteral("- %1 %2").arg(done ? QStringLiteral("[x]") : QStringLiteral("[ ]"),
                                             skipped ? QStringLiteral("~~%1~~").arg(row.title.simplified())
                                                     : row.title.simplified());
        if (skipped)
            out += QStringLiteral(" (") + tr("skipped") + QLatin1Char(')');
        if (row.status == TestPlanRow::Status::Failed)
            out += QStringLiteral(" **") + tr("failed") + QStringLiteral("**");
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("\n| # | %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
               .arg(tr("Test"), tr("Why"), tr("Evidence"), tr("Owner"), tr("Status"), tr("Notes"),
                    tr("Changed"));
    out += QStringLiteral("|---|---|---|---|---|---|---|---|\n");
    int n = 0;
    for (const TestPlanRow &row : m_section.rows) {
        QString evidence = row.evidence.join(QStringLiteral("; "));
        if (!row.evidenceUrl.isEmpty())
            evidence += (evidence.isEmpty() ? QString() : QStringLiteral(" ")) +
                        QStringLiteral("[%1](%2)").arg(tr("open"), row.evidenceUrl.toString());
        QString status = statusText(row.status);
        if (row.stale)
            status += QStringLiteral(" (") + tr("no longer generated") + QLatin1Char(')');
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                   .arg(++n)
                   .arg(markdownCell(row.title), markdownCell(row.why), markdownCell(evidence),
                        markdownCell(row.owner), markdownCell(status), markdownCell(row.notes),
                        markdownCell(iso(row.changedAt)));
    }
    if (!m_context.comparisons.isEmpty()) {
        out += QStringLiteral("\n## %1\n\n").arg(tr("Counts on both servers"));
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(tr("Resource"), tr("Old server"), tr("New server"), tr("Difference"));
        out += QStringLiteral("|---|---:|---:|---|\n");
        for (const TestPlan::CountComparison &c : m_context.comparisons) {
            QString difference =
                c.differs ? (QStringLiteral("**") + tr("differs") + QStringLiteral("**")) : tr("same");
            if (!c.explanation.isEmpty())
                difference += QStringLiteral(": ") + c.explanation;
            out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                       .arg(markdownCell(c.label), countText(c.oldCount), countText(c.newCount),
                            markdownCell(difference));
        }
    }
    out += QStringLiteral("\n## %1\n\n").arg(tr("Training"));
    if (m_context.versionGap.isEmpty()) {
        out += tr("No release between the two versions changed behaviour people rely on.") +
               QStringLiteral("\n");
    } else {
        out += tr("Releases between the old and the new version that changed behaviour:") +
               QStringLiteral("\n\n");
        for (const TestPlan::VersionChange &c : m_context.versionGap)
            out += QStringLiteral("- **%1**: %2\n").arg(c.version, c.change);
    }
    if (!m_section.training.isEmpty()) {
        out += QStringLiteral("\n");
        for (const TestPlanTrainingItem &t : m_section.training)
            out +=
                QStringLiteral("- %1 %2%3\n")
                    .arg(t.done ? QStringLiteral("[x]") : QStringLiteral("[ ]"), t.text.simplified(),
                         t.owner.isEmpty() ? QString() : QStringLiteral(" (") + t.owner + QLatin1Char(')'));
    }
    return out.toUtf8();
}

bool TestPlanExportWriter::writeFile(const QString &path, Format format, QString *error) const
{
    return ExportText::writeAtomically(path, render(format), error);
}
