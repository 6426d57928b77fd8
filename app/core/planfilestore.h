#pragma once

#include "migrationplan.h"
#include "planerror.h"

#include <QByteArray>
#include <QString>

struct PlanLoadResult
{
    PlanData plan;   // valid only when !error
    PlanError error; // kind None on success
    bool ok() const { return !error.isError(); }
};

// Reads and writes `.handover` files. Reading never opens a file for writing, so a file that fails to
// load is left byte-for-byte as it was. Writing goes through QSaveFile: the old file is replaced only
// once the new content is completely on disk.
class PlanFileStore
{
public:
    static constexpr qint64 MaxFileSize = 64 * 1024 * 1024;

    static PlanLoadResult load(const QString &path);
    static PlanError save(const PlanData &plan, const QString &path);

    // The in-memory halves of load/save (also used by autosave). `path` only labels errors.
    static PlanLoadResult parse(const QByteArray &bytes, const QString &path);
    static QByteArray serialize(const PlanData &plan);

    // Writes `bytes` atomically to `path`; shared with the autosave writer.
    static PlanError writeAtomically(const QByteArray &bytes, const QString &path);
};
