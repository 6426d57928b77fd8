#pragma once

#include "readinesscheck.h"
#include "serverfacts.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

// Pure functions from facts to checks, shared by the wizard's readiness strip, the Connect page and
// `handover check`. `final` turns what is still unknown after a finished refresh into a failure
// ("not checked") instead of pending.
class ReadinessRules
{
    Q_DECLARE_TR_FUNCTIONS(ReadinessRules)

public:
    static QList<ReadinessCheck> serverChecks(ServerRole role, const ServerFacts &facts, bool final = false);
    static QList<ReadinessCheck> pairChecks(const ServerFacts &oldFacts, const ServerFacts &newFacts,
                                            bool final = false);
    // A permission Handover relies on, and what it reads or does with it.
    struct KeyNeed
    {
        QString permission;
        QString what;
    };
    static QList<KeyNeed> keyNeeds();
    // "old.key"/"new.key": what the API key can and cannot see, from its user's permissions.
    static ReadinessCheck keyCheck(ServerRole role, const ServerFacts &facts, bool final);
    // Offline nodes of the new server that carry the name of one of the old server's nodes: rows a database
    // clone inherited (empty while either node list is unknown).
    static QStringList inheritedNodes(const ServerFacts &oldFacts, const ServerFacts &newFacts);
    // "2023.1.9626" -> {2023, 1}; {-1, -1} when unparsable.
    static QPair<int, int> majorMinor(const QString &version);
};
