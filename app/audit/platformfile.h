#pragma once

#include <QByteArray>
#include <QString>

// The audit's one platform-specific piece: reading a whole file fast. platformfile_posix.cpp uses
// open/fstat/read (no QFile object per file); platformfile_qfile.cpp is the portable fallback.
namespace platformfile {

enum class ReadStatus
{
    Ok,
    TooLarge,
    Failed
};

// Reads the regular file at `path` into `buffer` (reusing its capacity); TooLarge beyond `maxSize` bytes.
ReadStatus readWholeFile(const QString &path, qint64 maxSize, QByteArray &buffer, QString *error);

} // namespace platformfile
