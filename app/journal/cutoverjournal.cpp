#include "cutoverjournal.h"

#include "journallogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

namespace {

// SQLite's primary result codes (the low byte of an extended code), as QSqlError::nativeErrorCode() gives.
enum SqliteCode
{
    kBusy = 5,
    kLocked = 6,
    kReadOnly = 8,
    kIoErr = 10,
    kCorrupt = 11,
    kFull = 13,
    kCantOpen = 14,
    kNotADb = 26,
};

// How long a writer waits for another process's transaction, and an opening for another process's setup.
constexpr int kBusyTimeoutMs = 15000;

const char kCreateEntries[] = "CREATE TABLE IF NOT EXISTS entries ("
                              " sequence INTEGER PRIMARY KEY,"
                              " kind TEXT NOT NULL, step_id TEXT NOT NULL, run TEXT NOT NULL,"
                              " by TEXT NOT NULL, at_utc TEXT NOT NULL, text TEXT NOT NULL,"
                              " detail TEXT NOT NULL,"
                              " chain TEXT NOT NULL)"; // SHA-256 of the previous row's chain and this row
const char kColumns[] = "sequence, kind, step_id, run, by, at_utc, text, detail, chain";

// Qt binds a null QString as SQL NULL; the columns are NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// The hash chain: each row's chain is SHA-256 over the previous chain and the row's fields, each
// length-prefixed so that no two different rows hash alike. The newest chain is the journal's digest.
QByteArray chainOf(const QByteArray &previous, const JournalEntry &entry, const QString &atUtc)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const QByteArray &field) {
        hash.addData(QByteArray::number(field.size()) + ':');
        hash.addData(field);
    };
    add(previous);
    add(QByteArray::number(entry.sequence));
    for (const QString *field :
         {&entry.kind, &entry.stepId, &entry.run, &entry.by, &atUtc, &entry.text, &entry.detail})
        add(field->toUtf8());
    return hash.result().toHex();
}

} // namespace

QString JournalError::text() const
{
    const QString name = QFileInfo(path).fileName();
    auto tr = [](const char *text) { return QCoreApplication::translate("CutoverJournal", text); };
    QString message;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::NotAJournal:
        message = tr("%1 is not a Handover cutover journal; it was left as it is. Move it away or choose "
                     "another plan name.");
        break;
    case Kind::NewerFormat:
        message = tr("%1 was written by a newer version of Handover; this version does not change it.");
        break;
    case Kind::Corrupt:
        message = tr("%1 is damaged; it was left as it is. Keep a copy for the record and start a new "
                     "journal beside a copy of the plan.");
        break;
    case Kind::DiskFull:
        message = tr("The disk holding %1 is full: the last entry was not recorded. Everything recorded "
                     "before it is safe. Free some space and record it again.");
        break;
    case Kind::ReadOnly:
        message = tr("%1 cannot be written (read-only file or folder).");
        break;
    case Kind::Busy:
        message = tr("%1 is held by another program for too long; try again.");
        break;
    case Kind::Io:
        message = tr("%1 could not be read or written.");
        break;
    }
    message = message.arg(name.isEmpty() ? path : name);
    if (!detail.isEmpty())
        message += QLatin1Char(' ') + tr("(SQLite: %1)").arg(detail);
    return message;
}

CutoverJournal::CutoverJournal()
    : m_connection(QStringLiteral("handover-journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

CutoverJournal::~CutoverJournal()
{
    close();
}

QString CutoverJournal::pathForPlan(const QString &planPath)
{
    if (planPath.endsWith(QLatin1String(".handover")))
        return planPath + QStringLiteral("-journal");
    return planPath + QStringLiteral(".handover-journal");
}

bool CutoverJournal::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void CutoverJournal::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

JournalError CutoverJournal::errorFrom(const QString &detail, int nativeCode) const
{
    JournalError error;
    error.path = m_path;
    error.detail = detail;
    switch (nativeCode & 0xff) {
    case kFull:
        error.kind = JournalError::Kind::DiskFull;
        break;
    case kCorrupt:
        error.kind = JournalError::Kind::Corrupt;
        break;
    case kNotADb:
        error.kind = JournalError::Kind::NotAJournal;
        break;
    case kReadOnly:
        error.kind = JournalError::Kind::ReadOnly;
        break;
    case kBusy:
    case kLocked:
        error.kind = JournalError::Kind::Busy;
        break;
    case kIoErr:
    case kCantOpen:
    default:
        error.kind = JournalError::Kind::Io;
        break;
    }
    return error;
}

namespace {

int nativeCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt();
}

} // namespace

bool CutoverJournal::open(const QString &path, JournalError *error)
{
    close();
    m_path = path;
    JournalError e;
    // SQLite answers some lock conflicts at once instead of through the busy timeout: a second process
    // opening the journal while the first turns it into WAL mode or creates it, or while it recovers the
    // log of a killed process. Such an open is tried again, with a growing pause, for as long as a writer
    // would wait for a transaction; every other failure is final.
    QDeadlineTimer deadline(kBusyTimeoutMs);
    for (int pauseMs = 5; !openAndCheck(&e) && e.kind == JournalError::Kind::Busy && !deadline.hasExpired();
         pauseMs = qMin(pauseMs * 2, 200)) {
        close();
        e = JournalError();
        QThread::msleep(qMin<qint64>(pauseMs, qMax<qint64>(1, deadline.remainingTime())));
    }
    if (e.isError()) {
        qCWarning(lcJournal) << "journal" << path << "not opened:" << e.detail;
        if (error)
            *error = e;
        close(); // every query of the failed attempt is gone by now
        return false;
    }
    qCInfo(lcJournal) << "journal open:" << path;
    return true;
}

bool CutoverJournal::openAndCheck(JournalError *error)
{
    const QString &path = m_path;
    auto fail = [&](JournalError e) {
        *error = e;
        return false;
    };
    // A file that is there and not empty must at least be an SQLite database before SQLite opens it.
    const QFileInfo info(path);
    const bool isNew = !info.exists() || info.size() == 0;
    if (!isNew) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail({JournalError::Kind::Io, path, file.errorString()});
        if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
            return fail({JournalError::Kind::NotAJournal, path, QString()});
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        // A writer waits this long for another process's transaction to commit.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open())
            return fail(errorFrom(db.lastError().text(), nativeCode(db.lastError())));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    // Read the identity before anything could write: a foreign database is never changed. One statement
    // reads the identity and the schema from one snapshot: another process creating the journal commits
    // both at once, and two statements could see one before and the other after its commit.
    if (!query.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id()),"
                                   " (SELECT count(*) FROM sqlite_master)")) ||
        !query.next())
        return fail(errorFrom(query.lastError().text(), nativeCode(query.lastError())));
    const qint32 applicationId = query.value(0).toInt();
    const int objects = query.value(1).toInt();
    query.finish();
    // An SQLite database with no identity and nothing in it is a journal another process is creating right
    // now (its first transaction has not committed yet) or an empty file: initialise() makes it a journal
    // under the write lock, or finds it made. Anything with content is someone else's.
    if (!isNew && applicationId != kApplicationId && (applicationId != 0 || objects != 0))
        return fail({JournalError::Kind::NotAJournal, path, QString()});
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail(errorFrom(query.lastError().text(), nativeCode(query.lastError())));
    const int format = query.value(0).toInt();
    query.finish();
    if (format > kFormat)
        return fail({JournalError::Kind::NewerFormat, path, QString()});

    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next() ||
        query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(errorFrom(query.lastError().text(), nativeCode(query.lastError())));
    query.finish();
    // FULL: in WAL mode every commit syncs the log before it returns, so a committed tick survives a power
    // cut, not only a crash of this process.
    if (!query.exec(QStringLiteral("PRAGMA synchronous=FULL")))
        return fail(errorFrom(query.lastError().text(), nativeCode(query.lastError())));
    if (!initialise(error))
        return false;
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next())
        return fail(errorFrom(query.lastError().text(), nativeCode(query.lastError())));
    if (query.value(0).toString() != QLatin1String("ok"))
        return fail({JournalError::Kind::Corrupt, path, query.value(0).toString().left(300)});
    query.finish();
    return true;
}

bool CutoverJournal::initialise(JournalError *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    auto fail = [&](const QSqlQuery &failed) {
        const JournalError e = errorFrom(failed.lastError().text(), nativeCode(failed.lastError()));
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        if (error)
            *error = e;
        return false;
    };
    // Two processes may create the same new journal at once: the second one finds it made.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(query);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return fail(query);
    const qint32 applicationId = query.value(0).toInt();
    query.finish();
    if (applicationId == 0) {
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
            return fail(query);
        const int objects = query.value(0).toInt();
        query.finish();
        if (objects != 0) { // someone else's database appeared meanwhile
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            if (error)
                *error = {JournalError::Kind::NotAJournal, m_path, QString()};
            return false;
        }
        if (!query.exec(QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId)) ||
            !query.exec(QStringLiteral("PRAGMA user_version=%1").arg(kFormat)) ||
            !query.exec(QString::fromLatin1(kCreateEntries)))
            return fail(query);
    } else if (applicationId != kApplicationId) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        if (error)
            *error = {JournalError::Kind::NotAJournal, m_path, QString()};
        return false;
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return fail(query);
    return true;
}

bool CutoverJournal::append(JournalEntry &entry, JournalError *error)
{
    if (!isOpen()) {
        if (error)
            *error = {JournalError::Kind::Io, m_path, QStringLiteral("not open")};
        return false;
    }
    if (!entry.at.isValid())
        entry.at = QDateTime::currentDateTimeUtc();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    auto fail = [&](const QSqlError &failed) {
        const JournalError e = errorFrom(failed.text(), nativeCode(failed));
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        qCWarning(lcJournal) << "journal entry not recorded:" << failed.text();
        if (error)
            *error = e;
        return false;
    };
    {
        QSqlQuery begin(db);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(begin.lastError());
    }
    QByteArray previous;
    qint64 sequence = 1;
    {
        QSqlQuery last(db);
        if (!last.exec(QStringLiteral("SELECT sequence, chain FROM entries ORDER BY sequence DESC LIMIT 1")))
            return fail(last.lastError());
        if (last.next()) {
            sequence = last.value(0).toLongLong() + 1;
            previous = last.value(1).toByteArray();
        }
    }
    // The write lock is held from BEGIN IMMEDIATE to COMMIT: no other process can take the same number.
    JournalEntry stored = entry;
    stored.sequence = sequence;
    const QString atUtc = isoUtc(entry.at);
    {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO entries (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                           .arg(QLatin1String(kColumns)));
        insert.addBindValue(sequence);
        insert.addBindValue(notNull(entry.kind));
        insert.addBindValue(notNull(entry.stepId));
        insert.addBindValue(notNull(entry.run));
        insert.addBindValue(notNull(entry.by));
        insert.addBindValue(atUtc);
        insert.addBindValue(notNull(entry.text));
        insert.addBindValue(notNull(entry.detail));
        insert.addBindValue(QString::fromLatin1(chainOf(previous, stored, atUtc)));
        if (!insert.exec())
            return fail(insert.lastError());
    }
    {
        QSqlQuery commit(db);
        if (!commit.exec(QStringLiteral("COMMIT")))
            return fail(commit.lastError());
    }
    entry.sequence = sequence;
    entry.at = entry.at.toUTC();
    return true;
}

namespace {

// Reads every row, checks each against the checksum chain from the start, and keeps those after `after`;
// lastChain is the newest row's chain.
bool readRows(const QSqlDatabase &db, qint64 after, const QString &path, QList<JournalEntry> *out,
              QByteArray *lastChain, JournalError *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT %1 FROM entries ORDER BY sequence").arg(QLatin1String(kColumns)))) {
        if (error) {
            error->path = path;
            error->detail = query.lastError().text();
            const int code = query.lastError().nativeErrorCode().toInt() & 0xff;
            error->kind = code == kCorrupt  ? JournalError::Kind::Corrupt
                          : code == kBusy   ? JournalError::Kind::Busy
                          : code == kNotADb ? JournalError::Kind::NotAJournal
                                            : JournalError::Kind::Io;
        }
        return false;
    }
    QByteArray chain;
    while (query.next()) {
        JournalEntry entry;
        entry.sequence = query.value(0).toLongLong();
        entry.kind = query.value(1).toString();
        entry.stepId = query.value(2).toString();
        entry.run = query.value(3).toString();
        entry.by = query.value(4).toString();
        const QString atUtc = query.value(5).toString();
        entry.at = QDateTime::fromString(atUtc, Qt::ISODateWithMs).toUTC();
        entry.text = query.value(6).toString();
        entry.detail = query.value(7).toString();
        const QByteArray stored = query.value(8).toByteArray();
        if (chainOf(chain, entry, atUtc) != stored) {
            if (error)
                *error = {JournalError::Kind::Corrupt, path,
                          QStringLiteral("entry %1 does not match the journal's checksum chain")
                              .arg(entry.sequence)};
            return false;
        }
        chain = stored;
        if (entry.sequence > after && out)
            out->append(entry);
    }
    if (lastChain)
        *lastChain = chain;
    return true;
}

} // namespace

QList<JournalEntry> CutoverJournal::entries(const QString &run, JournalError *error) const
{
    QList<JournalEntry> all;
    if (!isOpen() || !readRows(QSqlDatabase::database(m_connection, false), 0, m_path, &all, nullptr, error))
        return {};
    if (run.isEmpty())
        return all;
    QList<JournalEntry> ofRun;
    for (const JournalEntry &entry : std::as_const(all)) {
        if (entry.run == run)
            ofRun.append(entry);
    }
    return ofRun;
}

QList<JournalEntry> CutoverJournal::entriesAfter(qint64 after, JournalError *error) const
{
    QList<JournalEntry> rows;
    if (!isOpen() ||
        !readRows(QSqlDatabase::database(m_connection, false), after, m_path, &rows, nullptr, error))
        return {};
    return rows;
}

QByteArray CutoverJournal::contentSha256(JournalError *error) const
{
    QByteArray chain;
    if (!isOpen() ||
        !readRows(QSqlDatabase::database(m_connection, false), 0, m_path, nullptr, &chain, error))
        return {};
    if (chain.isEmpty()) // an empty journal: the digest of nothing
        return QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256).toHex();
    return chain;
}

bool CutoverJournal::setMaxPageCount(int pages, JournalError *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages))) {
        if (error)
            *error = errorFrom(query.lastError().text(), nativeCode(query.lastError()));
        return false;
    }
    return true;
}
