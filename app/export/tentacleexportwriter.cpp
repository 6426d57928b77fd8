#include "tentacleexportwriter.h"

#include "exportlogging.h"
#include "exporttext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace TentacleExportWriter {

namespace {

Result writeText(const QString &path, const QString &text)
{
    Result result;
    result.path = path;
    if (!ExportText::writeAtomically(path, text.toUtf8(), &result.reason)) {
        result.ok = false;
        qCWarning(lcExport) << "cannot write" << path << result.reason;
        return result;
    }
    result.filesWritten = 1;
    return result;
}

} // namespace

QString Result::message() const
{
    if (ok)
        return QString();
    if (folderNotCreated)
        return QCoreApplication::translate("TentacleExportWriter", "Cannot create the folder %1.")
            .arg(QDir::toNativeSeparators(path));
    return QCoreApplication::translate("TentacleExportWriter", "Cannot write %1: %2")
        .arg(QDir::toNativeSeparators(path), reason);
}

Result writeScripts(const QString &folder, const QList<TentacleMachine> &machines,
                    const TentacleCommands::Options &options)
{
    Result result;
    result.path = folder;
    if (!QDir().mkpath(folder)) {
        result.ok = false;
        result.folderNotCreated = true;
        return result;
    }
    QList<TentacleCommands::Script> scripts;
    for (const TentacleMachine &machine : machines)
        scripts << TentacleCommands::scriptsFor(machine, options);
    for (const TentacleCommands::Script &script : std::as_const(scripts)) {
        const QString path = QDir(folder).filePath(script.fileName);
        const Result written = writeText(path, script.text);
        if (!written.ok) {
            Result failed = written;
            failed.filesWritten = result.filesWritten;
            return failed;
        }
        if (script.os == TentacleCommands::Os::Linux)
            QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup |
                                            QFile::ExeOther);
        ++result.filesWritten;
    }
    return result;
}

Result writeBundle(const QString &path, const QList<TentacleMachine> &machines,
                   const TentacleCommands::Options &options)
{
    // The after-cutover scripts follow in their own, clearly marked part: they must not run before the
    // new server has taken over for good.
    QString text = TentacleCommands::bundle(machines, options);
    text += QLatin1Char('\n') + QString(78, QLatin1Char('=')).prepend(QStringLiteral("# ")).left(78) +
            QLatin1Char('\n');
    text +=
        QStringLiteral("# ") +
        QCoreApplication::translate("TentacleExportWriter",
                                    "AFTER CUTOVER ONLY: the steps below stop the Tentacles polling the old "
                                    "server.") +
        QLatin1Char('\n');
    text += QString(78, QLatin1Char('=')).prepend(QStringLiteral("# ")).left(78) + QLatin1Char('\n');
    text += TentacleCommands::cleanupBundle(machines, options);
    return writeText(path, text);
}

Result writeCsv(const QString &path, const QList<TentacleMachine> &machines,
                const TentacleCommands::Options &options)
{
    return writeText(path, TentacleCommands::csv(machines, options));
}

} // namespace TentacleExportWriter
