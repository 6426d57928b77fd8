#pragma once

#include <QStringList>

// One function per verb. `arguments` excludes the verb itself. Each returns the process exit code:
// 0 success, 2 usage error; other codes are documented per verb in the README.
// (Verbs are added here as their issues land.)

// handover audit PATH… [--old-url URL]… [--new-swagger FILE] [--json|--csv|--md] [--jobs N] (auditverb.cpp)
int runAudit(const QStringList &arguments);
