#pragma once

#include "tentaclecommands.h"
#include "tentaclemachine.h"

#include <QList>
#include <QString>

// Writes the Polling Tentacles step's exports: one re-point script per machine into a folder (Linux
// scripts executable), every machine's script in one file, and the CSV. Each file is written atomically
// (QSaveFile): a failed write leaves no half-written file behind.
namespace TentacleExportWriter {

struct Result
{
    bool ok = true;
    int filesWritten = 0;
    QString path;                  // the file (or folder) written, or the one that could not be
    QString reason;                // why not, from the file system; empty when ok
    bool folderNotCreated = false; // writeScripts could not create `path`
    // For people (translated), naming the file: "Cannot write /x/y.sh: Permission denied".
    QString message() const;
};

// The scripts of each machine (TentacleCommands::scriptsFor: re-point, after-cutover apart, both shells
// when the OS is unknown, helm for Kubernetes agents), named Script::fileName, in `folder` (created when
// missing). Stops at the first file that cannot be written.
Result writeScripts(const QString &folder, const QList<TentacleMachine> &machines,
                    const TentacleCommands::Options &options);
// TentacleCommands::bundle() as one file, then cleanupBundle() in a part marked "after cutover only".
Result writeBundle(const QString &path, const QList<TentacleMachine> &machines,
                   const TentacleCommands::Options &options);
// TentacleCommands::csv() as one file.
Result writeCsv(const QString &path, const QList<TentacleMachine> &machines,
                const TentacleCommands::Options &options);

} // namespace TentacleExportWriter
