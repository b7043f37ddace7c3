/**
 * poppler-utils for the tests that read a PDF as a reader does: `pdftotext` (installed here with
 * apt-get when missing, as browser.ts installs Chromium).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function ensurePoppler(): void {
	if (spawnSync('pdftotext', ['-v']).status === 0) return;
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'poppler-utils'], {
		stdio: 'inherit',
		env,
	});
}

/** The text layer of a PDF, as `pdftotext -layout` reads it (UTF-8). */
export function pdfText(pdf: Buffer): string {
	ensurePoppler();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qms-pdf-'));
	try {
		const file = path.join(dir, 'document.pdf');
		fs.writeFileSync(file, pdf);
		return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
