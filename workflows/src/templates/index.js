/**
 * The shipped templates, one module each. A module exports `file` (its name under workflows/) and
 * `build()` (returns a Workflow of ../shared); add a new template by adding its module here.
 */
module.exports = [
	require('./setup-data-tables'),
	require('./complaint-to-capa-mail'),
	require('./complaint-intake-webhook'),
	require('./chat-escalation'),
	require('./8d-review-form'),
	require('./spc-monitor'),
	require('./supplier-scorecard-weekly'),
	require('./complaint-pareto-weekly'),
	require('./gage-rr-study'),
	require('./fmea-review-weekly'),
];
