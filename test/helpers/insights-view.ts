import type { LoadedEvent } from '../../src/model/loaded-event.js';
import { graphEvent } from './events.js';
import { byUser, target } from './insights.js';
import { loaded } from './loaded.js';

/**
 * A day of activity for the insights view, 40 events (UTC): 8 "Add user" by alice at 2026-11-19
 * 22:xx, then on 2026-11-20 20 "Update user" by bob at 09:xx, 10 "Delete user" by carol at 14:xx,
 * 2 "Reset password" by alice at 23:xx. The span makes one-hour buckets (with or without the resets).
 */
export function dayOfActivity(): LoadedEvent[] {
  const groups: Array<[number, string, string, string, string, string]> = [
    [8, '2026-11-19T22', 'Add user', 'alice@contoso.example', '198.51.100.1', 'new.hire@contoso.example'],
    [20, '2026-11-20T09', 'Update user', 'bob@contoso.example', '198.51.100.2', 'bo.user@contoso.example'],
    [10, '2026-11-20T14', 'Delete user', 'carol@contoso.example', '198.51.100.3', 'leaver@contoso.example'],
    [2, '2026-11-20T23', 'Reset password', 'alice@contoso.example', '198.51.100.1', 'bo.user@contoso.example'],
  ];
  let n = 0;
  return loaded(
    ...groups.flatMap(([count, hour, activity, upn, ip, targetName]) =>
      Array.from({ length: count }, (_, i) =>
        graphEvent({
          id: `e${n++}`,
          correlationId: `c${n}`,
          activityDisplayName: activity,
          activityDateTime: `${hour}:${String(i * 2).padStart(2, '0')}:00Z`,
          initiatedBy: byUser(upn, ip),
          targetResources: [target(targetName)],
        }),
      ),
    ),
  );
}
