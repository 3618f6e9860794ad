// Preloaded (`node --import`) into the CLI by tests: on SIGUSR2, allocate until V8 runs out of
// heap, as a real out-of-memory would, in the explorer's own process (no hook in the CLI).
process.on('SIGUSR2', () => {
  const kept = [];
  for (;;) kept.push({ text: `filler ${kept.length} ${Math.random()}` });
});
