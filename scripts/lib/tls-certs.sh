#!/usr/bin/env bash
# Throwaway TLS material, made afresh by each user (scripts/bench, scripts/check-runtime, the Swift
# tests' TestCertificates), valid two days, never committed. In DIR: a CA (ca.crt, ca.key), a CA
# that signed nothing (other-ca.crt), a certificate for 127.0.0.1 signed by the first (server.crt,
# server.key), and ca-dir/ with only the CA, under its OpenSSL hash name.
# Usage: scripts/lib/tls-certs.sh DIR
set -euo pipefail
d=${1:?usage: tls-certs.sh DIR}
mkdir -p "$d/ca-dir"
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
openssl req -x509 "${ec[@]}" -keyout "$d/ca.key" -out "$d/ca.crt" -days 2 -subj /CN=test-ca 2>/dev/null
openssl req -x509 "${ec[@]}" -keyout "$d/other-ca.key" -out "$d/other-ca.crt" -days 2 -subj /CN=other-ca 2>/dev/null
openssl req "${ec[@]}" -keyout "$d/server.key" -out "$d/server.csr" -subj /CN=127.0.0.1 2>/dev/null
openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
  -extfile <(echo subjectAltName=IP:127.0.0.1) -out "$d/server.crt" 2>/dev/null
cp "$d/ca.crt" "$d/ca-dir/ca.pem"
openssl rehash "$d/ca-dir"
