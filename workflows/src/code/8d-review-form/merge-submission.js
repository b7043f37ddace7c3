// Maps the discipline page of the 8D review form onto the case's 8D report (the record fields
// the 8D Gate checks and the report document shows) and picks the gate target.
// Run Once for Each Item: $json holds the answers of the discipline page, named as in
// workflows/src/templates/8d-review-form.js; page 1 is the Form Trigger's item.
const answers = $json;
const first = $('8D review form').first().json;
const row = $('Load case').first().json;
const report = JSON.parse(row.report);
const discipline = first.discipline;
const actor = String(first.name || '').trim();
const now = new Date().toISOString();

const text = (value) => {
	const s = String(value ?? '').trim();
	return s === '' ? undefined : s;
};
const lines = (value) =>
	String(value ?? '')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
/** "a; b; c" (ASCII or full-width semicolons) into its trimmed parts. */
const parts = (line) => line.split(/[;；]/).map((p) => p.trim());
/** A choice "Not effective / 无效" as the record spells it: not-effective. */
const choice = (value) =>
	text(value) && text(value).split(' / ')[0].trim().toLowerCase().replace(/\s+/g, '-');
/**
 * A form date (YYYY-MM-DD) as a time: noon UTC, the same calendar day from UTC-11 to UTC+11;
 * a value with a time is kept.
 */
const day = (value) => {
	const s = text(value);
	if (!s) return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
	return `${s}T12:00:00Z`;
};
const count = (value) => {
	const s = text(value);
	if (s === undefined) return undefined;
	const n = Number(s);
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`"${s}" is not a quantity (a whole number, 0 or more)`);
	return n;
};
const number = (value) => {
	const s = text(value);
	if (s === undefined) return undefined;
	const n = Number(s.replace(',', '.'));
	if (!Number.isFinite(n)) throw new Error(`"${s}" is not a number`);
	return n;
};
/** An object without its undefined values (the record has no empty fields). */
const defined = (object) =>
	Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
/** A verification from the page's `<prefix>Result`, `By`, `On`, `Method` answers. */
const verification = (prefix, evidence) => {
	const result = choice(answers[`${prefix}Result`]);
	if (!result) return undefined;
	return defined({
		result,
		by: text(answers[`${prefix}By`]) ?? actor,
		at: day(answers[`${prefix}On`]) ?? now,
		method: text(answers[`${prefix}Method`]),
		evidence: evidence && evidence.length ? evidence : undefined,
	});
};
/** Replaces the evidence of this discipline by the page's lines; returns their ids. */
const evidenceFrom = (value, kind) => {
	const names = lines(value);
	report.evidence = (report.evidence || []).filter((e) => e.discipline !== discipline);
	const added = names.map((name, i) => ({
		id: `${discipline}-E${i + 1}`,
		discipline,
		kind,
		name,
		addedAt: now,
	}));
	report.evidence.push(...added);
	if (report.evidence.length === 0) delete report.evidence;
	return added.map((e) => e.id);
};
/** The champion's approval of this discipline, given by the person the page names. */
const approve = (name) => {
	const by = text(name);
	if (!by) return;
	report.approvals = (report.approvals || []).filter(
		(a) => !(a.discipline === discipline && a.role === 'champion'),
	);
	report.approvals.push({ discipline, role: 'champion', name: by, at: now });
};
const ROLES = { 倡导者: 'champion', 组长: 'leader', 成员: 'member', 专家: 'expert' };
const LOCATIONS = [
	['customer', 'customer-stock'],
	['transit', 'in-transit'],
	['stock', 'finished-goods'],
	['wip', 'wip'],
];

report.disciplines = report.disciplines || {};
const section = (report.disciplines[discipline] = report.disciplines[discipline] || {});

if (discipline === 'D0') {
	if (text(answers.symptom)) section.symptom = text(answers.symptom);
	const needed = choice(answers.emergencyNeeded) === 'yes';
	section.emergencyResponse = { needed, actions: lines(answers.emergencyActions) };
}

if (discipline === 'D1') {
	section.team = lines(answers.team).map((line) => {
		const [name, role, department, email] = parts(line);
		const r = (role || '').toLowerCase();
		return defined({
			name,
			role: ROLES[role] || r || 'member',
			department: text(department),
			email: text(email),
		});
	});
}

if (discipline === 'D2') {
	if (text(answers.problemStatement)) section.problemStatement = text(answers.problemStatement);
	section.fiveW2H = defined(
		Object.fromEntries(
			['who', 'what', 'where', 'when', 'why', 'how', 'howMany'].map((k) => [k, text(answers[k])]),
		),
	);
	section.isIsNot = ['what', 'where', 'when', 'extent']
		.map((dimension) => {
			const key = dimension[0].toUpperCase() + dimension.slice(1);
			return { dimension, is: text(answers[`is${key}`]), isNot: text(answers[`isNot${key}`]) };
		})
		.filter((d) => d.is || d.isNot)
		.map((d) => ({ dimension: d.dimension, is: d.is || '', isNot: d.isNot || '' }));
}

if (discipline === 'D3') {
	const quantities = LOCATIONS.map(([key, location]) =>
		defined({
			location,
			suspect: count(answers[`${key}Suspect`]),
			sorted: count(answers[`${key}Sorted`]),
			rejected: count(answers[`${key}Rejected`]),
		}),
	).filter((q) => Object.keys(q).length > 1);
	section.quantities = quantities;
	const common = {
		description: text(answers.action) || '',
		owner: text(answers.owner),
		implementedAt: day(answers.implementedOn),
		verification: verification('verified'),
	};
	// One containment action per location it covers, each with its own quantities.
	section.actions = (quantities.length ? quantities : [{}]).map((q, i) =>
		defined({
			id: `C${i + 1}`,
			...common,
			scope: q.location,
			quantities: q.location
				? defined({ suspect: q.suspect, sorted: q.sorted, rejected: q.rejected })
				: undefined,
		}),
	);
}

if (discipline === 'D4') {
	const evidence = evidenceFrom(answers.evidence, 'report');
	const cause = (id, type, prefix, extra = {}) =>
		defined({
			id,
			type,
			description: text(answers[`${prefix}Cause`]) || '',
			category: choice(answers[`${prefix}Category`]),
			fiveWhy: lines(answers[`${prefix}Why`]),
			...extra,
			verification: verification(prefix, evidence),
		});
	section.rootCauses = [
		cause('RC1', 'occurrence', 'occurrence'),
		cause('RC2', 'escape', 'escape', { escapePoint: text(answers.escapePoint) }),
	];
	section.ishikawa = Object.fromEntries(
		['man', 'machine', 'method', 'material', 'measurement', 'environment'].map((m) => [
			m,
			lines(answers[`ishikawa${m[0].toUpperCase()}${m.slice(1)}`]),
		]),
	);
}

if (discipline === 'D5') {
	const causes = (report.disciplines.D4 && report.disciplines.D4.rootCauses) || [];
	const causeOf = (type) => (causes.find((c) => c.type === type) || {}).id;
	const check = verification('verified');
	section.actions = [
		['PA1', 'occurrence'],
		['PA2', 'escape'],
	].map(([id, addresses]) =>
		defined({
			id,
			description: text(answers[`${addresses}Action`]) || '',
			addresses,
			rootCause: causeOf(addresses),
			owner: text(answers[`${addresses}Owner`]),
			dueAt: day(answers[`${addresses}Due`]),
			verification: check,
		}),
	);
	approve(answers.approvedBy);
}

if (discipline === 'D6') {
	const planned = (report.disciplines.D5 && report.disciplines.D5.actions) || [];
	const characteristic = text(answers.characteristic);
	const evidence = evidenceFrom(answers.evidence, 'measurement');
	const validation = verification('validated', evidence);
	section.actions = planned.map((a) =>
		defined({ actionId: a.id, implementedAt: day(answers.implementedOn), validation }),
	);
	if (characteristic) {
		// Keeps the measurements the SPC monitor attached to this characteristic.
		const before = section.spc && section.spc.characteristic === characteristic ? section.spc : {};
		section.spc = defined({
			...before,
			characteristic,
			fixedAt: day(answers.fixedOn) ?? before.fixedAt,
			lsl: number(answers.lsl) ?? before.lsl,
			usl: number(answers.usl) ?? before.usl,
		});
	} else delete section.spc;
	const removed = day(answers.containmentRemovedOn);
	if (removed)
		for (const action of (report.disciplines.D3 && report.disciplines.D3.actions) || [])
			action.removedAt = removed;
}

if (discipline === 'D7') {
	const updatedAt = day(answers.updatedOn);
	section.documents = [
		['pfmea', 'pfmea'],
		['control-plan', 'controlPlan'],
		['work-instruction', 'workInstruction'],
	]
		.filter(([, key]) => text(answers[`${key}Id`]))
		.map(([type, key]) =>
			defined({
				type,
				id: text(answers[`${key}Id`]),
				revision: text(answers[`${key}Revision`]),
				updatedAt,
			}),
		);
	section.fmea = lines(answers.fmeaRows).map((line, i) => {
		const [id, failureMode, cause, s, o, d, action] = parts(line);
		const rating = (v, what) => {
			const n = count(v);
			if (n !== undefined && (n < 1 || n > 10))
				throw new Error(`FMEA row ${i + 1}: ${what} ${n} is not a rating from 1 to 10`);
			return n;
		};
		return defined({
			id,
			failureMode: failureMode || '',
			cause: text(cause),
			severity: rating(s, 'severity'),
			occurrence: rating(o, 'occurrence'),
			detection: rating(d, 'detection'),
			action: text(action),
		});
	});
	if (text(answers.lessonsLearned)) section.lessonsLearned = text(answers.lessonsLearned);
	section.horizontalDeployment = lines(answers.horizontalDeployment);
}

if (discipline === 'D8') {
	section.customerAcceptance = defined({
		accepted: choice(answers.accepted) === 'yes',
		by: text(answers.acceptedBy),
		at: day(answers.acceptedOn),
		reference: text(answers.reference),
	});
	if (text(answers.recognition)) section.recognition = text(answers.recognition);
	if (text(answers.summary)) section.summary = text(answers.summary);
	approve(answers.approvedBy);
}

const next = discipline === 'D8' ? 'closed' : 'D' + (Number(discipline.slice(1)) + 1);
return { json: { caseId: row.caseId, actor, discipline, target: next, report } };
