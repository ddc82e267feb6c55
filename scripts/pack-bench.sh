#!/usr/bin/env bash
# Packs everything `npm run bench -- --gpu hardware` needs into one archive, for a GPU machine
# that has a driver but no browser, no Node and no network (checked on an NVIDIA H100 running
# Ubuntu 24.04, packed on Debian 12): this machine's Chromium with the libraries it links,
# Node, Playwright, the studio and bench page built here, a few fonts, and Debian's libglvnd
# packages (NVIDIA's Vulkan driver loads only through them). See docs/performance.md,
# "On a real GPU".
#
#   scripts/pack-bench.sh [out.tar.xz]        (here; default /tmp/layerwise-bench.tar.xz)
#   mkdir -p /opt/lwb && tar xJf layerwise-bench.tar.xz -C /opt/lwb
#   /opt/lwb/run.sh --backends webgl,webgpu --networks starter --steps 200   (there, as root)
set -euo pipefail

out=$(realpath -m "${1:-/tmp/layerwise-bench.tar.xz}")
root=$(cd "$(dirname "$0")/.." && pwd)
chromium_dir=${CHROMIUM_DIR:-/usr/lib/chromium}
[ -x "$chromium_dir/chromium" ] || {
  echo "No Chromium in $chromium_dir (set CHROMIUM_DIR)." >&2
  exit 1
}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cd "$root"

app=node_modules/.cache/layerwise-bench/app
npx vite build --outDir "$app" --emptyOutDir --logLevel warn
npx vite build --config bench/vite.config.ts --outDir "$root/$app/bench" --logLevel warn

mkdir -p "$stage"/{lib,bin,gl,fonts,repo/node_modules/.cache/layerwise-bench}
cp -a "$chromium_dir" "$stage/chromium"
# Every library Chromium links except the C library's own, which the target has in a newer form.
ldd "$chromium_dir/chromium" | awk '{print $3}' | grep '^/' |
  grep -Ev '/(libc|libm|libdl|libpthread|librt|ld-linux-x86-64|libstdc\+\+|libgcc_s)\.so' |
  xargs -I{} cp -L {} "$stage/lib/"
for nss in /usr/lib/x86_64-linux-gnu/{libsoftokn3,libfreeblpriv3,libnssckbi}.so; do
  if [ -e "$nss" ]; then cp -L "$nss" "$stage/lib/"; fi
done
cp -L "$(command -v node)" "$stage/bin/node"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans{,-Bold}.ttf "$stage/fonts/"
cat >"$stage/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir prefix="relative">fonts</dir><cachedir>/tmp/layerwise-bench-fonts</cachedir></fontconfig>
EOF
(cd "$stage/gl" && apt-get download libglvnd0 libgl1 libglx0 libegl1 libgles2 libopengl0 libvulkan1)

git ls-files bench scripts package.json | tar cf - -T - | tar xf - -C "$stage/repo"
cp -a node_modules/@playwright node_modules/playwright node_modules/playwright-core \
  "$stage/repo/node_modules/"
cp -a "$app" "$stage/repo/$app"

cat >"$stage/bin/chromium" <<'EOF'
#!/bin/sh
here=$(cd "$(dirname "$0")/.." && pwd)
export LD_LIBRARY_PATH="$here/lib:$here/chromium${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
exec "$here/chromium/chromium" "$@"
EOF
cat >"$stage/run.sh" <<'EOF'
#!/bin/sh
# Runs the bench on this machine's GPU; arguments go to bench/run.mjs.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if ! ldconfig -p | grep -q libGLdispatch; then
  echo "Unpacking libglvnd into / (NVIDIA's Vulkan driver needs it)."
  for deb in "$here"/gl/*.deb; do dpkg -x "$deb" /; done
  ldconfig
fi
export PATH="$here/bin:$PATH" CHROMIUM_PATH="$here/bin/chromium" FONTCONFIG_FILE="$here/fonts.conf"
cd "$here/repo"
exec node bench/run.mjs --no-build --gpu hardware "$@"
EOF
chmod +x "$stage/bin/chromium" "$stage/run.sh"
tar cf - -C "$stage" . | xz -T0 -6 >"$out"
echo "Packed $(du -h "$out" | cut -f1) into $out"
