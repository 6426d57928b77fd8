#include "domainexportwriter.h"

#include "auditreportwriter.h"
#include "exporttext.h"
#include "planstep.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {

using ExportText::iso;
using ExportText::markdownCell;

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(DomainExportWriter)
};

QString decisionText(DomainDecision::Choice choice)
{
    switch (choice) {
    case DomainDecision::Choice::Undecided:
        return Texts::tr("not decided yet");
    case DomainDecision::Choice::KeepName:
        return Texts::tr("keep the domain name (DNS moves to the new server at cutover)");
    case DomainDecision::Choice::NewName:
        return Texts::tr("use a new domain name for the new server");
    }
    return {};
}

QString urlText(const QUrl &url)
{
    return url.isEmpty() ? Texts::tr("(not entered)") : url.toString();
}

QString urlText(const QString &url)
{
    return url.isEmpty() ? Texts::tr("(not entered)") : url;
}

} // namespace

DomainExportWriter::DomainExportWriter(const DomainConsequences &consequences, const Context &context)
    : m_consequences(consequences)
    , m_context(context)
{}

QString DomainExportWriter::environmentText(const DomainConsequences::Group &group)
{
    return group.environment.isEmpty() ? Texts::tr("(workers)") : group.environment;
}

QByteArray DomainExportWriter::render(Format format) const
{
    return format == Format::Csv ? toCsv() : toMarkdown();
}

QByteArray DomainExportWriter::toCsv() const
{
    auto f = &AuditReportWriter::csvField;
    QString out = QStringLiteral("space,environment,pollingTargets,pollingWorkers\r\n");
    for (const DomainConsequences::Group &g : m_consequences.groups) {
        out += QStringList{f(g.spaceName), f(environmentText(g)), QString::number(g.pollingTargets),
                           QString::number(g.pollingWorkers)}
                   .join(QLatin1Char(','));
        out += QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray DomainExportWriter::toMarkdown() const
{
    const DomainConsequences &c = m_consequences;
    const DomainDecision &d = m_context.decision;
    QString out = QStringLiteral("# %1\n\n").arg(planStepTitle(PlanStep::Domain));
    out += Texts::tr("Decision: %1.").arg(decisionText(d.choice)) + QStringLiteral("\n\n");
    out += QStringLiteral("- ") + Texts::tr("Public URL today: %1").arg(urlText(d.oldPublicUrl)) +
           QLatin1Char('\n');
    if (d.choice == DomainDecision::Choice::NewName)
        out += QStringLiteral("- ") + Texts::tr("New public URL: %1").arg(urlText(d.newPublicUrl)) +
               QLatin1Char('\n');
    out += QStringLiteral("- ") + Texts::tr("Old server: %1").arg(urlText(m_context.oldServer)) +
           QLatin1Char('\n');
    out += QStringLiteral("- ") + Texts::tr("New server: %1").arg(urlText(m_context.newServer)) +
           QLatin1Char('\n');

    out += QStringLiteral("\n## %1\n\n").arg(Texts::tr("What this decision means"));
    out += QStringLiteral("- ") +
           Texts::tr("Polling machines: %1 (%2 targets, %3 workers).")
               .arg(c.pollingTotal())
               .arg(c.pollingTargets)
               .arg(c.pollingWorkers) +
           QLatin1Char('\n');
    out += QStringLiteral("- ") + Texts::tr("Must act (a command on their own machine): %1.").arg(c.mustAct) +
           QLatin1Char('\n');
    if (c.nameChanges && !c.newHost.isEmpty())
        out += QStringLiteral("- ") +
               Texts::tr("Polling Tentacles dial %1 on port %2 after the move.")
                   .arg(c.newHost)
                   .arg(c.pollingPort) +
               QLatin1Char('\n');
    else
        out += QStringLiteral("- ") +
               Texts::tr("The polling port %1 must be open on the new server.").arg(c.pollingPort) +
               QLatin1Char('\n');
    if (c.scriptsMentioningOldName) {
        out += QStringLiteral("- ") +
               Texts::tr("Scripts mentioning the old name: %1 places in %2 files (audit of %3).")
                   .arg(*c.scriptsMentioningOldName)
                   .arg(c.scriptFilesMentioningOldName.value_or(0))
                   .arg(iso(c.scriptAuditAt)) +
               QLatin1Char('\n');
    } else {
        out += QStringLiteral("- ") + Texts::tr("Scripts mentioning the old name: not analysed yet.") +
               QLatin1Char('\n');
    }

    out += QLatin1Char('\n');
    if (c.groups.isEmpty()) {
        out += Texts::tr("No polling Tentacle is known.") + QLatin1Char('\n');
        return out.toUtf8();
    }
    out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
               .arg(Texts::tr("Space"), Texts::tr("Environment"), Texts::tr("Polling targets"),
                    Texts::tr("Polling workers"));
    out += QStringLiteral("|---|---|---:|---:|\n");
    for (const DomainConsequences::Group &g : c.groups)
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(markdownCell(g.spaceName), markdownCell(environmentText(g)))
                   .arg(g.pollingTargets)
                   .arg(g.pollingWorkers);
    return out.toUtf8();
}

bool DomainExportWriter::writeFile(const QString &path, Format format, QString *error) const
{
    // QSaveFile says only "No such file or directory": name the folder that is missing.
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        *error = Texts::tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    return ExportText::writeAtomically(path, render(format), error);
}
