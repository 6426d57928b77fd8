#include "runbookexportcontroller.h"

#include "apierrortext.h"
#include "ciintegrationscontroller.h"
#include "controllerslogging.h"
#include "cutovercontroller.h"
#include "driftcontroller.h"
#include "readinesschecker.h"
#include "readinessmodel.h"
#include "runbookreportbuilder.h"
#include "serversession.h"
#include "tentaclemachines.h"
#include "tentaclescontroller.h"
#include "testplancontroller.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSet>
#include <QTimerEvent>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int kThumbprintPollMs = 100;

QString statusName(ReadinessCheck::Status status)
{
    return ReadinessCheck::statusName(status);
}

RunbookReportBuilder::Check checkOf(const ReadinessCheck &check)
{
    return {check.id, statusName(check.status), check.message};
}

} // namespace

RunbookExportController::RunbookExportController(MigrationPlan *plan, ServerSession *session, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_session(session)
{}

RunbookExportController::~RunbookExportController() = default;

void RunbookExportController::setSources(TentaclesController *tentacles, CiIntegrationsController *ci,
                                         DriftController *drift, TestPlanController *testPlan,
                                         CutoverController *cutover)
{
    m_tentacles = tentacles;
    m_ci = ci;
    m_drift = drift;
    m_testPlan = testPlan;
    m_cutover = cutover;
}

void RunbookExportController::setPlanFileName(const QString &path)
{
    m_planPath = path;
}

void RunbookExportController::setServerStatus(ServerRole role, const QString &version,
                                              const QList<ReadinessCheck> &checks)
{
    Status &status = m_status[index(role)];
    status.known = true;
    status.version = version;
    status.checks = checks;
    status.checkedAt = QDateTime::currentDateTimeUtc();
    const QString reachable = (role == ServerRole::Old ? QStringLiteral("old") : QStringLiteral("new")) +
                              QStringLiteral(".reachable");
    status.read = !version.isEmpty();
    for (const ReadinessCheck &check : checks) {
        if (check.id == reachable)
            status.read = check.status == ReadinessCheck::Status::Pass;
    }
}

TentaclesController *RunbookExportController::tentacles() const
{
    return m_tentacles ? m_tentacles.data() : m_ownTentacles;
}

CiIntegrationsController *RunbookExportController::ci() const
{
    return m_ci ? m_ci.data() : m_ownCi;
}

DriftController *RunbookExportController::drift() const
{
    return m_drift ? m_drift.data() : m_ownDrift;
}

void RunbookExportController::addError(ServerRole role, const QString &message)
{
    QStringList &errors = m_errors[index(role)];
    if (!message.isEmpty() && !errors.contains(message))
        errors << message;
}

RunbookDocument::Document RunbookExportController::document() const
{
    RunbookReportBuilder::Input in;
    in.plan = m_plan->data();
    in.planName = m_planPath.isEmpty() ? tr("unsaved plan") : QFileInfo(m_planPath).fileName();
    in.exportedAt = QDateTime::currentDateTimeUtc();

    // Both servers at export time. The pair's checks are printed once.
    QSet<QString> pairSeen;
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        const Status &status = m_status[index(role)];
        RunbookReportBuilder::ServerStatus &out = role == ServerRole::Old ? in.oldServer : in.newServer;
        out.read = status.read;
        out.version = status.version;
        out.checkedAt = status.checkedAt;
        const QString prefix = role == ServerRole::Old ? QStringLiteral("old.") : QStringLiteral("new.");
        for (const ReadinessCheck &check : status.checks) {
            if (check.id.startsWith(prefix)) {
                out.checks << checkOf(check);
                if (!status.read && check.id == prefix + QStringLiteral("reachable") &&
                    check.status == ReadinessCheck::Status::Fail)
                    out.error = check.message;
            } else if (!check.id.startsWith(QLatin1String("old.")) &&
                       !check.id.startsWith(QLatin1String("new.")) && !pairSeen.contains(check.id)) {
                pairSeen.insert(check.id);
                in.pairChecks << checkOf(check);
            }
        }
        const QStringList &errors = m_errors[index(role)];
        if (!status.read && !errors.isEmpty())
            out.error = errors.join(QStringLiteral("; "));
    }

    // The polling Tentacles from the old server's inventory.
    const TentaclesController *t = tentacles();
    if (t) {
        in.tentacleOptions = t->commandOptions();
    } else {
        in.tentacleOptions = TentacleCommands::optionsFor(*m_plan, QString());
    }
    if (m_session && m_session->inventory(ServerRole::Old)) {
        in.machines = t ? t->machines() : pollingMachinesFrom(*m_session->inventory(ServerRole::Old));
    } else {
        const QStringList &errors = m_errors[index(ServerRole::Old)];
        in.tentaclesNote = errors.isEmpty() ? QString() : errors.join(QStringLiteral("; "));
    }

    // CI rows of this session's refresh, when there was one.
    if (const CiIntegrationsController *c = ci(); c && !c->integrations().isEmpty())
        in.ciRows = c->integrations();

    if (m_testPlan && m_testPlan->hasUsage())
        in.comparisons = m_testPlan->comparisons();

    if (const DriftController *d = drift()) {
        if (d->hasReport()) {
            in.drift = d->report();
        } else if (d->cloneTimeUnknown()) {
            in.driftNote = tr("the clone time could not be detected: the new server holds no event the old "
                              "server holds identically");
        } else {
            QStringList errors;
            for (const ApiError &error : d->lastErrors())
                errors << ApiErrorText::describe(error);
            in.driftNote = errors.join(QStringLiteral("; "));
        }
    } else if (!m_errors[0].isEmpty() || !m_errors[1].isEmpty()) {
        in.driftNote = tr("the servers could not be read");
    }

    // The runbook and the run's journal.
    if (m_cutover) {
        in.steps = m_cutover->steps();
        in.run = m_cutover->run();
        in.hasJournal = m_cutover->isJournalOpen();
        if (in.hasJournal) {
            in.journalSha256 = QString::fromLatin1(m_cutover->journalSha256());
            for (const JournalEntry &e : m_cutover->entries())
                in.entries.append({e.sequence, e.kind, e.stepId, e.by, e.at, e.text, e.detail});
            in.gates = m_cutover->gates();
        } else if (m_cutover->journalError().isError()) {
            in.journalNote = m_cutover->journalError().text();
        }
    } else {
        in.journalNote = tr("the journal was not opened for this export");
    }
    return RunbookReportBuilder::build(in);
}

bool RunbookExportController::exportTo(const QString &path, RunbookDocument::Format format,
                                       RunbookDocument::Paper paper, QString *error) const
{
    QString reason;
    if (RunbookDocument::writeFile(document(), format, path, paper, &reason))
        return true;
    qCWarning(lcControllers) << "runbook not written:" << path << reason;
    if (error)
        *error = reason;
    return false;
}

bool RunbookExportController::startExport(const QString &path, RunbookDocument::Format format,
                                          RunbookDocument::Paper paper)
{
    if (m_exporting)
        return false;
    m_exporting = true;
    Q_EMIT exportingChanged(true);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString reason = watcher->result();
        m_exporting = false;
        if (!reason.isEmpty())
            qCWarning(lcControllers) << "runbook not written:" << path << reason;
        Q_EMIT exportingChanged(false);
        Q_EMIT exported(path, reason.isEmpty(), reason);
    });
    // The document is a value: the pool works on its own copy while the plan may change.
    watcher->setFuture(QtConcurrent::run([document = document(), format, path, paper] {
        QString reason;
        if (RunbookDocument::writeFile(document, format, path, paper, &reason))
            return QString();
        return reason.isEmpty()
                   ? QCoreApplication::translate("RunbookExportController", "the file could not be written")
                   : reason;
    }));
    return true;
}

void RunbookExportController::partDone()
{
    if (m_outstanding <= 0)
        return;
    if (--m_outstanding > 0)
        return;
    // The last part: the pair's checks once both servers answered.
    if (m_checker) {
        const QList<ReadinessCheck> checks = m_checker->checks(true);
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            if (m_status[index(role)].known)
                m_status[index(role)].checks = checks;
        }
    }
    Q_EMIT refreshed();
}

void RunbookExportController::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_thumbprintWait.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    // The thumbprint's request ends within its timeout; it says so only when it succeeds.
    const TentaclesController *t = tentacles();
    if (!t || !t->isFetchingThumbprint()) {
        m_thumbprintWait.stop();
        partDone();
    }
}

void RunbookExportController::refresh()
{
    if (isRefreshing())
        return;
    m_errors[0].clear();
    m_errors[1].clear();
    m_outstanding = 1; // this function's own part: nothing ends before every part has started
    const bool canOld = m_session && m_session->canConnect(ServerRole::Old);
    const bool canNew = m_session && m_session->canConnect(ServerRole::New);
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        if (!(role == ServerRole::Old ? canOld : canNew))
            addError(role,
                     role == ServerRole::Old
                         ? tr("the old server cannot be reached from this session (no URL or no API key)")
                         : tr("the new server cannot be reached from this session (no URL or no API key)"));
    }

    // Readiness and version of each server.
    delete m_checker;
    m_checker = nullptr;
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        delete m_models[index(role)];
        m_models[index(role)] = nullptr;
        if (!(role == ServerRole::Old ? canOld : canNew))
            continue;
        auto *model = new ReadinessModel(m_session->client(role), role, this);
        model->setInterval(0);
        m_models[index(role)] = model;
        ++m_outstanding;
        connect(model, &ReadinessModel::refreshed, this, [this, model, role] {
            Status &status = m_status[index(role)];
            const ServerFacts &facts = model->facts();
            status.known = true;
            status.read = facts.reachable.value_or(false);
            status.version = facts.version;
            status.checks = model->checks(true);
            status.checkedAt = QDateTime::currentDateTimeUtc();
            if (facts.reachError.isError())
                addError(role, ApiErrorText::describe(facts.reachError));
            partDone();
        });
    }
    if (m_models[0] && m_models[1])
        m_checker = new ReadinessChecker(m_models[0], m_models[1], this);

    if (m_session) {
        // The polling Tentacles: the old server's inventory, and the new server's certificate thumbprint for
        // the commands.
        if (!m_tentacles && !m_ownTentacles)
            m_ownTentacles = new TentaclesController(m_plan, m_session, this);
        if (canOld && !m_session->isTakingInventory()) {
            ++m_outstanding;
            auto failed = std::make_shared<QMetaObject::Connection>();
            auto running = std::make_shared<QMetaObject::Connection>();
            *failed = connect(m_session, &ServerSession::inventoryFailed, this,
                              [this](const QString &message) { addError(ServerRole::Old, message); });
            *running = connect(m_session, &ServerSession::inventoryRunningChanged, this,
                               [this, failed, running](bool isRunning) {
                                   if (isRunning)
                                       return;
                                   disconnect(*failed);
                                   disconnect(*running);
                                   partDone();
                               });
            m_session->takeInventory();
            if (!m_session->isTakingInventory()) {
                disconnect(*failed);
                disconnect(*running);
                partDone();
            }
        }
        if (canNew) {
            TentaclesController *t = tentacles();
            t->fetchThumbprint();
            if (t->isFetchingThumbprint()) {
                ++m_outstanding;
                m_thumbprintWait.start(kThumbprintPollMs, this);
            }
        }

        // CI evidence and drift, both servers.
        if (!m_ci && !m_ownCi)
            m_ownCi = new CiIntegrationsController(m_plan, m_session, this);
        if (!m_drift && !m_ownDrift)
            m_ownDrift = new DriftController(m_plan, m_session, this);
        CiIntegrationsController *c = ci();
        if (c->canRefresh() && !c->isRefreshing()) {
            ++m_outstanding;
            auto done = std::make_shared<QMetaObject::Connection>();
            *done = connect(
                c, &CiIntegrationsController::refreshingChanged, this, [this, c, done](bool refreshing) {
                    if (refreshing)
                        return;
                    disconnect(*done);
                    for (const ApiError &error : c->lastErrors()) {
                        if (error.kind != ApiErrorKind::Cancelled)
                            addError(error.server.value_or(ServerRole::Old), ApiErrorText::describe(error));
                    }
                    partDone();
                });
            c->refresh();
            if (!c->isRefreshing()) {
                disconnect(*done);
                partDone();
            }
        }
        DriftController *d = drift();
        if (d->canRefresh() && !d->isRefreshing()) {
            ++m_outstanding;
            auto done = std::make_shared<QMetaObject::Connection>();
            *done = connect(d, &DriftController::refreshingChanged, this, [this, d, done](bool refreshing) {
                if (refreshing)
                    return;
                disconnect(*done);
                for (const ApiError &error : d->lastErrors()) {
                    if (error.kind != ApiErrorKind::Cancelled)
                        addError(error.server.value_or(ServerRole::Old), ApiErrorText::describe(error));
                }
                partDone();
            });
            d->refresh();
            if (!d->isRefreshing()) {
                disconnect(*done);
                partDone();
            }
        }
    }

    for (ReadinessModel *model : m_models) {
        if (model)
            model->start();
    }
    partDone(); // this function's own part
}
