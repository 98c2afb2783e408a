#ifndef DEVTRON_TELEMETRY_CZLIB_SHIM_H
#define DEVTRON_TELEMETRY_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 is a macro, which Swift cannot call. windowBits 15 + 16 asks for a gzip wrapper. */
static inline int dt_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
