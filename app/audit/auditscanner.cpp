#include "auditscanner.h"

#include "auditlogging.h"
#include "auditruleset.h"
#include "boundedqueue.h"
#include "filewalker.h"
#include "platformfile.h"
#include "textdecoder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QtConcurrent>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace {

constexpr auto kReportInterval = std::chrono::milliseconds(100);
constexpr size_t kBatch = 32; // files per queue entry

struct SharedState
{
    std::mutex mutex;
    std::condition_variable wake;
    QString currentFile;
    QList<AuditFinding> pending;
    QList<AuditScanner::Note> notes;
    qint64 files = 0;
    qint64 bytes = 0;
    qint64 binaryFiles = 0;
    qint64 findings = 0;
    int runningWorkers = 0;
};

using platformfile::ReadStatus;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

AuditScanner::AuditScanner(QObject *parent)
    : QObject(parent)
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<AuditScanner::Progress>();
    qRegisterMetaType<AuditScanner::Result>();
    qRegisterMetaType<QList<AuditFinding>>();
}

AuditScanner::~AuditScanner()
{
    detach();
}

void AuditScanner::detach()
{
    cancel();
    if (m_guard) {
        QMutexLocker lock(&m_guard->mutex); // a report being made ends first; none follows
        m_guard->scanner = nullptr;
    }
    m_guard.reset();
}

AuditScanner::Result AuditScanner::scan(const Options &options, const std::atomic_bool *cancelled,
                                        const ProgressCallback &onProgress,
                                        const FindingsCallback &onFindings)
{
    QElapsedTimer timer;
    timer.start();
    const auto isCancelled = [cancelled] { return cancelled && cancelled->load(std::memory_order_relaxed); };
    const int jobs = std::max(1, options.jobs > 0 ? options.jobs : QThread::idealThreadCount());
    const AuditRuleSet::Config ruleConfig{
        options.oldUrls,
        options.catalog ? options.catalog : std::make_shared<SwaggerCatalog>(SwaggerCatalog::builtin())};

    SharedState state;
    BoundedQueue<std::vector<FileWalker::Entry>> queue(size_t(jobs) * 4);
    Result result;

    // The walker hands paths over in batches: one queue operation per kBatch files, not per file.
    std::thread walkerThread([&] {
        FileWalker walker;
        walker.setSkippedDirectoryNames(options.skippedDirectoryNames);
        std::vector<FileWalker::Entry> batch;
        batch.reserve(kBatch);
        walker.walk(
            options.roots,
            [&](const FileWalker::Entry &entry) {
                batch.push_back(entry);
                if (batch.size() < kBatch)
                    return true;
                const bool pushed = !isCancelled() && queue.push(std::move(batch));
                batch = {};
                batch.reserve(kBatch);
                return pushed;
            },
            [&](const QString &path, FileWalker::Problem problem) {
                Note note;
                note.kind = problem == FileWalker::Problem::NotFound ? Note::Kind::MissingRoot
                                                                     : Note::Kind::Unreadable;
                note.file = path;
                note.absolutePath = path;
                note.message = problem == FileWalker::Problem::NotFound ? QStringLiteral("not found")
                                                                        : QStringLiteral("cannot be read");
                std::lock_guard lock(state.mutex);
                state.notes.append(note);
            },
            cancelled);
        if (!batch.empty() && !isCancelled())
            queue.push(std::move(batch));
        queue.close();
    });

    state.runningWorkers = jobs;
    std::vector<std::thread> workers;
    workers.reserve(size_t(jobs));
    for (int i = 0; i < jobs; ++i) {
        workers.emplace_back([&] {
            const AuditRuleSet rules(ruleConfig);
            QByteArray buffer;
            buffer.reserve(64 * 1024);
            while (std::optional<std::vector<FileWalker::Entry>> batch = queue.pop()) {
                if (isCancelled() || batch->empty())
                    continue; // drain so the walker can finish
                {
                    std::lock_guard lock(state.mutex);
                    state.currentFile = batch->front().relativePath;
                }
                qint64 files = 0;
                qint64 bytes = 0;
                qint64 binaryFiles = 0;
                QList<AuditFinding> found;
                QList<Note> notes;
                for (const FileWalker::Entry &entry : *batch) {
                    if (isCancelled())
                        break;
                    QString error;
                    const ReadStatus status =
                        platformfile::readWholeFile(entry.path, options.maxFileSize, buffer, &error);
                    if (status != ReadStatus::Ok) {
                        Note note;
                        note.kind =
                            status == ReadStatus::TooLarge ? Note::Kind::TooLarge : Note::Kind::Unreadable;
                        note.file = entry.relativePath;
                        note.absolutePath = entry.path;
                        note.message = status == ReadStatus::TooLarge
                                           ? QStringLiteral("skipped: larger than %1 MiB")
                                                 .arg(megabytes(options.maxFileSize))
                                           : QStringLiteral("cannot be read: %1").arg(error);
                        notes.append(note);
                        continue;
                    }
                    ++files;
                    bytes += buffer.size();
                    const bool utf16 = buffer.startsWith("\xff\xfe") || buffer.startsWith("\xfe\xff");
                    // Needles first: most files hold none and need no binary sniffing or decoding.
                    if (!utf16 && !rules.mayMatch(buffer))
                        continue;
                    if (!utf16 && TextDecoder::looksBinary(buffer)) {
                        ++binaryFiles; // counted among the files that hold a needle
                        continue;
                    }
                    // Not UTF-16 and not binary (both checked above): valid UTF-8 without a BOM is scanned as
                    // it is, which is what decode() would do after sniffing it for binary a second time.
                    const bool plainUtf8 =
                        !utf16 && !buffer.startsWith("\xef\xbb\xbf") && TextDecoder::isValidUtf8(buffer);
                    const QByteArray utf8 = plainUtf8 ? buffer : TextDecoder::decode(buffer).utf8;
                    QList<AuditFinding> findings = rules.scan(utf8, cancelled);
                    for (AuditFinding &finding : findings) {
                        finding.file = entry.relativePath;
                        finding.absolutePath = entry.path;
                    }
                    found.append(std::move(findings));
                }
                std::lock_guard lock(state.mutex);
                state.files += files;
                state.bytes += bytes;
                state.binaryFiles += binaryFiles;
                state.notes.append(std::move(notes));
                state.findings += found.size();
                state.pending.append(std::move(found));
            }
            std::lock_guard lock(state.mutex);
            if (--state.runningWorkers == 0)
                state.wake.notify_all();
        });
    }

    // Monitor: report progress and hand over findings in batches until the workers are done.
    const auto report = [&](std::unique_lock<std::mutex> &lock) {
        QList<AuditFinding> batch = std::move(state.pending);
        state.pending.clear();
        const Progress progress{state.files, state.bytes, state.findings, state.currentFile};
        lock.unlock();
        if (!batch.isEmpty()) {
            if (onFindings)
                onFindings(batch);
            result.findings.append(std::move(batch));
        }
        if (onProgress)
            onProgress(progress);
        lock.lock();
    };
    {
        std::unique_lock lock(state.mutex);
        while (state.runningWorkers > 0) {
            state.wake.wait_for(lock, kReportInterval, [&] { return state.runningWorkers == 0; });
            report(lock);
        }
    }
    walkerThread.join();
    for (std::thread &worker : workers)
        worker.join();
    {
        std::unique_lock lock(state.mutex);
        report(lock);
    }

    sortAuditFindings(result.findings);
    result.files = state.files;
    result.bytes = state.bytes;
    result.binaryFiles = state.binaryFiles;
    result.notes = state.notes;
    std::sort(result.notes.begin(), result.notes.end(),
              [](const Note &a, const Note &b) { return a.absolutePath < b.absolutePath; });
    result.cancelled = isCancelled();
    result.elapsedMs = timer.elapsed();
    qCDebug(lcAudit) << "audit scanned" << result.files << "files," << result.bytes << "bytes,"
                     << result.findings.size() << "findings in" << result.elapsedMs << "ms";
    return result;
}

void AuditScanner::start(const Options &options)
{
    detach();
    m_guard = std::make_shared<Guard>();
    m_guard->scanner = this;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_future = QtConcurrent::run([guard = m_guard, options, flag = m_cancelled] {
        const Result result = scan(
            options, flag.get(),
            [guard](const Progress &progress) {
                QMutexLocker lock(&guard->mutex);
                if (guard->scanner)
                    Q_EMIT guard->scanner->progressChanged(progress);
            },
            [guard](const QList<AuditFinding> &findings) {
                QMutexLocker lock(&guard->mutex);
                if (guard->scanner)
                    Q_EMIT guard->scanner->findingsAdded(findings);
            });
        QMutexLocker lock(&guard->mutex);
        if (guard->scanner)
            Q_EMIT guard->scanner->finished(result);
    });
}

void AuditScanner::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

bool AuditScanner::isRunning() const
{
    return m_future.isRunning();
}

void AuditScanner::waitForFinished()
{
    m_future.waitForFinished();
}
