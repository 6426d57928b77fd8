#pragma once

#include "auditfinding.h"
#include "swaggercatalog.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

// Runs the audit over folders: one walker thread feeds a bounded queue of paths to N worker threads,
// each reading, decoding and scanning one file at a time. In-flight memory is bounded by the queue size
// and the file size limit; cancellation is checked per file and inside long files.
class AuditScanner : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kDefaultMaxFileSize = 10 * 1024 * 1024;

    struct Options
    {
        QStringList roots;
        QStringList oldUrls;
        std::shared_ptr<const SwaggerCatalog> catalog; // the new server's swagger; null: builtin knowledge
        int jobs = 0;                                  // 0: QThread::idealThreadCount()
        qint64 maxFileSize = kDefaultMaxFileSize;
        QStringList skippedDirectoryNames = {QStringLiteral(".git"), QStringLiteral("node_modules")};
    };

    struct Progress
    {
        qint64 files = 0;
        qint64 bytes = 0;
        qint64 findings = 0;
        QString currentFile;
    };

    struct Note
    {
        enum class Kind
        {
            TooLarge,
            Unreadable,
            MissingRoot
        };
        Kind kind = Kind::Unreadable;
        QString file; // relative to its root (the path itself for a root)
        QString absolutePath;
        QString message;
    };

    struct Result
    {
        qint64 files = 0; // files read (text and binary)
        qint64 bytes = 0;
        qint64 binaryFiles = 0;       // binary files that held a needle (others are not sniffed)
        QList<AuditFinding> findings; // sorted by file, line, column
        QList<Note> notes;
        bool cancelled = false;
        qint64 elapsedMs = 0;
    };

    using ProgressCallback = std::function<void(const Progress &)>;
    using FindingsCallback = std::function<void(const QList<AuditFinding> &)>;

    explicit AuditScanner(QObject *parent = nullptr);
    ~AuditScanner() override;

    // Blocking scan. The callbacks run on the calling thread about ten times a second.
    static Result scan(const Options &options, const std::atomic_bool *cancelled = nullptr,
                       const ProgressCallback &onProgress = {}, const FindingsCallback &onFindings = {});

    // Background scan for the GUI: emits progressChanged and findingsAdded while running, then finished.
    // Starting again, or deleting the scanner, cancels a scan under way without waiting for it: its task
    // ends on its own, and nothing it still reports reaches anybody.
    void start(const Options &options);
    void cancel();
    bool isRunning() const;
    // Blocks until a background scan has ended (tests and shutdown).
    void waitForFinished();

Q_SIGNALS:
    void progressChanged(const AuditScanner::Progress &progress);
    void findingsAdded(const QList<AuditFinding> &findings);
    void finished(const AuditScanner::Result &result);

private:
    // Shared with one run's task: it reports through `scanner` only while that is set (under the lock).
    struct Guard
    {
        QMutex mutex;
        AuditScanner *scanner = nullptr;
    };
    void detach();

    std::shared_ptr<Guard> m_guard;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QFuture<void> m_future;
};

Q_DECLARE_METATYPE(AuditScanner::Progress)
Q_DECLARE_METATYPE(AuditScanner::Result)
