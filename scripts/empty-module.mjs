// Stands in for optional modules a bundle must not pull in (see scripts/bundle.mjs).
export default {};
