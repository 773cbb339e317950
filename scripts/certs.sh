#!/usr/bin/env bash
# Makes the certificates for TLS with mutual authentication between ActorParallel nodes: one certificate authority
# for the cluster and one certificate per node, signed by it.
#   scripts/certs.sh [DIR] [NODE...]   (default DIR artifacts/certs, default nodes: seed worker1 worker2 driver)
# Writes DIR/ca.crt (PEM: give it to every node with --tls-ca) and DIR/NODE.pfx (PKCS#12 with the node's private key:
# --tls-cert), protected by the password in $ACTORPARALLEL_TLS_PASSWORD (default: a random one, written to
# DIR/password). The CA's private key, DIR/ca.key, signs new nodes' certificates: keep it off the nodes.
set -euo pipefail
dir=${1:-artifacts/certs}
shift || true
nodes=("$@")
[ ${#nodes[@]} -gt 0 ] || nodes=(seed worker1 worker2 driver)
command -v openssl >/dev/null || { echo "certs.sh: openssl not found (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$dir"
umask 077
password=${ACTORPARALLEL_TLS_PASSWORD:-}
if [ -z "$password" ]; then
  if [ -f "$dir/password" ]; then password=$(cat "$dir/password"); else password=$(openssl rand -hex 16); fi
  printf '%s' "$password" > "$dir/password"
fi
if [ ! -f "$dir/ca.key" ]; then
  openssl req -x509 -newkey rsa:2048 -sha256 -days 825 -nodes -keyout "$dir/ca.key" -out "$dir/ca.crt" \
    -subj "/CN=ActorParallel cluster CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  echo "certs.sh: CA $dir/ca.crt"
fi
for node in "${nodes[@]}"; do
  openssl req -newkey rsa:2048 -sha256 -nodes -keyout "$dir/$node.key" -out "$dir/$node.csr" -subj "/CN=$node" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\n' "$node" > "$dir/$node.ext"
  openssl x509 -req -in "$dir/$node.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 825 -sha256 \
    -extfile "$dir/$node.ext" -out "$dir/$node.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$dir/$node.key" -in "$dir/$node.crt" -certfile "$dir/ca.crt" -name "$node" \
    -passout "pass:$password" -out "$dir/$node.pfx"
  rm -f "$dir/$node.csr" "$dir/$node.ext" "$dir/$node.key"
  echo "certs.sh: $dir/$node.pfx"
done
