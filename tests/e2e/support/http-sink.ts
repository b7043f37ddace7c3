/** An HTTP server on 127.0.0.1 that stands in for a chat incoming webhook (Slack, Teams ...): it keeps every posted JSON body. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpSink {
	url: string;
	posts: Array<{ path: string; body: unknown }>;
	close(): Promise<void>;
}

export async function startHttpSink(): Promise<HttpSink> {
	const posts: HttpSink['posts'] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// keep the text
			}
			posts.push({ path: request.url ?? '', body });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/chat-hook`,
		posts,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
