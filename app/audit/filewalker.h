#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

// Walks the user's folders for script files. Follows symbolic links but never enters a directory twice
// (a set of canonical paths, see directoryKey()), skips .git and node_modules (configurable), and picks files
// by name: the script, pipeline and project types the audit reads, plus extension-less files that start with
// "#!".
class FileWalker
{
public:
    struct Entry
    {
        QString path;         // absolute path as reached (symbolic links not resolved)
        QString relativePath; // relative to the root it was found under
        int rootIndex = 0;
    };

    enum class Problem
    {
        Unreadable,
        NotFound
    };

    using EntryHandler = std::function<bool(const Entry &)>; // return false to stop the walk
    using ProblemHandler = std::function<void(const QString &path, Problem problem)>;

    FileWalker();

    void setSkippedDirectoryNames(const QStringList &names);
    QStringList skippedDirectoryNames() const { return m_skipped; }

    // Walks every root in order. A root that is a file is reported as it is, whatever its name.
    // Returns false when cancelled or the handler stopped the walk.
    bool walk(const QStringList &roots, const EntryHandler &onFile, const ProblemHandler &onProblem,
              const std::atomic_bool *cancelled = nullptr);

    // True when the audit reads a file with this name (and, for extension-less names, this first line).
    static bool isAuditedFileName(const QString &fileName);
    static bool hasShebang(const QString &path);

    // What makes two paths the same folder for loop detection: the canonical path (symbolic links, "." and
    // ".." resolved), or empty when it cannot be resolved. No device or inode numbers: Windows reports 0
    // for every inode, which would make each subfolder look already walked.
    static QString directoryKey(const QString &path);

private:
    QStringList m_skipped;
};
