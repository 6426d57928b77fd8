// DriftExportWriter: the CSV has the header and one row per changed object of both servers (RFC 4180
// quoting of commas, quotes and line breaks, a formula cell defused, times in UTC), the Markdown the summary
// and a table per server with pipes escaped, and writeFile keeps the old file when the folder cannot be
// written (as root, with the effective user dropped to nobody) and names a path whose folder is missing.
#include "asnobody.h"
#include "driftexportwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

Drift::ChangedObject object(const QString &id, Drift::ObjectKind kind, const QString &name, int changes,
                            const QDateTime &lastChanged, const QString &message)
{
    Drift::ChangedObject o;
    o.id = id;
    o.kind = kind;
    o.documentType = Drift::documentType(id);
    o.name = name;
    o.spaceId = QStringLiteral("Spaces-1");
    o.projectId = Drift::projectOf(id);
    o.projectName = o.projectId.isEmpty() ? QString() : QStringLiteral("Payroll");
    o.changes = changes;
    o.structuralChanges = kind == Drift::ObjectKind::DeploymentProcess ? changes : 0;
    o.lastChanged = lastChanged;
    o.lastCategory = QStringLiteral("Modified");
    o.lastMessage = message;
    o.lastBy = QStringLiteral("alice");
    return o;
}

Drift::Report report()
{
    Drift::Report r;
    r.cloneTime = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
    r.cloneTimeGiven = false;
    r.at = QDateTime(QDate(2024, 5, 9), QTime(12, 0), Qt::UTC);
    r.budget = {3, 7, 20};
    r.ageDays = 8.2;
    r.state = Drift::State::Red;
    r.reason = Drift::StateReason::AgeRed;
    // 14:30 at +02:00 is 12:30 UTC.
    const QDateTime local(QDate(2024, 5, 8), QTime(14, 30), Qt::OffsetFromUTC, 2 * 3600);
    r.oldServer.objects = {
        object(QStringLiteral("deploymentprocess-Projects-3"), Drift::ObjectKind::DeploymentProcess,
               QStringLiteral("Deploy, then \"smoke\" test"), 3, local,
               QStringLiteral("Step \"Run | check\" changed\nin Payroll")),
        object(QStringLiteral("Releases-12"), Drift::ObjectKind::Release,
               QStringLiteral("=cmd|' /C calc'!A0"), 1, local.addSecs(-3600),
               QStringLiteral("Release created")),
    };
    r.oldServer.changes = 4;
    r.oldServer.structuralChanges = 3;
    r.clone.objects = {object(QStringLiteral("Machines-40"), Drift::ObjectKind::Target, QString(), 2,
                              QDateTime(QDate(2024, 5, 7), QTime(9, 15), Qt::UTC),
                              QStringLiteral("Machine web-09 added"))};
    r.clone.changes = 2;
    return r;
}

DriftExportWriter writer()
{
    return DriftExportWriter(report(), {QStringLiteral("https://octopus.example.com"),
                                        QStringLiteral("https://octopus-new.example.com")});
}

} // namespace

class TestDriftExportWriter : public QObject
{
    Q_OBJECT

private slots:
    void csvHasTheHeaderAndARowPerObject()
    {
        const QString csv = QString::fromUtf8(writer().toCsv());
        QVERIFY(csv.startsWith(QStringLiteral("side,object,id,kind,documentType,project,projectId,spaceId,"
                                              "changes,structuralChanges,lastChanged,lastBy,lastCategory,"
                                              "lastMessage\r\n")));
        QVERIFY(csv.endsWith(QStringLiteral("\r\n")));
        // One record per object, in the report's order (a quoted line break inside a cell is not a record).
        QCOMPARE(csv.count(QStringLiteral("\r\noldServer,")), 2);
        QCOMPARE(csv.count(QStringLiteral("\r\nclone,")), 1);
        QVERIFY(csv.indexOf(QStringLiteral("deploymentprocess-Projects-3")) <
                csv.indexOf(QStringLiteral("Releases-12")));
        // An object no message names is listed by its id, as in the view.
        QVERIFY(
            csv.contains(QStringLiteral("\r\nclone,Machines-40,Machines-40,target,Machines,,,Spaces-1,2,0,"
                                        "2024-05-07T09:15:00Z,alice,Modified,Machine web-09 added\r\n")));
    }

    void csvQuotesCommasQuotesAndLineBreaks()
    {
        const QString csv = QString::fromUtf8(writer().toCsv());
        QVERIFY2(csv.contains(QStringLiteral("\r\noldServer,\"Deploy, then \"\"smoke\"\" test\","
                                             "deploymentprocess-Projects-3,deploymentProcess,"
                                             "DeploymentProcesses,Payroll,Projects-3,Spaces-1,3,3,")),
                 qPrintable(csv));
        QVERIFY(csv.contains(QStringLiteral(",\"Step \"\"Run | check\"\" changed\nin Payroll\"\r\n")));
    }

    void csvDefusesAFormulaCell()
    {
        const QString csv = QString::fromUtf8(writer().toCsv());
        QVERIFY2(csv.contains(QStringLiteral("\r\noldServer,'=cmd|' /C calc'!A0,Releases-12,release,")),
                 qPrintable(csv));
        QVERIFY(!csv.contains(QStringLiteral(",=cmd")));
    }

    void csvTimesAreUtc()
    {
        const QString csv = QString::fromUtf8(writer().toCsv());
        QVERIFY(csv.contains(QStringLiteral(",2024-05-08T12:30:00Z,alice,")));
        QVERIFY(csv.contains(QStringLiteral(",2024-05-08T11:30:00Z,alice,")));
        QVERIFY(!csv.contains(QStringLiteral("+02:00")));
        QVERIFY(!csv.contains(QStringLiteral("14:30")));
    }

    void markdownHasTheSummaryAndEscapedTables()
    {
        const QString md = QString::fromUtf8(writer().toMarkdown());
        QVERIFY(md.startsWith(QStringLiteral("# Drift since the clone\n\n")));
        QVERIFY(md.contains(QStringLiteral("https://octopus.example.com")));
        QVERIFY(md.contains(QStringLiteral("https://octopus-new.example.com")));
        QVERIFY2(md.contains(QStringLiteral("- **State:** **red**. Red: the clone is 8 day(s) old")),
                 qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("- **Clone time:** 2024-05-01T08:00:00Z, detected")));
        QVERIFY(md.contains(QStringLiteral("- **Changes on the old server since the clone:** 4 ")));
        QVERIFY(md.contains(QStringLiteral("- **Changes on the clone:** 2 ")));
        QVERIFY(md.contains(QStringLiteral("- **Structural changes:** 3 process or variable edit")));
        QVERIFY(md.contains(
            QStringLiteral("- **Budget:** amber after 3 days, red after 7 days or more than 20 ")));
        QVERIFY(md.contains(QStringLiteral("\n> Past the budget")));
        QVERIFY(md.contains(QStringLiteral("## Changed on the old server (2 object(s))")));
        QVERIFY(md.contains(QStringLiteral("## Changed on the clone (1 object(s))")));
        // Pipes escaped, line breaks folded: every table row stays one row of nine cells.
        QVERIFY(md.contains(QStringLiteral("| Step \"Run \\| check\" changed<br>in Payroll |")));
        QVERIFY(md.contains(QStringLiteral("| =cmd\\|' /C calc'!A0 | Releases-12 | Releases |")));
        QVERIFY(md.contains(QStringLiteral("| 2024-05-08T12:30:00Z | alice |")));
        int tableRows = 0;
        for (const QString &line : md.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1Char('|')))
                continue;
            ++tableRows;
            QString unescaped = line;
            unescaped.remove(QStringLiteral("\\|"));
            QCOMPARE(unescaped.count(QLatin1Char('|')), 10);
        }
        QCOMPARE(tableRows, 2 * 2 + 3); // two headers with their rules, three objects
    }

    void markdownSaysWhenASideChangedNothing()
    {
        Drift::Report r = report();
        r.clone = {};
        r.state = Drift::State::Green;
        r.reason = Drift::StateReason::WithinBudget;
        r.cloneTimeGiven = true;
        const QString md = QString::fromUtf8(DriftExportWriter(r, {}).toMarkdown());
        QVERIFY(md.contains(QStringLiteral("## Changed on the clone (0 object(s))\n\nNo object changed.\n")));
        QVERIFY(md.contains(QStringLiteral(", as given (")));
        QVERIFY(!md.contains(QStringLiteral("\n> ")));
        QVERIFY(md.contains(QStringLiteral("**green**")));
    }

    void writeFileWritesBothFormats()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const auto format : {DriftExportWriter::Format::Csv, DriftExportWriter::Format::Markdown}) {
            const QString path = dir.filePath(
                format == DriftExportWriter::Format::Csv ? QStringLiteral("d.csv") : QStringLiteral("d.md"));
            QString error;
            QVERIFY2(writer().writeFile(path, format, &error), qPrintable(error));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), writer().render(format));
        }
    }

    void writeFileKeepsOldFileWhenFolderIsNotWritable()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString folder = scratch.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(folder));
        const QString path = folder + QStringLiteral("/drift.csv");
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("the old drift");
        }
        QVERIFY(QFile::setPermissions(scratch.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                          QFile::ReadOther | QFile::ExeOther));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                                  QFile::ExeOther));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther |
                                                QFile::WriteOther));
        QString error;
        bool written = true;
        {
            AsNobody nobody;
            if (!nobody.ok()) {
                QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                QSKIP("running as root and cannot drop to nobody: permissions would not apply");
            }
            written = writer().writeFile(path, DriftExportWriter::Format::Csv, &error);
        }
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!written);
        QVERIFY(!error.isEmpty());
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the old drift"));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary file left
    }

    void writeFileFailsWhenTheFolderIsMissing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("missing/drift.md"));
        QString error;
        QVERIFY(!writer().writeFile(path, DriftExportWriter::Format::Markdown, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFileInfo::exists(path));
    }
};

QTEST_MAIN(TestDriftExportWriter)
#include "tst_driftexportwriter.moc"
