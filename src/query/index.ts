/** The filter language: parse text to a `Query`, print a `Query` back as canonical text. */
export * from './ast.js';
export { parseQuery, type ParseOptions, type ParseResult, type QueryError } from './parse.js';
export { formatQuery, formatTerm, formatValue } from './format.js';
