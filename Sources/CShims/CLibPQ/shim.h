#ifndef DEVTRON_TELEMETRY_CLIBPQ_SHIM_H
#define DEVTRON_TELEMETRY_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
