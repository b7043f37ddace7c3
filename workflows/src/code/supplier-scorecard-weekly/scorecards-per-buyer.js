/* eslint-disable max-len -- written as one-line string concatenations; rewritten next */
// One item per buyer with the scorecards of their suppliers (buyer = buyerEmail of the supplier's rows).
const settings = $('Settings').first().json;
const buyerOf = new Map();
for (const { json: row } of $('Supplier rows').all())
	if (row.buyerEmail) buyerOf.set(row.supplier, row.buyerEmail);
const byBuyer = new Map();
for (const { json: card } of $input.all()) {
	if (card.error) continue;
	const buyer = buyerOf.get(card.supplier) || settings.purchasingEmail;
	byBuyer.set(buyer, [...(byBuyer.get(buyer) || []), card]);
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colors = { A: '#2e7d32', B: '#558b2f', C: '#ef6c00', D: '#c62828' };
return [...byBuyer.entries()].map(([buyerEmail, cards]) => {
	cards.sort((a, b) => a.score - b.score);
	const rows = cards
		.map(
			(c) =>
				'<tr><td style="padding:4px 8px">' +
				esc(c.supplier) +
				'</td><td style="padding:4px 8px;text-align:right">' +
				c.score.toFixed(1) +
				'</td><td style="padding:4px 8px;color:#fff;background:' +
				colors[c.grade] +
				';text-align:center">' +
				c.grade +
				'</td><td style="padding:4px 8px">' +
				(c.trend === undefined ? '' : (c.trend >= 0 ? '+' : '') + c.trend.toFixed(1)) +
				'</td><td style="padding:4px 8px">' +
				c.metrics
					.filter((m) => m.score !== null && m.score < 80)
					.map((m) => esc(m.id))
					.join(', ') +
				'</td></tr>',
		)
		.join('');
	const period = cards[0].period;
	const html =
		'<div style="font-family:Arial,sans-serif;font-size:14px"><h2 style="margin:0 0 8px">Your suppliers, ' +
		esc(period) +
		'</h2><table style="border-collapse:collapse"><tr><th style="text-align:left;padding:4px 8px">Supplier</th><th style="padding:4px 8px">Score</th><th style="padding:4px 8px">Grade</th><th style="padding:4px 8px">Trend</th><th style="text-align:left;padding:4px 8px">Below 80</th></tr>' +
		rows +
		'</table></div>';
	const summary = cards.map((c) => c.supplier + ' ' + c.grade).join(', ');
	return {
		json: {
			buyerEmail,
			period,
			summary,
			cards: cards.map((c) => ({ supplier: c.supplier, score: c.score, grade: c.grade })),
			html,
		},
	};
});
