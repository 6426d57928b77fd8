#include "auditlogging.h"

// Debug output (swagger loading, scan totals) only when asked for with QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcAudit, "handover.audit", QtInfoMsg)
