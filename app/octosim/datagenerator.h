#pragma once

#include "datastore.h"
#include "octosimserver.h"
#include "random.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>

namespace octosim {

// Builds the old instance's database, deterministically from the seed, and derives its clone.
class DataGenerator
{
public:
    DataGenerator(quint64 seed, Scale scale);

    // anchorMsecs is "now" for the generated history (events, deployments, key usage).
    DataStore generate(qint64 anchorMsecs);

    QByteArray adminApiKey() const { return m_adminKey; }
    QByteArray readOnlyApiKey() const { return m_readOnlyKey; }
    // A non-administrator who may write (queue health checks, edit machines), but not administer or read
    // other users' API keys.
    QByteArray operatorApiKey() const { return m_operatorKey; }

    // The clone at clone time: the same data and ids (shared, not copied), its own InstallationId
    // unless keepInstallationId, its own node, and its polling Tentacles not yet connected.
    static DataStore makeClone(const DataStore &old, quint64 seed, bool keepInstallationId);

    // Deterministic API key: "API-" + 26 upper-case letters and digits.
    static QByteArray apiKey(quint64 seed, int index);

private:
    struct Actor
    {
        QByteArray userId;
        QByteArray username;
        bool isService = false;
        QByteArray identity;
        QByteArrayList agents;
        QByteArray ip;
    };
    struct ProjectInfo
    {
        QByteArray id;
        QByteArray name;
        QByteArray slug;
        QByteArray channelId;
        QByteArray packageId;
        QByteArrayList environmentIds;
    };
    struct DeploymentInfo
    {
        QByteArray id;
        QByteArray taskId;
        QByteArray projectId;
        QByteArray projectName;
        QByteArray releaseId;
        QByteArray version;
        QByteArray environmentId;
        QByteArray environmentName;
        QByteArray channelId;
        int actor = 0; // index into m_actors of who queued it
        qint64 queued = 0;
        qint64 started = 0;
        qint64 completed = 0;
        bool failed = false;
    };
    struct SpaceContext
    {
        QByteArray id;
        QByteArray name;
        int index = 0;
        QByteArrayList environmentIds;
        QByteArrayList environmentNames;
        QByteArray machinePolicyId;
        QByteArrayList workerPoolIds;
        QByteArray lifecycleId;
        QByteArrayList projectGroupIds;
        QByteArray builtInFeedId;
        QByteArrayList libraryVariableSetIds;
        QByteArrayList tenantIds;
        QByteArrayList machineIds;
        QByteArrayList machineNames;
        QList<ProjectInfo> projects;
        QByteArrayList releaseIds; // parallel to releaseLabels
        QByteArrayList releaseLabels;
        QList<DeploymentInfo> deployments;
    };

    void generateUsers();
    void generateSpaces();
    void generateSpace(SpaceContext &space);
    void generateInfrastructure(SpaceContext &space, Random &random);
    void generateLibrary(SpaceContext &space, Random &random);
    void generateProjects(SpaceContext &space, Random &random);
    void generateTeamsAndRunbookRuns(const SpaceContext &space);
    void generateBuildInformation(SpaceContext &space, Random &random);
    // Inline scripts stored on the server (deployment and runbook processes, step templates, script
    // modules, project variables), some naming the old server, carrying a key or calling octo. Reworks the
    // items generated above without drawing from their random stream or their ids.
    void generateServerScripts(const SpaceContext &space);
    void generateEvents(const QList<SpaceContext> &spaces);
    void generateNodes();

    QByteArray nextId(const QByteArray &prefix);
    QByteArray time(qint64 msecsAgo) const;

    quint64 m_seed;
    Scale m_scale;
    qint64 m_anchor = 0;
    DataStore m_store;
    QByteArray m_adminKey;
    QByteArray m_readOnlyKey;
    QByteArray m_operatorKey;
    QList<Actor> m_actors;
    QList<SpaceContext> m_spaces;
};

} // namespace octosim
