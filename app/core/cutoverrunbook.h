#pragma once

#include "migrationplan.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// The cutover night (issue 15) as pure functions over plain values: the runbook generated from the plan (its
// phases, steps, gates, actions, point of no return and rollback), the lead's edits kept across
// regenerations (CutoverSection), the gates that follow from the plan alone, and the state of a run folded
// from its journal entries. Qt Core only: the server-side gates and the actions are CutoverGatesJob's and
// CutoverActionJob's (app/octopus/cutover), the journal is CutoverJournal's (app/journal).
namespace CutoverRunbook {

enum class Phase
{
    Before,
    Cutover,
    After,
    Rollback
};
QString phaseName(Phase phase); // "before", "cutover", "after", "rollback"
std::optional<Phase> phaseFromName(const QString &name);
QString phaseTitle(Phase phase); // translated

// What a step can do for the lead, always after a confirmation that names the server.
enum class Action
{
    None,
    MaintenanceOn,       // on the old server
    MaintenanceOff,      // on the old server (rollback)
    DisableCloneItems,   // on the new server, before cutover
    ReenableCloneItems,  // on the new server, after cutover: exactly what was disabled
    QueueTentacleUpgrade // on the new server, one environment (Step::actionArgument)
};
QString actionName(Action action); // "none", "maintenance-on", ... (the CLI's JSON)

struct Step
{
    QString id; // stable: "cutover:maintenance-on", "after:upgrade:Environments-1", "custom:3"
    Phase phase = Phase::Before;
    QString title;
    QString why;
    QString owner;
    int plannedMinutes = 5;
    QStringList commands; // what to run or open, one per line; never a key
    QList<QUrl> links;
    QString gateId; // empty: no gate
    Action action = Action::None;
    QString actionArgument;       // QueueTentacleUpgrade: the environment id
    QString actionSpaceId;        // QueueTentacleUpgrade: the environment's space
    QString undoes;               // rollback steps: the step whose change they undo
    bool pointOfNoReturn = false; // past this step, rolling back loses work done on the new server
    bool custom = false;
    QString notes; // the lead's
};

// The environments the Tentacle upgrade waves follow, in the order the old server sorts them (dev first).
struct Environment
{
    QString id;
    QString name;
    QString spaceId;
};

struct Inputs
{
    PlanData plan;
    QList<Environment> environments; // empty: the plan's (CutoverSection::environments)
    int pollingTentacles = -1;       // -1: the plan's (CutoverSection::pollingTentacles)
};

// Gate ids (the CLI's JSON): server-side ones evaluated by CutoverGatesJob, plan-side ones by planGates().
inline constexpr char kGateOldMaintenance[] = "old-maintenance";
inline constexpr char kGateOldQueueDrained[] = "old-queue-drained";
inline constexpr char kGateNobodyTalking[] = "nobody-talking";
inline constexpr char kGateDnsNewServer[] = "dns-new-server";
inline constexpr char kGateCloneItemsReenabled[] = "clone-items-reenabled";
inline constexpr char kGateCiVerified[] = "ci-verified";
inline constexpr char kGateTentaclesVerified[] = "tentacles-verified";
inline constexpr char kGateTestPlanPassed[] = "test-plan-passed";

// The runbook for the plan: generated steps in order (before, cutover, after, rollback), the lead's edits
// applied (owner, planned minutes, notes), the lead's own steps in their places.
QList<Step> generate(const Inputs &inputs);

// The gate's title (translated), e.g. "The old server is in maintenance mode".
QString gateTitle(const QString &gateId);

struct Gate
{
    enum class Status
    {
        Pending, // not evaluated yet
        Pass,
        Fail,
        Manual,     // cannot be checked: the lead decides (the evidence says why)
        Overridden, // failed, and the lead went on with a written reason
    };
    QString id;
    QString stepId;
    QString title;
    Status status = Status::Pending;
    QString evidence; // one line: what was seen
    QDateTime checkedAt;
};
QString gateStatusName(Gate::Status status); // "pending", "pass", "fail", "manual", "overridden"

// The gates the plan alone answers (CI integrations verified, polling Tentacles verified, the test plan
// passed), evaluated at `now`. A step that was skipped makes its gate manual, saying so.
QList<Gate> planGates(const PlanData &plan, const QList<Step> &steps, const QDateTime &now);

// One gate per step that has one, in step order, from the evaluated results by id (missing: pending), with
// overrides applied.
QList<Gate> gatesOf(const QList<Step> &steps, const QMap<QString, Gate> &evaluated,
                    const QMap<QString, QString> &overrideReasons);

// --- a run, folded from its journal entries ---------------------------------------------------------------

// The part of a journal entry the fold needs (CutoverJournal's JournalEntry converts to it; core does not
// link the journal).
struct Entry
{
    qint64 sequence = 0;
    QString kind; // "tick", "untick", "note", "override", "action", "result"
    QString stepId;
    QString by;
    QDateTime at;
    QString text;
    QString detail;
};

struct StepState
{
    bool done = false;
    QString by;
    QDateTime doneAt;
    QStringList notes;      // "time by: text"
    QString overrideReason; // empty: no override
    QString lastActionResult;
};

struct RunState
{
    QMap<QString, StepState> steps; // by step id
    QDateTime startedAt;            // the first entry
    QDateTime lastAt;               // the newest entry
    QString currentStepId;          // the first step (outside rollback) not done; empty when all are
    int done = 0;
    int total = 0; // steps outside rollback
};
RunState fold(const QList<Step> &steps, const QList<Entry> &entries);

// Minutes a step took in a run: from the previous tick (or the run's start) to its own, at least 1.
QMap<QString, int> elapsedMinutes(const QList<Step> &steps, const RunState &run);

// A rehearsal's timings as the planned durations: the edits with plannedMinutes set from the run.
CutoverSection withTimingsOf(const CutoverSection &section, const QMap<QString, int> &minutes);

// The lead's edits. Each returns false when nothing changed.
bool setOwner(CutoverSection *section, const QString &stepId, const QString &owner);
bool setPlannedMinutes(CutoverSection *section, const QString &stepId, int minutes);
bool setNotes(CutoverSection *section, const QString &stepId, const QString &notes);
// Adds the lead's step after `afterStepId` (in that step's phase); returns its id.
QString addStep(CutoverSection *section, const QList<Step> &steps, const QString &afterStepId,
                const QString &title);

} // namespace CutoverRunbook
