#include "testplancontroller.h"

#include "auditfinding.h"
#include "controllerslogging.h"
#include "drift.h"
#include "driftcontroller.h"
#include "scriptauditcontroller.h"
#include "serversession.h"
#include "testplanexportwriter.h"
#include "usagejob.h"

#include <QDateTime>
#include <QHash>

namespace {

// What the drift meter's last reading says about each count: objects the old server changed since the
// clone, by the count they fall in.
QMap<QString, QString> driftExplanations(const DriftController *drift)
{
    QMap<QString, QString> out;
    if (!drift || !drift->hasReport())
        return out;
    const Drift::Report &report = drift->report();
    QHash<QString, int> oldChanged;
    QHash<QString, int> cloneChanged;
    auto keyOf = [](Drift::ObjectKind kind) -> QString {
        switch (kind) {
        case Drift::ObjectKind::Deployment:
            return QStringLiteral("Project.Deployments");
        case Drift::ObjectKind::Release:
            return QStringLiteral("Project.Releases");
        case Drift::ObjectKind::Project:
            return QStringLiteral("Project.Projects");
        case Drift::ObjectKind::Runbook:
            return QStringLiteral("Project.Runbooks");
        case Drift::ObjectKind::Target:
            return QStringLiteral("Infrastructure.DeploymentTargets");
        case Drift::ObjectKind::Worker:
            return QStringLiteral("Infrastructure.Workers");
        case Drift::ObjectKind::Environment:
            return QStringLiteral("Infrastructure.Environments");
        case Drift::ObjectKind::Tenant:
            return QStringLiteral("Infrastructure.Tenants");
        case Drift::ObjectKind::Package:
        case Drift::ObjectKind::BuildInformation:
            return QStringLiteral("Library.Packages");
        case Drift::ObjectKind::LibraryVariableSet:
            return QStringLiteral("Library.VariableSets");
        case Drift::ObjectKind::Certificate:
            return QStringLiteral("Library.Certificates");
        case Drift::ObjectKind::User:
            return QStringLiteral("Global.Users");
        case Drift::ObjectKind::Team:
            return QStringLiteral("Global.Teams");
        default:
            return QString();
        }
    };
    for (const Drift::ChangedObject &o : report.oldServer.objects) {
        if (const QString key = keyOf(o.kind); !key.isEmpty())
            ++oldChanged[key];
    }
    for (const Drift::ChangedObject &o : report.clone.objects) {
        if (const QString key = keyOf(o.kind); !key.isEmpty())
            ++cloneChanged[key];
    }
    QSet<QString> keys;
    for (auto it = oldChanged.begin(); it != oldChanged.end(); ++it)
        keys.insert(it.key());
    for (auto it = cloneChanged.begin(); it != cloneChanged.end(); ++it)
        keys.insert(it.key());
    for (const QString &key : std::as_const(keys)) {
        QStringList parts;
        if (const int n = oldChanged.value(key))
            parts << TestPlanController::tr("%n object(s) changed on the old server since the clone", nullptr,
                                            n);
        if (const int n = cloneChanged.value(key))
            parts << TestPlanController::tr("%n object(s) changed on the clone", nullptr, n);
        out.insert(key, parts.join(QStringLiteral("; ")));
    }
    return out;
}

} // namespace

TestPlanController::TestPlanController(MigrationPlan *plan, ServerSession *session, DriftController *drift,
                                       ScriptAuditController *audit, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_session(session)
    , m_drift(drift)
    , m_audit(audit)
{
    connect(m_plan, &MigrationPlan::replaced, this, [this] {
        cancel();
        m_usage[0] = {};
        m_usage[1] = {};
        m_errors.clear();
        m_hasUsage = false;
        Q_EMIT usageChanged();
    });
    if (m_session)
        connect(m_session, &ServerSession::clientsChanged, this, &TestPlanController::availabilityChanged);
    if (m_drift)
        connect(m_drift, &DriftController::reportChanged, this, [this] {
            if (m_hasUsage)
                Q_EMIT usageChanged(); // the explanations of the counts follow the drift meter
        });
}

TestPlanController::~TestPlanController()
{
    for (const QPointer<UsageJob> &job : m_jobs)
        delete job.data();
}

bool TestPlanController::canGenerate() const
{
    return m_session && m_session->canConnect(ServerRole::Old) && m_session->canConnect(ServerRole::New);
}

void TestPlanController::generate()
{
    if (isReading() || !canGenerate())
        return;
    m_errors.clear();
    m_outstanding = 2;
    m_progress[0] = m_progress[1] = {0, 0};
    const int window = m_plan->testPlan().windowDays;
    for (int i = 0; i < 2; ++i) {
        const ServerRole role = i == 0 ? ServerRole::Old : ServerRole::New;
        // The new server's counts are what matter; its usage window is short (its deployments since the
        // clone).
        auto *job = new UsageJob(m_session->client(role), i == 0 ? window : 1, this);
        m_jobs[i] = job;
        connect(job, &UsageJob::progress, this, [this, i](int done, int total) {
            m_progress[i] = {done, total};
            Q_EMIT progress(m_progress[0].first + m_progress[1].first,
                            m_progress[0].second + m_progress[1].second);
        });
        connect(job, &UsageJob::finished, this,
                [this, i, job](const TestPlan::Usage &usage, const QList<ApiError> &errors) {
                    job->deleteLater();
                    if (m_jobs[i] != job)
                        return; // cancelled
                    m_jobs[i].clear();
                    m_usage[i] = usage;
                    for (ApiError e : errors) {
                        if (e.kind == ApiErrorKind::Cancelled)
                            continue;
                        e.server = i == 0 ? ServerRole::Old : ServerRole::New;
                        m_errors.append(e);
                    }
                    if (--m_outstanding == 0)
                        onFinished();
                });
        job->start();
    }
    Q_EMIT readingChanged(true);
}

void TestPlanController::cancel()
{
    if (!isReading())
        return;
    for (QPointer<UsageJob> &job : m_jobs) {
        if (job)
            job->deleteLater();
        job.clear();
    }
    m_outstanding = 0;
    Q_EMIT readingChanged(false);
}

void TestPlanController::onFinished()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TestPlan::Inputs inputs;
    inputs.usage = m_usage[0];
    inputs.newServerName = m_plan->serverUrl(ServerRole::New).host();
    if (m_plan->domain().choice == DomainDecision::Choice::NewName &&
        !m_plan->domain().newPublicUrl.isEmpty())
        inputs.newServerName = m_plan->domain().newPublicUrl.host();
    inputs.apiScripts = apiScriptsFrom(m_audit);
    inputs.ciIntegrations = m_plan->ciIntegrations().integrations;
    TestPlanSection section = m_plan->testPlan();
    section.rows = TestPlan::merge(section.rows, TestPlan::generate(inputs), now);
    section.generatedAt = now;
    m_hasUsage = true;
    apply(section);
    qCInfo(lcControllers) << "test plan:" << section.rows.size() << "rows from" << m_usage[0].deployments
                          << "deployments," << m_errors.size() << "errors";
    Q_EMIT readingChanged(false);
    Q_EMIT usageChanged();
    if (!m_errors.isEmpty())
        Q_EMIT readFailed(m_errors);
}

QList<TestPlan::CountComparison> TestPlanController::comparisons() const
{
    if (!m_hasUsage)
        return {};
    return TestPlan::compareCounts(m_usage[0], m_usage[1], driftExplanations(m_drift));
}

QList<TestPlan::VersionChange> TestPlanController::versionGap() const
{
    if (!m_hasUsage)
        return {};
    return TestPlan::versionGap(m_usage[0].version, m_usage[1].version);
}

QStringList TestPlanController::gaps() const
{
    QStringList out;
    for (const QString &g : m_usage[0].gaps)
        out << tr("Old server: %1").arg(g);
    for (const QString &g : m_usage[1].gaps)
        out << tr("New server: %1").arg(g);
    return out;
}

const TestPlanSection &TestPlanController::section() const
{
    return m_plan->testPlan();
}

void TestPlanController::apply(TestPlanSection section)
{
    m_plan->setTestPlan(section);
}

void TestPlanController::setWindowDays(int days)
{
    TestPlanSection section = m_plan->testPlan();
    if (days < 1 || days > 3650 || section.windowDays == days)
        return;
    section.windowDays = days;
    apply(section);
}

bool TestPlanController::setOwner(const QString &id, const QString &owner)
{
    TestPlanSection section = m_plan->testPlan();
    if (!TestPlan::setOwner(&section, id, owner, QDateTime::currentDateTimeUtc()))
        return false;
    apply(section);
    return true;
}

bool TestPlanController::setStatus(const QString &id, TestPlanRow::Status status)
{
    TestPlanSection section = m_plan->testPlan();
    if (!TestPlan::setStatus(&section, id, status, QDateTime::currentDateTimeUtc()))
        return false;
    apply(section);
    return true;
}

bool TestPlanController::setNotes(const QString &id, const QString &notes)
{
    TestPlanSection section = m_plan->testPlan();
    if (!TestPlan::setNotes(&section, id, notes, QDateTime::currentDateTimeUtc()))
        return false;
    apply(section);
    return true;
}

bool TestPlanController::editRow(const QString &id, const QString &title, const QString &why)
{
    TestPlanSection section = m_plan->testPlan();
    if (!TestPlan::editRow(&section, id, title, why, QDateTime::currentDateTimeUtc()))
        return false;
    apply(section);
    return true;
}

QString TestPlanController::addRow(const QString &title, const QString &why, const QString &afterId)
{
    TestPlanSection section = m_plan->testPlan();
    const QString id = TestPlan::addRow(&section, title, why, afterId, QDateTime::currentDateTimeUtc());
    if (!id.isEmpty())
        apply(section);
    return id;
}

bool TestPlanController::removeRow(const QString &id)
{
    TestPlanSection section = m_plan->testPlan();
    if (!TestPlan::removeRow(&section, id))
        return false;
    apply(section);
    return true;
}

bool TestPlanController::moveRow(const QString &id, int toIndex)
{
    TestPlanSection section = m_plan->testPlan();
    if (!TestPlan::moveRow(&section, id, toIndex))
        return false;
    apply(section);
    return true;
}

QString TestPlanController::addTrainingItem(const QString &text, const QString &owner)
{
    TestPlanSection section = m_plan->testPlan();
    const QString id = TestPlan::addTrainingItem(&section, text, owner);
    if (!id.isEmpty())
        apply(section);
    return id;
}

bool TestPlanController::removeTrainingItem(const QString &id)
{
    TestPlanSection section = m_plan->testPlan();
    if (!TestPlan::removeTrainingItem(&section, id))
        return false;
    apply(section);
    return true;
}

bool TestPlanController::setTrainingDone(const QString &id, bool done)
{
    TestPlanSection section = m_plan->testPlan();
    for (TestPlanTrainingItem &item : section.training) {
        if (item.id == id) {
            if (item.done == done)
                return false;
            item.done = done;
            apply(section);
            return true;
        }
    }
    return false;
}

TestPlanExportWriter TestPlanController::writer() const
{
    TestPlanExportWriter::Context context;
    context.oldServer = m_plan->serverUrl(ServerRole::Old).toString();
    context.newServer = m_plan->serverUrl(ServerRole::New).toString();
    context.oldVersion = m_usage[0].version;
    context.newVersion = m_usage[1].version;
    context.comparisons = comparisons();
    context.versionGap = versionGap();
    return TestPlanExportWriter(m_plan->testPlan(), context);
}

namespace {

TestPlanExportWriter::Format writerFormat(TestPlanController::ExportFormat format)
{
    return format == TestPlanController::ExportFormat::Csv ? TestPlanExportWriter::Format::Csv
                                                           : TestPlanExportWriter::Format::Markdown;
}

} // namespace

QByteArray TestPlanController::render(ExportFormat format) const
{
    return writer().render(writerFormat(format));
}

bool TestPlanController::exportTo(const QString &path, ExportFormat format, QString *error) const
{
    return writer().writeFile(path, writerFormat(format), error);
}

QList<TestPlan::ApiScript> TestPlanController::apiScriptsFrom(const ScriptAuditController *audit)
{
    QList<TestPlan::ApiScript> out;
    if (!audit)
        return out;
    QHash<QString, int> index;
    for (const AuditFinding &f : audit->findings()) {
        if (f.category != AuditCategory::ApiCall && f.category != AuditCategory::MissingEndpoint &&
            f.category != AuditCategory::DeprecatedRoute)
            continue;
        const QString key = f.location.isEmpty() ? f.absolutePath : f.location;
        if (key.isEmpty())
            continue;
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            TestPlan::ApiScript script;
            script.key = key;
            script.location = f.location.isEmpty() ? f.file : f.location;
            script.url = f.url.isEmpty() ? QUrl::fromLocalFile(f.absolutePath) : QUrl(f.url);
            it = index.insert(key, int(out.size()));
            out.append(script);
        }
        TestPlan::ApiScript &script = out[it.value()];
        if (!f.detail.isEmpty() && !script.routes.contains(f.detail) && script.routes.size() < 8)
            script.routes << f.detail;
    }
    return out;
}
