// DomainExportWriter: the consequences table as CSV (header, one row per group, RFC 4180 quoting, formula
// cells defused) and Markdown (decision, URLs, counts, escaped cells), and a write into a missing folder
// fails with an error naming it.
#include "domainexportwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

DomainConsequences::Group group(const QString &space, const QString &environment, int targets, int workers)
{
    DomainConsequences::Group g;
    g.spaceId = QStringLiteral("Spaces-1");
    g.spaceName = space;
    g.environment = environment;
    g.pollingTargets = targets;
    g.pollingWorkers = workers;
    return g;
}

DomainConsequences consequences()
{
    DomainConsequences c;
    c.choice = DomainDecision::Choice::NewName;
    c.nameChanges = true;
    c.oldHost = QStringLiteral("octopus.example.com");
    c.newHost = QStringLiteral("octopus-new.example.com");
    c.pollingTargets = 5;
    c.pollingWorkers = 2;
    c.mustAct = 7;
    c.scriptsMentioningOldName = 4;
    c.scriptFilesMentioningOldName = 3;
    c.scriptAuditAt = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);
    c.groups = {group(QStringLiteral("Default"), QStringLiteral("Production"), 3, 0),
                group(QStringLiteral("Default"), QString(), 0, 2),
                group(QStringLiteral("Ops, \"EU\""), QStringLiteral("Test|Staging"), 1, 0),
                group(QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("Dev"), 1, 0)};
    return c;
}

DomainExportWriter::Context context(DomainDecision::Choice choice = DomainDecision::Choice::NewName)
{
    DomainExportWriter::Context x;
    x.decision.choice = choice;
    x.decision.oldPublicUrl = QUrl(QStringLiteral("https://octopus.example.com"));
    x.decision.newPublicUrl = QUrl(QStringLiteral("https://octopus-new.example.com"));
    x.oldServer = QStringLiteral("https://10.0.0.1:8443");
    x.newServer = QStringLiteral("https://10.0.0.2:8443");
    return x;
}

} // namespace

class TestDomainExportWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvHasAHeaderAndOneRowPerGroup()
    {
        const QString csv = QString::fromUtf8(DomainExportWriter(consequences(), context()).toCsv());
        const QStringList lines = csv.split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 6); // header, four rows, the empty tail after the last CRLF
        QCOMPARE(lines.at(0), QStringLiteral("space,environment,pollingTargets,pollingWorkers"));
        QCOMPARE(lines.at(1), QStringLiteral("Default,Production,3,0"));
        QCOMPARE(lines.at(2), QStringLiteral("Default,(workers),0,2"));
        QCOMPARE(lines.at(5), QString());
    }

    void csvQuotesCommasAndQuotes()
    {
        const QString csv = QString::fromUtf8(DomainExportWriter(consequences(), context()).toCsv());
        QCOMPARE(csv.split(QStringLiteral("\r\n")).at(3),
                 QStringLiteral("\"Ops, \"\"EU\"\"\",Test|Staging,1,0"));
    }

    void csvDefusesFormulaCells()
    {
        const QString csv = QString::fromUtf8(DomainExportWriter(consequences(), context()).toCsv());
        QCOMPARE(csv.split(QStringLiteral("\r\n")).at(4), QStringLiteral("'=cmd|' /C calc'!A0,Dev,1,0"));
    }

    void markdownHasTheDecisionUrlsCountsAndTable()
    {
        const QString md = QString::fromUtf8(DomainExportWriter(consequences(), context()).toMarkdown());
        QVERIFY2(md.startsWith(QStringLiteral("# Domain name\n")), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("Decision: use a new domain name")));
        QVERIFY(md.contains(QStringLiteral("Public URL today: https://octopus.example.com")));
        QVERIFY(md.contains(QStringLiteral("New public URL: https://octopus-new.example.com")));
        QVERIFY(md.contains(QStringLiteral("Old server: https://10.0.0.1:8443")));
        QVERIFY(md.contains(QStringLiteral("New server: https://10.0.0.2:8443")));
        QVERIFY(md.contains(QStringLiteral("Polling machines: 7 (5 targets, 2 workers).")));
        QVERIFY(md.contains(QStringLiteral("Must act (a command on their own machine): 7.")));
        QVERIFY(md.contains(QStringLiteral("octopus-new.example.com on port 10943")));
        QVERIFY(md.contains(QStringLiteral("4 places in 3 files (audit of 2024-05-06T07:08:09Z)")));
        QVERIFY(md.contains(QStringLiteral("| Space | Environment | Polling targets | Polling workers |\n")));
        QVERIFY(md.contains(QStringLiteral("| Default | (workers) | 0 | 2 |\n")));
        QVERIFY2(md.contains(QStringLiteral("| Ops, \"EU\" | Test\\|Staging | 1 | 0 |\n")), qPrintable(md));
    }

    void markdownKeepingTheNameHasNoNewUrlAndSaysScriptsAreUnknown()
    {
        DomainConsequences c = consequences();
        c.choice = DomainDecision::Choice::KeepName;
        c.nameChanges = false;
        c.mustAct = 0;
        c.scriptsMentioningOldName.reset();
        c.scriptFilesMentioningOldName.reset();
        const QString md =
            QString::fromUtf8(DomainExportWriter(c, context(DomainDecision::Choice::KeepName)).toMarkdown());
        QVERIFY(md.contains(QStringLiteral("Decision: keep the domain name")));
        QVERIFY(!md.contains(QStringLiteral("New public URL")));
        QVERIFY(md.contains(QStringLiteral("Must act (a command on their own machine): 0.")));
        QVERIFY(md.contains(QStringLiteral("Scripts mentioning the old name: not analysed yet.")));
    }

    void writeFileWritesWhatRenderGives()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const DomainExportWriter writer(consequences(), context());
        for (const auto format : {DomainExportWriter::Format::Csv, DomainExportWriter::Format::Markdown}) {
            const QString path = dir.filePath(QStringLiteral("domain.out"));
            QString error;
            QVERIFY2(writer.writeFile(path, format, &error), qPrintable(error));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), writer.render(format));
        }
    }

    void writeFileIntoAMissingFolderFailsNamingIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("missing"));
        const QString path = QDir(folder).filePath(QStringLiteral("domain.csv"));
        QString error;
        QVERIFY(!DomainExportWriter(consequences(), context())
                     .writeFile(path, DomainExportWriter::Format::Csv, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(folder)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(folder));
    }
};

QTEST_GUILESS_MAIN(TestDomainExportWriter)
#include "tst_domainexportwriter.moc"
