#!/usr/bin/env bash
# Pins the prod overlay to the digests of a pushed release: for each of FirstHand's five images, asks the registry
# (`crane digest`, from go-containerregistry) for the digest of REGISTRY/firsthand/<image>:VERSION and writes it
# into the `images:` of k8s/overlays/prod/kustomization.yaml, so that `kubectl apply -k` runs exactly the pushed
# bytes whatever later happens to the tag. Run it after `docker push` (docs/deploy.md, step 3), review and commit
# the diff.
#
#   k8s/pin-images.sh registry.example.com 0.1.0
#   k8s/pin-images.sh --overlay path/to/overlay registry.example.com 0.1.0
#
# Needs crane on the PATH and read access to the registry. Fails, and changes nothing, if any image has no
# digest or the answer is not a sha256 digest.
set -euo pipefail

IMAGES=(jobs-service submissions-service scoring-service webhook-service gateway)

overlay="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/overlays/prod"
if [[ "${1:-}" == "--overlay" ]]; then
  overlay="${2:?--overlay needs a directory}"
  shift 2
fi
if [[ $# -ne 2 ]]; then
  echo "usage: $0 [--overlay DIR] REGISTRY VERSION   (e.g. $0 registry.example.com 0.1.0)" >&2
  exit 2
fi
registry="${1%/}"
version="$2"
kustomization="$overlay/kustomization.yaml"
[[ -f "$kustomization" ]] || { echo "no $kustomization" >&2; exit 2; }
grep -q '^images:$' "$kustomization" || { echo "$kustomization has no top-level images: list" >&2; exit 2; }
command -v crane >/dev/null || { echo "crane is not on the PATH (https://github.com/google/go-containerregistry)" >&2; exit 2; }

block=""
for image in "${IMAGES[@]}"; do
  ref="$registry/firsthand/$image:$version"
  digest="$(crane digest "$ref")" || { echo "cannot resolve $ref" >&2; exit 1; }
  digest="$(printf '%s' "$digest" | tr -d '[:space:]')"
  if [[ ! "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
    echo "$ref: '$digest' is not a sha256 digest" >&2
    exit 1
  fi
  block+="  # $ref"$'\n'
  block+="  - name: firsthand/$image"$'\n'
  block+="    newName: $registry/firsthand/$image"$'\n'
  block+="    digest: $digest"$'\n'
  echo "$ref -> $digest"
done

# Replace the images: list (every indented or blank line after it, up to the next top-level key).
tmp="$(mktemp "$kustomization.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
awk -v block="$block" '
  skipping && /^[^ \t]/ { skipping = 0; print "" }
  skipping { next }
  /^images:$/ { print; printf "%s", block; skipping = 1; next }
  { print }
' "$kustomization" > "$tmp"
mv "$tmp" "$kustomization"
trap - EXIT
echo "pinned ${#IMAGES[@]} images in $kustomization"
