#include "controllerslogging.h"

Q_LOGGING_CATEGORY(lcControllers, "handover.controllers")
