#include "migrationplan.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace {

// Moves a string-typed key out of `rest` into *out. Absent keys leave *out alone.
bool takeString(QJsonObject &rest, const QString &key, QString *out, QString *error)
{
    const auto it = rest.constFind(key);
    if (it == rest.constEnd())
        return true;
    if (!it->isString()) {
        *error = QStringLiteral("\"%1\" must be a string").arg(key);
        return false;
    }
    *out = it->toString();
    rest.remove(key);
    return true;
}

bool takeUrl(QJsonObject &rest, const QString &key, QUrl *out, QString *error)
{
    QString text;
    if (!takeString(rest, key, &text, error))
        return false;
    *out = QUrl(text);
    if (!text.isEmpty() && !out->isValid()) {
        *error = QStringLiteral("\"%1\" is not a valid URL").arg(key);
        return false;
    }
    return true;
}

template<typename Section>
bool takeSection(QJsonObject &rest, const QString &key, Section *out, QString *error)
{
    const auto it = rest.constFind(key);
    if (it == rest.constEnd())
        return true;
    if (!it->isObject()) {
        *error = QStringLiteral("\"%1\" must be an object").arg(key);
        return false;
    }
    QString sectionError;
    if (!Section::fromJson(it->toObject(), out, &sectionError)) {
        *error = QStringLiteral("%1: %2").arg(key, sectionError);
        return false;
    }
    rest.remove(key);
    return true;
}

QString urlText(const QUrl &url)
{
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

// --- sections -------------------------------------------------------------------------------------------

QJsonObject ServerConnection::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("url"), urlText(url));
    return json;
}

bool ServerConnection::fromJson(const QJsonObject &json, ServerConnection *out, QString *error)
{
    ServerConnection result;
    QJsonObject rest = json;
    if (!takeUrl(rest, QStringLiteral("url"), &result.url, error))
        return false;
    result.extra = rest;
    *out = result;
    return true;
}

QString DomainDecision::choiceName(Choice choice)
{
    switch (choice) {
    case Choice::Undecided:
        return QStringLiteral("undecided");
    case Choice::KeepName:
        return QStringLiteral("keep-name");
    case Choice::NewName:
        return QStringLiteral("new-name");
    }
    return QStringLiteral("undecided");
}

QJsonObject DomainDecision::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("choice"), choiceName(choice));
    json.insert(QStringLiteral("oldPublicUrl"), urlText(oldPublicUrl));
    json.insert(QStringLiteral("newPublicUrl"), urlText(newPublicUrl));
    json.insert(QStringLiteral("notes"), notes);
    return json;
}

bool DomainDecision::fromJson(const QJsonObject &json, DomainDecision *out, QString *error)
{
    DomainDecision result;
    QJsonObject rest = json;
    QString choice = choiceName(Choice::Undecided);
    if (!takeString(rest, QStringLiteral("choice"), &choice, error))
        return false;
    if (choice == choiceName(Choice::KeepName)) {
        result.choice = Choice::KeepName;
    } else if (choice == choiceName(Choice::NewName)) {
        result.choice = Choice::NewName;
    } else if (choice == choiceName(Choice::Undecided)) {
        result.choice = Choice::Undecided;
    } else {
        *error = QStringLiteral("unknown domain choice \"%1\"").arg(choice);
        return false;
    }
    if (!takeUrl(rest, QStringLiteral("oldPublicUrl"), &result.oldPublicUrl, error) ||
        !takeUrl(rest, QStringLiteral("newPublicUrl"), &result.newPublicUrl, error) ||
        !takeString(rest, QStringLiteral("notes"), &result.notes, error))
        return false;
    result.extra = rest;
    *out = result;
    return true;
}

bool CiIntegrationsSection::fromJson(const QJsonObject &json, CiIntegrationsSection *out, QString *)
{
    out->extra = json;
    return true;
}

bool ScriptAuditSection::fromJson(const QJsonObject &json, ScriptAuditSection *out, QString *)
{
    out->extra = json;
    return true;
}

bool TestPlanSection::fromJson(const QJsonObject &json, TestPlanSection *out, QString *)
{
    out->extra = json;
    return true;
}

bool CutoverJournalSection::fromJson(const QJsonObject &json, CutoverJournalSection *out, QString *)
{
    out->extra = json;
    return true;
}

// --- PlanData -------------------------------------------------------------------------------------------

QJsonObject PlanData::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("kind"), QLatin1String(Kind));
    json.insert(QStringLiteral("formatVersion"), FormatVersion);
    json.insert(QStringLiteral("formatMinorVersion"), std::max(formatMinorVersion, FormatMinorVersion));
    json.insert(QStringLiteral("oldServer"), oldServer.toJson());
    json.insert(QStringLiteral("newServer"), newServer.toJson());
    json.insert(QStringLiteral("domain"), domain.toJson());
    json.insert(QStringLiteral("ciIntegrations"), ciIntegrations.toJson());
    json.insert(QStringLiteral("scriptAudit"), scriptAudit.toJson());
    json.insert(QStringLiteral("testPlan"), testPlan.toJson());
    json.insert(QStringLiteral("cutoverJournal"), cutoverJournal.toJson());
    return json;
}

bool PlanData::fromJson(const QJsonObject &json, PlanData *out, PlanError *error)
{
    auto fail = [error](PlanError::Kind kind, const QString &detail) {
        *error = PlanError::make(kind, {}, detail);
        return false;
    };
    QJsonObject rest = json;
    if (rest.value(QStringLiteral("kind")).toString() != QLatin1String(Kind))
        return fail(PlanError::Kind::Corrupt,
                    QStringLiteral("missing \"kind\": \"%1\"").arg(QLatin1String(Kind)));
    rest.remove(QStringLiteral("kind"));

    const QJsonValue version = rest.value(QStringLiteral("formatVersion"));
    if (!version.isDouble() || version.toDouble() != version.toInt() || version.toInt() < 1)
        return fail(PlanError::Kind::Corrupt, QStringLiteral("missing or invalid \"formatVersion\""));
    if (version.toInt() > FormatVersion) {
        return fail(PlanError::Kind::NewerVersion,
                    QStringLiteral("file format %1, this Handover reads format %2")
                        .arg(version.toInt())
                        .arg(FormatVersion));
    }
    rest.remove(QStringLiteral("formatVersion"));

    PlanData result;
    const QJsonValue minor = rest.value(QStringLiteral("formatMinorVersion"));
    if (!minor.isUndefined()) {
        if (!minor.isDouble() || minor.toInt() < 0)
            return fail(PlanError::Kind::Corrupt, QStringLiteral("invalid \"formatMinorVersion\""));
        result.formatMinorVersion = minor.toInt();
        rest.remove(QStringLiteral("formatMinorVersion"));
    }

    QString detail;
    if (!takeSection(rest, QStringLiteral("oldServer"), &result.oldServer, &detail) ||
        !takeSection(rest, QStringLiteral("newServer"), &result.newServer, &detail) ||
        !takeSection(rest, QStringLiteral("domain"), &result.domain, &detail) ||
        !takeSection(rest, QStringLiteral("ciIntegrations"), &result.ciIntegrations, &detail) ||
        !takeSection(rest, QStringLiteral("scriptAudit"), &result.scriptAudit, &detail) ||
        !takeSection(rest, QStringLiteral("testPlan"), &result.testPlan, &detail) ||
        !takeSection(rest, QStringLiteral("cutoverJournal"), &result.cutoverJournal, &detail))
        return fail(PlanError::Kind::Corrupt, detail);
    result.extra = rest;
    *out = result;
    return true;
}

// --- MigrationPlan --------------------------------------------------------------------------------------

MigrationPlan::MigrationPlan(QObject *parent)
    : QObject(parent)
{}

void MigrationPlan::replaceData(const PlanData &data)
{
    m_data = data;
    Q_EMIT replaced();
    Q_EMIT changed();
}

template<typename T>
void MigrationPlan::assign(T &field, const T &value)
{
    if (field == value)
        return;
    field = value;
    Q_EMIT changed();
}

void MigrationPlan::setServerUrl(ServerRole role, const QUrl &url)
{
    assign(m_data.server(role).url, url);
}

void MigrationPlan::setDomain(const DomainDecision &domain)
{
    assign(m_data.domain, domain);
}

void MigrationPlan::setCiIntegrations(const CiIntegrationsSection &section)
{
    assign(m_data.ciIntegrations, section);
}

void MigrationPlan::setScriptAudit(const ScriptAuditSection &section)
{
    assign(m_data.scriptAudit, section);
}

void MigrationPlan::setTestPlan(const TestPlanSection &section)
{
    assign(m_data.testPlan, section);
}

void MigrationPlan::setCutoverJournal(const CutoverJournalSection &section)
{
    assign(m_data.cutoverJournal, section);
}
