#include "planvalidation.h"

#include "proxysetting.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

void checkServerUrl(ServerRole role, const QUrl &url, QList<PlanIssue> *issues)
{
    const bool old = role == ServerRole::Old;
    const QString field = old ? QStringLiteral("oldServer.url") : QStringLiteral("newServer.url");
    if (url.isEmpty()) {
        issues->append({PlanIssue::Severity::Error, field,
                        old ? QCoreApplication::translate("PlanValidation", "Enter the old server's URL.")
                            : QCoreApplication::translate("PlanValidation", "Enter the new server's URL.")});
        return;
    }
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty()) {
        issues->append(
            {PlanIssue::Severity::Error, field,
             old ? QCoreApplication::translate(
                       "PlanValidation",
                       "The old server's URL must start with https:// or http:// and name a host.")
                 : QCoreApplication::translate(
                       "PlanValidation",
                       "The new server's URL must start with https:// or http:// and name a host.")});
    }
}

void checkServerProxy(ServerRole role, const QString &proxy, QList<PlanIssue> *issues)
{
    ProxySetting parsed;
    QString reason;
    if (ProxySetting::parse(proxy, &parsed, &reason))
        return;
    const bool old = role == ServerRole::Old;
    issues->append({PlanIssue::Severity::Error,
                    old ? QStringLiteral("oldServer.proxy") : QStringLiteral("newServer.proxy"),
                    (old ? QCoreApplication::translate("PlanValidation", "Old server's proxy: %1")
                         : QCoreApplication::translate("PlanValidation", "New server's proxy: %1"))
                        .arg(reason)});
}

// Same server, written differently: scheme and host are case-insensitive, trailing slashes don't matter.
QString comparable(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const int defaultPort = url.scheme().toLower() == QLatin1String("https") ? 443 : 80;
    return QStringLiteral("%1://%2:%3%4")
        .arg(url.scheme().toLower(), url.host().toLower())
        .arg(url.port(defaultPort))
        .arg(path);
}

} // namespace

QList<PlanIssue> issuesFor(PlanStep step, const PlanData &plan)
{
    QList<PlanIssue> issues;
    switch (step) {
    case PlanStep::Connect:
        checkServerUrl(ServerRole::Old, plan.oldServer.url, &issues);
        checkServerUrl(ServerRole::New, plan.newServer.url, &issues);
        checkServerProxy(ServerRole::Old, plan.oldServer.proxy, &issues);
        checkServerProxy(ServerRole::New, plan.newServer.proxy, &issues);
        if (issues.isEmpty() && comparable(plan.oldServer.url) == comparable(plan.newServer.url)) {
            issues.append(
                {PlanIssue::Severity::Error, QStringLiteral("newServer.url"),
                 QCoreApplication::translate(
                     "PlanValidation",
                     "The old and the new server have the same URL. The new server is the clone.")});
        }
        break;
    case PlanStep::Domain: {
        const DomainDecision &domain = plan.domain;
        if (domain.choice == DomainDecision::Choice::Undecided) {
            issues.append(
                {PlanIssue::Severity::Warning, QStringLiteral("domain.choice"),
                 QCoreApplication::translate("PlanValidation",
                                             "Decide whether the new instance keeps the old domain name.")});
        } else if (domain.choice == DomainDecision::Choice::NewName && domain.newPublicUrl.isEmpty()) {
            issues.append({PlanIssue::Severity::Error, QStringLiteral("domain.newPublicUrl"),
                           QCoreApplication::translate("PlanValidation",
                                                       "Enter the public URL the new instance will use.")});
        }
        break;
    }
    case PlanStep::Tentacles:
    case PlanStep::CiIntegrations:
    case PlanStep::ScriptAudit:
    case PlanStep::TestPlan:
    case PlanStep::Cutover:
        break;
    }
    return issues;
}

bool hasErrors(const QList<PlanIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const PlanIssue &issue) { return issue.severity == PlanIssue::Severity::Error; });
}
