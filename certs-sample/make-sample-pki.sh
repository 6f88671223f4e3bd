#!/usr/bin/env bash
# Makes the sample PKI of the sandbox in the folder of this script (certs-sample/).
#
#   certs-sample/make-sample-pki.sh
#
# Needs only openssl 3.x. Runs from any working directory, asks nothing, and overwrites the files it
# made before (new keys, new serial numbers: the file names stay the same). Every certificate says
# SAMPLE in its subject. SANDBOX AND TESTS ONLY: the production profile refuses these certificates.
# The README.md next to this script describes every file.
set -euo pipefail

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PASS=sandbox            # password of every PKCS#12 file
CA_DAYS_ROOT=3653       # 10 years (the root outlives the intermediate by a few days)
CA_DAYS=3650            # 10 years
EE_DAYS=1826            # 5 years
CRL_DAYS=3650           # nextUpdate of both CRLs
EXPIRED_START=20200101000000Z
EXPIRED_END=20210101000000Z
# validity starts a day back, so that a clock a little behind still accepts the certificates
BACKDATE="$(date -u -d '1 day ago' +%Y%m%d%H%M%SZ 2>/dev/null || date -u -v-1d +%Y%m%d%H%M%SZ 2>/dev/null || true)"

command -v openssl >/dev/null || { echo "openssl not found" >&2; exit 1; }
case "$(openssl version)" in
  "OpenSSL 3."*) ;;
  *) echo "openssl 3.x needed, found: $(openssl version)" >&2; exit 1 ;;
esac

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------------------
# openssl configuration: two CA databases (root, intermediate) and the certificate profiles
# ---------------------------------------------------------------------------------------------
CNF="$WORK/openssl.cnf"
cat >"$CNF" <<EOF
[ req ]
distinguished_name = req_dn
prompt             = no
utf8               = yes
string_mask        = utf8only
[ req_dn ]
CN = unused

[ root_ca ]
dir              = $WORK/root
database         = \$dir/index.txt
new_certs_dir    = \$dir/issued
serial           = \$dir/serial
crlnumber        = \$dir/crlnumber
certificate      = $OUT/root-ca.pem
private_key      = $OUT/root-ca.key.pem
default_md       = sha256
default_days     = $CA_DAYS
default_crl_days = $CRL_DAYS
policy           = policy_any
unique_subject   = no
copy_extensions  = none
preserve         = yes
email_in_dn      = no
crl_extensions   = crl_ext

[ sub_ca ]
dir              = $WORK/sub
database         = \$dir/index.txt
new_certs_dir    = \$dir/issued
serial           = \$dir/serial
crlnumber        = \$dir/crlnumber
certificate      = $OUT/sample-gov-ca.pem
private_key      = $OUT/sample-gov-ca.key.pem
default_md       = sha256
default_days     = $EE_DAYS
default_crl_days = $CRL_DAYS
policy           = policy_any
unique_subject   = no
copy_extensions  = none
preserve         = yes
email_in_dn      = no
crl_extensions   = crl_ext

[ policy_any ]
countryName            = optional
organizationName       = optional
organizationalUnitName = optional
commonName             = supplied

[ crl_ext ]
authorityKeyIdentifier = keyid:always

[ v3_root ]
basicConstraints     = critical, CA:TRUE
keyUsage             = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ v3_intermediate ]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_signing ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, nonRepudiation
extendedKeyUsage       = emailProtection
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_tls_server ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_tls_client ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# a timestamping authority (RFC 3161 §2.3): the only extended key usage, critical
[ v3_tsa ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, nonRepudiation
extendedKeyUsage       = critical, timeStamping
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# EC keys cannot encipher keys: digitalSignature only
[ v3_tls_client_ec ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
EOF

for ca in root sub; do
  mkdir -p "$WORK/$ca/issued"
  : >"$WORK/$ca/index.txt"
  echo 1000 >"$WORK/$ca/crlnumber"
done
# distinct serial numbers: the root itself is 01, what it issues from 10, the intermediate issues from 1001
echo 01 >"$WORK/root/serial"
echo 1001 >"$WORK/sub/serial"

# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
# newkey <name> rsa:<bits>|ec  -> <name>.key.pem (PKCS#8, unencrypted)
newkey() {
  local name="$1" kind="$2"
  case "$kind" in
    rsa:*) openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${kind#rsa:}" -out "$OUT/$name.key.pem" 2>/dev/null ;;
    ec)    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve \
             -out "$OUT/$name.key.pem" ;;
    *)     echo "unknown key kind $kind" >&2; exit 1 ;;
  esac
  chmod 600 "$OUT/$name.key.pem"
}

# starts <days>: the openssl ca options of a validity from $BACKDATE (or now) to now + <days>
starts() { if [ -n "$BACKDATE" ]; then echo "-startdate $BACKDATE -days $1"; else echo "-days $1"; fi; }

# issue <ca section> <name> <key kind> <subject> <extensions> [openssl ca date options...] -> <name>.pem
# (without date options: an end entity of $EE_DAYS days)
issue() {
  local ca="$1" name="$2" kind="$3" subj="$4" ext="$5"
  shift 5
  [ $# -gt 0 ] || set -- $(starts "$EE_DAYS")
  newkey "$name" "$kind"
  openssl req -new -config "$CNF" -key "$OUT/$name.key.pem" -subj "$subj" -sha256 -out "$WORK/$name.csr"
  openssl ca -batch -notext -config "$CNF" -name "$ca" -extensions "$ext" -md sha256 "$@" \
    -in "$WORK/$name.csr" -out "$OUT/$name.pem" 2>"$WORK/$name.ca.log" \
    || { cat "$WORK/$name.ca.log" >&2; exit 1; }
}

# p12 <name> <friendly name> <chain file>  -> <name>.p12 (key, certificate and chain; password $PASS)
p12() {
  local name="$1" alias="$2" chain="$3"
  openssl pkcs12 -export -name "$alias" -inkey "$OUT/$name.key.pem" -in "$OUT/$name.pem" \
    -certfile "$chain" -passout "pass:$PASS" -out "$OUT/$name.p12"
}

# ---------------------------------------------------------------------------------------------
# clean the files this script makes (only those: README.md and the script stay)
# ---------------------------------------------------------------------------------------------
rm -f "$OUT"/*.pem "$OUT"/*.p12 "$OUT"/*.crl "$OUT"/*.der

# ---------------------------------------------------------------------------------------------
# root CA and intermediate "sample government CA"
# ---------------------------------------------------------------------------------------------
# self-signed through `openssl ca -selfsign` (serial 01), which can backdate (openssl 3.0 `req -x509` cannot)
issue root_ca root-ca rsa:3072 "/C=VN/O=SAMPLE Lien thong Gateway/CN=SAMPLE Root CA" v3_root \
  -selfsign $(starts "$CA_DAYS_ROOT")
echo 10 >"$WORK/root/serial"

issue root_ca sample-gov-ca rsa:3072 "/C=VN/O=SAMPLE Government/CN=SAMPLE Government CA" \
  v3_intermediate $(starts "$CA_DAYS")

cat "$OUT/sample-gov-ca.pem" "$OUT/root-ca.pem" >"$OUT/ca-chain.pem"
cp "$OUT/root-ca.pem" "$OUT/trust-anchors.pem"

# ---------------------------------------------------------------------------------------------
# the gateway: signing certificate and TLS server certificate for localhost
# ---------------------------------------------------------------------------------------------
GW_O="SAMPLE Lien thong Gateway"
issue sub_ca gateway-signing rsa:3072 "/C=VN/O=$GW_O/CN=SAMPLE Lien thong Gateway signing" v3_signing
cat "$OUT/gateway-signing.pem" "$OUT/ca-chain.pem" >"$OUT/gateway-signing-chain.pem"
p12 gateway-signing gateway-signing "$OUT/ca-chain.pem"

issue sub_ca server-localhost rsa:2048 "/C=VN/O=$GW_O/CN=SAMPLE localhost" v3_tls_server
cat "$OUT/server-localhost.pem" "$OUT/ca-chain.pem" >"$OUT/server-localhost-chain.pem"
p12 server-localhost server-localhost "$OUT/ca-chain.pem"

# ---------------------------------------------------------------------------------------------
# agencies: a client (mTLS) and a signing certificate each; the organ code is the OU
# ---------------------------------------------------------------------------------------------
agency() {
  local code="$1" cn="$2" kind="$3" client_ext="$4"
  local subj="/C=VN/O=SAMPLE/OU=$code/CN=$cn"
  issue sub_ca "agency-$code-client" "$kind" "$subj" "$client_ext"
  p12 "agency-$code-client" "agency-$code-client" "$OUT/ca-chain.pem"
  issue sub_ca "agency-$code-signing" "$kind" "$subj" v3_signing
}
agency 000.00.17.H56 "SAMPLE UBND xa Hai Truong" ec      v3_tls_client_ec
agency 000.00.18.H56 "SAMPLE UBND xa Hai Dinh"   rsa:2048 v3_tls_client
agency 000.00.00.G22 "SAMPLE Co quan trung uong" rsa:2048 v3_tls_client

# ---------------------------------------------------------------------------------------------
# the bad ones: revoked, expired, weak key
# ---------------------------------------------------------------------------------------------
issue sub_ca agency-000.00.19.H56-revoked rsa:2048 \
  "/C=VN/O=SAMPLE/OU=000.00.19.H56/CN=SAMPLE UBND xa Revoked" v3_tls_client
p12 agency-000.00.19.H56-revoked agency-000.00.19.H56-revoked "$OUT/ca-chain.pem"
openssl ca -batch -config "$CNF" -name sub_ca -revoke "$OUT/agency-000.00.19.H56-revoked.pem" \
  -crl_reason keyCompromise 2>"$WORK/revoke.log" || { cat "$WORK/revoke.log" >&2; exit 1; }

# openssl 3.0 x509 has no -not_before/-not_after: `openssl ca -startdate/-enddate` sets past dates
issue sub_ca agency-000.00.20.H56-expired ec \
  "/C=VN/O=SAMPLE/OU=000.00.20.H56/CN=SAMPLE UBND xa Expired" v3_tls_client_ec \
  -startdate "$EXPIRED_START" -enddate "$EXPIRED_END"
p12 agency-000.00.20.H56-expired agency-000.00.20.H56-expired "$OUT/ca-chain.pem"

issue sub_ca agency-000.00.21.H56-weak-rsa1024 rsa:1024 \
  "/C=VN/O=SAMPLE/OU=000.00.21.H56/CN=SAMPLE UBND xa Weak RSA-1024" v3_signing

# ---------------------------------------------------------------------------------------------
# the sandbox timestamping authority (RFC 3161), which the built-in TSA simulator at /sim/tsa signs with
# ---------------------------------------------------------------------------------------------
issue sub_ca tsa rsa:3072 "/C=VN/O=$GW_O/CN=SAMPLE Timestamping Authority" v3_tsa
cat "$OUT/tsa.pem" "$OUT/ca-chain.pem" >"$OUT/tsa-chain.pem"
p12 tsa tsa "$OUT/ca-chain.pem"

# ---------------------------------------------------------------------------------------------
# CRLs: the intermediate's (lists the revoked certificate) and the root's (empty)
# ---------------------------------------------------------------------------------------------
openssl ca -batch -config "$CNF" -name sub_ca -gencrl -crldays "$CRL_DAYS" -md sha256 \
  -out "$OUT/sample-gov-ca.crl.pem" 2>/dev/null
openssl crl -in "$OUT/sample-gov-ca.crl.pem" -outform DER -out "$OUT/sample-gov-ca.crl.der"
openssl ca -batch -config "$CNF" -name root_ca -gencrl -crldays "$CRL_DAYS" -md sha256 \
  -out "$OUT/root-ca.crl.pem" 2>/dev/null
openssl crl -in "$OUT/root-ca.crl.pem" -outform DER -out "$OUT/root-ca.crl.der"

# ---------------------------------------------------------------------------------------------
# checks: the good ones verify, the bad ones fail for their reason
# ---------------------------------------------------------------------------------------------
verify() { openssl verify -CAfile "$OUT/root-ca.pem" -untrusted "$OUT/sample-gov-ca.pem" "$@" >/dev/null 2>&1; }
for c in sample-gov-ca gateway-signing server-localhost tsa \
         agency-000.00.17.H56-client agency-000.00.17.H56-signing \
         agency-000.00.18.H56-client agency-000.00.18.H56-signing \
         agency-000.00.00.G22-client agency-000.00.00.G22-signing; do
  verify -crl_check_all -CRLfile "$OUT/sample-gov-ca.crl.pem" -CRLfile "$OUT/root-ca.crl.pem" "$OUT/$c.pem" \
    || { echo "check failed: $c.pem does not verify" >&2; exit 1; }
done
if verify -crl_check -CRLfile "$OUT/sample-gov-ca.crl.pem" "$OUT/agency-000.00.19.H56-revoked.pem"; then
  echo "check failed: the revoked certificate verifies" >&2; exit 1
fi
if openssl x509 -in "$OUT/agency-000.00.20.H56-expired.pem" -noout -checkend 0 >/dev/null; then
  echo "check failed: the expired certificate is not expired" >&2; exit 1
fi
openssl x509 -in "$OUT/agency-000.00.21.H56-weak-rsa1024.pem" -noout -text | grep -q "Public-Key: (1024 bit)" \
  || { echo "check failed: the weak certificate is not RSA-1024" >&2; exit 1; }
for c in "$OUT"/*.pem; do
  case "$c" in *.key.pem|*.crl.pem) continue ;; esac
  while read -r subject; do
    [[ "$subject" == *SAMPLE* ]] || { echo "check failed: $c has a subject without SAMPLE: $subject" >&2; exit 1; }
  done < <(openssl crl2pkcs7 -nocrl -certfile "$c" | openssl pkcs7 -print_certs -noout | grep '^subject=')
done

echo "Sample PKI written to $OUT (PKCS#12 password: $PASS):"
(cd "$OUT" && ls -l --time-style=+ -- *.pem *.der *.p12 | awk '{printf "  %7d  %s\n", $5, $NF}')
echo "  total: $(du -ch "$OUT"/*.pem "$OUT"/*.der "$OUT"/*.p12 | tail -1 | cut -f1)"
