#include "cutovercontroller.h"

#include "controllerslogging.h"
#include "inventorysnapshot.h"
#include "octopusclient.h"
#include "osuser.h"
#include "serversession.h"
#include "tentaclemachines.h"

#include <QJsonDocument>
#include <QSet>
#include <QTimerEvent>

#include <algorithm>

namespace {

constexpr int kFollowIntervalMs = 1000;

// The run's state from journal entries (all of `entries` when `run` is empty, else those of that run).
CutoverRunbook::RunState foldRun(const QList<CutoverRunbook::Step> &steps, const QList<JournalEntry> &entries,
                                 const QString &run)
{
    QList<CutoverRunbook::Entry> folded;
    for (const JournalEntry &e : entries) {
        if (run.isEmpty() || e.run == run)
            folded.append({e.sequence, e.kind, e.stepId, e.by, e.at, e.text, e.detail});
    }
    return CutoverRunbook::fold(steps, folded);
}

QString serverName(const QUrl &url)
{
    return url.host().isEmpty() ? url.toString() : url.host();
}

std::optional<CutoverAction> jobActionOf(CutoverRunbook::Action action)
{
    switch (action) {
    case CutoverRunbook::Action::MaintenanceOn:
        return CutoverAction::MaintenanceOn;
    case CutoverRunbook::Action::MaintenanceOff:
        return CutoverAction::MaintenanceOff;
    case CutoverRunbook::Action::DisableCloneItems:
        return CutoverAction::DisableCloneItems;
    case CutoverRunbook::Action::ReenableCloneItems:
        return CutoverAction::ReenableCloneItems;
    case CutoverRunbook::Action::QueueTentacleUpgrade:
        return CutoverAction::QueueTentacleUpgrade;
    case CutoverRunbook::Action::None:
        break;
    }
    return std::nullopt;
}

ServerRole serverOf(CutoverRunbook::Action action)
{
    return action == CutoverRunbook::Action::MaintenanceOn || action == CutoverRunbook::Action::MaintenanceOff
               ? ServerRole::Old
               : ServerRole::New;
}

} // namespace

CutoverController::CutoverController(MigrationPlan *plan, ServerSession *session, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_session(session)
    , m_by(osUser())
{
    connect(m_plan, &MigrationPlan::changed, this, &CutoverController::regenerate);
    if (m_session) {
        auto adopt = [this] {
            CutoverSection section = m_plan->cutover();
            if (const auto &snapshot = m_session->inventory(ServerRole::Old);
                snapshot && adoptInventory(&section, *snapshot))
                m_plan->setCutover(section);
        };
        connect(m_session, &ServerSession::inventoryChanged, this, [adopt](ServerRole role) {
            if (role == ServerRole::Old)
                adopt();
        });
        adopt();
    }
    regenerate();
}

bool CutoverController::adoptInventory(CutoverSection *section, const InventorySnapshot &snapshot)
{
    if (!snapshot.errors.isEmpty())
        return false;
    CutoverSection adopted = *section;
    adopted.environments.clear();
    for (const InventoryNamed &e : snapshot.environments)
        adopted.environments.append({e.id, e.name, e.spaceId});
    const QList<TentacleMachine> machines = tentacleMachinesFrom(snapshot);
    adopted.pollingTentacles = int(std::count_if(machines.cbegin(), machines.cend(),
                                                 [](const TentacleMachine &m) { return m.isPolling(); }));
    if (adopted == *section)
        return false;
    *section = adopted;
    return true;
}

CutoverController::~CutoverController()
{
    if (m_gatesJob)
        m_gatesJob->cancel();
    if (m_actionJob)
        m_actionJob->cancel();
}

QString CutoverController::osUser()
{
    const QString user = osUserName();
    return user.isEmpty() ? tr("operator") : user;
}

void CutoverController::setOperatorName(const QString &name)
{
    m_by = name.trimmed().isEmpty() ? osUser() : name.trimmed();
}

bool CutoverController::openJournalFor(const QString &planPath)
{
    m_journal.close();
    m_journalError = JournalError();
    m_allEntries.clear();
    m_lastSequence = 0;
    if (planPath.isEmpty()) {
        m_journalError = {JournalError::Kind::Io, QString(), tr("the plan has not been saved yet")};
        reload();
        return false;
    }
    const bool ok = m_journal.open(CutoverJournal::pathForPlan(planPath), &m_journalError);
    reload();
    return ok;
}

void CutoverController::closeJournal()
{
    m_journal.close();
    m_allEntries.clear();
    m_lastSequence = 0;
    reload();
}

QByteArray CutoverController::journalSha256() const
{
    JournalError error;
    return m_journal.isOpen() ? m_journal.contentSha256(&error) : QByteArray();
}

void CutoverController::setRun(const QString &run)
{
    const QString next = run.isEmpty() ? QString::fromLatin1(kLiveRun) : run;
    if (next == m_run)
        return;
    m_run = next;
    m_evaluated.clear(); // a rehearsal may run against other servers
    reload();
    Q_EMIT gatesChanged();
    if (m_gateTimer.isActive())
        evaluateGates();
}

QString CutoverController::startRehearsal()
{
    const QString run = QStringLiteral("rehearsal-") +
                        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ"));
    JournalEntry entry;
    entry.kind = QStringLiteral("note");
    entry.run = run;
    entry.by = m_by;
    entry.text = tr("Rehearsal started against %1 and %2")
                     .arg(m_plan->serverUrl(ServerRole::Old).toString(),
                          m_plan->serverUrl(ServerRole::New).toString());
    JournalError error;
    if (!m_journal.isOpen() || !m_journal.append(entry, &error)) {
        if (m_journal.isOpen()) {
            m_journalError = error;
            Q_EMIT journalFailed(error.text());
        }
        return {};
    }
    m_run = run;
    m_evaluated.clear();
    follow();
    reload();
    Q_EMIT gatesChanged();
    if (m_gateTimer.isActive())
        evaluateGates();
    return run;
}

const CutoverRunbook::Step *CutoverController::step(const QString &id) const
{
    for (const CutoverRunbook::Step &s : m_steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

void CutoverController::regenerate()
{
    CutoverRunbook::Inputs inputs;
    inputs.plan = m_plan->data();
    m_steps = CutoverRunbook::generate(inputs);
    m_state = foldRun(m_steps, m_entries, QString());
    Q_EMIT stepsChanged();
    Q_EMIT stateChanged();
}

void CutoverController::reload()
{
    if (m_journal.isOpen()) {
        JournalError error;
        const QList<JournalEntry> all = m_journal.entries(QString(), &error);
        if (error.isError()) {
            m_journalError = error;
            Q_EMIT journalFailed(error.text());
        } else {
            m_allEntries = all;
        }
    }
    m_rehearsals.clear();
    m_entries.clear();
    for (const JournalEntry &e : std::as_const(m_allEntries)) {
        m_lastSequence = qMax(m_lastSequence, e.sequence);
        if (e.run.startsWith(QLatin1String("rehearsal-")) && !m_rehearsals.contains(e.run))
            m_rehearsals << e.run;
        if (e.run == m_run)
            m_entries << e;
    }
    m_state = foldRun(m_steps, m_entries, QString());
    Q_EMIT stateChanged();
}

void CutoverController::follow()
{
    if (!m_journal.isOpen())
        return;
    JournalError error;
    const QList<JournalEntry> newer = m_journal.entriesAfter(m_lastSequence, &error);
    if (error.isError()) {
        qCWarning(lcControllers) << "cutover journal:" << error.text();
        return;
    }
    if (newer.isEmpty())
        return;
    m_allEntries += newer;
    reload();
}

bool CutoverController::append(const QString &kind, const QString &stepId, const QString &text,
                               const QJsonObject &detail, QString *error)
{
    if (!m_journal.isOpen()) {
        if (error)
            *error = m_journalError.isError() ? m_journalError.text()
                                              : tr("The cutover journal is not open: save the plan first.");
        return false;
    }
    JournalEntry entry;
    entry.kind = kind;
    entry.stepId = stepId;
    entry.run = m_run;
    entry.by = m_by;
    entry.text = text;
    if (!detail.isEmpty())
        entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    JournalError journalError;
    if (!m_journal.append(entry, &journalError)) {
        if (error)
            *error = journalError.text();
        Q_EMIT journalFailed(journalError.text());
        return false;
    }
    follow(); // picks up this entry and any another process committed before it
    return true;
}

QList<CutoverRunbook::Gate> CutoverController::gates() const
{
    QMap<QString, CutoverRunbook::Gate> evaluated = m_evaluated;
    for (const CutoverRunbook::Gate &g :
         CutoverRunbook::planGates(m_plan->data(), m_steps, QDateTime::currentDateTimeUtc()))
        evaluated.insert(g.id, g);
    QMap<QString, QString> overrides;
    for (auto it = m_state.steps.cbegin(); it != m_state.steps.cend(); ++it) {
        if (!it->overrideReason.isEmpty())
            overrides.insert(it.key(), it->overrideReason);
    }
    return CutoverRunbook::gatesOf(m_steps, evaluated, overrides);
}

std::optional<CutoverRunbook::Gate> CutoverController::gateOf(const QString &stepId) const
{
    for (const CutoverRunbook::Gate &g : gates()) {
        if (g.stepId == stepId)
            return g;
    }
    return std::nullopt;
}

bool CutoverController::tick(const QString &stepId, const QString &note, QString *error)
{
    const CutoverRunbook::Step *s = step(stepId);
    if (!s) {
        if (error)
            *error = tr("There is no step '%1' in the runbook.").arg(stepId);
        return false;
    }
    if (m_state.steps.value(stepId).done) {
        if (error)
            *error = tr("'%1' is ticked already.").arg(s->title);
        return false;
    }
    if (const auto gate = gateOf(stepId)) {
        using Status = CutoverRunbook::Gate::Status;
        if (gate->status == Status::Fail || gate->status == Status::Pending) {
            if (error)
                *error = gate->status == Status::Fail
                             ? tr("The gate \"%1\" fails: %2. Tick it once it passes, or override it with a "
                                  "written reason.")
                                   .arg(gate->title, gate->evidence)
                             : tr("The gate \"%1\" has not been checked yet. Check the gates, or override it "
                                  "with a written reason.")
                                   .arg(gate->title);
            return false;
        }
    }
    return append(QStringLiteral("tick"), stepId, note.trimmed(), {}, error);
}

bool CutoverController::untick(const QString &stepId, QString *error)
{
    if (!m_state.steps.value(stepId).done) {
        if (error)
            *error = tr("'%1' is not ticked.").arg(stepId);
        return false;
    }
    return append(QStringLiteral("untick"), stepId, QString(), {}, error);
}

bool CutoverController::addNote(const QString &stepId, const QString &text, QString *error)
{
    if (text.trimmed().isEmpty()) {
        if (error)
            *error = tr("A note needs some text.");
        return false;
    }
    return append(QStringLiteral("note"), stepId, text.trimmed(), {}, error);
}

bool CutoverController::overrideGate(const QString &stepId, const QString &reason, QString *error)
{
    const CutoverRunbook::Step *s = step(stepId);
    if (!s || s->gateId.isEmpty()) {
        if (error)
            *error = tr("The step '%1' has no gate to override.").arg(stepId);
        return false;
    }
    if (reason.trimmed().size() < 3) {
        if (error)
            *error = tr("An override needs a written reason.");
        return false;
    }
    const auto gate = gateOf(stepId);
    QJsonObject detail{{QStringLiteral("gate"), s->gateId}};
    if (gate) {
        detail.insert(QStringLiteral("status"), CutoverRunbook::gateStatusName(gate->status));
        detail.insert(QStringLiteral("evidence"), gate->evidence);
    }
    if (!append(QStringLiteral("override"), stepId, reason.trimmed(), detail, error))
        return false;
    // A pending gate overridden counts as failed-and-overridden.
    if (gate && gate->status == CutoverRunbook::Gate::Status::Pending) {
        CutoverRunbook::Gate failed = *gate;
        failed.status = CutoverRunbook::Gate::Status::Fail;
        failed.evidence = tr("not checked");
        m_evaluated.insert(failed.id, failed);
    }
    Q_EMIT gatesChanged();
    return true;
}

QUrl CutoverController::publicUrl() const
{
    const DomainDecision &domain = m_plan->domain();
    if (domain.choice == DomainDecision::Choice::KeepName)
        return domain.oldPublicUrl;
    if (domain.choice == DomainDecision::Choice::NewName)
        return domain.newPublicUrl;
    return {};
}

void CutoverController::evaluateGates()
{
    if (m_gatesJob)
        return;
    OctopusClient *oldClient = m_session ? m_session->client(ServerRole::Old) : nullptr;
    OctopusClient *newClient = m_session ? m_session->client(ServerRole::New) : nullptr;
    CutoverGatesParameters parameters;
    parameters.publicUrl = publicUrl();
    parameters.quietMinutes = m_plan->cutover().quietMinutes;
    parameters.disabledItems = disabledItems();
    auto *job = new CutoverGatesJob(oldClient, newClient, parameters, this);
    m_gatesJob = job;
    connect(job, &CutoverGatesJob::gateChanged, this, &CutoverController::applyServerGate);
    connect(job, &CutoverGatesJob::finished, this, [this, job](const CutoverGatesJob::Result &result) {
        for (const CutoverGate &gate : result.gates)
            applyServerGate(gate);
        job->deleteLater();
        Q_EMIT evaluatingChanged(false);
        Q_EMIT gatesChanged();
    });
    Q_EMIT evaluatingChanged(true);
    job->start();
}

void CutoverController::applyServerGate(const CutoverGate &gate)
{
    CutoverRunbook::Gate g;
    g.id = gate.id;
    g.title = CutoverRunbook::gateTitle(gate.id);
    // A gate that could not be checked holds its step like a failing one; the evidence says why.
    g.status = gate.status == CutoverGate::Status::Pass ? CutoverRunbook::Gate::Status::Pass
                                                        : CutoverRunbook::Gate::Status::Fail;
    g.evidence = gate.evidence;
    g.checkedAt = gate.checkedAt;
    m_evaluated.insert(g.id, g);
    Q_EMIT gatesChanged();
}

void CutoverController::setLive(bool live, int gateIntervalMs)
{
    if (live) {
        m_followTimer.start(kFollowIntervalMs, this);
        m_gateTimer.start(qMax(1000, gateIntervalMs), this);
        follow();
        evaluateGates();
    } else {
        m_followTimer.stop();
        m_gateTimer.stop();
    }
}

void CutoverController::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_followTimer.timerId())
        follow();
    else if (event->timerId() == m_gateTimer.timerId())
        evaluateGates();
    else
        QObject::timerEvent(event);
}

QString CutoverController::actionConfirmation(const QString &stepId, QString *whyNot) const
{
    auto refuse = [whyNot](const QString &why) {
        if (whyNot)
            *whyNot = why;
        return QString();
    };
    const CutoverRunbook::Step *s = step(stepId);
    if (!s || s->action == CutoverRunbook::Action::None)
        return refuse(tr("This step has no action."));
    if (m_actionJob)
        return refuse(tr("Another action is running."));
    if (!m_journal.isOpen())
        return refuse(tr("The cutover journal is not open: save the plan first."));
    const ServerRole role = serverOf(s->action);
    if (!m_session || !m_session->canConnect(role))
        return refuse(role == ServerRole::Old ? tr("The old server cannot be reached: connect it first.")
                                              : tr("The new server cannot be reached: connect it first."));
    const QUrl url = m_plan->serverUrl(role);
    const QString server = role == ServerRole::Old
                               ? tr("the OLD server %1 (%2)").arg(serverName(url), url.toString())
                               : tr("the NEW server %1 (%2)").arg(serverName(url), url.toString());
    switch (s->action) {
    case CutoverRunbook::Action::MaintenanceOn:
        return tr("Put %1 into maintenance mode? Only administrators can change anything on it until it is "
                  "taken out again.")
            .arg(server);
    case CutoverRunbook::Action::MaintenanceOff:
        return tr("Take %1 out of maintenance mode? Everyone can deploy on it again.").arg(server);
    case CutoverRunbook::Action::DisableCloneItems:
        return tr("Disable on %1 every enabled deployment target, worker, project trigger and subscription? "
                  "Exactly those are recorded in the journal and enabled again after cutover.")
            .arg(server);
    case CutoverRunbook::Action::ReenableCloneItems: {
        const int count = int(disabledItems().size());
        if (count == 0)
            return refuse(tr("Nothing was disabled on the clone in this run."));
        return tr("Enable again on %1 the %n item(s) disabled before cutover (and nothing else)?", nullptr,
                  count)
            .arg(server);
    }
    case CutoverRunbook::Action::QueueTentacleUpgrade: {
        QString environment = s->actionArgument;
        for (const CutoverSection::Environment &e : m_plan->cutover().environments) {
            if (e.id == s->actionArgument)
                environment = QStringLiteral("%1 (%2)").arg(e.name, e.id);
        }
        return tr("Queue on %1 an upgrade task for every Tentacle in the environment %2?")
            .arg(server, environment);
    }
    case CutoverRunbook::Action::None:
        break;
    }
    return refuse(tr("This step has no action."));
}

bool CutoverController::runAction(const QString &stepId, QString *error)
{
    QString whyNot;
    if (actionConfirmation(stepId, &whyNot).isEmpty()) {
        if (error)
            *error = whyNot;
        return false;
    }
    const CutoverRunbook::Step *s = step(stepId);
    const ServerRole role = serverOf(s->action);
    const CutoverAction action = *jobActionOf(s->action);
    const QJsonObject detail{
        {QStringLiteral("action"), CutoverActionJob::actionName(action)},
        {QStringLiteral("server"), role == ServerRole::Old ? QStringLiteral("old") : QStringLiteral("new")},
        {QStringLiteral("serverUrl"), m_plan->serverUrl(role).toString()}};
    if (!append(QStringLiteral("action"), stepId, CutoverActionJob::actionName(action), detail, error))
        return false;
    auto *job = new CutoverActionJob(m_session->client(role), action, this);
    if (s->action == CutoverRunbook::Action::ReenableCloneItems)
        job->setItems(disabledItems());
    if (s->action == CutoverRunbook::Action::QueueTentacleUpgrade)
        job->setEnvironment(s->actionSpaceId, s->actionArgument);
    m_actionJob = job;
    connect(job, &CutoverActionJob::finished, this,
            [this, job, stepId](const CutoverActionJob::Result &result) {
                job->deleteLater();
                QString summary;
                if (!result.refusalText.isEmpty())
                    summary = result.refusalText;
                else if (result.action == CutoverAction::DisableCloneItems)
                    summary = tr("%n item(s) disabled", nullptr, int(result.items.size()));
                else if (result.action == CutoverAction::ReenableCloneItems)
                    summary = tr("%n item(s) enabled again", nullptr, int(result.items.size()));
                else if (result.action == CutoverAction::QueueTentacleUpgrade)
                    summary = result.taskId.isEmpty() ? tr("no task queued")
                                                      : tr("task %1 queued").arg(result.taskId);
                else if (result.maintenance)
                    summary = *result.maintenance ? tr("maintenance mode is on (read back)")
                                                  : tr("maintenance mode is off (read back)");
                if (!result.ok)
                    summary = tr("failed: %1").arg(summary.isEmpty() ? tr("see the journal") : summary);
                if (!result.failed.isEmpty())
                    summary += QStringLiteral("; ") +
                               tr("%n item(s) could not be changed", nullptr, int(result.failed.size()));
                QString writeError;
                append(QStringLiteral("result"), stepId, summary, result.toJson(), &writeError);
                Q_EMIT actionFinished(stepId, result.ok, summary);
                evaluateGates(); // the action changes what the gates see
            });
    job->start();
    return true;
}

QList<CutoverItem> CutoverController::disabledItems() const
{
    // The newest result of this run's disable action.
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        const JournalEntry &e = m_entries.at(i);
        if (e.kind != QLatin1String("result"))
            continue;
        const QJsonObject detail = QJsonDocument::fromJson(e.detail.toUtf8()).object();
        const CutoverActionJob::Result result = CutoverActionJob::Result::fromJson(detail);
        if (result.action == CutoverAction::DisableCloneItems && detail.contains(QLatin1String("action")))
            return result.items;
    }
    return {};
}

bool CutoverController::adoptTimingsOf(const QString &run)
{
    const QMap<QString, int> minutes =
        CutoverRunbook::elapsedMinutes(m_steps, foldRun(m_steps, m_allEntries, run));
    if (minutes.isEmpty())
        return false;
    m_plan->setCutover(CutoverRunbook::withTimingsOf(m_plan->cutover(), minutes));
    return true;
}

void CutoverController::setOwner(const QString &stepId, const QString &owner)
{
    CutoverSection section = m_plan->cutover();
    if (CutoverRunbook::setOwner(&section, stepId, owner.trimmed()))
        m_plan->setCutover(section);
}

void CutoverController::setPlannedMinutes(const QString &stepId, int minutes)
{
    CutoverSection section = m_plan->cutover();
    if (CutoverRunbook::setPlannedMinutes(&section, stepId, minutes))
        m_plan->setCutover(section);
}

QString CutoverController::addStep(const QString &afterStepId, const QString &title)
{
    CutoverSection section = m_plan->cutover();
    const QString id = CutoverRunbook::addStep(&section, m_steps, afterStepId, title.trimmed());
    m_plan->setCutover(section);
    return id;
}
