#include "auditlogging.h"

Q_LOGGING_CATEGORY(lcAudit, "handover.audit")
