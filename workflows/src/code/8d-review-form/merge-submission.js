// Merges what the engineer submitted into the case's 8D report and picks the gate target.
// Run Once for Each Item: $json is the case row loaded for the submitted case ID.
const row = $json;
const form = $('8D review form').first().json;
const report = JSON.parse(row.report);
const discipline = form['Discipline'];
const lines = (text) =>
	String(text || '')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
report.disciplines = report.disciplines || {};
const section = (report.disciplines[discipline] = report.disciplines[discipline] || {});
if (discipline === 'D0') {
	const needed = form['Emergency response needed?'] === 'Yes';
	const actions = lines(form['Actions (one per line)']).map((description) => ({ description }));
	section.emergencyResponse = { needed, actions };
}
if (discipline === 'D1') {
	section.team = lines(form['Team members (one per line: name, role)']).map((line) => {
		const [name, role] = line.split(/[,，]/).map((s) => s.trim());
		return role ? { name, role: role.toLowerCase() } : { name };
	});
}
if (discipline === 'D2' && form['Problem statement'])
	section.problemStatement = form['Problem statement'];
if (form['More content (JSON, optional)']) {
	let extra;
	try {
		extra = JSON.parse(form['More content (JSON, optional)']);
	} catch (e) {
		throw new Error('More content is not valid JSON: ' + e.message);
	}
	Object.assign(section, extra);
}
const next = discipline === 'D8' ? 'closed' : 'D' + (Number(discipline.slice(1)) + 1);
return { json: { caseId: row.caseId, actor: form['Your name'], discipline, target: next, report } };
