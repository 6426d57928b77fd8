#pragma once

#include "auditfinding.h"
#include "auditruleset.h"

#include <QList>
#include <QString>

#include <atomic>

// A text to audit that is not a file: a script stored on a server, or a variable's value.
struct AuditText
{
    QString location; // shown instead of a file: "Default › Web Shop › Deployment process › Step 'Notify' ›
                      // script"
    QString url; // opens the place (the server's web portal); also what tells findings apart
    QString text;
    bool valueOnly = false; // a variable's value: only old-server, key and octo findings count
};

// Runs the audit rules (AuditRuleSet, the same as for files) over texts. Findings carry the text's
// location as `file` and `location`, its url as `absolutePath` and `url`; snippets are masked as for
// files. Sorted like a folder scan's.
QList<AuditFinding> auditTexts(const QList<AuditText> &texts, const AuditRuleSet::Config &config,
                               const std::atomic_bool *cancelled = nullptr);
