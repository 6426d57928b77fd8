#pragma once

#include "cutoveractionjob.h"
#include "cutovergatesjob.h"
#include "cutoverjournal.h"
#include "cutoverrunbook.h"
#include "migrationplan.h"

#include <QBasicTimer>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class ServerSession;
struct InventorySnapshot;

// The work behind the Cutover step and `handover cutover`: the runbook generated from the plan (regenerated
// when the plan changes, the lead's edits kept), the journal beside the plan file (ticks, notes, overrides,
// actions and their results; a tick counts only once its transaction committed), the gates (the plan's own
// and the servers', CutoverGatesJob) and the confirmed actions (CutoverActionJob). A run is "live" or a
// rehearsal ("rehearsal-<UTC time>"), kept apart in the same journal. While live (the page is open) it
// follows the journal (another process may tick it) and evaluates the gates again every `gateIntervalMs`.
// No widgets: the page and the CLI are views of it.
class CutoverController : public QObject
{
    Q_OBJECT
public:
    static constexpr char kLiveRun[] = "live";
    static constexpr int DefaultGateIntervalMs = 30000;

    CutoverController(MigrationPlan *plan, ServerSession *session, QObject *parent = nullptr);
    ~CutoverController() override;

    // The journal beside the plan file (CutoverJournal::pathForPlan). False (and journalError()) when it
    // cannot be opened: the runbook still shows, nothing can be ticked.
    bool openJournalFor(const QString &planPath);
    void closeJournal();
    bool isJournalOpen() const { return m_journal.isOpen(); }
    QString journalPath() const { return m_journal.path(); }
    const JournalError &journalError() const { return m_journalError; }
    QByteArray journalSha256() const;

    // Who ticks: the OS user by default.
    QString operatorName() const { return m_by; }
    void setOperatorName(const QString &name);
    static QString osUser();

    // Runs: the live run and the rehearsals the journal holds (newest last).
    QString run() const { return m_run; }
    void setRun(const QString &run);
    bool isRehearsal() const { return m_run != QLatin1String(kLiveRun); }
    QStringList rehearsals() const { return m_rehearsals; }
    // Starts a rehearsal run (a note entry opens it) and switches to it. Empty on a journal error.
    QString startRehearsal();

    // What the runbook's after-cutover steps follow, from the old server's inventory: its environments in the
    // server's order (one Tentacle upgrade wave each) and its polling Tentacles. False, and *section
    // unchanged, when the snapshot is incomplete (it has errors) or says nothing new. The controller adopts
    // every complete inventory of the old server the session takes; `handover plan` adopts its own.
    static bool adoptInventory(CutoverSection *section, const InventorySnapshot &snapshot);

    const QList<CutoverRunbook::Step> &steps() const { return m_steps; }
    const CutoverRunbook::Step *step(const QString &id) const;
    const CutoverRunbook::RunState &state() const { return m_state; }
    QList<JournalEntry> entries() const { return m_entries; }
    // The gates of the steps in order, with the last evaluation and the run's overrides.
    QList<CutoverRunbook::Gate> gates() const;
    std::optional<CutoverRunbook::Gate> gateOf(const QString &stepId) const;

    // The lead's acts. Each writes one journal entry and returns only once it is durable; false (and
    // *error, translated) when it is refused or the journal could not write it.
    // A step whose gate fails (and is not overridden) or was not evaluated cannot be ticked.
    bool tick(const QString &stepId, const QString &note, QString *error);
    bool untick(const QString &stepId, QString *error);
    bool addNote(const QString &stepId, const QString &text, QString *error);
    bool overrideGate(const QString &stepId, const QString &reason, QString *error);

    // Gates: the plan's at once, the servers' through CutoverGatesJob (both servers as the session has them).
    void evaluateGates();
    bool isEvaluatingGates() const { return !m_gatesJob.isNull(); }
    void setLive(bool live, int gateIntervalMs = DefaultGateIntervalMs);

    // The step's action: what the confirmation must say (the server by name and URL, what will happen),
    // empty with *whyNot when it cannot run now.
    QString actionConfirmation(const QString &stepId, QString *whyNot) const;
    // Runs it (after the user confirmed): an "action" entry before, a "result" entry with the outcome after.
    bool runAction(const QString &stepId, QString *error);
    bool isRunningAction() const { return !m_actionJob.isNull(); }

    // What the run's disable-clone-items action recorded (the re-enable action and its gate use it).
    QList<CutoverItem> disabledItems() const;

    // A rehearsal's timings become the planned durations (in the plan's cutover section).
    bool adoptTimingsOf(const QString &run);

    // Plan edits through the runbook's rules.
    void setOwner(const QString &stepId, const QString &owner);
    void setPlannedMinutes(const QString &stepId, int minutes);
    QString addStep(const QString &afterStepId, const QString &title);

Q_SIGNALS:
    void stepsChanged(); // the runbook was generated again
    void stateChanged(); // the run's entries changed (this or another process)
    void gatesChanged(); // an evaluation finished or a gate changed
    void evaluatingChanged(bool evaluating);
    void actionFinished(const QString &stepId, bool ok, const QString &summary); // summary translated
    void journalFailed(const QString &message);                                  // translated

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void regenerate();
    void reload();
    void follow();
    bool append(const QString &kind, const QString &stepId, const QString &text, const QJsonObject &detail,
                QString *error);
    void applyServerGate(const CutoverGate &gate);
    QUrl publicUrl() const;

    MigrationPlan *m_plan;
    ServerSession *m_session;
    CutoverJournal m_journal;
    JournalError m_journalError;
    QString m_by;
    QString m_run = QString::fromLatin1(kLiveRun);
    QStringList m_rehearsals;
    QList<CutoverRunbook::Step> m_steps;
    QList<JournalEntry> m_allEntries; // every run's
    QList<JournalEntry> m_entries;    // this run's
    CutoverRunbook::RunState m_state;
    QMap<QString, CutoverRunbook::Gate> m_evaluated; // by gate id
    QPointer<CutoverGatesJob> m_gatesJob;
    QPointer<CutoverActionJob> m_actionJob;
    QBasicTimer m_followTimer;
    QBasicTimer m_gateTimer;
    qint64 m_lastSequence = 0;
};
