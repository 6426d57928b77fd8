#include "platformfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace platformfile {

ReadStatus readWholeFile(const QString &path, qint64 maxSize, QByteArray &buffer, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return ReadStatus::Failed;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *error = QStringLiteral("not a regular file");
        ::close(fd);
        return ReadStatus::Failed;
    }
    if (st.st_size > maxSize) {
        ::close(fd);
        return ReadStatus::TooLarge;
    }
    buffer.resize(qsizetype(st.st_size));
    qsizetype done = 0;
    while (done < buffer.size()) {
        const ssize_t n = ::read(fd, buffer.data() + done, size_t(buffer.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return ReadStatus::Failed;
        }
        if (n == 0)
            break; // shrank while reading
        done += n;
    }
    buffer.resize(done);
    ::close(fd);
    return ReadStatus::Ok;
}

} // namespace platformfile
