#pragma once

#include "auditfinding.h"

#include <QString>

// How the script audit names a finding in the migration plan (ScriptAuditSection::marks, typed in core).
class AuditPlanState
{
public:
    static constexpr auto Fixed = "fixed"; // AuditMark::kindName, as the results model shows it
    static constexpr auto Accepted = "accepted";

    // Stable across scans: absolute file, line, category and a hash of the (masked) snippet, so the key
    // never holds a secret and survives unrelated edits elsewhere in the file only when the line stays.
    static QString findingKey(const AuditFinding &finding);
};
