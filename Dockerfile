# devtron-telemetry container image.
#
#   docker build -t ghcr.io/devtron-labs/devtron-telemetry:0.1.0 .
#
# Two stages: the official Swift toolchain image (the same Swift release and Debian release as the
# development machines) compiles a release binary with the Swift runtime, Foundation and libstdc++
# linked in statically; the runtime stage is plain Debian bookworm-slim with only what that binary
# loads at run time: libpq5 (the PostgreSQL client library, which brings OpenSSL's libssl3), libcurl4
# (HTTP; glibc, libgcc and zlib are already part of the base) and the CA certificates that PostHog's
# and the API server's TLS certificates are verified against.
# For reproducible releases, pin both FROM lines by digest (image:tag@sha256:...).
# scripts/check-runtime checks the runtime stage without Docker: it builds the binary the same way
# and runs it in a bookworm minbase root filesystem as the same non-root user.

# ---- build ------------------------------------------------------------------------------------
FROM swift:6.3.1-bookworm AS build

# Headers and pkg-config files of the system-library targets: libpq-dev (CLibPQ),
# libcurl4-openssl-dev (CLibCurl), zlib1g-dev (CZlib, the request body's gzip), libssl-dev
# (libpq's pkg-config file requires it); libstdc++-12-dev for libstdc++'s static archive, which the
# release link takes instead of the shared library (already in the Swift image; named to be sure).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq-dev libcurl4-openssl-dev zlib1g-dev libssl-dev libstdc++-12-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Resolve the dependencies in their own layer so that editing a source file does not fetch them
# again. Package.resolved is not copied (.dockerignore): the build resolves within the version
# ranges of Package.swift.
COPY Package.swift ./
RUN swift package resolve

COPY . .
# --strip-debug drops the DWARF sections (about a third of the binary) but keeps the symbol table,
# so a crash report still names the functions.
RUN swift build -c release --static-swift-stdlib --product devtron-telemetry \
    && install -D -m 0755 \
        "$(swift build -c release --static-swift-stdlib --show-bin-path)/devtron-telemetry" \
        /out/devtron-telemetry \
    && strip --strip-debug /out/devtron-telemetry

# ---- runtime ----------------------------------------------------------------------------------
FROM debian:bookworm-slim

LABEL org.opencontainers.image.title="devtron-telemetry" \
      org.opencontainers.image.description="Daily usage summary of a Devtron installation, sent to PostHog"

# A fixed numeric UID/GID, so that Kubernetes can verify runAsNonRoot without a passwd lookup and the
# chart can name it (charts/devtron-telemetry/values.yaml: runAsUser/runAsGroup 65532). The passwd
# entry is there for libpq, which looks up the home directory for ~/.pgpass; /nonexistent has none.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libpq5 libcurl4 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 65532 devtron-telemetry \
    && useradd --uid 65532 --gid 65532 --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin devtron-telemetry

COPY --from=build /out/devtron-telemetry /usr/local/bin/devtron-telemetry

USER 65532:65532

# The program writes no files: the root filesystem can be mounted read-only.
ENTRYPOINT ["/usr/local/bin/devtron-telemetry"]
CMD ["run"]
