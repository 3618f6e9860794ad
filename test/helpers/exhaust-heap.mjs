// Preloaded (`node --import`) into the CLI by tests: on SIGUSR2, allocate until V8 runs out of
// heap, as a real out-of-memory would, in the explorer's own process (no hook in the CLI).
process.on('SIGUSR2', () => {
  const kept = [];
  // Arrays of a million numbers (8 MB each): the heap fills in a few steps, not in millions of
  // small objects whose garbage collections near the limit took over 30 s on a loaded machine.
  for (;;) kept.push(new Array(1_000_000).fill(kept.length + 0.5));
});
