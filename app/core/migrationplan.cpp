#include "migrationplan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <climits>

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

// Moves a non-negative integer key out of `rest` into *out. Absent keys leave *out alone.
bool takeCount(QJsonObject &rest, const QString &key, int *out, QString *error)
{
    const auto it = rest.constFind(key);
    if (it == rest.constEnd())
        return true;
    const double value = it->toDouble(-1);
    if (!it->isDouble() || value < 0 || value > 1e9 || value != double(int(value))) {
        *error = QStringLiteral("\"%1\" must be a non-negative whole number").arg(key);
        return false;
    }
    *out = int(value);
    rest.remove(key);
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
    if (!proxy.isEmpty())
        json.insert(QStringLiteral("proxy"), proxy);
    return json;
}

bool ServerConnection::fromJson(const QJsonObject &json, ServerConnection *out, QString *error)
{
    ServerConnection result;
    QJsonObject rest = json;
    if (!takeUrl(rest, QStringLiteral("url"), &result.url, error) ||
        !takeString(rest, QStringLiteral("proxy"), &result.proxy, error))
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

QString TentacleMark::verificationName(Verification verification)
{
    switch (verification) {
    case Verification::Pending:
        return QStringLiteral("pending");
    case Verification::Verified:
        return QStringLiteral("verified");
    case Verification::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

QJsonObject TentacleMark::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("spaceId"), spaceId);
    json.insert(QStringLiteral("repointedAt"), repointedAt.toUTC().toString(Qt::ISODateWithMs));
    json.insert(QStringLiteral("verification"), verificationName(verification));
    json.insert(QStringLiteral("checkedAt"),
                checkedAt.isValid() ? checkedAt.toUTC().toString(Qt::ISODateWithMs) : QString());
    json.insert(QStringLiteral("healthStatus"), healthStatus);
    return json;
}

bool TentacleMark::fromJson(const QJsonObject &json, TentacleMark *out, QString *error)
{
    TentacleMark result;
    QJsonObject rest = json;
    QString repointedAt;
    QString checkedAt;
    QString verification = verificationName(Verification::Pending);
    if (!takeString(rest, QStringLiteral("spaceId"), &result.spaceId, error) ||
        !takeString(rest, QStringLiteral("repointedAt"), &repointedAt, error) ||
        !takeString(rest, QStringLiteral("verification"), &verification, error) ||
        !takeString(rest, QStringLiteral("checkedAt"), &checkedAt, error) ||
        !takeString(rest, QStringLiteral("healthStatus"), &result.healthStatus, error))
        return false;
    for (Verification v : {Verification::Pending, Verification::Verified, Verification::Failed}) {
        if (verification == verificationName(v))
            result.verification = v;
    }
    if (verification != verificationName(result.verification)) {
        *error = QStringLiteral("unknown verification \"%1\"").arg(verification);
        return false;
    }
    result.repointedAt = QDateTime::fromString(repointedAt, Qt::ISODateWithMs);
    result.checkedAt = QDateTime::fromString(checkedAt, Qt::ISODateWithMs);
    if ((!repointedAt.isEmpty() && !result.repointedAt.isValid()) ||
        (!checkedAt.isEmpty() && !result.checkedAt.isValid())) {
        *error = QStringLiteral("invalid time");
        return false;
    }
    result.extra = rest;
    *out = result;
    return true;
}

QJsonObject TentaclesSection::toJson() const
{
    QJsonObject json = extra;
    QJsonObject list;
    for (auto it = machines.begin(); it != machines.end(); ++it)
        list.insert(it.key(), it.value().toJson());
    json.insert(QStringLiteral("machines"), list);
    return json;
}

bool TentaclesSection::fromJson(const QJsonObject &json, TentaclesSection *out, QString *error)
{
    TentaclesSection result;
    QJsonObject rest = json;
    const auto it = rest.constFind(QStringLiteral("machines"));
    if (it != rest.constEnd()) {
        if (!it->isObject()) {
            *error = QStringLiteral("\"machines\" must be an object");
            return false;
        }
        const QJsonObject list = it->toObject();
        for (auto m = list.begin(); m != list.end(); ++m) {
            TentacleMark mark;
            QString markError;
            if (!m->isObject() || !TentacleMark::fromJson(m->toObject(), &mark, &markError)) {
                *error =
                    QStringLiteral("machines.%1: %2")
                        .arg(m.key(), markError.isEmpty() ? QStringLiteral("must be an object") : markError);
                return false;
            }
            result.machines.insert(m.key(), mark);
        }
        rest.remove(QStringLiteral("machines"));
    }
    result.extra = rest;
    *out = result;
    return true;
}

namespace {

QString isoOrEmpty(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QString CiIntegrationRecord::decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Undecided:
        return QStringLiteral("undecided");
    case Decision::Repoint:
        return QStringLiteral("repoint");
    case Decision::Retire:
        return QStringLiteral("retire");
    case Decision::NotNeeded:
        return QStringLiteral("not-needed");
    }
    return QStringLiteral("undecided");
}

QString CiIntegrationRecord::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Repointed:
        return QStringLiteral("repointed");
    case Status::Verified:
        return QStringLiteral("verified");
    }
    return QStringLiteral("pending");
}

QJsonObject CiIntegrationRecord::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("system"), system);
    json.insert(QStringLiteral("location"), location);
    json.insert(QStringLiteral("decision"), decisionName(decision));
    json.insert(QStringLiteral("owner"), owner);
    json.insert(QStringLiteral("notes"), notes);
    json.insert(QStringLiteral("status"), statusName(status));
    json.insert(QStringLiteral("repointedAt"), isoOrEmpty(repointedAt));
    json.insert(QStringLiteral("verifiedAt"), isoOrEmpty(verifiedAt));
    json.insert(QStringLiteral("verifiedBy"), verifiedBy);
    return json;
}

bool CiIntegrationRecord::fromJson(const QJsonObject &json, CiIntegrationRecord *out, QString *error)
{
    CiIntegrationRecord result;
    QJsonObject rest = json;
    QString decision = decisionName(Decision::Undecided);
    QString status = statusName(Status::Pending);
    QString repointedAt;
    QString verifiedAt;
    if (!takeString(rest, QStringLiteral("system"), &result.system, error) ||
        !takeString(rest, QStringLiteral("location"), &result.location, error) ||
        !takeString(rest, QStringLiteral("decision"), &decision, error) ||
        !takeString(rest, QStringLiteral("owner"), &result.owner, error) ||
        !takeString(rest, QStringLiteral("notes"), &result.notes, error) ||
        !takeString(rest, QStringLiteral("status"), &status, error) ||
        !takeString(rest, QStringLiteral("repointedAt"), &repointedAt, error) ||
        !takeString(rest, QStringLiteral("verifiedAt"), &verifiedAt, error) ||
        !takeString(rest, QStringLiteral("verifiedBy"), &result.verifiedBy, error))
        return false;
    bool knownDecision = false;
    for (Decision d : {Decision::Undecided, Decision::Repoint, Decision::Retire, Decision::NotNeeded}) {
        if (decision == decisionName(d)) {
            result.decision = d;
            knownDecision = true;
        }
    }
    bool knownStatus = false;
    for (Status s : {Status::Pending, Status::Repointed, Status::Verified}) {
        if (status == statusName(s)) {
            result.status = s;
            knownStatus = true;
        }
    }
    if (!knownDecision || !knownStatus) {
        *error = QStringLiteral("unknown %1 \"%2\"")
                     .arg(knownDecision ? QStringLiteral("status") : QStringLiteral("decision"),
                          knownDecision ? status : decision);
        return false;
    }
    result.repointedAt = QDateTime::fromString(repointedAt, Qt::ISODateWithMs);
    result.verifiedAt = QDateTime::fromString(verifiedAt, Qt::ISODateWithMs);
    if ((!repointedAt.isEmpty() && !result.repointedAt.isValid()) ||
        (!verifiedAt.isEmpty() && !result.verifiedAt.isValid())) {
        *error = QStringLiteral("invalid time");
        return false;
    }
    result.extra = rest;
    *out = result;
    return true;
}

QJsonObject CiIntegrationsSection::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("windowDays"), windowDays);
    QJsonObject list;
    for (auto it = integrations.begin(); it != integrations.end(); ++it)
        list.insert(it.key(), it.value().toJson());
    json.insert(QStringLiteral("integrations"), list);
    if (lastRefreshAt.isValid())
        json.insert(QStringLiteral("lastRefresh"),
                    QJsonObject{{QStringLiteral("at"), isoOrEmpty(lastRefreshAt)},
                                {QStringLiteral("talkingToOld"), talkingToOld},
                                {QStringLiteral("notVerified"), notVerified}});
    return json;
}

bool CiIntegrationsSection::fromJson(const QJsonObject &json, CiIntegrationsSection *out, QString *error)
{
    CiIntegrationsSection result;
    QJsonObject rest = json;
    if (const auto days = rest.constFind(QStringLiteral("windowDays")); days != rest.constEnd()) {
        if (!days->isDouble() || days->toInt() < 1 || days->toInt() > 3650) {
            *error = QStringLiteral("\"windowDays\" must be a number of days from 1 to 3650");
            return false;
        }
        result.windowDays = days->toInt();
        rest.remove(QStringLiteral("windowDays"));
    }
    if (const auto it = rest.constFind(QStringLiteral("integrations")); it != rest.constEnd()) {
        if (!it->isObject()) {
            *error = QStringLiteral("\"integrations\" must be an object");
            return false;
        }
        const QJsonObject list = it->toObject();
        for (auto r = list.begin(); r != list.end(); ++r) {
            CiIntegrationRecord record;
            QString recordError;
            if (!r->isObject() || !CiIntegrationRecord::fromJson(r->toObject(), &record, &recordError)) {
                *error = QStringLiteral("integrations.%1: %2")
                             .arg(r.key(),
                                  recordError.isEmpty() ? QStringLiteral("must be an object") : recordError);
                return false;
            }
            result.integrations.insert(r.key(), record);
        }
        rest.remove(QStringLiteral("integrations"));
    }
    if (const auto it = rest.constFind(QStringLiteral("lastRefresh")); it != rest.constEnd()) {
        const QJsonObject refresh = it->toObject();
        result.lastRefreshAt =
            QDateTime::fromString(refresh.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
        const QJsonValue talking = refresh.value(QLatin1String("talkingToOld"));
        const QJsonValue pending = refresh.value(QLatin1String("notVerified"));
        if (!it->isObject() || !result.lastRefreshAt.isValid() || !talking.isDouble() ||
            !pending.isDouble()) {
            *error = QStringLiteral("\"lastRefresh\" must be {\"at\", \"talkingToOld\", \"notVerified\"}");
            return false;
        }
        result.talkingToOld = talking.toInt();
        result.notVerified = pending.toInt();
        rest.remove(QStringLiteral("lastRefresh"));
    }
    result.extra = rest;
    *out = result;
    return true;
}

QJsonObject ScriptAuditScanSummary::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("at"), at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString());
    json.insert(QStringLiteral("files"), files);
    QJsonObject byCategory;
    for (auto it = findingsByCategory.begin(); it != findingsByCategory.end(); ++it)
        byCategory.insert(it.key(), it.value());
    json.insert(QStringLiteral("findingsByCategory"), byCategory);
    json.insert(QStringLiteral("mentionsOfOldServer"), mentionsOfOldServer);
    json.insert(QStringLiteral("filesMentioningOldServer"), filesMentioningOldServer);
    return json;
}

bool ScriptAuditScanSummary::fromJson(const QJsonObject &json, ScriptAuditScanSummary *out, QString *error)
{
    ScriptAuditScanSummary result;
    QJsonObject rest = json;
    QString at;
    if (!takeString(rest, QStringLiteral("at"), &at, error) ||
        !takeCount(rest, QStringLiteral("files"), &result.files, error) ||
        !takeCount(rest, QStringLiteral("mentionsOfOldServer"), &result.mentionsOfOldServer, error) ||
        !takeCount(rest, QStringLiteral("filesMentioningOldServer"), &result.filesMentioningOldServer, error))
        return false;
    result.at = QDateTime::fromString(at, Qt::ISODateWithMs);
    if (!at.isEmpty() && !result.at.isValid()) {
        *error = QStringLiteral("invalid time");
        return false;
    }
    const auto it = rest.constFind(QStringLiteral("findingsByCategory"));
    if (it != rest.constEnd()) {
        if (!it->isObject()) {
            *error = QStringLiteral("\"findingsByCategory\" must be an object");
            return false;
        }
        QJsonObject byCategory = it->toObject();
        for (const QString &category : byCategory.keys()) {
            int count = 0;
            if (!takeCount(byCategory, category, &count, error))
                return false;
            result.findingsByCategory.insert(category, count);
        }
        rest.remove(QStringLiteral("findingsByCategory"));
    }
    result.extra = rest;
    *out = result;
    return true;
}

QString AuditMark::kindName(Kind kind)
{
    return kind == Kind::Accepted ? QStringLiteral("accepted") : QStringLiteral("fixed");
}

std::optional<AuditMark::Kind> AuditMark::kindFromName(const QString &name)
{
    if (name == QLatin1String("fixed"))
        return Kind::Fixed;
    if (name == QLatin1String("accepted"))
        return Kind::Accepted;
    return std::nullopt;
}

QJsonObject AuditMark::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("finding"), findingKey);
    json.insert(QStringLiteral("kind"), kindName(kind));
    if (!by.isEmpty())
        json.insert(QStringLiteral("by"), by);
    if (at.isValid())
        json.insert(QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs));
    if (!note.isEmpty())
        json.insert(QStringLiteral("note"), note);
    return json;
}

bool AuditMark::fromJson(const QJsonObject &json, AuditMark *out, QString *error)
{
    AuditMark result;
    QJsonObject rest = json;
    QString kind;
    QString at;
    if (!takeString(rest, QStringLiteral("finding"), &result.findingKey, error) ||
        !takeString(rest, QStringLiteral("kind"), &kind, error) ||
        !takeString(rest, QStringLiteral("by"), &result.by, error) ||
        !takeString(rest, QStringLiteral("at"), &at, error) ||
        !takeString(rest, QStringLiteral("note"), &result.note, error))
        return false;
    if (result.findingKey.isEmpty()) {
        *error = QStringLiteral("\"finding\" is missing");
        return false;
    }
    const std::optional<Kind> parsed = kindFromName(kind);
    if (!parsed) {
        *error = QStringLiteral("\"kind\" must be \"fixed\" or \"accepted\"");
        return false;
    }
    result.kind = *parsed;
    result.at = QDateTime::fromString(at, Qt::ISODateWithMs);
    if (!at.isEmpty() && !result.at.isValid()) {
        *error = QStringLiteral("invalid time");
        return false;
    }
    result.extra = rest;
    *out = result;
    return true;
}

const AuditMark *ScriptAuditSection::mark(const QString &findingKey) const
{
    for (const AuditMark &m : marks) {
        if (m.findingKey == findingKey)
            return &m;
    }
    return nullptr;
}

bool ScriptAuditSection::setMark(const AuditMark &newMark)
{
    for (AuditMark &m : marks) {
        if (m.findingKey == newMark.findingKey) {
            if (m == newMark)
                return false;
            m = newMark;
            return true;
        }
    }
    marks.append(newMark);
    return true;
}

bool ScriptAuditSection::clearMark(const QString &findingKey)
{
    return marks.removeIf([&](const AuditMark &m) { return m.findingKey == findingKey; }) > 0;
}

QJsonObject ScriptAuditSection::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("folders"), QJsonArray::fromStringList(folders));
    if (!swaggerFile.isEmpty())
        json.insert(QStringLiteral("swaggerFile"), swaggerFile);
    QJsonArray markArray;
    for (const AuditMark &m : marks)
        markArray.append(m.toJson());
    for (const QJsonValue &other : otherMarks)
        markArray.append(other);
    json.insert(QStringLiteral("marks"), markArray);
    if (lastScan)
        json.insert(QStringLiteral("lastScan"), lastScan->toJson());
    return json;
}

bool ScriptAuditSection::fromJson(const QJsonObject &json, ScriptAuditSection *out, QString *error)
{
    ScriptAuditSection result;
    QJsonObject rest = json;
    if (rest.contains(QStringLiteral("lastScan"))) {
        ScriptAuditScanSummary summary;
        if (!takeSection(rest, QStringLiteral("lastScan"), &summary, error))
            return false;
        result.lastScan = summary;
    }
    if (!takeString(rest, QStringLiteral("swaggerFile"), &result.swaggerFile, error))
        return false;
    if (const auto it = rest.constFind(QStringLiteral("folders")); it != rest.constEnd()) {
        if (!it->isArray()) {
            *error = QStringLiteral("\"folders\" must be an array");
            return false;
        }
        for (const QJsonValue &folder : it->toArray()) { // as in 1.0: anything but a path is skipped
            if (folder.isString() && !folder.toString().isEmpty())
                result.folders.append(folder.toString());
        }
        rest.remove(QStringLiteral("folders"));
    }
    if (const auto it = rest.constFind(QStringLiteral("marks")); it != rest.constEnd()) {
        if (!it->isArray()) {
            *error = QStringLiteral("\"marks\" must be an array");
            return false;
        }
        for (const QJsonValue &value : it->toArray()) {
            if (value.isObject() &&
                !AuditMark::kindFromName(value.toObject().value(QLatin1String("kind")).toString())) {
                result.otherMarks.append(value); // a kind from a newer version
                continue;
            }
            AuditMark mark;
            QString markError;
            if (!value.isObject() || !AuditMark::fromJson(value.toObject(), &mark, &markError)) {
                *error =
                    QStringLiteral("marks: %1")
                        .arg(markError.isEmpty() ? QStringLiteral("each mark must be an object") : markError);
                return false;
            }
            result.setMark(mark);
        }
        rest.remove(QStringLiteral("marks"));
    }
    // Format 1.0: {"decisions": {"<finding key>": "fixed" | "accepted"}}, other values ignored as then.
    // Typed marks win over a decision for the same finding.
    if (const auto it = rest.constFind(QStringLiteral("decisions")); it != rest.constEnd()) {
        if (!it->isObject()) {
            *error = QStringLiteral("\"decisions\" must be an object");
            return false;
        }
        const QJsonObject decisions = it->toObject();
        for (auto d = decisions.begin(); d != decisions.end(); ++d) {
            const std::optional<AuditMark::Kind> kind = AuditMark::kindFromName(d.value().toString());
            if (!kind || d.key().isEmpty() || result.mark(d.key()))
                continue;
            AuditMark mark;
            mark.findingKey = d.key();
            mark.kind = *kind;
            result.marks.append(mark);
        }
        rest.remove(QStringLiteral("decisions"));
    }
    result.extra = rest;
    *out = result;
    return true;
}

// --- test plan (issue 14) ---

QString TestPlanRow::statusName(Status status)
{
    switch (status) {
    case Status::Untested:
        return QStringLiteral("untested");
    case Status::Passed:
        return QStringLiteral("passed");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("untested");
}

std::optional<TestPlanRow::Status> TestPlanRow::statusFromName(const QString &name)
{
    for (Status s : {Status::Untested, Status::Passed, Status::Failed, Status::Skipped}) {
        if (name == statusName(s))
            return s;
    }
    return std::nullopt;
}

QJsonObject TestPlanRow::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("kind"), kind);
    json.insert(QStringLiteral("title"), title);
    json.insert(QStringLiteral("why"), why);
    json.insert(QStringLiteral("evidence"), QJsonArray::fromStringList(evidence));
    json.insert(QStringLiteral("evidenceUrl"), urlText(evidenceUrl));
    json.insert(QStringLiteral("owner"), owner);
    json.insert(QStringLiteral("status"), statusName(status));
    json.insert(QStringLiteral("notes"), notes);
    json.insert(QStringLiteral("changedAt"), isoOrEmpty(changedAt));
    json.insert(QStringLiteral("custom"), custom);
    json.insert(QStringLiteral("stale"), stale);
    return json;
}

bool TestPlanRow::fromJson(const QJsonObject &json, TestPlanRow *out, QString *error)
{
    TestPlanRow result;
    QJsonObject rest = json;
    QString status = statusName(Status::Untested);
    QString changedAt;
    if (!takeString(rest, QStringLiteral("id"), &result.id, error) ||
        !takeString(rest, QStringLiteral("kind"), &result.kind, error) ||
        !takeString(rest, QStringLiteral("title"), &result.title, error) ||
        !takeString(rest, QStringLiteral("why"), &result.why, error) ||
        !takeUrl(rest, QStringLiteral("evidenceUrl"), &result.evidenceUrl, error) ||
        !takeString(rest, QStringLiteral("owner"), &result.owner, error) ||
        !takeString(rest, QStringLiteral("status"), &status, error) ||
        !takeString(rest, QStringLiteral("notes"), &result.notes, error) ||
        !takeString(rest, QStringLiteral("changedAt"), &changedAt, error))
        return false;
    if (result.id.isEmpty()) {
        *error = QStringLiteral("\"id\" is missing");
        return false;
    }
    const std::optional<Status> parsed = statusFromName(status);
    if (!parsed) {
        *error = QStringLiteral("unknown status \"%1\"").arg(status);
        return false;
    }
    result.status = *parsed;
    result.changedAt = QDateTime::fromString(changedAt, Qt::ISODateWithMs);
    if (!changedAt.isEmpty() && !result.changedAt.isValid()) {
        *error = QStringLiteral("invalid time");
        return false;
    }
    if (const auto it = rest.constFind(QStringLiteral("evidence")); it != rest.constEnd()) {
        if (!it->isArray()) {
            *error = QStringLiteral("\"evidence\" must be an array");
            return false;
        }
        for (const QJsonValue &line : it->toArray())
            result.evidence.append(line.toString());
        rest.remove(QStringLiteral("evidence"));
    }
    for (const auto &[key, target] : {std::pair{QStringLiteral("custom"), &result.custom},
                                      std::pair{QStringLiteral("stale"), &result.stale}}) {
        if (const auto it = rest.constFind(key); it != rest.constEnd()) {
            if (!it->isBool()) {
                *error = QStringLiteral("\"%1\" must be true or false").arg(key);
                return false;
            }
            *target = it->toBool();
            rest.remove(key);
        }
    }
    result.extra = rest;
    *out = result;
    return true;
}

QJsonObject TestPlanTrainingItem::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("text"), text);
    json.insert(QStringLiteral("owner"), owner);
    json.insert(QStringLiteral("done"), done);
    return json;
}

bool TestPlanTrainingItem::fromJson(const QJsonObject &json, TestPlanTrainingItem *out, QString *error)
{
    TestPlanTrainingItem result;
    QJsonObject rest = json;
    if (!takeString(rest, QStringLiteral("id"), &result.id, error) ||
        !takeString(rest, QStringLiteral("text"), &result.text, error) ||
        !takeString(rest, QStringLiteral("owner"), &result.owner, error))
        return false;
    if (const auto it = rest.constFind(QStringLiteral("done")); it != rest.constEnd()) {
        if (!it->isBool()) {
            *error = QStringLiteral("\"done\" must be true or false");
            return false;
        }
        result.done = it->toBool();
        rest.remove(QStringLiteral("done"));
    }
    if (result.id.isEmpty()) {
        *error = QStringLiteral("\"id\" is missing");
        return false;
    }
    result.extra = rest;
    *out = result;
    return true;
}

const TestPlanRow *TestPlanSection::row(const QString &id) const
{
    for (const TestPlanRow &r : rows) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QJsonObject TestPlanSection::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("windowDays"), windowDays);
    if (generatedAt.isValid())
        json.insert(QStringLiteral("generatedAt"), isoOrEmpty(generatedAt));
    QJsonArray rowArray;
    for (const TestPlanRow &r : rows)
        rowArray.append(r.toJson());
    json.insert(QStringLiteral("rows"), rowArray);
    QJsonArray trainingArray;
    for (const TestPlanTrainingItem &t : training)
        trainingArray.append(t.toJson());
    json.insert(QStringLiteral("training"), trainingArray);
    return json;
}

bool TestPlanSection::fromJson(const QJsonObject &json, TestPlanSection *out, QString *error)
{
    TestPlanSection result;
    QJsonObject rest = json;
    if (const auto days = rest.constFind(QStringLiteral("windowDays")); days != rest.constEnd()) {
        if (!days->isDouble() || days->toInt() < 1 || days->toInt() > 3650) {
            *error = QStringLiteral("\"windowDays\" must be a number of days from 1 to 3650");
            return false;
        }
        result.windowDays = days->toInt();
        rest.remove(QStringLiteral("windowDays"));
    }
    QString generatedAt;
    if (!takeString(rest, QStringLiteral("generatedAt"), &generatedAt, error))
        return false;
    result.generatedAt = QDateTime::fromString(generatedAt, Qt::ISODateWithMs);
    if (!generatedAt.isEmpty() && !result.generatedAt.isValid()) {
        *error = QStringLiteral("invalid time");
        return false;
    }
    if (const auto it = rest.constFind(QStringLiteral("rows")); it != rest.constEnd()) {
        if (!it->isArray()) {
            *error = QStringLiteral("\"rows\" must be an array");
            return false;
        }
        for (const QJsonValue &value : it->toArray()) {
            TestPlanRow row;
            QString rowError;
            if (!value.isObject() || !TestPlanRow::fromJson(value.toObject(), &row, &rowError)) {
                *error =
                    QStringLiteral("rows: %1")
                        .arg(rowError.isEmpty() ? QStringLiteral("each row must be an object") : rowError);
                return false;
            }
            if (!result.row(row.id)) // a duplicate id: the first wins
                result.rows.append(row);
        }
        rest.remove(QStringLiteral("rows"));
    }
    if (const auto it = rest.constFind(QStringLiteral("training")); it != rest.constEnd()) {
        if (!it->isArray()) {
            *error = QStringLiteral("\"training\" must be an array");
            return false;
        }
        for (const QJsonValue &value : it->toArray()) {
            TestPlanTrainingItem item;
            QString itemError;
            if (!value.isObject() || !TestPlanTrainingItem::fromJson(value.toObject(), &item, &itemError)) {
                *error =
                    QStringLiteral("training: %1")
                        .arg(itemError.isEmpty() ? QStringLiteral("each item must be an object") : itemError);
                return false;
            }
            result.training.append(item);
        }
        rest.remove(QStringLiteral("training"));
    }
    result.extra = rest;
    *out = result;
    return true;
}

// --- end of test plan ---

QJsonObject DriftSection::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("amberAfterDays"), amberAfterDays);
    json.insert(QStringLiteral("redAfterDays"), redAfterDays);
    json.insert(QStringLiteral("structuralThreshold"), structuralThreshold);
    json.insert(QStringLiteral("cloneTime"), isoOrEmpty(cloneTime));
    if (lastCheck) {
        json.insert(
            QStringLiteral("lastCheck"),
            QJsonObject{{QStringLiteral("at"), isoOrEmpty(lastCheck->at)},
                        {QStringLiteral("cloneTime"), isoOrEmpty(lastCheck->cloneTime)},
                        {QStringLiteral("cloneTimeSource"),
                         lastCheck->cloneTimeGiven ? QStringLiteral("given") : QStringLiteral("detected")},
                        {QStringLiteral("state"), lastCheck->state},
                        {QStringLiteral("changesSinceClone"), lastCheck->changesSinceClone},
                        {QStringLiteral("changesOnClone"), lastCheck->changesOnClone},
                        {QStringLiteral("structuralChanges"), lastCheck->structuralChanges}});
    }
    return json;
}

bool DriftSection::fromJson(const QJsonObject &json, DriftSection *out, QString *error)
{
    DriftSection result;
    QJsonObject rest = json;
    auto takeCount = [&](QJsonObject &from, const QString &key, int min, int max, int *value) {
        const auto it = from.constFind(key);
        if (it == from.constEnd())
            return true;
        if (!it->isDouble() || it->toDouble() != it->toInt() || it->toInt() < min || it->toInt() > max) {
            *error = QStringLiteral("\"%1\" must be a whole number from %2 to %3").arg(key).arg(min).arg(max);
            return false;
        }
        *value = it->toInt();
        from.remove(key);
        return true;
    };
    auto takeTime = [&](QJsonObject &from, const QString &key, QDateTime *value) {
        QString text;
        if (!takeString(from, key, &text, error))
            return false;
        *value = QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
        if (!text.isEmpty() && !value->isValid()) {
            *error = QStringLiteral("\"%1\" is not an ISO 8601 time").arg(key);
            return false;
        }
        return true;
    };
    if (!takeCount(rest, QStringLiteral("amberAfterDays"), 0, 3650, &result.amberAfterDays) ||
        !takeCount(rest, QStringLiteral("redAfterDays"), 0, 3650, &result.redAfterDays) ||
        !takeCount(rest, QStringLiteral("structuralThreshold"), 0, 1000000, &result.structuralThreshold) ||
        !takeTime(rest, QStringLiteral("cloneTime"), &result.cloneTime))
        return false;
    if (const auto it = rest.constFind(QStringLiteral("lastCheck")); it != rest.constEnd()) {
        if (!it->isObject()) {
            *error = QStringLiteral("\"lastCheck\" must be an object");
            return false;
        }
        QJsonObject check = it->toObject();
        LastCheck last;
        QString source;
        if (!takeTime(check, QStringLiteral("at"), &last.at) ||
            !takeTime(check, QStringLiteral("cloneTime"), &last.cloneTime) ||
            !takeString(check, QStringLiteral("cloneTimeSource"), &source, error) ||
            !takeString(check, QStringLiteral("state"), &last.state, error) ||
            !takeCount(check, QStringLiteral("changesSinceClone"), 0, INT_MAX, &last.changesSinceClone) ||
            !takeCount(check, QStringLiteral("changesOnClone"), 0, INT_MAX, &last.changesOnClone) ||
            !takeCount(check, QStringLiteral("structuralChanges"), 0, INT_MAX, &last.structuralChanges))
            return false;
        last.cloneTimeGiven = source == QLatin1String("given");
        result.lastCheck = last;
        rest.remove(QStringLiteral("lastCheck"));
    }
    result.extra = rest;
    *out = result;
    return true;
}

QJsonObject CutoverStepEdit::toJson() const
{
    QJsonObject json = extra;
    if (!owner.isEmpty())
        json.insert(QStringLiteral("owner"), owner);
    if (plannedMinutes >= 0)
        json.insert(QStringLiteral("plannedMinutes"), plannedMinutes);
    if (!notes.isEmpty())
        json.insert(QStringLiteral("notes"), notes);
    return json;
}

bool CutoverStepEdit::fromJson(const QJsonObject &json, CutoverStepEdit *out, QString *error)
{
    CutoverStepEdit result;
    QJsonObject rest = json;
    if (!takeString(rest, QStringLiteral("owner"), &result.owner, error) ||
        !takeCount(rest, QStringLiteral("plannedMinutes"), &result.plannedMinutes, error) ||
        !takeString(rest, QStringLiteral("notes"), &result.notes, error))
        return false;
    result.extra = rest;
    *out = result;
    return true;
}

QJsonObject CutoverCustomStep::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("phase"), phase);
    json.insert(QStringLiteral("after"), after);
    json.insert(QStringLiteral("title"), title);
    json.insert(QStringLiteral("why"), why);
    json.insert(QStringLiteral("owner"), owner);
    json.insert(QStringLiteral("plannedMinutes"), plannedMinutes);
    return json;
}

bool CutoverCustomStep::fromJson(const QJsonObject &json, CutoverCustomStep *out, QString *error)
{
    CutoverCustomStep result;
    QJsonObject rest = json;
    if (!takeString(rest, QStringLiteral("id"), &result.id, error) ||
        !takeString(rest, QStringLiteral("phase"), &result.phase, error) ||
        !takeString(rest, QStringLiteral("after"), &result.after, error) ||
        !takeString(rest, QStringLiteral("title"), &result.title, error) ||
        !takeString(rest, QStringLiteral("why"), &result.why, error) ||
        !takeString(rest, QStringLiteral("owner"), &result.owner, error) ||
        !takeCount(rest, QStringLiteral("plannedMinutes"), &result.plannedMinutes, error))
        return false;
    static const QStringList phases = {QStringLiteral("before"), QStringLiteral("cutover"),
                                       QStringLiteral("after"), QStringLiteral("rollback")};
    if (result.id.isEmpty()) {
        *error = QStringLiteral("a custom step needs an \"id\"");
        return false;
    }
    if (!phases.contains(result.phase)) {
        *error = QStringLiteral("\"phase\" must be before, cutover, after or rollback");
        return false;
    }
    result.extra = rest;
    *out = result;
    return true;
}

QJsonObject CutoverSection::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("quietMinutes"), quietMinutes);
    QJsonArray environmentArray;
    for (const Environment &e : environments)
        environmentArray.append(QJsonObject{{QStringLiteral("id"), e.id},
                                            {QStringLiteral("name"), e.name},
                                            {QStringLiteral("spaceId"), e.spaceId}});
    json.insert(QStringLiteral("environments"), environmentArray);
    if (pollingTentacles >= 0)
        json.insert(QStringLiteral("pollingTentacles"), pollingTentacles);
    QJsonObject editObject;
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        if (!it->isEmpty())
            editObject.insert(it.key(), it->toJson());
    }
    json.insert(QStringLiteral("edits"), editObject);
    QJsonArray custom;
    for (const CutoverCustomStep &step : customSteps)
        custom.append(step.toJson());
    json.insert(QStringLiteral("customSteps"), custom);
    return json;
}

bool CutoverSection::fromJson(const QJsonObject &json, CutoverSection *out, QString *error)
{
    CutoverSection result;
    QJsonObject rest = json;
    if (!takeCount(rest, QStringLiteral("quietMinutes"), &result.quietMinutes, error))
        return false;
    if (result.quietMinutes < 1 || result.quietMinutes > 1440) {
        *error = QStringLiteral("\"quietMinutes\" must be from 1 to 1440");
        return false;
    }
    if (!takeCount(rest, QStringLiteral("pollingTentacles"), &result.pollingTentacles, error))
        return false;
    if (const auto it = rest.constFind(QStringLiteral("environments")); it != rest.constEnd()) {
        if (!it->isArray()) {
            *error = QStringLiteral("\"environments\" must be an array");
            return false;
        }
        for (const QJsonValue &value : it->toArray()) {
            const QJsonObject e = value.toObject();
            const QString id = e.value(QStringLiteral("id")).toString();
            if (id.isEmpty()) {
                *error = QStringLiteral("environments: each needs an \"id\"");
                return false;
            }
            result.environments.append({id, e.value(QStringLiteral("name")).toString(id),
                                        e.value(QStringLiteral("spaceId")).toString()});
        }
        rest.remove(QStringLiteral("environments"));
    }
    if (const auto it = rest.constFind(QStringLiteral("edits")); it != rest.constEnd()) {
        if (!it->isObject()) {
            *error = QStringLiteral("\"edits\" must be an object");
            return false;
        }
        const QJsonObject editObject = it->toObject();
        for (auto e = editObject.begin(); e != editObject.end(); ++e) {
            CutoverStepEdit edit;
            QString editError;
            if (!e.value().isObject() ||
                !CutoverStepEdit::fromJson(e.value().toObject(), &edit, &editError)) {
                *error =
                    QStringLiteral("edits: %1: %2")
                        .arg(e.key(), editError.isEmpty() ? QStringLiteral("must be an object") : editError);
                return false;
            }
            result.edits.insert(e.key(), edit);
        }
        rest.remove(QStringLiteral("edits"));
    }
    if (const auto it = rest.constFind(QStringLiteral("customSteps")); it != rest.constEnd()) {
        if (!it->isArray()) {
            *error = QStringLiteral("\"customSteps\" must be an array");
            return false;
        }
        QSet<QString> ids;
        for (const QJsonValue &value : it->toArray()) {
            CutoverCustomStep step;
            QString stepError;
            if (!value.isObject() || !CutoverCustomStep::fromJson(value.toObject(), &step, &stepError)) {
                *error =
                    QStringLiteral("customSteps: %1")
                        .arg(stepError.isEmpty() ? QStringLiteral("each step must be an object") : stepError);
                return false;
            }
            if (!ids.contains(step.id)) { // a duplicate id: the first wins
                ids.insert(step.id);
                result.customSteps.append(step);
            }
        }
        rest.remove(QStringLiteral("customSteps"));
    }
    result.extra = rest;
    *out = result;
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
    json.insert(QStringLiteral("tentacles"), tentacles.toJson());
    json.insert(QStringLiteral("ciIntegrations"), ciIntegrations.toJson());
    json.insert(QStringLiteral("scriptAudit"), scriptAudit.toJson());
    json.insert(QStringLiteral("testPlan"), testPlan.toJson());
    json.insert(QStringLiteral("drift"), drift.toJson());
    json.insert(QStringLiteral("cutover"), cutover.toJson());
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
        !takeSection(rest, QStringLiteral("tentacles"), &result.tentacles, &detail) ||
        !takeSection(rest, QStringLiteral("ciIntegrations"), &result.ciIntegrations, &detail) ||
        !takeSection(rest, QStringLiteral("scriptAudit"), &result.scriptAudit, &detail) ||
        !takeSection(rest, QStringLiteral("testPlan"), &result.testPlan, &detail) ||
        !takeSection(rest, QStringLiteral("drift"), &result.drift, &detail) ||
        !takeSection(rest, QStringLiteral("cutover"), &result.cutover, &detail))
        return fail(PlanError::Kind::Corrupt, detail);
    // Before 1.5 every plan carried an empty placeholder "cutoverJournal"; one with content (a newer
    // writer's) stays among the unknown keys.
    if (const auto it = rest.constFind(QStringLiteral("cutoverJournal"));
        it != rest.constEnd() && it->isObject() && it->toObject().isEmpty())
        rest.remove(QStringLiteral("cutoverJournal"));
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

void MigrationPlan::setServerProxy(ServerRole role, const QString &proxy)
{
    assign(m_data.server(role).proxy, proxy.trimmed());
}

void MigrationPlan::setDomain(const DomainDecision &domain)
{
    assign(m_data.domain, domain);
}

void MigrationPlan::setTentacles(const TentaclesSection &section)
{
    assign(m_data.tentacles, section);
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

void MigrationPlan::setDrift(const DriftSection &section)
{
    assign(m_data.drift, section);
}

void MigrationPlan::setCutover(const CutoverSection &section)
{
    assign(m_data.cutover, section);
}
