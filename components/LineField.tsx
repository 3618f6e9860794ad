import { Text } from 'ink';
import TextInput from 'ink-text-input';
import type { EditorLine } from '../src/view/line-editor.js';

const ignore = () => {};

/**
 * One line editor's line (src/tui/line-editor.ts edits it, src/view/line-editor.ts fits it):
 * ink-text-input draws the text and the placeholder, never focused, because every key reaches the
 * editor through the app's one router (a burst of keys is applied in order); the cursor's cell is
 * drawn inverse while the field has the focus (the app decides which field has it).
 */
export function LineField({ line, placeholder = null, focused = true }: { line: EditorLine; placeholder?: string | null; focused?: boolean }) {
  return (
    <Text wrap="truncate">
      <TextInput value={line.before} onChange={ignore} focus={false} showCursor={false} />
      <Text inverse={focused}>{line.at}</Text>
      <TextInput value={line.after} placeholder={placeholder ?? ''} onChange={ignore} focus={false} showCursor={false} />
    </Text>
  );
}
