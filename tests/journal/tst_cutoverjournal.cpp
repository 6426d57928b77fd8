// The cutover journal on a real SQLite file: durability across SIGKILL, two writers at once, foreign and
// damaged files left untouched, a full database that keeps what was committed.
#include "cutoverjournal.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

class TestCutoverJournal : public QObject
{
    Q_OBJECT

private slots:
    void journalSitsBesideThePlan_data();
    void journalSitsBesideThePlan();
    void entriesSurviveReopeningInOrder();
    void runsAreKeptApart();
    void foreignFilesAreRefusedAndLeftAsTheyAre_data();
    void foreignFilesAreRefusedAndLeftAsTheyAre();
    void newerFormatIsRefused();
    void editedRowBreaksTheChecksumChain();
    void damagedFileIsReportedAsCorrupt();
    void fullDatabaseKeepsEverythingCommitted();
    void killedTickerLosesNoAcknowledgedTick();
    void twoProcessesTickingAtOnceLoseNoRow();

private:
    static JournalEntry tick(const QString &step, const QString &by,
                             const QString &run = QStringLiteral("live"));
    static QByteArray fileDigest(const QString &path);
    QString tickerPath() const { return QStringLiteral(HANDOVER_BIN_DIR "/journal-ticker"); }
};

JournalEntry TestCutoverJournal::tick(const QString &step, const QString &by, const QString &run)
{
    JournalEntry entry;
    entry.kind = QStringLiteral("tick");
    entry.stepId = step;
    entry.run = run;
    entry.by = by;
    entry.text = QStringLiteral("note for ") + step;
    return entry;
}

QByteArray TestCutoverJournal::fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void TestCutoverJournal::journalSitsBesideThePlan_data()
{
    QTest::addColumn<QString>("plan");
    QTest::addColumn<QString>("journal");
    QTest::newRow("plan file") << "/srv/night/acme.handover"
                               << "/srv/night/acme.handover-journal";
    QTest::newRow("other name") << "/srv/night/acme.json"
                                << "/srv/night/acme.json.handover-journal";
}

void TestCutoverJournal::journalSitsBesideThePlan()
{
    QFETCH(QString, plan);
    QFETCH(QString, journal);
    QCOMPARE(CutoverJournal::pathForPlan(plan), journal);
}

void TestCutoverJournal::entriesSurviveReopeningInOrder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("night.handover-journal"));
    QList<JournalEntry> written;
    {
        CutoverJournal journal;
        JournalError error;
        QVERIFY2(journal.open(path, &error), qPrintable(error.text()));
        for (const char *step : {"announce", "freeze", "maintenance-on"}) {
            JournalEntry entry = tick(QString::fromLatin1(step), QStringLiteral("alice"));
            QVERIFY2(journal.append(entry, &error), qPrintable(error.text()));
            QVERIFY(entry.at.isValid());
            QCOMPARE(entry.at.timeSpec(), Qt::UTC);
            written.append(entry);
        }
        JournalEntry note;
        note.kind = QStringLiteral("override");
        note.stepId = QStringLiteral("maintenance-on");
        note.run = QStringLiteral("live");
        note.by = QStringLiteral("bob");
        note.at = QDateTime(QDate(2026, 12, 3), QTime(22, 15, 30, 250), Qt::UTC);
        note.text = QStringLiteral("Gate overridden: the queue is drained by hand — “ok” from ops");
        QVERIFY(journal.append(note, &error));
        written.append(note);
        QCOMPARE(written.last().sequence, 4);
    }
    QVERIFY(QFile::exists(path));
    CutoverJournal reopened;
    JournalError error;
    QVERIFY2(reopened.open(path, &error), qPrintable(error.text()));
    const QList<JournalEntry> read = reopened.entries(QString(), &error);
    QVERIFY(!error.isError());
    QCOMPARE(read, written);
    QCOMPARE(reopened.entriesAfter(2, &error), written.mid(2));
    const QByteArray digest = reopened.contentSha256(&error);
    QCOMPARE(digest.size(), 64);
    // One more entry changes the digest.
    JournalEntry more = tick(QStringLiteral("dns"), QStringLiteral("alice"));
    QVERIFY(reopened.append(more, &error));
    QVERIFY(reopened.contentSha256(&error) != digest);
}

void TestCutoverJournal::runsAreKeptApart()
{
    QTemporaryDir dir;
    CutoverJournal journal;
    JournalError error;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("j")), &error));
    JournalEntry live = tick(QStringLiteral("a"), QStringLiteral("alice"));
    JournalEntry rehearsal =
        tick(QStringLiteral("a"), QStringLiteral("alice"), QStringLiteral("rehearsal-1"));
    QVERIFY(journal.append(rehearsal, &error));
    QVERIFY(journal.append(live, &error));
    QCOMPARE(journal.entries(QStringLiteral("live"), &error), QList<JournalEntry>{live});
    QCOMPARE(journal.entries(QStringLiteral("rehearsal-1"), &error), QList<JournalEntry>{rehearsal});
    QCOMPARE(journal.entries(QString(), &error).size(), 2);
}

void TestCutoverJournal::foreignFilesAreRefusedAndLeftAsTheyAre_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("text file") << "text";
    QTest::newRow("another program's SQLite database") << "sqlite";
    QTest::newRow("a plan saved under the journal's name") << "plan";
}

void TestCutoverJournal::foreignFilesAreRefusedAndLeftAsTheyAre()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("night.handover-journal"));
    if (kind == QLatin1String("sqlite")) {
        const QString connection = QStringLiteral("foreign");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE photos (id INTEGER, name TEXT)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO photos VALUES (1, 'cat.jpg')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kind == QLatin1String("plan") ? QByteArray("{\"format\":\"1.2\",\"servers\":{}}\n")
                                                 : QByteArray("not a journal at all\n"));
    }
    const QByteArray before = fileDigest(path);
    CutoverJournal journal;
    JournalError error;
    QVERIFY(!journal.open(path, &error));
    QCOMPARE(error.kind, JournalError::Kind::NotAJournal);
    QVERIFY(error.text().contains(QStringLiteral("night.handover-journal")));
    QVERIFY(error.text().contains(QStringLiteral("not a Handover cutover journal")));
    QVERIFY(!journal.isOpen());
    QCOMPARE(fileDigest(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestCutoverJournal::newerFormatIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j"));
    {
        CutoverJournal journal;
        QVERIFY(journal.open(path, nullptr));
    }
    const QString connection = QStringLiteral("newer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version=%1").arg(CutoverJournal::kFormat + 1)));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    CutoverJournal journal;
    JournalError error;
    QVERIFY(!journal.open(path, &error));
    QCOMPARE(error.kind, JournalError::Kind::NewerFormat);
}

void TestCutoverJournal::editedRowBreaksTheChecksumChain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j"));
    CutoverJournal journal;
    JournalError error;
    QVERIFY(journal.open(path, &error));
    for (int i = 0; i < 3; ++i) {
        JournalEntry entry = tick(QStringLiteral("step-%1").arg(i), QStringLiteral("alice"));
        QVERIFY(journal.append(entry, &error));
    }
    QVERIFY(!journal.entries(QString(), &error).isEmpty());
    const QString connection = QStringLiteral("editor");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE entries SET by = 'mallory' WHERE sequence = 2")));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QVERIFY(journal.entries(QString(), &error).isEmpty());
    QCOMPARE(error.kind, JournalError::Kind::Corrupt);
    QVERIFY(error.detail.contains(QStringLiteral("entry 2")));
}

void TestCutoverJournal::damagedFileIsReportedAsCorrupt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j"));
    {
        CutoverJournal journal;
        QVERIFY(journal.open(path, nullptr));
        for (int i = 0; i < 400; ++i) {
            JournalEntry entry = tick(QStringLiteral("step-%1").arg(i), QStringLiteral("alice"));
            entry.text = QString(200, QLatin1Char('x'));
            QVERIFY(journal.append(entry, nullptr));
        }
    } // closing the last connection checkpoints the log into the database file
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.size() > 8 * 4096);
    for (qint64 page = 1; page * 4096 < file.size(); page += 2) { // every other page after the header
        file.seek(page * 4096);
        file.write(QByteArray(4096, char(0x5a)));
    }
    file.close();
    const QByteArray damaged = fileDigest(path);
    CutoverJournal journal;
    JournalError error;
    const bool opened = journal.open(path, &error);
    if (opened) // SQLite may open it: the damage then shows when the entries are read
        QVERIFY(journal.entries(QString(), &error).isEmpty());
    QCOMPARE(error.kind, JournalError::Kind::Corrupt);
    QVERIFY(error.text().contains(QStringLiteral("damaged")));
    journal.close();
    QCOMPARE(fileDigest(path), damaged);
}

void TestCutoverJournal::fullDatabaseKeepsEverythingCommitted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j"));
    CutoverJournal journal;
    JournalError error;
    QVERIFY(journal.open(path, &error));
    QList<JournalEntry> committed;
    for (int i = 0; i < 5; ++i) {
        JournalEntry entry = tick(QStringLiteral("step-%1").arg(i), QStringLiteral("alice"));
        QVERIFY(journal.append(entry, &error));
        committed.append(entry);
    }
    // SQLite's page limit stands in for a full disk: the same SQLITE_FULL the driver gets from a real one.
    QVERIFY(journal.setMaxPageCount(4, &error));
    bool full = false;
    for (int i = 0; i < 200 && !full; ++i) {
        JournalEntry entry = tick(QStringLiteral("big-%1").arg(i), QStringLiteral("alice"));
        entry.text = QString(3000, QLatin1Char('n'));
        if (journal.append(entry, &error))
            committed.append(entry);
        else
            full = true;
    }
    QVERIFY(full);
    QCOMPARE(error.kind, JournalError::Kind::DiskFull);
    QVERIFY(error.text().contains(QStringLiteral("is full")));
    QCOMPARE(journal.entries(QString(), &error), committed);
    journal.close();
    CutoverJournal reopened;
    QVERIFY(reopened.open(path, &error));
    QCOMPARE(reopened.entries(QString(), &error), committed);
}

void TestCutoverJournal::killedTickerLosesNoAcknowledgedTick()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("night.handover-journal"));
    QRandomGenerator random(20261203);
    QHash<qint64, QString> acknowledged; // sequence → who ticked it
    const int rounds = 30;
    for (int round = 0; round < rounds; ++round) {
        const QString by = QStringLiteral("ticker-%1").arg(round);
        QProcess ticker;
        ticker.start(tickerPath(), {path, by, QStringLiteral("0")});
        QVERIFY2(ticker.waitForStarted(), qPrintable(ticker.errorString()));
        // Kill it after a random number of acknowledgements, at a random moment inside the next tick.
        const int killAfter = 1 + int(random.bounded(12));
        int acks = 0;
        QByteArray pending;
        while (acks < killAfter) {
            QVERIFY2(ticker.waitForReadyRead(10000), ticker.readAllStandardError().constData());
            pending += ticker.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QList<QByteArray> words = pending.left(newline).split(' ');
                pending.remove(0, newline + 1);
                QCOMPARE(words.value(0), QByteArray("acked"));
                acknowledged.insert(words.value(1).toLongLong(), by);
                ++acks;
            }
        }
        QTest::qWait(int(random.bounded(3))); // the moment of the kill, not a wait for a result
        ::kill(pid_t(ticker.processId()), SIGKILL);
        QVERIFY(ticker.waitForFinished(10000));
        QCOMPARE(ticker.exitStatus(), QProcess::CrashExit);
        // Lines written before the kill that were not read yet are acknowledgements too.
        pending += ticker.readAllStandardOutput();
        for (const QByteArray &line : pending.split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() == 3 && words.at(0) == "acked")
                acknowledged.insert(words.at(1).toLongLong(), by);
        }
    }
    CutoverJournal journal;
    JournalError error;
    QVERIFY2(journal.open(path, &error), qPrintable(error.text()));
    const QList<JournalEntry> entries = journal.entries(QString(), &error);
    QVERIFY2(!error.isError(), qPrintable(error.text()));
    QHash<qint64, QString> found;
    for (const JournalEntry &entry : entries)
        found.insert(entry.sequence, entry.by);
    QVERIFY(acknowledged.size() >= rounds);
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        QVERIFY2(found.contains(it.key()), qPrintable(QStringLiteral("tick %1 lost").arg(it.key())));
        QCOMPARE(found.value(it.key()), it.value());
    }
    qInfo("%lld acknowledged ticks over %d SIGKILLs, all found; %lld entries in all",
          qlonglong(acknowledged.size()), rounds, qlonglong(entries.size()));
}

void TestCutoverJournal::twoProcessesTickingAtOnceLoseNoRow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("night.handover-journal"));
    const int each = 150;
    QProcess gui;
    QProcess cli;
    gui.start(tickerPath(), {path, QStringLiteral("gui"), QString::number(each)});
    cli.start(tickerPath(), {path, QStringLiteral("cli"), QString::number(each)});
    for (QProcess *p : {&gui, &cli}) {
        QVERIFY(p->waitForFinished(120000));
        const QByteArray stderrText = p->readAllStandardError();
        QVERIFY2(p->exitCode() == 0 && !stderrText.contains("error"), stderrText.constData());
        QCOMPARE(p->readAllStandardOutput().count('\n'), each);
    }
    CutoverJournal journal;
    JournalError error;
    QVERIFY(journal.open(path, &error));
    const QList<JournalEntry> entries = journal.entries(QString(), &error);
    QCOMPARE(entries.size(), 2 * each);
    QSet<QString> seen;
    for (int i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries.at(i).sequence, qint64(i + 1));
        seen.insert(entries.at(i).by + QLatin1Char('/') + entries.at(i).stepId);
    }
    QCOMPARE(seen.size(), 2 * each);
    QVERIFY(seen.contains(QStringLiteral("gui/step-%1").arg(each)));
    QVERIFY(seen.contains(QStringLiteral("cli/step-1")));
}

QTEST_GUILESS_MAIN(TestCutoverJournal)
#include "tst_cutoverjournal.moc"
