import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/app-state.js';
import { exportView } from '../src/view/prompts.js';
import { LineField } from './LineField.js';

/** The `e` prompt: a file or folder name (the extension picks CSV, JSON or NDJSON), then the receipt. */
export function ExportPrompt({ state }: { state: AppState }) {
  const prompt = state.exportPrompt;
  const { theme, symbols } = state.options;
  const width = state.size.columns;
  if (!prompt) return null;
  const view = exportView(
    { ...prompt, count: prompt.onlyMarks ? state.marks.size : prompt.viewCount, hasMarks: state.marks.size > 0 },
    width,
    symbols,
  );
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme.activeTab} wrap="truncate">
        {view.title}
      </Text>
      <Box>
        <Text>{'File  '}</Text>
        {view.line ? <LineField line={view.line} placeholder={view.placeholder} /> : <Text>{view.written}</Text>}
      </Box>
      {prompt.writing ? <Text {...theme.hint}>Writing…</Text> : null}
      {view.error ? (
        <Text {...theme.bad} wrap="truncate">
          {view.error}
        </Text>
      ) : null}
      {view.receipt ? (
        <Box flexDirection="column">
          <Text {...theme.heading}>Written. SHA-256 of the export and of each source (sha256sum -c checks these lines):</Text>
          {view.receipt.map((line, index) => (
            <Text key={index} wrap="truncate">
              {line}
            </Text>
          ))}
          <Text {...theme.hint}>Enter or Esc closes</Text>
        </Box>
      ) : null}
    </Box>
  );
}
