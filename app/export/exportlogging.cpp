#include "exportlogging.h"

Q_LOGGING_CATEGORY(lcExport, "handover.export")
