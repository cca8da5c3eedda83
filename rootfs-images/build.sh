#!/usr/bin/env bash
# build.sh: one root filesystem tree from Debian packages, for `judge rootfs build`.
#
#   build.sh --suite trixie --packages "gcc,g++" [--mirror URL] [--cache DIR]
#            [--fetch maven:GROUP:ARTIFACT:VERSION:/opt/dir] [--fetch npm:NAME@VERSION:/opt/dir] OUT
#
# mmdebstrap (no Docker) installs the essential set and the packages into OUT (a new directory),
# without recommends, documentation, manual pages or translations (the man directories stay: some
# packages' scripts link alternatives into them), and without dpkg's fsync calls (a build that
# breaks off never reaches the store: only a finished, hashed tree is moved there); --fetch adds what Debian lacks or carries too old (a compiler from Maven
# Central with its dependencies, a package from npm). The tree is then made reproducible: with the
# same SOURCE_DATE_EPOCH and the same mirror content, two builds give the same tree (the digest
# covers paths, types, modes, owners and contents; mtimes are clamped when layers are written).
# The judge computes the digest, moves the tree into its store and writes the OCI layout.
set -euo pipefail

# Everything is in main, read whole before it runs, and the script exits on the line that calls
# it: editing this file cannot break a build that is running it.
main() {
  suite="" packages="" mirror="" cache="" out=""
  fetches=()
  while (($#)); do
    case "$1" in
      --suite) suite="$2"; shift 2 ;;
      --packages) packages="$2"; shift 2 ;;
      --mirror) mirror="$2"; shift 2 ;;
      --cache) cache="$2"; shift 2 ;;
      --fetch) fetches+=("$2"); shift 2 ;;
      -*) echo "build.sh: unknown option $1" >&2; exit 2 ;;
      *) out="$1"; shift ;;
    esac
  done
  [[ -n $suite && -n $out ]] || { echo "build.sh: needs --suite and OUT" >&2; exit 2; }
  [[ -n ${SOURCE_DATE_EPOCH:-} ]] || { echo "build.sh: SOURCE_DATE_EPOCH must be set" >&2; exit 2; }
  [[ ! -e $out ]] || { echo "build.sh: $out exists" >&2; exit 2; }
  command -v mmdebstrap >/dev/null || {
    echo "build.sh: mmdebstrap is missing (apt-get install mmdebstrap)" >&2
    exit 2
  }

  args=(--mode=root --variant=essential --format=directory
    --aptopt='APT::Install-Recommends "false"' --aptopt='APT::Install-Suggests "false"'
    --dpkgopt='force-unsafe-io'
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright'
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*'
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias'
    --setup-hook='for s in 1 2 3 4 5 6 7 8; do mkdir -p "$1/usr/share/man/man$s"; done'
    --customize-hook='rm -f "$1/etc/resolv.conf" "$1/etc/hostname"')
  [[ -z $packages ]] || args+=(--include="$packages")
  if [[ -n $cache ]]; then
    # Downloaded .debs are kept between builds: a rebuild (and the reproducibility check) reads them
    # from here instead of the mirror.
    mkdir -p "$cache"
    args+=(--skip=essential/unlink
      --setup-hook='mkdir -p "$1/var/cache/apt/archives/"'
      --setup-hook="sync-in '$cache' /var/cache/apt/archives/"
      --customize-hook="sync-out /var/cache/apt/archives '$cache'")
  fi
  mmdebstrap "${args[@]}" "$suite" "$out" ${mirror:+"$mirror"}

  # What Debian lacks or carries too old, from the registries the project builds with.
  for fetch in "${fetches[@]}"; do
    kind="${fetch%%:*}" rest="${fetch#*:}"
    dest="/${rest##*:/}" coord="${rest%:/*}"
    mkdir -p "$out$dest"
    case "$kind" in
      maven)
        # The artifact and its runtime dependencies, without versions in the file names, so recipes
        # can name /opt/kotlin/lib/kotlin-stdlib.jar.
        IFS=: read -r group artifact version <<<"$coord"
        pom="$(mktemp -d)"
        cat >"$pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.judgefleet.rootfs</groupId><artifactId>fetch</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
POM
        mvn -B -q -f "$pom/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
          -Dmdep.stripVersion=true -DoutputDirectory="$out$dest" >&2
        rm -rf "$pom"
        ;;
      npm)
        tmp="$(mktemp -d)"
        (cd "$tmp" && npm pack --silent "$coord" >/dev/null)
        tar -xzf "$tmp"/*.tgz -C "$out$dest" --strip-components=1 --no-same-owner
        rm -rf "$tmp"
        ;;
      *) echo "build.sh: unknown fetch kind '$kind' in $fetch" >&2; exit 2 ;;
    esac
    chown -R 0:0 "$out$dest"
    chmod -R u=rwX,go=rX "$out$dest"
  done

  # Reproducible and fit for the sandbox: no logs, caches or per-machine identity; no device nodes
  # (the sandbox mounts its own /dev); no set-user-ID or set-group-ID bits; the mount points the
  # sandbox needs (/dev /proc /tmp /box, and /problem for output validators) present and empty.
  rm -rf "$out"/var/log/* "$out"/var/cache/apt/* "$out"/var/lib/apt/lists/* \
    "$out"/var/cache/ldconfig/aux-cache "$out"/var/cache/debconf/*-old "$out"/var/lib/dpkg/*-old \
    "$out"/tmp/* "$out"/var/tmp/* "$out"/run/* "$out"/dev/* "$out"/proc/*
  [[ ! -e $out/etc/machine-id ]] || : >"$out/etc/machine-id"
  # No home directories or password hashes: nothing of a user belongs in a judge's root (HOME is
  # /tmp in the sandbox).
  rm -rf "$out/root" "$out/home" "$out/etc/shadow" "$out/etc/gshadow" "$out"/etc/*-
  find "$out" -xdev -type f -perm /6000 -exec chmod ug-s {} +
  mkdir -p "$out/dev" "$out/proc" "$out/tmp" "$out/box" "$out/problem"
  chmod 0755 "$out/box" "$out/problem" "$out/dev" "$out/proc"
  chmod 1777 "$out/tmp"
}

main "$@"; exit
