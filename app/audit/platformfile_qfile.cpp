#include "platformfile.h"

#include <QFile>
#include <QFileInfo>

// The portable reading (Windows, and any platform without POSIX file calls): QFile, same contract.
namespace platformfile {

ReadStatus readWholeFile(const QString &path, qint64 maxSize, QByteArray &buffer, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("not a regular file");
        return ReadStatus::Failed;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        *error = file.errorString();
        return ReadStatus::Failed;
    }
    const qint64 size = file.size();
    if (size > maxSize)
        return ReadStatus::TooLarge;
    buffer.resize(qsizetype(size));
    qsizetype done = 0;
    while (done < buffer.size()) {
        const qint64 n = file.read(buffer.data() + done, buffer.size() - done);
        if (n < 0) {
            *error = file.errorString();
            return ReadStatus::Failed;
        }
        if (n == 0)
            break; // shrank while reading
        done += qsizetype(n);
    }
    buffer.resize(done);
    return ReadStatus::Ok;
}

} // namespace platformfile
