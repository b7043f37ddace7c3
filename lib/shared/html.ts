/** Building blocks of the HTML mails the engines write (reports that Outlook and Gmail both show as meant). */

/** Font stack of every text cell. */
export const FONT = 'font-family:Arial,Helvetica,sans-serif;';
/** Inline style of a table body cell. */
export const CELL = `${FONT}font-size:13px;padding:6px 8px;border-bottom:1px solid #dddddd;`;
/** Inline style of a table header cell. */
export const HEAD = `${FONT}font-size:12px;padding:6px 8px;border-bottom:2px solid #999999;color:#333333;text-align:left;`;

/**
 * Escapes text for HTML element content and attribute values (the five characters HTML gives a
 * meaning: & < > " '), so data from complaints and rows never becomes markup in a mail.
 *
 * @example
 * escapeHtml('<b>"A&B"</b>'); // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/**
 * A full-width presentation table with a header row; `rows` are ready `<tr>` strings.
 *
 * @example
 * table(['Source', 'SD'], ['<tr><td>GRR</td><td>0.30</td></tr>']);
 */
export function table(head: string[], rows: string[]): string {
	const th = head.map((h) => `<th style="${HEAD}">${escapeHtml(h)}</th>`).join('');
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${th}</tr>${rows.join('')}</table>`;
}

/**
 * A mail-ready HTML document: a 700 px white card on grey, table layout and inline styles only (no
 * `<style>` block, no classes), so Outlook's Word engine and Gmail show it as intended.
 *
 * @example
 * emailDocument('Gage R&R study', '<p>...</p>');
 */
export function emailDocument(title: string, body: string): string {
	return (
		'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
		`<title>${escapeHtml(title)}</title></head>` +
		'<body style="margin:0;padding:0;background-color:#f4f4f4;" bgcolor="#f4f4f4">' +
		'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4"><tr><td align="center" style="padding:16px;">' +
		'<table role="presentation" width="700" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:700px;max-width:100%;background-color:#ffffff;"><tr><td style="padding:16px 20px;">' +
		`<h1 style="${FONT}font-size:20px;margin:0 0 4px 0;color:#111111;">${escapeHtml(title)}</h1>` +
		body +
		'</td></tr></table></td></tr></table></body></html>'
	);
}
