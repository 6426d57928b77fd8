#include "octopuslogging.h"

Q_LOGGING_CATEGORY(lcOctopus, "handover.octopus", QtInfoMsg)
