// Command-line options "--name value" and bare flags "--name" (true).
export function options(argv) {
  const out = {};
  argv.forEach((arg, i) => {
    if (!arg.startsWith('--')) return;
    const next = argv[i + 1];
    out[arg.slice(2)] = next === undefined || next.startsWith('--') ? true : next;
  });
  return out;
}
