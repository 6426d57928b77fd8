#pragma once

#include "readinesscheck.h"
#include "serverfacts.h"

#include <QCoreApplication>
#include <QList>

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
    // "2023.1.9626" -> {2023, 1}; {-1, -1} when unparsable.
    static QPair<int, int> majorMinor(const QString &version);
};
