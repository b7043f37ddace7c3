// The rows of the name the tool was asked for (a characteristic or a supplier), ignoring case.
// The Data Table before this node narrowed them to names containing it; without an exact match,
// one item { found: false, similar } lists those names for the model to pick from.
const call = $('Tool call').first().json;
const column = call.tool === 'spc_check' ? 'characteristic' : 'supplier';
const asked = String(call[column] ?? '').trim();
const rows = $input
	.all()
	.map((item) => item.json)
	.filter((row) => row[column] !== undefined && row[column] !== null);
const named = rows.filter((row) => String(row[column]).toLowerCase() === asked.toLowerCase());
if (named.length === 0) {
	const similar = [...new Set(rows.map((row) => row[column]))].sort();
	return [{ json: { found: false, [column]: asked, similar } }];
}
return named.map((json) => ({ json }));
