#include "driftexportwriter.h"

#include "auditreportwriter.h"
#include "exporttext.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

using ExportText::iso;
using ExportText::markdownCell;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("DriftExportWriter", text, nullptr, n);
}

QString stateText(Drift::State state)
{
    switch (state) {
    case Drift::State::Green:
        return tr("green");
    case Drift::State::Amber:
        return tr("amber");
    case Drift::State::Red:
        return tr("red");
    }
    return {};
}

// The object as the view names it: the name an event's message gives it, else its id.
QString objectText(const Drift::ChangedObject &object)
{
    return object.name.isEmpty() ? object.id : object.name;
}

QString projectText(const Drift::ChangedObject &object)
{
    return object.projectName.isEmpty() ? object.projectId : object.projectName;
}

} // namespace

DriftExportWriter::DriftExportWriter(const Drift::Report &report, const Context &context)
    : m_report(report)
    , m_context(context)
{}

QByteArray DriftExportWriter::render(Format format) const
{
    return format == Format::Csv ? toCsv() : toMarkdown();
}

QByteArray DriftExportWriter::toCsv() const
{
    auto f = &AuditReportWriter::csvField;
    QString out = QStringLiteral("side,object,id,kind,documentType,project,projectId,spaceId,changes,"
                                 "structuralChanges,lastChanged,lastBy,lastCategory,lastMessage\r\n");
    auto addSide = [&](const Drift::SideSummary &side, const QString &sideName) {
        for (const Drift::ChangedObject &object : side.objects) {
            out += QStringList{sideName,
                               f(objectText(object)),
                               f(object.id),
                               Drift::kindName(object.kind),
                               f(object.documentType),
                               f(projectText(object)),
                               f(object.projectId),
                               f(object.spaceId),
                               QString::number(object.changes),
                               QString::number(object.structuralChanges),
                               f(iso(object.lastChanged)),
                               f(object.lastBy),
                               f(object.lastCategory),
                               f(object.lastMessage)}
                       .join(QLatin1Char(','));
            out += QStringLiteral("\r\n");
        }
    };
    addSide(m_report.oldServer, QStringLiteral("oldServer"));
    addSide(m_report.clone, QStringLiteral("clone"));
    return out.toUtf8();
}

QByteArray DriftExportWriter::toMarkdown() const
{
    const Drift::Report &r = m_report;
    QString out = QStringLiteral("# %1\n\n").arg(tr("Drift since the clone"));
    if (!m_context.oldServer.isEmpty() || !m_context.newServer.isEmpty())
        out += tr("Old server %1, clone %2.").arg(m_context.oldServer, m_context.newServer) +
               QStringLiteral("\n\n");
    auto field = [&out](const QString &name, const QString &value) {
        out += QStringLiteral("- **%1:** %2\n").arg(name, value.simplified());
    };
    field(tr("State"), QStringLiteral("**%1**. %2").arg(stateText(r.state), Drift::stateText(r)));
    field(tr("Clone time"),
          (r.cloneTimeGiven
               ? tr("%1, as given (%2 days ago)")
               : tr("%1, detected: the newest event both servers hold identically (%2 days ago)"))
              .arg(iso(r.cloneTime), QString::number(r.ageDays, 'f', 1)));
    field(tr("Changes on the old server since the clone"),
          tr("%n (the clone lacks them)", r.oldServer.changes));
    field(tr("Changes on the clone"), tr("%n (a fresh clone would lose them)", r.clone.changes));
    field(tr("Structural changes"),
          tr("%n process or variable edit(s) on the old server", r.oldServer.structuralChanges) +
              (r.clone.structuralChanges > 0
                   ? QStringLiteral(", ") + tr("%n on the clone", r.clone.structuralChanges)
                   : QString()));
    field(tr("Budget"), tr("amber after %1 days, red after %2 days or more than %3 process and variable "
                           "edits on the old server")
                            .arg(r.budget.amberAfterDays)
                            .arg(r.budget.redAfterDays)
                            .arg(r.budget.structuralThreshold));
    if (r.at.isValid())
        field(tr("Read at"), iso(r.at));
    const QString advice = Drift::adviceText(r);
    if (!advice.isEmpty())
        out += QStringLiteral("\n> %1\n").arg(advice.simplified());

    auto addSide = [&out](const Drift::SideSummary &side, const QString &title) {
        out += QStringLiteral("\n## %1\n\n").arg(title);
        if (side.objects.isEmpty()) {
            out += tr("No object changed.") + QStringLiteral("\n");
            return;
        }
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n")
                   .arg(tr("Object"), tr("Id"), tr("Type"), tr("Project"), tr("Changes"), tr("Structural"),
                        tr("Last change (UTC)"), tr("By"), tr("Last event"));
        out += QStringLiteral("|---|---|---|---|---:|---:|---|---|---|\n");
        for (const Drift::ChangedObject &object : side.objects)
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n")
                       .arg(markdownCell(objectText(object)), markdownCell(object.id),
                            markdownCell(object.documentType), markdownCell(projectText(object)),
                            QString::number(object.changes), QString::number(object.structuralChanges),
                            markdownCell(iso(object.lastChanged)), markdownCell(object.lastBy),
                            markdownCell(object.lastMessage));
    };
    addSide(r.oldServer, tr("Changed on the old server (%n object(s))", int(r.oldServer.objects.size())));
    addSide(r.clone, tr("Changed on the clone (%n object(s))", int(r.clone.objects.size())));
    return out.toUtf8();
}

bool DriftExportWriter::writeFile(const QString &path, Format format, QString *error) const
{
    return ExportText::writeAtomically(path, render(format), error);
}
