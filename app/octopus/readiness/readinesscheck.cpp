#include "readinesscheck.h"

QString ReadinessCheck::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Pass:
        return QStringLiteral("pass");
    case Status::Warn:
        return QStringLiteral("warn");
    case Status::Fail:
        return QStringLiteral("fail");
    }
    return QStringLiteral("pending");
}

ReadinessCheck::Status ReadinessCheck::worst(const QList<ReadinessCheck> &checks)
{
    auto rank = [](Status s) {
        switch (s) {
        case Status::Pass:
            return 0;
        case Status::Pending:
            return 1;
        case Status::Warn:
            return 2;
        case Status::Fail:
            return 3;
        }
        return 0;
    };
    Status result = Status::Pass;
    for (const ReadinessCheck &check : checks) {
        if (rank(check.status) > rank(result))
            result = check.status;
    }
    return result;
}
