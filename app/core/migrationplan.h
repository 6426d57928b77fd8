#pragma once

#include "planerror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Every decision the migration lead makes, as plain values. Each section is a small struct with
// toJson()/fromJson(); keys a section does not know are kept in `extra` and written back unchanged, so a
// file written by a newer minor version of Handover loses nothing when this version saves it.
// API keys are deliberately absent: they live in memory (SessionCredentials) or the keychain, never here.

enum class ServerRole
{
    Old,
    New
};

// Where one Octopus Server instance is reached. URL only.
struct ServerConnection
{
    QUrl url;
    QString proxy; // how to reach it: "" the system's proxy settings, "none", or http://HOST:PORT
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, ServerConnection *out, QString *error);
    bool operator==(const ServerConnection &) const = default;
};

// Will the new instance keep the old one's DNS name? Decides whether polling Tentacles must be cloned.
struct DomainDecision
{
    enum class Choice
    {
        Undecided,
        KeepName,
        NewName
    };
    Choice choice = Choice::Undecided;
    QUrl oldPublicUrl; // what Tentacles and CI servers use today, e.g. https://octopusdeploy.example.com
    QUrl newPublicUrl; // with NewName: the clone's public URL
    QString notes;
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, DomainDecision *out, QString *error);
    bool operator==(const DomainDecision &) const = default;
    static QString choiceName(Choice choice); // "undecided", "keep-name", "new-name"
};

// One polling Tentacle the lead has re-pointed, and what the new server said about it since.
struct TentacleMark
{
    enum class Verification
    {
        Pending,  // re-pointed, not yet confirmed by the new server
        Verified, // the new server's health check reached it
        Failed    // the new server's health check did not reach it
    };
    QString spaceId;
    QDateTime repointedAt; // UTC
    Verification verification = Verification::Pending;
    QDateTime checkedAt;  // UTC, when the new server last answered for it
    QString healthStatus; // the new server's HealthStatus then
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, TentacleMark *out, QString *error);
    bool operator==(const TentacleMark &) const = default;
    static QString verificationName(Verification verification); // "pending", "verified", "failed"
};

// The Polling Tentacles step: re-pointed machines by id. JSON:
//   {"machines": {"Machines-12": {"spaceId", "repointedAt", "verification", "checkedAt", "healthStatus"}}}
struct TentaclesSection
{
    QMap<QString, TentacleMark> machines;
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, TentaclesSection *out, QString *error);
    bool operator==(const TentaclesSection &) const = default;
};

// What the lead decided about one integration (a system at one place that talks to the old server) and how
// far its move has come. Verified is evidence, never a tick: the new server saw it (build information, an
// event, the key's use) after the repoint was marked.
struct CiIntegrationRecord
{
    enum class Decision
    {
        Undecided,
        Repoint,
        Retire,
        NotNeeded
    };
    enum class Status
    {
        Pending,
        Repointed,
        Verified
    };
    QString system; // kept so the row stays visible when its evidence leaves the window
    QString location;
    Decision decision = Decision::Undecided;
    QString owner;
    QString notes;
    Status status = Status::Pending;
    QDateTime repointedAt; // UTC, when the lead marked it repointed
    QDateTime verifiedAt;  // UTC, the time of the new server's evidence
    QString verifiedBy;    // that evidence, one line (never a key)
    QJsonObject extra;

    static QString decisionName(Decision decision); // "undecided", "repoint", "retire", "not-needed"
    static QString statusName(Status status);       // "pending", "repointed", "verified"
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, CiIntegrationRecord *out, QString *error);
    bool operator==(const CiIntegrationRecord &) const = default;
};

// The CI integrations step. JSON:
//   {"windowDays": 30, "integrations": {"jenkins:jenkins.corp.example": {"system", "location", "decision",
//    "owner", "notes", "status", "repointedAt", "verifiedAt", "verifiedBy"}},
//    "lastRefresh": {"at", "talkingToOld", "notVerified"} (absent before the first refresh), ...unknown keys
//    kept}
struct CiIntegrationsSection
{
    int windowDays = 30;                             // how far back evidence is read
    QMap<QString, CiIntegrationRecord> integrations; // by CiIntegrations::Integration::id
    // The last refresh, in counts only (what the Domain step shows): when, how many integrations the old
    // server saw in the window, and how many of those are not verified on the new server yet.
    QDateTime lastRefreshAt; // UTC; invalid: never refreshed
    int talkingToOld = 0;
    int notVerified = 0;
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, CiIntegrationsSection *out, QString *error);
    bool operator==(const CiIntegrationsSection &) const = default;
};

// The drift meter (Test plan & drift step): the lead's budget, the clone time when the lead gives it, and the
// last check in counts only (what other steps show). JSON:
//   {"amberAfterDays": 3, "redAfterDays": 7, "structuralThreshold": 20, "cloneTime": "" (ISO UTC; empty:
//    detected from both servers' events), "lastCheck": {"at", "cloneTime", "cloneTimeSource":
//    "detected|given", "state": "green|amber|red", "changesSinceClone", "changesOnClone",
//    "structuralChanges"} (absent before the first check), ...unknown keys kept}
struct DriftSection
{
    int amberAfterDays = 3;       // amber once the clone is this many days old
    int redAfterDays = 7;         // red from this age
    int structuralThreshold = 20; // red earlier above this many process and variable edits on the old server
    QDateTime cloneTime;          // UTC, given by the lead; invalid: detected
    struct LastCheck
    {
        QDateTime at; // UTC
        QDateTime cloneTime;
        bool cloneTimeGiven = false;
        QString state; // "green", "amber", "red"
        int changesSinceClone = 0;
        int changesOnClone = 0;
        int structuralChanges = 0;
        bool operator==(const LastCheck &) const = default;
    };
    std::optional<LastCheck> lastCheck;
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, DriftSection *out, QString *error);
    bool operator==(const DriftSection &) const = default;
};

// Placeholder sections: later issues give them typed fields. Until then their whole content is kept.

// What the last finished script-audit scan found, in counts only (never snippets, paths or keys). JSON:
//   {"at": "2026-11-26T12:03:00.000Z", "files": 27, "findingsByCategory": {"old-server-url": 12, ...},
//    "mentionsOfOldServer": 12, "filesMentioningOldServer": 5}
struct ScriptAuditScanSummary
{
    QDateTime at; // UTC, when the scan finished
    int files = 0;
    QMap<QString, int> findingsByCategory; // category name ("old-server-url", ...) -> findings
    int mentionsOfOldServer = 0;           // findings naming the old server's URL or host
    int filesMentioningOldServer = 0;      // files with at least one of them
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, ScriptAuditScanSummary *out, QString *error);
    bool operator==(const ScriptAuditScanSummary &) const = default;
};

// The lead's decision about one script-audit finding: fixed (the script was changed) or accepted (it may
// stay as it is), who decided and when. `findingKey` is AuditPlanState::findingKey (file, line, category and
// a hash of the masked snippet), never a secret.
struct AuditMark
{
    enum class Kind
    {
        Fixed,
        Accepted
    };
    QString findingKey;
    Kind kind = Kind::Fixed;
    QString by;   // the user who marked it; empty in files written before marks were typed
    QDateTime at; // UTC; invalid in files written before marks were typed
    QString note; // optional
    QJsonObject extra;

    static QString kindName(Kind kind); // "fixed", "accepted"
    static std::optional<Kind> kindFromName(const QString &name);

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, AuditMark *out, QString *error);
    bool operator==(const AuditMark &) const = default;
};

// The Script audit step, all typed:
//   { "folders": ["/src/deploy-scripts", ...], "swaggerFile": "..." (optional),
//     "marks": [{"finding": "<key>", "kind": "fixed|accepted", "by": "...", "at": "ISO UTC", "note": "..."}],
//     "lastScan": {...}, ...unknown keys kept }
// Files from format 1.0 kept the marks as {"decisions": {"<key>": "fixed|accepted"}}; they load into
// `marks` (without who and when) and are saved as "marks".
struct ScriptAuditSection
{
    QStringList folders;
    QString swaggerFile; // the new server's swagger.json, saved to a file (optional)
    QList<AuditMark> marks;
    QJsonArray otherMarks; // marks of a kind this version does not know (a newer writer's), kept as they are
    std::optional<ScriptAuditScanSummary> lastScan;
    QJsonObject extra;

    const AuditMark *mark(const QString &findingKey) const;
    // Replaces the mark for `mark.findingKey`; clearMark removes it. True when something changed.
    bool setMark(const AuditMark &mark);
    bool clearMark(const QString &findingKey);

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, ScriptAuditSection *out, QString *error);
    bool operator==(const ScriptAuditSection &) const = default;
};

// --- Test plan (issue 14) ---
// One row of the test plan: generated from the old server's usage (a stable id such as
// "smoke:Octopus.IIS" keeps the lead's owner, status and notes when the plan is generated again) or added
// by the lead (`custom`). `stale`: a generated row the evidence no longer asks for, kept because the lead
// had touched it.
struct TestPlanRow
{
    enum class Status
    {
        Untested,
        Passed,
        Failed,
        Skipped
    };
    QString id;
    QString kind;         // "smoke", "history", "sign-in", "api-script", "ci", "runbook", "custom"
    QString title;        // what to test
    QString why;          // why it is in the plan (one line)
    QStringList evidence; // the evidence, one line each
    QUrl evidenceUrl;     // where the evidence opens (the old server's portal), may be empty
    QString owner;
    Status status = Status::Untested;
    QString notes;
    QDateTime changedAt; // UTC, the last change (added, or the lead's last edit)
    bool custom = false;
    bool stale = false;
    QJsonObject extra;

    static QString statusName(Status status); // "untested", "passed", "failed", "skipped"
    static std::optional<Status> statusFromName(const QString &name);
    bool touched() const { return status != Status::Untested || !owner.isEmpty() || !notes.isEmpty(); }
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, TestPlanRow *out, QString *error);
    bool operator==(const TestPlanRow &) const = default;
};

// One training item the lead adds (what people must learn about the new version).
struct TestPlanTrainingItem
{
    QString id;
    QString text;
    QString owner;
    bool done = false;
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, TestPlanTrainingItem *out, QString *error);
    bool operator==(const TestPlanTrainingItem &) const = default;
};

// The Test plan step. JSON:
//   {"windowDays": 90, "generatedAt": "ISO UTC" (absent before the first generation),
//    "rows": [{"id", "kind", "title", "why", "evidence": [..], "evidenceUrl", "owner",
//              "status": "untested|passed|failed|skipped", "notes", "changedAt", "custom", "stale"}],
//    "training": [{"id", "text", "owner", "done"}], ...unknown keys kept}
// `rows` is in the lead's order.
struct TestPlanSection
{
    int windowDays = 90; // how far back usage is read
    QDateTime generatedAt;
    QList<TestPlanRow> rows;
    QList<TestPlanTrainingItem> training;
    QJsonObject extra;

    const TestPlanRow *row(const QString &id) const;
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, TestPlanSection *out, QString *error);
    bool operator==(const TestPlanSection &) const = default;
};
// --- end of test plan ---

// --- Cutover (issue 15) ---
// The lead's edits of one generated runbook step (CutoverRunbook), kept when the runbook is generated again.
struct CutoverStepEdit
{
    QString owner;
    int plannedMinutes = -1; // -1: the generated duration
    QString notes;
    QJsonObject extra;

    bool isEmpty() const
    {
        return owner.isEmpty() && plannedMinutes < 0 && notes.isEmpty() && extra.isEmpty();
    }
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, CutoverStepEdit *out, QString *error);
    bool operator==(const CutoverStepEdit &) const = default;
};

// A step the lead adds to the runbook: it follows the step `after` (or opens its phase when empty).
struct CutoverCustomStep
{
    QString id;    // "custom:<n>"
    QString phase; // "before", "cutover", "after", "rollback"
    QString after;
    QString title;
    QString why;
    QString owner;
    int plannedMinutes = 5;
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, CutoverCustomStep *out, QString *error);
    bool operator==(const CutoverCustomStep &) const = default;
};

// The Cutover step. The journal of the night (ticks, overrides, actions) is never here: it is the SQLite
// file beside the plan (CutoverJournal). JSON:
//   {"quietMinutes": 15, "environments": [{"id", "name", "spaceId"}], "pollingTentacles": N (absent:
//   unknown),
//    "edits": {"<step id>": {"owner", "plannedMinutes", "notes"}},
//    "customSteps": [{"id", "phase", "after", "title", "why", "owner", "plannedMinutes"}], ...unknown keys
//    kept}
struct CutoverSection
{
    struct Environment
    {
        QString id;
        QString name;
        QString spaceId;
        bool operator==(const Environment &) const = default;
    };
    int quietMinutes = 15; // the "nobody still talking to the old server" gate looks back this far
    // What the runbook's after-cutover steps follow, as the old server's inventory gave them when the
    // runbook was last built from the servers: the environments in the server's order (one Tentacle upgrade
    // wave each), and the polling Tentacles (-1: not read yet). Stored so that the runbook, and its step ids,
    // are the same offline (handover cutover --plan) as in the wizard.
    QList<Environment> environments;
    int pollingTentacles = -1;
    QMap<QString, CutoverStepEdit> edits;
    QList<CutoverCustomStep> customSteps;
    QJsonObject extra;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &json, CutoverSection *out, QString *error);
    bool operator==(const CutoverSection &) const = default;
};
// --- end of cutover ---

// The whole plan as a value. JSON layout (format 1):
//   { "kind": "handover.plan", "formatVersion": 1, "formatMinorVersion": 1,
//     "oldServer": {"url": "...", "proxy": "..." (optional)}, "newServer": {"url": "..."},
//     "domain": {"choice": "undecided|keep-name|new-name", "oldPublicUrl": "", "newPublicUrl": "", "notes":
//     ""}, "tentacles": {"machines": {...}}, "ciIntegrations": {}, "scriptAudit": {}, "testPlan": {},
//     "drift": {}, "cutover": {}, ...unknown keys kept }
struct PlanData
{
    static constexpr auto Kind = "handover.plan";
    static constexpr int FormatVersion = 1;      // bumped when an older Handover could not read the file
    static constexpr int FormatMinorVersion = 5; // bumped for additions an older Handover may ignore
    // 1.1: scriptAudit.marks (typed, with who and when) replaces scriptAudit.decisions
    // 1.2: ciIntegrations.windowDays and .integrations (decisions, owners, repointed and verified)
    // 1.3: drift (budget, given clone time, last check)
    // 1.4: testPlan.windowDays, .rows (owner, status, notes, changed, the lead's order and rows), .training
    // 1.5: cutover (the runbook's edits and custom steps, the quiet window) replaces the empty cutoverJournal

    int formatMinorVersion = FormatMinorVersion; // as read; saving keeps the higher of this and ours
    ServerConnection oldServer;
    ServerConnection newServer;
    DomainDecision domain;
    TentaclesSection tentacles;
    CiIntegrationsSection ciIntegrations;
    ScriptAuditSection scriptAudit;
    TestPlanSection testPlan;
    DriftSection drift;
    CutoverSection cutover;
    QJsonObject extra; // unknown top-level keys

    const ServerConnection &server(ServerRole role) const
    {
        return role == ServerRole::Old ? oldServer : newServer;
    }
    ServerConnection &server(ServerRole role) { return role == ServerRole::Old ? oldServer : newServer; }

    QJsonObject toJson() const;
    // Fills *error (kind Corrupt or NewerVersion, path left empty) and returns false on failure.
    static bool fromJson(const QJsonObject &json, PlanData *out, PlanError *error);
    bool operator==(const PlanData &) const = default;
};

// The live plan the wizard edits. Pages read it in initializePage() and write through the setters; every
// setter that changes something emits changed(). replaceData() (File > New/Open) emits replaced() too.
class MigrationPlan : public QObject
{
    Q_OBJECT
public:
    explicit MigrationPlan(QObject *parent = nullptr);

    const PlanData &data() const { return m_data; }
    void replaceData(const PlanData &data);

    QUrl serverUrl(ServerRole role) const { return m_data.server(role).url; }
    void setServerUrl(ServerRole role, const QUrl &url);
    QString serverProxy(ServerRole role) const { return m_data.server(role).proxy; }
    void setServerProxy(ServerRole role, const QString &proxy);

    const DomainDecision &domain() const { return m_data.domain; }
    void setDomain(const DomainDecision &domain);

    const TentaclesSection &tentacles() const { return m_data.tentacles; }
    void setTentacles(const TentaclesSection &section);

    const CiIntegrationsSection &ciIntegrations() const { return m_data.ciIntegrations; }
    void setCiIntegrations(const CiIntegrationsSection &section);

    const ScriptAuditSection &scriptAudit() const { return m_data.scriptAudit; }
    void setScriptAudit(const ScriptAuditSection &section);

    const TestPlanSection &testPlan() const { return m_data.testPlan; }
    void setTestPlan(const TestPlanSection &section);

    const DriftSection &drift() const { return m_data.drift; }
    void setDrift(const DriftSection &section);

    const CutoverSection &cutover() const { return m_data.cutover; }
    void setCutover(const CutoverSection &section);

Q_SIGNALS:
    void changed();
    void replaced();

private:
    template<typename T>
    void assign(T &field, const T &value);

    PlanData m_data;
};
