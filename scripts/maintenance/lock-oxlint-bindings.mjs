// Run after changing the oxlint version (`node scripts/maintenance/lock-oxlint-bindings.mjs`).
// The registry mirror this project is built against carries only some of oxlint's platform
// bindings, so `npm install` leaves the others out of the lock and `npm ci` then refuses it as
// out of sync. This adds their entries; npm skips them by os/cpu/libc everywhere but on their
// own platform (and, like any optional dependency, tolerates one it cannot fetch). Re-run it after
// any `npm install` too: npm keeps the entries but strips their `resolved` URLs.
import { readFileSync, writeFileSync } from 'node:fs';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const oxlint = lock.packages['node_modules/oxlint'];
const template = lock.packages['node_modules/@oxlint/binding-linux-x64-gnu'];
const CPU = { arm64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };
let added = 0;
const tarballUrl = (name, version) => `https://registry.npmjs.org/${name}/-/${name.split('/')[1]}-${version}.tgz`;
for (const [name, version] of Object.entries(oxlint.optionalDependencies)) {
  const key = `node_modules/${name}`;
  const existing = lock.packages[key];
  if (existing) {
    // A later `npm install` keeps the entries this script added but drops their `resolved` URL
    // (entries npm fetched itself carry an `integrity` and are left alone): put it back.
    if (existing.resolved === undefined && existing.integrity === undefined && existing.version === version) {
      lock.packages[key] = { version, resolved: tarballUrl(name, version), ...Object.fromEntries(Object.entries(existing).filter(([field]) => field !== 'version')) };
      added++;
    }
    continue;
  }
  const parts = name.replace('@oxlint/binding-', '').split('-'); // e.g. linux-arm-gnueabihf, win32-x64-msvc
  const os = parts[0];
  const cpu = CPU[parts[1]];
  const entry = { version, resolved: tarballUrl(name, version), cpu: [cpu] };
  const abi = parts[2] ?? '';
  if (os === 'linux') entry.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
  Object.assign(entry, { license: template.license, optional: true, os: [os], engines: template.engines });
  lock.packages[key] = entry;
  added++;
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))));
lock.packages = sorted;
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('added or repaired', added);
