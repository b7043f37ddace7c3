/**
 * A real IMAP server on 127.0.0.1: Debian's Dovecot (installed here when missing), run in the
 * foreground with its own configuration, one mailbox user and Maildir storage under the e2e work
 * folder. Mails are put into the inbox with IMAP APPEND, as a mail server delivers them.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../../scripts/n8n') as { freePort(): Promise<number> };

const DOVECOT = '/usr/sbin/dovecot';

export interface ImapServer {
	port: number;
	user: string;
	password: string;
	/** Appends a raw RFC 5322 message to INBOX (unseen). */
	deliver(raw: string): Promise<void>;
	/** Waits until `count` IMAP logins happened (e.g. an n8n IMAP trigger connected) and its mailbox had time to open. */
	waitForLogins(count: number, timeoutMs?: number): Promise<void>;
	close(): Promise<void>;
}

export function ensureDovecot(): void {
	if (fs.existsSync(DOVECOT)) return;
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'dovecot-imapd'], {
		stdio: 'inherit',
		env,
	});
}

/** A tiny IMAP client: runs tagged commands in order, each with an optional literal. */
async function imapSession(
	port: number,
	commands: Array<{ line: string; literal?: string }>,
): Promise<string> {
	const socket = net.connect(port, '127.0.0.1');
	let buffer = '';
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => (buffer += chunk));
	const until = async (pattern: RegExp) => {
		const deadline = Date.now() + 10000;
		while (!pattern.test(buffer)) {
			if (Date.now() > deadline) throw new Error(`IMAP: no ${pattern} in ${buffer}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	};
	await until(/^\* OK/m);
	for (const [i, command] of commands.entries()) {
		const tag = `q${i}`;
		if (command.literal === undefined) {
			socket.write(`${tag} ${command.line}\r\n`);
		} else {
			const bytes = Buffer.byteLength(command.literal);
			socket.write(`${tag} ${command.line} {${bytes}+}\r\n${command.literal}\r\n`);
		}
		await until(new RegExp(`^${tag} (OK|NO|BAD)`, 'm'));
		if (!new RegExp(`^${tag} OK`, 'm').test(buffer))
			throw new Error(`IMAP ${command.line}: ${buffer}`);
	}
	socket.end();
	return buffer;
}

export async function startImap(work: string): Promise<ImapServer> {
	ensureDovecot();
	const dir = path.join(work, 'dovecot');
	fs.rmSync(dir, { recursive: true, force: true });
	for (const sub of ['run', 'state', 'mail'])
		fs.mkdirSync(path.join(dir, sub), { recursive: true });
	fs.chmodSync(dir, 0o755);
	execFileSync('chown', ['nobody:nogroup', path.join(dir, 'mail')]);
	const port = await freePort();
	const user = 'complaints@qms.example';
	const password = 'imap-e2e-secret';
	fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}::::\n`);
	const conf = path.join(dir, 'dovecot.conf');
	fs.writeFileSync(
		conf,
		[
			'protocols = imap',
			'listen = 127.0.0.1',
			`base_dir = ${dir}/run`,
			`state_dir = ${dir}/state`,
			`log_path = ${dir}/dovecot.log`,
			'ssl = no',
			'disable_plaintext_auth = no',
			'auth_mechanisms = plain login',
			`mail_location = maildir:${dir}/mail/%u`,
			`passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir}/users\n}`,
			`userdb {\n  driver = static\n  args = uid=nobody gid=nogroup home=${dir}/mail/%u\n}`,
			`service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
			'',
		].join('\n'),
	);
	const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' });
	const deadline = Date.now() + 20000;
	for (;;) {
		const open = await new Promise<boolean>((resolve) => {
			const probe = net.connect(port, '127.0.0.1', () => {
				probe.end();
				resolve(true);
			});
			probe.on('error', () => resolve(false));
		});
		if (open) break;
		if (Date.now() > deadline || child.exitCode !== null)
			throw new Error(
				`Dovecot did not start: ${fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8')}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		port,
		user,
		password,
		async deliver(raw) {
			await imapSession(port, [
				{ line: `LOGIN ${user} ${password}` },
				{ line: 'APPEND INBOX ()', literal: raw.replace(/\r?\n/g, '\r\n') },
				{ line: 'LOGOUT' },
			]);
		},
		async waitForLogins(count, timeoutMs = 60000) {
			const log = path.join(dir, 'dovecot.log');
			const deadline = Date.now() + timeoutMs;
			while (
				(fs.readFileSync(log, 'utf8').match(/imap-login: Info: Login: /g) ?? []).length < count
			) {
				if (Date.now() > deadline)
					throw new Error(
						`IMAP: fewer than ${count} logins within ${timeoutMs / 1000}s:\n${fs.readFileSync(log, 'utf8')}`,
					);
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			await new Promise((resolve) => setTimeout(resolve, 2000));
		},
		close: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
