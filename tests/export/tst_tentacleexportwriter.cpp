// TentacleExportWriter: per-machine scripts (Linux ones executable, Windows ones not), the bundle and the
// CSV read back from disk, and a path that cannot be written gives an error naming the file.
#include "tentacleexportwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace TentacleExportWriter;

namespace {

TentacleMachine machine(const QString &id, const QString &name, bool windows)
{
    TentacleMachine m;
    m.id = id;
    m.name = name;
    m.spaceId = QStringLiteral("Spaces-1");
    m.spaceName = QStringLiteral("Default");
    m.communicationStyle = QStringLiteral("TentacleActive");
    m.tentacleVersion = QStringLiteral("8.1.1942");
    m.operatingSystem = windows ? QStringLiteral("Microsoft Windows Server 2019") : QStringLiteral("Linux");
    m.shellName = windows ? QStringLiteral("PowerShell") : QStringLiteral("Bash");
    m.environments = {QStringLiteral("Production")};
    return m;
}

QList<TentacleMachine> machines()
{
    return {machine(QStringLiteral("Machines-1"), QStringLiteral("web-01"), false),
            machine(QStringLiteral("Machines-2"), QStringLiteral("win-01"), true),
            machine(QStringLiteral("Workers-3"), QStringLiteral("worker-01"), false)};
}

TentacleCommands::Options options()
{
    TentacleCommands::Options o;
    o.newHost = QStringLiteral("octopus-new.example.com");
    o.oldHost = QStringLiteral("octopus.example.com");
    o.serverThumbprint = QStringLiteral("BD22C4E46FAB4CD9783F1521EDAEFB8E347ADF7C");
    return o;
}

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("<cannot read %1>").arg(path);
    return QString::fromUtf8(file.readAll());
}

constexpr QFile::Permissions kExec = QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;

} // namespace

class TestTentacleExportWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scriptsAreWrittenOnePerMachineLinuxOnesExecutable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("new/scripts")); // made on the way
        const Result result = writeScripts(folder, machines(), options());
        QVERIFY2(result.ok, qPrintable(result.message()));
        QVERIFY(result.message().isEmpty());
        // Each machine: its re-point script and its after-cutover script (Tentacle 8.1.1942).
        QCOMPARE(result.filesWritten, 6);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 6);
        for (const TentacleMachine &m : machines()) {
            const TentacleCommands::Os os = TentacleCommands::osFor(m);
            for (const TentacleCommands::Script &expected :
                 {TentacleCommands::repointScript(m, os, options()),
                  TentacleCommands::cleanupScript(m, os, options())}) {
                const QString path = QDir(folder).filePath(expected.fileName);
                QCOMPARE(readAll(path), expected.text);
                const bool linux = expected.os == TentacleCommands::Os::Linux;
                QCOMPARE(QFileInfo(path).permissions() & kExec, linux ? kExec : QFile::Permissions());
                QCOMPARE(path.endsWith(QLatin1String(".ps1")), !linux);
            }
        }
    }

    // The after-cutover step goes into the exports apart from the re-point: separate files per machine,
    // both shells for an unknown OS, helm scripts for a Kubernetes agent, the note where a Tentacle is too
    // old (in the bundle), and a part of its own at the end of the bundle. Fails on the old code (re-point
    // only).
    void afterCutoverStepIsExportedApart()
    {
        QList<TentacleMachine> list = machines();
        list[0].operatingSystem = QStringLiteral("Unknown");
        list[0].shellName = QStringLiteral("Unknown");
        list[1].tentacleVersion = QStringLiteral("8.1.1703");
        TentacleMachine agent = machine(QStringLiteral("Machines-9"), QStringLiteral("aks"), false);
        agent.communicationStyle = QStringLiteral("KubernetesTentacle");
        agent.communicationMode = QStringLiteral("Polling");
        agent.tentacleVersion = QStringLiteral("8.3.2575");
        agent.helmReleaseName = QStringLiteral("octopus-agent-aks");
        agent.kubernetesNamespace = QStringLiteral("octopus-agent-aks");
        list << agent;
        QTemporaryDir dir;
        const Result result = writeScripts(dir.path(), list, options());
        QVERIFY2(result.ok, qPrintable(result.message()));
        QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files,
                 (QStringList{QStringLiteral("Machines-1_web-01.after-cutover.ps1"),
                              QStringLiteral("Machines-1_web-01.after-cutover.sh"),
                              QStringLiteral("Machines-1_web-01.ps1"), QStringLiteral("Machines-1_web-01.sh"),
                              QStringLiteral("Machines-2_win-01.ps1"),
                              QStringLiteral("Machines-9_aks.after-cutover.helm.sh"),
                              QStringLiteral("Machines-9_aks.helm.sh"),
                              QStringLiteral("Workers-3_worker-01.after-cutover.sh"),
                              QStringLiteral("Workers-3_worker-01.sh")}));
        QVERIFY(readAll(dir.filePath(QStringLiteral("Machines-9_aks.helm.sh")))
                    .contains(QLatin1String("helm upgrade")));

        const QString bundle = dir.filePath(QStringLiteral("bundle.txt"));
        QVERIFY(writeBundle(bundle, list, options()).ok);
        const QString text = readAll(bundle);
        const qsizetype part = text.indexOf(QLatin1String("AFTER CUTOVER ONLY"));
        QVERIFY(part > 0);
        QVERIFY(text.indexOf(QLatin1String(" clear-trusted-servers --instance")) > part);
        QVERIFY(text.indexOf(QLatin1String("8.1.1703 cannot remove the old server's entry")) > part);
        QVERIFY(text.lastIndexOf(QLatin1String("agent.serverCommsAddresses={}")) > part);

        const QString csv = dir.filePath(QStringLiteral("machines.csv"));
        QVERIFY(writeCsv(csv, list, options()).ok);
        const QStringList rows = readAll(csv).trimmed().split(QStringLiteral("\r\n"));
        // The columns that were there keep their places; the new ones come last.
        QVERIFY(rows.at(0).startsWith(QLatin1String(
            "id,name,space,kind,os,tentacleVersion,method,environments,roles,workerPools,tenants,command,")));
        QVERIFY(rows.at(0).endsWith(QLatin1String(",cleanup,cleanupNote")));
        QVERIFY(rows.at(2).contains(QLatin1String("cannot remove")));
        QVERIFY(rows.at(4).contains(QLatin1String(",helm,")));
    }

    void bundleAndCsvAreWrittenWhole()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString bundle = dir.filePath(QStringLiteral("bundle.txt"));
        Result result = writeBundle(bundle, machines(), options());
        QVERIFY2(result.ok, qPrintable(result.message()));
        QCOMPARE(result.path, bundle);
        QCOMPARE(result.filesWritten, 1);
        const QString written = readAll(bundle);
        QVERIFY(written.startsWith(TentacleCommands::bundle(machines(), options())));
        QVERIFY(written.endsWith(TentacleCommands::cleanupBundle(machines(), options())));

        const QString csv = dir.filePath(QStringLiteral("machines.csv"));
        result = writeCsv(csv, machines(), options());
        QVERIFY2(result.ok, qPrintable(result.message()));
        const QString text = readAll(csv);
        QCOMPARE(text, TentacleCommands::csv(machines(), options()));
        QCOMPARE(text.trimmed().split(QLatin1Char('\n')).size(), int(machines().size()) + 1);
        QVERIFY(text.contains(QLatin1String("Workers-3")));
        // Replaced whole, not appended to.
        result = writeCsv(csv, machines().mid(0, 1), options());
        QVERIFY(result.ok);
        QCOMPARE(readAll(csv).trimmed().split(QLatin1Char('\n')).size(), 2);
    }

    void anUnwritablePathNamesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A regular file where a folder should be: nothing can be written below it (even as root).
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        for (const bool csv : {false, true}) {
            const QString path =
                blocker + (csv ? QStringLiteral("/machines.csv") : QStringLiteral("/bundle.txt"));
            const Result result =
                csv ? writeCsv(path, machines(), options()) : writeBundle(path, machines(), options());
            QVERIFY(!result.ok);
            QCOMPARE(result.filesWritten, 0);
            QCOMPARE(result.path, path);
            QVERIFY(!result.reason.isEmpty());
            QVERIFY2(result.message().contains(QDir::toNativeSeparators(path)), qPrintable(result.message()));
            QVERIFY(!QFileInfo::exists(path));
        }

        // The scripts' folder cannot be made.
        const QString folder = blocker + QStringLiteral("/scripts");
        Result result = writeScripts(folder, machines(), options());
        QVERIFY(!result.ok);
        QVERIFY(result.folderNotCreated);
        QVERIFY2(result.message().contains(QDir::toNativeSeparators(folder)), qPrintable(result.message()));

        // One script's name is taken by a folder: the error names that file, the ones before it stay.
        const QString scripts = dir.filePath(QStringLiteral("scripts"));
        const TentacleMachine second = machines().at(1);
        const QString taken = QDir(scripts).filePath(
            TentacleCommands::repointScript(second, TentacleCommands::osFor(second), options()).fileName);
        QVERIFY(QDir().mkpath(taken));
        result = writeScripts(scripts, machines(), options());
        QVERIFY(!result.ok);
        QVERIFY(!result.folderNotCreated);
        QCOMPARE(result.path, taken);
        QCOMPARE(result.filesWritten, 2); // the first machine's re-point and after-cutover scripts
        QVERIFY2(result.message().contains(QDir::toNativeSeparators(taken)), qPrintable(result.message()));
        QVERIFY(QFileInfo(taken).isDir());
    }
};

QTEST_GUILESS_MAIN(TestTentacleExportWriter)
#include "tst_tentacleexportwriter.moc"
