#include "plandocument.h"

#include "corelogging.h"
#include "planfilestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace {

constexpr auto AutosaveKind = "handover.autosave";
constexpr auto AutosaveSuffix = ".handover-autosave";

bool processIsRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return false; // an earlier document of this same process: not "ours", offer it
    return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

} // namespace

PlanDocument::PlanDocument(MigrationPlan *plan, const QString &autosaveDir, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_autosaveDir(autosaveDir)
{
    if (!m_autosaveDir.isEmpty()) {
        m_autosavePath = QDir(m_autosaveDir)
                             .filePath(QStringLiteral("session-%1%2")
                                           .arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                QLatin1String(AutosaveSuffix)));
    }
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(DefaultAutosaveDelayMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, [this] { autosaveNow(); });
    connect(m_plan, &MigrationPlan::changed, this, &PlanDocument::onPlanChanged);
}

PlanDocument::~PlanDocument()
{
    removeAutosave();
}

QString PlanDocument::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("Untitled plan");
    return QFileInfo(m_filePath).fileName();
}

void PlanDocument::newPlan(const PlanData &initial)
{
    replacePlan(initial);
    setFilePath({});
    setModified(false);
    removeAutosave();
}

PlanError PlanDocument::open(const QString &path)
{
    const PlanLoadResult result = PlanFileStore::load(path);
    if (!result.ok())
        return result.error;
    replacePlan(result.plan);
    setFilePath(QFileInfo(path).absoluteFilePath());
    setModified(false);
    removeAutosave();
    return {};
}

PlanError PlanDocument::save()
{
    if (m_filePath.isEmpty())
        return PlanError::make(PlanError::Kind::WriteFailed, {},
                               QStringLiteral("the plan has no file name yet"));
    return saveAs(m_filePath);
}

PlanError PlanDocument::saveAs(const QString &path)
{
    const PlanError error = PlanFileStore::save(m_plan->data(), path);
    if (error)
        return error;
    qCInfo(lcCore) << "saved plan" << path;
    setFilePath(QFileInfo(path).absoluteFilePath());
    setModified(false);
    removeAutosave();
    return {};
}

void PlanDocument::setAutosaveDelay(int milliseconds)
{
    m_autosaveTimer.setInterval(milliseconds);
}

PlanError PlanDocument::autosaveNow()
{
    m_autosaveTimer.stop();
    if (m_autosavePath.isEmpty() || !m_modified)
        return {};
    if (!QDir().mkpath(m_autosaveDir))
        return PlanError::make(PlanError::Kind::WriteFailed, m_autosavePath,
                               QStringLiteral("cannot create folder"));
    QJsonObject wrapper;
    wrapper.insert(QStringLiteral("kind"), QLatin1String(AutosaveKind));
    wrapper.insert(QStringLiteral("originalPath"), m_filePath);
    wrapper.insert(QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    wrapper.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    wrapper.insert(QStringLiteral("plan"), m_plan->data().toJson());
    const PlanError error =
        PlanFileStore::writeAtomically(QJsonDocument(wrapper).toJson(QJsonDocument::Compact), m_autosavePath);
    if (error) {
        qCWarning(lcCore) << "autosave failed" << error.detail;
        return error;
    }
    Q_EMIT autosaved(m_autosavePath);
    return {};
}

QList<PlanDocument::Recovery> PlanDocument::findRecoverable() const
{
    QList<Recovery> found;
    if (m_autosaveDir.isEmpty())
        return found;
    const QDir dir(m_autosaveDir);
    const QStringList names =
        dir.entryList({QStringLiteral("*") + QLatin1String(AutosaveSuffix)}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        if (path == m_autosavePath)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject wrapper = QJsonDocument::fromJson(file.read(PlanFileStore::MaxFileSize)).object();
        if (wrapper.value(QStringLiteral("kind")).toString() != QLatin1String(AutosaveKind))
            continue;
        if (processIsRunning(wrapper.value(QStringLiteral("pid")).toInteger()))
            continue;
        found.append(
            {path, wrapper.value(QStringLiteral("originalPath")).toString(),
             QDateTime::fromString(wrapper.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs)});
    }
    std::sort(found.begin(), found.end(),
              [](const Recovery &a, const Recovery &b) { return a.savedAt > b.savedAt; });
    return found;
}

PlanError PlanDocument::recover(const Recovery &recovery)
{
    QFile file(recovery.autosavePath);
    if (!file.open(QIODevice::ReadOnly))
        return PlanError::make(PlanError::Kind::Unreadable, recovery.autosavePath, file.errorString());
    const QJsonObject wrapper = QJsonDocument::fromJson(file.read(PlanFileStore::MaxFileSize)).object();
    file.close();
    PlanData data;
    PlanError error;
    if (!PlanData::fromJson(wrapper.value(QStringLiteral("plan")).toObject(), &data, &error)) {
        error.path = recovery.autosavePath;
        return error;
    }
    replacePlan(data);
    setFilePath(recovery.originalPath);
    setModified(true);
    QFile::remove(recovery.autosavePath);
    autosaveNow(); // the recovered changes now live in this session's side file
    return {};
}

void PlanDocument::discardRecovery(const Recovery &recovery)
{
    QFile::remove(recovery.autosavePath);
}

void PlanDocument::onPlanChanged()
{
    if (m_replacing)
        return;
    setModified(true);
    if (!m_autosavePath.isEmpty())
        m_autosaveTimer.start();
}

void PlanDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void PlanDocument::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

void PlanDocument::replacePlan(const PlanData &data)
{
    m_replacing = true;
    m_plan->replaceData(data);
    m_replacing = false;
}

void PlanDocument::removeAutosave()
{
    m_autosaveTimer.stop();
    if (!m_autosavePath.isEmpty())
        QFile::remove(m_autosavePath);
}
