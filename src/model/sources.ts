/** How standard input is named in reports, receipts and copied commands (it has no path). */
export const STDIN_NAME = '<stdin>';
