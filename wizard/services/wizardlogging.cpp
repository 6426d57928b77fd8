#include "wizardlogging.h"

Q_LOGGING_CATEGORY(lcWizard, "handover.wizard")
