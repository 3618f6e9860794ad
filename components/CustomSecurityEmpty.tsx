import { Box, Text } from 'ink';
import type { AppState } from '../src/tui/state.js';
import { styleFor } from './theme.js';

/** An empty Custom Security pane usually means the logs were never collected, not that nothing happened. */
export function CustomSecurityEmpty({ state, height }: { state: AppState; height: number }) {
  const color = state.options.color;
  return (
    <Box flexDirection="column" width={state.size.columns} height={height} paddingX={1}>
      <Text {...styleFor('heading', color)}>No custom security attribute audit events were loaded.</Text>
      <Text> </Text>
      <Text wrap="wrap">
        These events are not in the directory audit log. They come from the custom security attributes audit: Microsoft
        Graph beta auditLogs/customSecurityAttributeAudits, the AADCustomSecurityAttributeAuditLogs table in Log
        Analytics, or the CustomSecurityAttributeAuditLogs diagnostic setting.
      </Text>
      <Text> </Text>
      <Text wrap="wrap">
        Only the Attribute Log Reader or Attribute Log Administrator role can read them (Global Administrator cannot by
        default). Ask someone with one of those roles for that export, then open it alongside this one.
      </Text>
    </Box>
  );
}
