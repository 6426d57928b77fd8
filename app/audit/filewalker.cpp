#include "filewalker.h"

#include "auditlogging.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <array>
#include <utility>
#include <vector>

namespace {

constexpr std::array kExtensions = {
    "ps1",    "psm1",   "psd1",   "sh",     "bash", "zsh", "ksh",  "py",    "cs",         "csx", "go",
    "java",   "rb",     "js",     "mjs",    "cjs",  "ts",  "tsx",  "jsx",   "mts",        "cts", "linq",
    "cake",   "groovy", "gradle", "kt",     "kts",  "yml", "yaml", "json",  "dockerfile", "tf",  "csproj",
    "fsproj", "vbproj", "props",  "config", "mod",  "bat", "cmd",  "psake", "fsx",        "vb",
};

bool hasAuditedExtension(QStringView name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot < 0)
        return false;
    const QStringView ext = name.sliced(dot + 1);
    for (const char *candidate : kExtensions) {
        if (ext.compare(QLatin1String(candidate), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

FileWalker::FileWalker()
    : m_skipped({QStringLiteral(".git"), QStringLiteral("node_modules")})
{}

void FileWalker::setSkippedDirectoryNames(const QStringList &names)
{
    m_skipped = names;
}

bool FileWalker::isAuditedFileName(const QString &fileName)
{
    if (hasAuditedExtension(fileName))
        return true;
    // Names without a useful extension.
    if (fileName.startsWith(QLatin1String("Jenkinsfile")) ||
        fileName.startsWith(QLatin1String("Dockerfile")) ||
        fileName.startsWith(QLatin1String("Containerfile")) || fileName == QLatin1String("Makefile") ||
        fileName == QLatin1String("Rakefile") || fileName == QLatin1String("Gemfile") ||
        fileName == QLatin1String("packages.config") || fileName == QLatin1String("go.mod") ||
        fileName == QLatin1String("bitbucket-pipelines.yml") || fileName == QLatin1String(".gitlab-ci.yml"))
        return true;
    return false;
}

bool FileWalker::hasShebang(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    char head[2];
    return file.read(head, 2) == 2 && head[0] == '#' && head[1] == '!';
}

QString FileWalker::directoryKey(const QString &path)
{
    return QFileInfo(path).canonicalFilePath();
}

bool FileWalker::walk(const QStringList &roots, const EntryHandler &onFile, const ProblemHandler &onProblem,
                      const std::atomic_bool *cancelled)
{
    const auto isCancelled = [cancelled] { return cancelled && cancelled->load(std::memory_order_relaxed); };
    QSet<QString> visited; // directoryKey() of every folder entered
    for (int rootIndex = 0; rootIndex < roots.size(); ++rootIndex) {
        const QFileInfo rootInfo(roots.at(rootIndex));
        if (!rootInfo.exists()) {
            onProblem(roots.at(rootIndex), Problem::NotFound);
            continue;
        }
        const QString rootPath = rootInfo.absoluteFilePath();
        if (!rootInfo.isDir()) {
            if (!onFile({rootPath, rootInfo.fileName(), rootIndex}))
                return false;
            continue;
        }
        // Entries under a root start with rootPath + '/': the relative path is the rest.
        const qsizetype rootPrefix =
            rootPath.endsWith(QLatin1Char('/')) ? rootPath.size() : rootPath.size() + 1;
        std::vector<QString> stack{rootPath};
        if (const QString rootKey = directoryKey(rootPath); !rootKey.isEmpty())
            visited.insert(rootKey);
        while (!stack.empty()) {
            if (isCancelled())
                return false;
            const QString dir = std::move(stack.back());
            stack.pop_back();
            if (!QFileInfo(dir).isReadable()) {
                onProblem(dir, Problem::Unreadable);
                continue;
            }
            std::vector<QString> subdirectories;
            QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
            while (it.hasNext()) {
                const QString path = it.next();
                const QFileInfo info = it.fileInfo();
                if (info.isDir()) {
                    if (m_skipped.contains(info.fileName()))
                        continue;
                    const QString key = directoryKey(path);
                    if (key.isEmpty()) {
                        onProblem(path, Problem::Unreadable);
                        continue;
                    }
                    if (visited.contains(key)) {
                        qCDebug(lcAudit) << "already walked, skipping" << path;
                        continue; // a symbolic-link loop or a second link to the same folder
                    }
                    visited.insert(key);
                    subdirectories.push_back(path);
                } else if (info.isFile()) {
                    const QString name = info.fileName();
                    if (isAuditedFileName(name) || (!name.contains(QLatin1Char('.')) && hasShebang(path))) {
                        if (!onFile({path, path.mid(rootPrefix), rootIndex}))
                            return false;
                    }
                } else if (info.isSymLink() && isAuditedFileName(info.fileName())) {
                    onProblem(path, Problem::Unreadable); // a dangling link to a script
                }
            }
            // Depth-first in name order: push in reverse so the first name is walked first.
            std::sort(subdirectories.begin(), subdirectories.end());
            for (auto i = subdirectories.rbegin(); i != subdirectories.rend(); ++i)
                stack.push_back(std::move(*i));
        }
    }
    return true;
}
