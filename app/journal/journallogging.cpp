#include "journallogging.h"

Q_LOGGING_CATEGORY(lcJournal, "handover.journal")
