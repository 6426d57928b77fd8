#include "inventorysnapshot.h"

#include "apierrortext.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QString iso(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue isoOrNull(const QDateTime &when)
{
    return when.isValid() ? QJsonValue(iso(when)) : QJsonValue(QJsonValue::Null);
}

QJsonObject machineJson(const InventoryMachine &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("name"), m.name},
                  {QStringLiteral("spaceId"), m.spaceId},
                  {QStringLiteral("isDisabled"), m.isDisabled},
                  {QStringLiteral("healthStatus"), m.healthStatus},
                  {QStringLiteral("communicationStyle"), m.communicationStyle},
                  {QStringLiteral("uri"), m.uri},
                  {QStringLiteral("thumbprint"), m.thumbprint},
                  {QStringLiteral("tentacleVersion"), m.tentacleVersion},
                  {QStringLiteral("upgradeSuggested"), m.upgradeSuggested},
                  {QStringLiteral("upgradeRequired"), m.upgradeRequired},
                  {QStringLiteral("upgradeLocked"), m.upgradeLocked},
                  {QStringLiteral("operatingSystem"), m.operatingSystem},
                  {QStringLiteral("shellName"), m.shellName}};
    if (m.isWorker) {
        o.insert(QStringLiteral("workerPoolIds"), strings(m.workerPoolIds));
    } else {
        o.insert(QStringLiteral("environmentIds"), strings(m.environmentIds));
        o.insert(QStringLiteral("roles"), strings(m.roles));
        o.insert(QStringLiteral("tenantIds"), strings(m.tenantIds));
    }
    return o;
}

QJsonArray namedJson(const QList<InventoryNamed> &list)
{
    QJsonArray array;
    for (const InventoryNamed &n : list)
        array.append(QJsonObject{{QStringLiteral("id"), n.id},
                                 {QStringLiteral("name"), n.name},
                                 {QStringLiteral("spaceId"), n.spaceId},
                                 {QStringLiteral("isDisabled"), n.isDisabled}});
    return array;
}

} // namespace

QMap<QString, qint64> InventorySnapshot::counts() const
{
    return {{QStringLiteral("spaces"), spaces.size()},
            {QStringLiteral("targets"), targets.size()},
            {QStringLiteral("workers"), workers.size()},
            {QStringLiteral("environments"), environments.size()},
            {QStringLiteral("projects"), projects.size()},
            {QStringLiteral("tenants"), tenants.size()},
            {QStringLiteral("buildInformation"), buildInformation.size()},
            {QStringLiteral("users"), users.size()},
            {QStringLiteral("serviceAccounts"),
             std::count_if(users.begin(), users.end(), [](const InventoryUser &u) { return u.isService; })},
            {QStringLiteral("eventAgents"), eventAgents.size()}};
}

QJsonObject InventorySnapshot::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("server"), server.toString(QUrl::RemoveUserInfo));
    if (role)
        o.insert(QStringLiteral("role"),
                 *role == ServerRole::Old ? QStringLiteral("old") : QStringLiteral("new"));
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("installationId"), installationId);
    o.insert(QStringLiteral("takenAt"), iso(takenAt));
    o.insert(QStringLiteral("requests"), requests);
    QJsonObject countsJson;
    const auto c = counts();
    for (auto it = c.begin(); it != c.end(); ++it)
        countsJson.insert(it.key(), it.value());
    o.insert(QStringLiteral("counts"), countsJson);
    QJsonObject server;
    for (auto it = serverCounts.begin(); it != serverCounts.end(); ++it)
        server.insert(it.key(), it.value());
    o.insert(QStringLiteral("serverCounts"), server);

    QJsonArray spacesJson;
    for (const InventorySpace &s : spaces)
        spacesJson.append(QJsonObject{{QStringLiteral("id"), s.id},
                                      {QStringLiteral("name"), s.name},
                                      {QStringLiteral("isDefault"), s.isDefault}});
    o.insert(QStringLiteral("spaces"), spacesJson);
    QJsonArray targetsJson;
    for (const InventoryMachine &m : targets)
        targetsJson.append(machineJson(m));
    o.insert(QStringLiteral("targets"), targetsJson);
    QJsonArray workersJson;
    for (const InventoryMachine &m : workers)
        workersJson.append(machineJson(m));
    o.insert(QStringLiteral("workers"), workersJson);
    o.insert(QStringLiteral("environments"), namedJson(environments));
    o.insert(QStringLiteral("projects"), namedJson(projects));
    o.insert(QStringLiteral("tenants"), namedJson(tenants));
    QJsonArray buildJson;
    for (const InventoryBuildInformation &b : buildInformation)
        buildJson.append(QJsonObject{{QStringLiteral("id"), b.id},
                                     {QStringLiteral("spaceId"), b.spaceId},
                                     {QStringLiteral("packageId"), b.packageId},
                                     {QStringLiteral("version"), b.version},
                                     {QStringLiteral("buildEnvironment"), b.buildEnvironment},
                                     {QStringLiteral("buildNumber"), b.buildNumber},
                                     {QStringLiteral("buildUrl"), b.buildUrl},
                                     {QStringLiteral("vcsRoot"), b.vcsRoot},
                                     {QStringLiteral("created"), isoOrNull(b.created)}});
    o.insert(QStringLiteral("buildInformation"), buildJson);
    QJsonArray usersJson;
    for (const InventoryUser &u : users) {
        QJsonObject user{{QStringLiteral("id"), u.id},
                         {QStringLiteral("username"), u.username},
                         {QStringLiteral("displayName"), u.displayName},
                         {QStringLiteral("isService"), u.isService},
                         {QStringLiteral("isActive"), u.isActive},
                         {QStringLiteral("serviceAccountType"),
                          u.serviceAccountTypeKnown ? QJsonValue(u.serviceAccountType) : QJsonValue()}};
        if (u.apiKeysKnown) {
            QJsonArray keys;
            for (const InventoryApiKey &k : u.apiKeys)
                keys.append(QJsonObject{{QStringLiteral("id"), k.id},
                                        {QStringLiteral("purpose"), k.purpose},
                                        {QStringLiteral("created"), isoOrNull(k.created)},
                                        {QStringLiteral("expires"), isoOrNull(k.expires)},
                                        {QStringLiteral("lastUsed"), isoOrNull(k.lastUsed)},
                                        {QStringLiteral("lastUsedKnown"), k.lastUsedKnown},
                                        {QStringLiteral("accessLevel"), k.accessLevel}});
            user.insert(QStringLiteral("apiKeys"), keys);
        }
        usersJson.append(user);
    }
    o.insert(QStringLiteral("users"), usersJson);
    QJsonArray agentsJson;
    for (const InventoryEventAgent &a : eventAgents)
        agentsJson.append(QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name}});
    o.insert(QStringLiteral("eventAgents"), agentsJson);
    QJsonArray errorsJson;
    for (const ApiError &e : errors)
        errorsJson.append(QJsonObject{{QStringLiteral("kind"), ApiError::kindName(e.kind)},
                                      {QStringLiteral("path"), e.path},
                                      {QStringLiteral("status"), e.status},
                                      {QStringLiteral("message"), ApiErrorText::describe(e)}});
    o.insert(QStringLiteral("errors"), errorsJson);
    QJsonArray gapsJson;
    for (const InventoryPermissionGap &g : permissionGaps) {
        const char *hidden = g.hidden == InventoryPermissionGap::Hidden::Spaces        ? "spaces"
                             : g.hidden == InventoryPermissionGap::Hidden::UserApiKeys ? "userApiKeys"
                                                                                       : "collection";
        gapsJson.append(QJsonObject{
            {QStringLiteral("hidden"), QLatin1String(hidden)},
            {QStringLiteral("permission"), g.permission.isEmpty() ? QJsonValue() : QJsonValue(g.permission)},
            {QStringLiteral("count"), g.count},
            {QStringLiteral("path"), g.first.path},
            {QStringLiteral("message"), g.describe()}});
    }
    o.insert(QStringLiteral("permissionGaps"), gapsJson);
    return o;
}

QString InventoryPermissionGap::describe() const
{
    const QString server = first.serverUrl.isEmpty()
                               ? QCoreApplication::translate("InventoryPermissionGap", "the server")
                               : first.serverUrl.toString();
    const QString call = QStringLiteral("%1 %2").arg(QString::fromLatin1(first.method), first.path);
    const QString lacks =
        permission.isEmpty()
            ? QCoreApplication::translate("InventoryPermissionGap", "The API key of %1 lacks a permission")
                  .arg(server)
            : QCoreApplication::translate("InventoryPermissionGap", "The API key of %1 lacks %2")
                  .arg(server, permission);
    QString hides;
    switch (hidden) {
    case Hidden::Spaces:
        hides = QCoreApplication::translate("InventoryPermissionGap",
                                            "it cannot list spaces, so no machine, project or other space "
                                            "resource could be read");
        break;
    case Hidden::UserApiKeys:
        hides = QCoreApplication::translate("InventoryPermissionGap",
                                            "API-key metadata of %n user(s) is hidden", nullptr, count);
        break;
    case Hidden::Collection:
        hides = QCoreApplication::translate("InventoryPermissionGap", "%n collection(s) could not be read",
                                            nullptr, count);
        break;
    }
    return QCoreApplication::translate("InventoryPermissionGap", "%1: %2 (%3 answered 403).")
        .arg(lacks, hides, call);
}

bool InventorySnapshot::cannotListSpaces() const
{
    for (const InventoryPermissionGap &gap : permissionGaps) {
        if (gap.hidden == InventoryPermissionGap::Hidden::Spaces)
            return true;
    }
    return false;
}

bool InventorySnapshot::isComplete() const
{
    return errors.isEmpty() && !cannotListSpaces();
}
