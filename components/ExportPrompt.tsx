import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import type { Dispatch } from 'react';
import { sanitize } from '../src/text/sanitize.js';
import { truncateToWidth } from '../src/text/width.js';
import type { Action, AppState } from '../src/tui/state.js';
import { styleFor } from './theme.js';

/** The `e` prompt: a file name (its extension picks CSV, JSON or NDJSON), then the receipt. */
export function ExportPrompt({ state, dispatch }: { state: AppState; dispatch: Dispatch<Action> }) {
  const prompt = state.exportPrompt;
  const color = state.options.color;
  const width = state.size.columns;
  if (!prompt) return null;
  const count = prompt.onlyMarks ? state.marks.size : prompt.viewCount;
  const plural = count === 1 ? '' : 's';
  const scope = prompt.onlyMarks ? `the ${count.toLocaleString('en-US')} marked event${plural} (both panes, any filter)` : `${count.toLocaleString('en-US')} event${plural} of this view`;
  return (
    <Box flexDirection="column" width={width}>
      <Text {...styleFor('activeTab', color)} wrap="truncate">
        {truncateToWidth(` Export ${scope}: .csv, .json or .ndjson (.gz compresses) · Enter writes · ${state.marks.size > 0 ? 'Tab all/marked · ' : ''}Esc cancels `, width)}
      </Text>
      <Box>
        <Text>{'File  '}</Text>
        {prompt.receipt ? <Text>{sanitize(prompt.path || prompt.defaultPath)}</Text> : <TextInput value={prompt.path} placeholder={prompt.defaultPath} focus={!prompt.writing} onChange={(path) => dispatch({ type: 'editExportPath', path })} />}
      </Box>
      {prompt.writing ? <Text {...styleFor('hint', color)}>Writing…</Text> : null}
      {prompt.error ? (
        <Text {...styleFor('bad', color)} wrap="truncate">
          {truncateToWidth(prompt.error, width)}
        </Text>
      ) : null}
      {prompt.receipt ? (
        <Box flexDirection="column">
          <Text {...styleFor('heading', color)}>Written. SHA-256 of the export and of each source (sha256sum -c checks these lines):</Text>
          {prompt.receipt.map((line, index) => (
            <Text key={index} wrap="truncate">
              {truncateToWidth(line, width)}
            </Text>
          ))}
          <Text {...styleFor('hint', color)}>Enter or Esc closes</Text>
        </Box>
      ) : null}
    </Box>
  );
}
