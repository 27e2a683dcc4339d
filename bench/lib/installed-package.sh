# Shared by the benchmarks that run the installed package (sourced, not run): installs the amd64 rpi-connect package
# built by `mvn package` (packaging/target/debs) when it is not installed, and purges it again afterwards only then.
# Needs $root (the checkout) and $work (a scratch folder for the apt logs); sets $installed_here.

installed_here=""

# install_package: 0 when rpi-connect is installed afterwards; 1 (with a message) when there is no package to install.
install_package() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' rpi-connect 2>/dev/null)" = installed ] && return 0
  deb=$(ls "$root"/packaging/target/debs/rpi-connect_*_amd64.deb 2>/dev/null | head -n 1)
  if [ -z "$deb" ]; then
    echo "no package to install: run 'mvn -q package -DskipTests' first" >&2
    return 1
  fi
  installed_here=yes
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=120 "$deb" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; exit 1; }
}

# purge_package: removes the package if install_package installed it.
purge_package() {
  if [ -n "$installed_here" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q -o DPkg::Lock::Timeout=120 rpi-connect \
      >"$work/purge.log" 2>&1 || cat "$work/purge.log" >&2
    installed_here=""
  fi
}
