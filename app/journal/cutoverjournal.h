#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// What went wrong with a journal, as a value; text() is the one place that words it for people.
struct JournalError
{
    enum class Kind
    {
        None,
        NotAJournal, // an SQLite database of something else, or not a database at all: never touched
        NewerFormat, // a journal written by a newer Handover: read-only here
        Corrupt,     // the journal's own checks or SQLite's found damage
        DiskFull,    // nothing of the failed write was kept; everything committed before is
        ReadOnly,    // the file or its folder cannot be written
        Busy,        // another process held the journal past the busy timeout
        Io,          // any other failure to open, read or write
    };
    Kind kind = Kind::None;
    QString path;
    QString detail; // SQLite's own words, untranslated

    bool isError() const { return kind != Kind::None; }
    QString text() const;
};

// One row of the journal: a tick, an untick, a note, a gate override, an action or its result.
struct JournalEntry
{
    qint64 sequence = 0; // assigned when the entry commits; increases in commit order across processes
    QString kind;        // "tick", "untick", "note", "override", "action", "result"
    QString stepId;      // the runbook step it belongs to ("" for the run as a whole)
    QString run;         // "live", or a rehearsal's id ("rehearsal-…"): runs are kept apart
    QString by;          // who (the OS user by default)
    QDateTime at;        // when, UTC, with milliseconds
    QString text;        // the note, the override's reason, what the action did
    QString detail;      // JSON text an action or result carries (server, call, answer); never a key

    bool operator==(const JournalEntry &) const = default;
};

// The cutover journal: an SQLite database beside the plan (NAME.handover-journal) in WAL mode with
// synchronous=FULL, through Qt SQL's SQLite driver. append() returns only once the entry's transaction has
// committed to disk, so an entry shown as done survives a crash or a power cut of the machine. Several
// processes (the wizard and `handover cutover --tick`) may append to the same journal at the same time: each
// append is one IMMEDIATE transaction, and a writer waits for another's commit (busy timeout) rather than
// failing. A file that is not a Handover journal is refused and never written to. The plan never holds the
// journal. Not thread-safe: one object per thread.
class CutoverJournal
{
public:
    static constexpr int kFormat = 1; // PRAGMA user_version of the journals this version writes
    static constexpr qint32 kApplicationId = 0x48414e44; // PRAGMA application_id: 'HAND'

    CutoverJournal();
    ~CutoverJournal();
    CutoverJournal(const CutoverJournal &) = delete;
    CutoverJournal &operator=(const CutoverJournal &) = delete;

    // NAME.handover → NAME.handover-journal (any other name: the name + ".handover-journal").
    static QString pathForPlan(const QString &planPath);

    // Opens the journal at path, creating it when there is no file (or an empty one). An existing file must
    // be a Handover journal; anything else is refused without being changed. Returns false and fills error.
    bool open(const QString &path, JournalError *error);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // Appends entry and commits it durably. On success entry.sequence is its place in the journal, and
    // entry.at is set to now when it was invalid. On failure nothing of this entry is kept, and everything
    // appended before still is.
    bool append(JournalEntry &entry, JournalError *error);

    // Every entry (of one run when run is not empty) in sequence order, as on disk now: entries other
    // processes committed are included.
    QList<JournalEntry> entries(const QString &run, JournalError *error) const;
    // Entries after sequence `after`, for following a journal another process writes to.
    QList<JournalEntry> entriesAfter(qint64 after, JournalError *error) const;

    // SHA-256 (hex) of the journal's content: every entry in order, so that two printouts can be told apart.
    // Independent of SQLite's page layout and of WAL checkpoints.
    QByteArray contentSha256(JournalError *error) const;

    // Tests and benchmarks: SQLite's page limit, to simulate a full disk (SQLITE_FULL) without filling one.
    bool setMaxPageCount(int pages, JournalError *error);

private:
    bool openAndCheck(JournalError *error);
    bool initialise(JournalError *error);
    JournalError errorFrom(const QString &detail, int nativeCode) const;

    QString m_path;
    QString m_connection; // the Qt SQL connection name, unique per object
};
